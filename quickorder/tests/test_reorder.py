"""Order again from the customer's link: the last order and the usual items."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django_scopes import scope, scopes_disabled

from catalog.models import Product
from conftest import make_customer, make_product
from orders.models import Order
from orders.services import LineRequest, place_order, transition
from quickorder.services import generate_link
from quickorder.tokens import make_token


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


def url(token, suffix=""):
    return f"/q/{token}/{suffix}"


def order(customer, *lines, key):
    with scope(tenant=customer.tenant):
        return place_order(
            customer=customer,
            lines=[LineRequest(p.pk, q) for p, q in lines],
            address=None,
            source=Order.Source.STAFF,
            idempotency_key=key,
        )


@pytest.fixture
def history(link_a, products_a, customer_a, owner_a):
    """Three orders: towels in all three (2, 3, 3), the wrap in the first two only, and a
    robe once; the newest has towels and the robe."""
    towel, wrap = products_a
    with scopes_disabled():
        robe = make_product(customer_a.tenant, "RB-1", "100", name_tr="Bornoz", name_en="Robe")
    order(customer_a, (towel, 2), (wrap, 1), key="h1")
    order(customer_a, (towel, 3), (wrap, 4), key="h2")
    order(customer_a, (towel, 3), (robe, 1), key="h3")
    return {"towel": towel, "wrap": wrap, "robe": robe}


def test_the_link_opens_with_the_last_order_and_the_usual_items(client, link_a, history):
    _link, token = link_a
    client.get(url(token), {"lang": "en"})
    response = client.get(url(token))
    again = response.context["again"]
    assert again.last_order.number == 3
    assert [(line.product_id, line.quantity) for line in again.last_lines] == [
        (history["towel"].pk, 3),
        (history["robe"].pk, 1),
    ]
    # In at least two of the last five orders: towels (3 times, usually 3), wrap (twice,
    # 1 and 4: the median 2.5 rounds to 2).
    assert [(line.product_id, line.quantity) for line in again.usual] == [
        (history["towel"].pk, 3),
        (history["wrap"].pk, 2),
    ]
    body = response.content.decode()
    assert "Your last order" in body and "Your usual items" in body and "Order again" in body


def test_order_again_fills_the_cart_at_todays_price(client, link_a, history):
    _link, token = link_a
    response = client.post(url(token, "again/"), {"which": "last"})
    assert response.status_code == 302 and response.url == url(token, "cart/")
    cart = client.get(url(token, "cart/")).context["cart"]
    assert [(line.product.pk, line.quantity) for line in cart.lines] == [
        (history["towel"].pk, 3),
        (history["robe"].pk, 1),
    ]
    client.post(url(token, "again/"), {"which": "usual"})
    cart = client.get(url(token, "cart/")).context["cart"]
    assert {line.product.pk: line.quantity for line in cart.lines}[history["wrap"].pk] == 2


def test_a_changed_price_is_marked_and_a_product_no_longer_sold_left_out(
    client, link_a, history, tenant_a
):
    _link, token = link_a
    with scopes_disabled():
        Product.objects.filter(pk=history["towel"].pk).update(price=Decimal("1200"))
        Product.objects.filter(pk=history["robe"].pk).update(is_active=False)
    client.get(url(token), {"lang": "en"})
    response = client.get(url(token))
    towel, robe = response.context["again"].last_lines
    assert towel.price_changed and not robe.available
    body = response.content.decode()
    assert "new price ↑" in body and "<s>1 × Robe</s>" in body
    client.post(url(token, "again/"), {"which": "last"})
    cart = client.get(url(token, "cart/")).context["cart"]
    assert [line.product.pk for line in cart.lines] == [history["towel"].pk]  # no robe


def test_cancelled_orders_do_not_count(client, link_a, history, owner_a, customer_a):
    _link, token = link_a
    with scope(tenant=customer_a.tenant):
        last = Order.objects.get(number=3)
        transition(last, "cancelled", by=owner_a, reason="changed their mind")
    again = client.get(url(token)).context["again"]
    assert again.last_order.number == 2


def test_a_customer_without_orders_sees_no_order_again(client, link_a):
    _link, token = link_a
    body = client.get(url(token)).content.decode()
    assert 'id="again-title"' not in body
    assert client.post(url(token, "again/"), {"which": "last"}).status_code == 302


def test_one_customers_link_never_shows_another_customers_orders(
    client, link_a, history, tenant_a, owner_a, products_a
):
    with scopes_disabled():
        other = make_customer(tenant_a, "Other Ltd", email="other@example.com")
    with scope(tenant=tenant_a):
        token = make_token(generate_link(other, by=owner_a))
    body = client.get(url(token)).content.decode()
    assert 'id="again-title"' not in body  # the same business, another customer
    client.post(url(token, "again/"), {"which": "last"})
    assert client.get(url(token, "cart/")).context["cart"].lines == []


@pytest.mark.parametrize("which", ["", "everything", "last'--"])
def test_an_unknown_choice_adds_nothing(client, link_a, history, which):
    _link, token = link_a
    client.post(url(token, "again/"), {"which": which})
    assert client.get(url(token, "cart/")).context["cart"].lines == []


def test_order_again_needs_a_post_and_a_valid_link(client, link_a, history):
    _link, token = link_a
    assert client.get(url(token, "again/")).status_code == 405
    assert client.post(url(token[:-2] + "xx", "again/"), {"which": "last"}).status_code == 404


def test_order_again_costs_the_same_queries_for_few_or_many_orders(
    client, link_a, history, customer_a, django_assert_num_queries
):
    _link, token = link_a
    client.get(url(token))
    # The link and its open count; the catalog's products, rate and explicit prices; for
    # order again the recent orders, their lines, their products, and again the rate and
    # explicit prices (of those products).
    with django_assert_num_queries(10):
        client.get(url(token))
    with scopes_disabled():
        more = [make_product(customer_a.tenant, f"M-{i}", "10") for i in range(6)]
    for i in range(4):
        order(customer_a, *[(p, i + 1) for p in more], key=f"more-{i}")
    client.get(url(token))
    with django_assert_num_queries(10):
        client.get(url(token))
