import csv
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from conftest import make_customer, make_product, staff_page_queries
from orders.models import Order
from orders.services import LineRequest, place_order


def place(customer, product, key, quantity=1, **kw):
    with scope(tenant=customer.tenant):
        return place_order(
            customer=customer,
            lines=[LineRequest(product.pk, quantity)],
            address=None,
            source=kw.pop("source", "staff"),
            idempotency_key=key,
            **kw,
        )


@pytest.fixture
def orders_a(tenant_a, products_a, customer_a):
    with scopes_disabled():
        other = make_customer(tenant_a, '=HYPERLINK("http://evil")', status="current")
    return [
        place(customer_a, products_a[0], "1", quantity=2),
        place(other, products_a[1], "2", quantity=3, source="quick_order"),
    ]


@pytest.fixture
def order_b(tenant_b, customer_b):
    with scopes_disabled():
        bread = make_product(tenant_b, "BR", Decimal("5"))
    return place(customer_b, bread, "b")


def test_orders_page_shows_customer_items_quantities_and_total(client_a, orders_a, order_b):
    body = client_a.get("/anka/orders/").content.decode()
    assert "#2" in body and "#1" in body
    assert "Yıldız Ev Tekstili" in body
    assert "2 × Havlu" in body and "3 × Peştemal" in body
    assert "₺2,000.00" in body
    assert "Cafeneaua" not in body
    assert body.index("#2") < body.index("#1")  # newest first


@pytest.mark.parametrize(
    ("params", "numbers"),
    [
        ({"status": "new"}, [2, 1]),
        ({"source": "quick_order"}, [2]),
        ({"q": "yıldız"}, [1]),
        ({"q": "#2"}, [2]),
        ({"q": "2"}, [2]),
        ({"status": "shipped"}, []),
    ],
    ids=["status", "source", "customer-name", "number-hash", "number", "none"],
)
def test_filters_and_search(client_a, orders_a, params, numbers):
    response = client_a.get("/anka/orders/", params)
    assert [o.number for o in response.context["orders"]] == numbers


def test_filter_by_customer(client_a, orders_a, customer_a):
    response = client_a.get("/anka/orders/", {"customer": customer_a.pk})
    assert [o.number for o in response.context["orders"]] == [1]


def test_date_range(client_a, orders_a):
    assert len(client_a.get("/anka/orders/", {"date_from": "2000-01-01"}).context["orders"]) == 2
    assert client_a.get("/anka/orders/", {"date_to": "2000-01-01"}).context["orders"] == []


def test_keyset_paging(client_a, tenant_a, customer_a, products_a):
    for i in range(55):
        place(customer_a, products_a[0], f"p{i}")
    first = client_a.get("/anka/orders/")
    assert len(first.context["orders"]) == 50
    second = client_a.get("/anka/orders/", {"before": first.context["next_before"]})
    assert [o.number for o in second.context["orders"]] == [5, 4, 3, 2, 1]


@pytest.mark.parametrize("count", [3, 60])
def test_query_count_is_constant(
    client_a, tenant_a, customer_a, products_a, django_assert_num_queries, count
):
    for i in range(count):
        place(customer_a, products_a[0], f"q{i}", quantity=i + 1)
    client_a.get("/anka/orders/")
    # Session, user with membership; a page of orders with their customers; their lines.
    with django_assert_num_queries(staff_page_queries(2)):
        body = client_a.get("/anka/orders/").content.decode()
    assert f"#{count}<" in body


def test_csv_export_of_the_filtered_list_neutralises_formulas(client_a, orders_a, order_b):
    response = client_a.get("/anka/orders/export.csv", {"source": "quick_order"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Number"
    assert len(rows) == 2
    assert rows[1][0] == "2"
    assert rows[1][2] == '\'=HYPERLINK("http://evil")'
    assert "Cafeneaua" not in response.content.decode()
    assert rows[1][6:] == ["TRY", "1350.00", "0.00", "1350.00"]  # the currency's decimals


def test_detail_shows_lines_prices_totals_and_next_steps(client_a, orders_a):
    order = orders_a[0]
    body = client_a.get(f"/anka/orders/{order.pk}/").content.decode()
    assert "Havlu" in body and "₺1,000.00" in body and "₺2,000.00" in body
    assert "Confirm order" in body and "Cancel order" in body
    assert "Mark as shipped" not in body


def test_confirm_produce_ship_through_the_page(client_a, orders_a, customer_a):
    order = orders_a[0]
    url = f"/anka/orders/{order.pk}/status/"
    assert client_a.post(url, {"to": "confirmed"}).status_code == 302
    client_a.post(url, {"to": "in_production"})
    client_a.post(url, {"to": "shipped", "tracking": "https://track.example/123"})
    order.refresh_from_db()
    assert (order.status, order.tracking) == ("shipped", "https://track.example/123")
    detail = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    assert "Order status changed" in detail
    assert "#1" in detail
    assert re.search(r"In production <span[^>]*>→</span> Shipped", detail)
    assert "in_production" not in detail


def test_refused_move_from_the_page_says_why_and_changes_nothing(client_a, orders_a):
    order = orders_a[0]
    response = client_a.post(f"/anka/orders/{order.pk}/status/", {"to": "delivered"}, follow=True)
    assert "cannot become" in response.content.decode()
    order.refresh_from_db()
    assert order.status == "new"


def test_transition_needs_post(client_a, orders_a):
    assert client_a.get(f"/anka/orders/{orders_a[0].pk}/status/").status_code == 405


def test_packing_slip(client_a, orders_a, owner_a):
    body = client_a.get(f"/anka/orders/{orders_a[0].pk}/packing-slip/").content.decode()
    assert "TWL-1" in body and "Packing slip #1" in body and "2 pieces" in body  # plural
    owner_a.language = "tr"
    owner_a.save()
    body = client_a.get(f"/anka/orders/{orders_a[0].pk}/packing-slip/").content.decode()
    assert "2 adet" in body  # the unit in the reader's language


def test_staff_create_an_order_for_a_customer(client_a, tenant_a, customer_a, products_a):
    page = client_a.get(f"/anka/orders/new/{customer_a.pk}/")
    key = page.context["form"].initial["idempotency_key"]
    towel, pestemal = products_a
    data = {
        f"qty_{towel.pk}": "2",
        f"qty_{pestemal.pk}": "",
        "idempotency_key": key,
        "note": "By phone",
    }
    response = client_a.post(f"/anka/orders/new/{customer_a.pk}/", data)
    assert response.status_code == 302
    again = client_a.post(f"/anka/orders/new/{customer_a.pk}/", data)  # double submit
    assert again["Location"] == response["Location"]
    with scope(tenant=tenant_a):
        order = Order.objects.get()
        assert (order.source, order.customer_note, order.item_count) == ("staff", "By phone", 2)


@pytest.mark.parametrize("quantity", ["-1", "10001", "1.5", "abc"])
def test_staff_order_with_bad_quantity_keeps_input_and_says_why(
    client_a, customer_a, products_a, quantity
):
    towel = products_a[0]
    response = client_a.post(
        f"/anka/orders/new/{customer_a.pk}/", {f"qty_{towel.pk}": quantity, "idempotency_key": "k"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert f'value="{quantity}"' in body
    assert "Check the quantities marked below." in body
    with scopes_disabled():
        assert not Order.objects.exists()


def test_empty_staff_order_is_refused(client_a, customer_a, products_a):
    response = client_a.post(f"/anka/orders/new/{customer_a.pk}/", {"idempotency_key": "k"})
    assert "The order is empty" in response.content.decode()


def test_customer_page_lists_orders_and_totals_per_currency(client_a, orders_a, customer_a):
    body = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    assert "Total ordered" in body and "₺2,000.00" in body


def test_customer_with_orders_is_archived_not_deleted(client_a, orders_a, customer_a):
    response = client_a.post(f"/anka/customers/{customer_a.pk}/delete/")
    assert response.status_code == 302
    customer_a.refresh_from_db()
    assert customer_a.archived_at is not None


ORDER_URLS = ["/anka/orders/{o}/", "/anka/orders/{o}/packing-slip/", "/anka/orders/{o}/status/"]


@pytest.mark.parametrize("pattern", ORDER_URLS)
def test_other_tenants_order_gives_404_and_changes_nothing(client_a, orders_a, order_b, pattern):
    url = pattern.format(o=order_b.pk)
    if not pattern.endswith("status/"):
        assert client_a.get(url).status_code == 404
    assert client_a.post(url, {"to": "confirmed"}).status_code == 404
    order_b.refresh_from_db()
    assert order_b.status == "new"


def test_staff_order_for_another_tenants_customer_is_404(client_a, customer_b, products_a):
    url = f"/anka/orders/new/{customer_b.pk}/"
    assert client_a.get(url).status_code == 404
    assert (
        client_a.post(url, {f"qty_{products_a[0].pk}": "1", "idempotency_key": "x"}).status_code
        == 404
    )
    with scopes_disabled():
        assert not Order.objects.exists()


def test_staff_order_pages_answer_each_tenant_for_its_own_customers(
    client, client_a, customer_a, customer_b, owner_b
):
    """The customer lookup is compiled once per process (crm.lib.compiled.CompiledQuery): it
    must take the tenant of each request, not the first one's."""
    assert client_a.get(f"/anka/orders/new/{customer_a.pk}/").status_code == 200
    client.force_login(owner_b)
    assert client.get(f"/bucur/orders/new/{customer_b.pk}/").status_code == 200
    assert client.get(f"/bucur/orders/new/{customer_a.pk}/").status_code == 404
    assert client.get(f"/bucur/orders/new/{10**20}/").status_code == 404  # beyond any id


def test_no_order_for_an_archived_customer(client_a, customer_a, products_a):
    from django.utils import timezone

    with scopes_disabled():
        type(customer_a).objects.filter(pk=customer_a.pk).update(archived_at=timezone.now())
    url = f"/anka/orders/new/{customer_a.pk}/"
    assert client_a.get(url).status_code == 404
    data = {f"qty_{products_a[0].pk}": "1", "idempotency_key": "x"}
    assert client_a.post(url, data).status_code == 404


def test_staff_order_cannot_include_another_tenants_product(client_a, customer_a, tenant_b):
    with scopes_disabled():
        foreign = make_product(tenant_b, "B", Decimal("1"))
    response = client_a.post(
        f"/anka/orders/new/{customer_a.pk}/", {f"qty_{foreign.pk}": "1", "idempotency_key": "x"}
    )
    assert response.status_code == 200
    assert "A product in the order is no longer available." in response.content.decode()
    with scopes_disabled():
        assert not Order.objects.exists()


def test_placing_a_staff_order_costs_the_same_queries_for_one_line_or_many(
    client_a, tenant_a, customer_a
):
    with scopes_disabled():
        products = [make_product(tenant_a, f"P-{i}", Decimal("10")) for i in range(8)]
    url = f"/anka/orders/new/{customer_a.pk}/"
    client_a.post(url, {f"qty_{products[0].pk}": "1", "idempotency_key": "warm"})
    counts = []
    for key, chosen in [("one", products[:1]), ("eight", products)]:
        data = {f"qty_{p.pk}": "2" for p in chosen} | {"idempotency_key": key}
        with CaptureQueriesContext(connection) as captured:
            assert client_a.post(url, data).status_code == 302
        counts.append(len(captured.captured_queries))
    # Session, user with membership, customer, products with their prices, counter, order,
    # lines, status, event, the customer's latest order days and totals (orders.radar),
    # the customer with their rhythm, the customer's link (for the status page in the
    # email), the customer's email and the job that sends it (jobs.outbox); savepoint and
    # release in a test. No address chosen: the customer's addresses are not read.
    assert counts[0] == counts[1] == staff_page_queries(14, sidebar=False)
    with scope(tenant=tenant_a):
        assert Order.objects.get(idempotency_key="eight").lines.count() == 8


def test_refused_staff_order_shows_every_product_again(client_a, customer_a, products_a):
    towel, pestemal = products_a
    response = client_a.post(
        f"/anka/orders/new/{customer_a.pk}/", {f"qty_{towel.pk}": "0.5", "idempotency_key": "k"}
    )
    body = response.content.decode()
    assert f'name="qty_{towel.pk}"' in body and f'name="qty_{pestemal.pk}"' in body


def test_table_view_shows_the_last_order_ip(client_a, customer_a, products_a):
    place(customer_a, products_a[0], "ip", placed_ip="203.0.113.7")
    body = client_a.get("/anka/customers/", {"view": "table"}).content.decode()
    assert "203.0.113.7" in body


def test_timeline_links_to_the_order(client_a, customer_a, products_a):
    order = place(customer_a, products_a[0], "tl")
    body = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    assert f'href="/anka/orders/{order.pk}/">#{order.number}</a>' in body


def add_address(customer, title, city, **fields):
    from customers.models import Address

    with scope(tenant=customer.tenant):
        return Address.objects.create(
            tenant=customer.tenant,
            customer=customer,
            title=title,
            line1="Kordon 1",
            city=city,
            country="TR",
            **fields,
        )


def test_staff_order_form_offers_the_customers_addresses_default_first(client_a, customer_a):
    add_address(customer_a, "Depo", "Manisa")
    home = add_address(customer_a, "Ev", "İzmir", is_default=True)
    body = client_a.get(f"/anka/orders/new/{customer_a.pk}/").content.decode()
    assert f'<option value="{home.pk}" selected>Ev: Kordon 1, İzmir' in body
    assert "Depo: Kordon 1, Manisa" in body


def test_staff_order_ships_to_the_chosen_address(client_a, customer_a, products_a):
    add_address(customer_a, "Ev", "İzmir", is_default=True)
    depot = add_address(customer_a, "Depo", "Manisa")
    url = f"/anka/orders/new/{customer_a.pk}/"
    data = {f"qty_{products_a[0].pk}": "1", "address": depot.pk, "idempotency_key": "addr"}
    client_a.post(url, data | {"idempotency_key": "warm"})  # the tenant's first order
    with CaptureQueriesContext(connection) as captured:
        assert client_a.post(url, data).status_code == 302
    # One more than without: the address.
    assert len(captured.captured_queries) == staff_page_queries(15, sidebar=False)
    with scope(tenant=customer_a.tenant):
        order = Order.objects.get(idempotency_key="addr")
    assert order.shipping_address["city"] == "Manisa"
    assert order.shipping_address["title"] == "Depo"


@pytest.mark.parametrize("whose", ["another customer", "another tenant"])
def test_staff_order_refuses_an_address_that_is_not_the_customers(
    whose, client_a, customer_a, customer_b, products_a, tenant_a
):
    if whose == "another customer":
        with scopes_disabled():
            other = make_customer(tenant_a, "Komşu", status="current")
        foreign = add_address(other, "Ev", "Bursa")
    else:
        foreign = add_address(customer_b, "Acasă", "Cluj")
    towel = products_a[0]
    data = {f"qty_{towel.pk}": "3", "address": foreign.pk, "idempotency_key": "foreign"}
    response = client_a.post(f"/anka/orders/new/{customer_a.pk}/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["address"]
    body = response.content.decode()
    assert f'name="qty_{towel.pk}"' in body and 'value="3"' in body  # what was typed stays
    assert "Bursa" not in body and "Cluj" not in body
    with scope(tenant=tenant_a):
        assert not Order.objects.filter(idempotency_key="foreign").exists()


def test_empty_results_say_whether_there_are_no_orders_or_none_match(client_a, orders_a):
    body = client_a.get("/anka/orders/", {"status": "shipped"}).content.decode()
    assert "No orders match" in body and "Show all orders" in body
    assert "appear here" not in body


def test_no_orders_at_all(client_a, tenant_a):
    for query in ({}, {"q": "", "status": ""}):  # an empty filter form is no filter
        body = client_a.get("/anka/orders/", query).content.decode()
        assert "appear here" in body and "No orders match" not in body


def test_shipping_address_shows_the_country_by_name_and_the_phone_written_out(
    client_a, tenant_a, customer_a, products_a
):
    with scope(tenant=tenant_a):
        order = place_order(
            customer=customer_a,
            lines=[LineRequest(products_a[0].pk, 1)],
            address={
                "line1": "Atatürk Cad. 5",
                "city": "İzmir",
                "country": "RO",
                "phone": "+40721234567",
            },
            source="staff",
            idempotency_key="addr-1",
        )
    for path in (f"/anka/orders/{order.pk}/", f"/anka/orders/{order.pk}/packing-slip/"):
        body = client_a.get(path).content.decode()
        assert "Romania" in body and "+40 721 234 567" in body


def test_the_new_order_summary_prices_what_is_typed_and_places_nothing(
    client_a, customer_a, products_a
):
    url = f"/anka/orders/new/{customer_a.pk}/"
    towel, pestemal = products_a
    data = {
        f"qty_{towel.pk}": "2",
        f"qty_{pestemal.pk}": "x",  # not a quantity: left out of the summary
        "idempotency_key": "summary-1",
    }
    response = client_a.post(url + "?summary=1", data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert 'id="order-summary"' in body
    assert "2 × Product TWL-1" in body and "₺2,000.00" in body and "Total, 2 pieces" in body
    with scopes_disabled():
        assert not Order.objects.exists()
    # Placed, the order costs what the summary said.
    data[f"qty_{pestemal.pk}"] = "1"
    summary = client_a.post(url + "?summary=1", data, HTTP_HX_REQUEST="true").content.decode()
    assert "₺2,450.00" in summary and "Total, 3 pieces" in summary
    assert client_a.post(url, data).status_code == 302
    with scopes_disabled():
        assert Order.objects.get().total == Decimal("2450.00")


def test_the_new_order_page_groups_products_for_search_and_filtering(
    client_a, customer_a, products_a, tenant_a
):
    from catalog.models import Category

    with scopes_disabled():
        towels = Category.objects.create(tenant=tenant_a, name_en="Towels", name_tr="Havlular")
        products_a[0].category = towels
        products_a[0].save()
    body = client_a.get(f"/anka/orders/new/{customer_a.pk}/").content.decode()
    assert 'data-filter-rows="#order-lines"' in body
    assert f'<option value="{towels.pk}">Towels</option>' in body
    assert f'data-search="Product TWL-1 TWL-1" data-category="{towels.pk}"' in body
    assert "No products yet: enter a quantity beside each one." in body
