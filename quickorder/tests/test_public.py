"""The customer's side of a quick-order link."""

from decimal import Decimal

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from conftest import make_customer, make_product
from customers.models import Customer
from jobs.testing import committed_and_sent
from orders.models import Order
from quickorder import services
from quickorder.tokens import SALT, make_token


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def url(token, suffix=""):
    return f"/q/{token}/{suffix}"


def add(client, token, product, quantity="1", **headers):
    return client.post(
        url(token, "cart/add/"), {"product": product.pk, "quantity": quantity}, **headers
    )


def test_catalog_in_the_customers_language_currency_and_discount(client, link_a, products_a):
    _link, token = link_a
    response = client.get(url(token))
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="tr"' in body
    assert "Havlu" in body and "Peştemal" in body
    # 1000 TRY * 0.0265 = €26.50 struck through, minus 10% = €23.85
    assert "<s" in body and "€26,50" in body and "€23,85" in body
    assert "Yıldız Ev Tekstili" in body
    # What app.js says, in the page's language, when a cart action fails.
    assert 'data-request-failed="Bu işlem yapılamadı' in body


def test_page_reveals_nothing_else_about_the_customer(client, link_a, tenant_a):
    _link, token = link_a
    with scopes_disabled():
        customer = Customer.objects.get(name="Yıldız Ev Tekstili")
        customer.notes.create(tenant=tenant_a, text="Secret internal note", priority="high")
    body = client.get(url(token)).content.decode()
    for secret in (
        "info@yildiz.example",
        "+905321112233",
        "532 111",
        "Secret internal note",
        f"/customers/{customer.pk}",
    ):
        assert secret not in body


def test_hardening_headers(client, link_a):
    _link, token = link_a
    response = client.get(url(token))
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]


def test_opening_is_counted(client, link_a):
    link, token = link_a
    client.get(url(token))
    client.get(url(token))
    link.refresh_from_db()
    assert link.open_count == 2 and link.last_opened_at is not None


def invalid_tokens(link_a, tenant_a, customer_a, owner_a):
    link, token = link_a
    body, signature = token.rsplit(":", 1)
    return {
        "unknown": signing.Signer(salt=SALT).sign(f"{tenant_a.pk}.not-a-real-id"),
        "forged": body + ":" + "A" * len(signature),
        "truncated": token[:-5],
        "other-salt": signing.Signer(salt="other").sign(f"{tenant_a.pk}.{link.public_id}"),
        "other-tenant-id": signing.Signer(salt=SALT).sign(f"{tenant_a.pk + 1}.{link.public_id}"),
        "garbage": "x",
    }


def test_every_invalid_link_gets_the_identical_404(client, link_a, tenant_a, customer_a, owner_a):
    responses = {}
    for name, token in invalid_tokens(link_a, tenant_a, customer_a, owner_a).items():
        responses[name] = client.get(url(token))
    link, token = link_a
    # revoked
    with scope(tenant=tenant_a):
        services.revoke_link(link, by=owner_a)
    responses["revoked"] = client.get(url(token))
    # expired
    with scope(tenant=tenant_a):
        link2 = services.generate_link(customer_a, by=owner_a)
    link2.expires_at = timezone.now() - timezone.timedelta(minutes=1)
    link2.save()
    responses["expired"] = client.get(url(make_token(link2)))
    # blocked and archived customers
    with scope(tenant=tenant_a):
        link3 = services.generate_link(customer_a, by=owner_a)
    with scopes_disabled():
        Customer.objects.filter(pk=customer_a.pk).update(is_blocked=True)
    responses["blocked"] = client.get(url(make_token(link3)))
    with scopes_disabled():
        Customer.objects.filter(pk=customer_a.pk).update(
            is_blocked=False, archived_at=timezone.now()
        )
    responses["archived"] = client.get(url(make_token(link3)))

    bodies = {name: (r.status_code, r.content) for name, r in responses.items()}
    assert {status for status, _ in bodies.values()} == {404}
    assert len({content for _, content in bodies.values()}) == 1, list(bodies)
    assert "Link not available" in responses["revoked"].content.decode()


def test_revocation_takes_effect_immediately(client, link_a, owner_a, products_a):
    link, token = link_a
    assert client.get(url(token)).status_code == 200
    with scopes_disabled():
        services.revoke_link(link, by=owner_a)
    assert client.get(url(token)).status_code == 404
    assert add(client, token, products_a[0]).status_code == 404


def test_failed_lookups_are_rate_limited_per_ip(client, db, settings):
    for _ in range(settings.QUICKORDER_FAILED_LOOKUPS_PER_IP):
        assert client.get(url("bogus")).status_code == 404
    response = client.get(url("bogus"))
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    other_ip = client.get(url("bogus"), REMOTE_ADDR="10.9.9.9")
    assert other_ip.status_code == 404


def test_cart_add_change_remove_and_survive_reload(client, link_a, products_a):
    _link, token = link_a
    towel, pestemal = products_a
    add(client, token, towel, "2")
    add(client, token, pestemal, "1")
    client.post(url(token, "cart/update/"), {"product": towel.pk, "quantity": "3"})
    page = client.get(url(token))  # a reload
    cart = page.context["cart"]
    assert [(line.product.sku, line.quantity) for line in cart.lines] == [
        ("TWL-1", 3),
        ("PST-1", 1),
    ]
    # 3 x 23.85 + 1 x (11.93 - 10% = 10.74) = 82.29
    assert cart.total == Decimal("82.29")
    client.post(url(token, "cart/update/"), {"product": pestemal.pk, "remove": "1"})
    assert [line.product.sku for line in client.get(url(token)).context["cart"].lines] == ["TWL-1"]


def test_cart_with_htmx_returns_the_cart_with_server_totals(client, link_a, products_a):
    _link, token = link_a
    response = add(client, token, products_a[0], "2", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and 'id="cart"' in body
    assert "€47,70" in body


def test_an_add_updates_the_cart_bar_and_says_added_on_the_card(client, link_a, products_a):
    _link, token = link_a
    client.get(url(token), {"lang": "en"})
    towel = products_a[0]
    add(client, token, towel, "2", HTTP_HX_REQUEST="true")
    body = add(client, token, towel, "1", HTTP_HX_REQUEST="true").content.decode()
    # The bar at the bottom of a phone's screen, swapped out of band: 3 pieces, the total.
    bar = body[body.index('id="cart-bar"') :]
    assert 'hx-swap-oob="true"' in bar[:60]
    assert "3 pieces" in bar and "€71.55" in bar  # English: a point
    assert f'href="/q/{token}/cart/"' in bar
    # On the product's own card, where the thumb is.
    assert f'id="added-{towel.pk}"' in body and "Added · 3 in your cart" in body


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [("en", "1 piece", "2 pieces"), ("tr", "1 adet", "2 adet")],
)
def test_the_cart_bar_counts_pieces_in_the_pages_language(
    client, link_a, products_a, language, one, two
):
    _link, token = link_a
    client.get(url(token), {"lang": language})
    body = add(client, token, products_a[0], "1", HTTP_HX_REQUEST="true").content.decode()
    assert f">{one}<" in body
    body = add(client, token, products_a[0], "1", HTTP_HX_REQUEST="true").content.decode()
    assert f">{two}<" in body


def test_the_cart_is_a_screen_of_its_own(client, link_a, products_a):
    _link, token = link_a
    client.get(url(token), {"lang": "en"})
    assert "Your cart is empty." in client.get(url(token, "cart/")).content.decode()
    add(client, token, products_a[0], "2")
    body = client.get(url(token, "cart/")).content.decode()
    assert "€47.70" in body and f'href="/q/{token}/checkout/"' in body
    # Its - and + work without JavaScript, and come back to the cart.
    response = client.post(
        url(token, "cart/update/"),
        {"product": products_a[0].pk, "step": "1", "next": url(token, "cart/")},
    )
    assert response.status_code == 302 and response.url == url(token, "cart/")
    assert client.get(url(token, "cart/")).context["cart"].lines[0].quantity == 3
    for _ in range(3):
        client.post(url(token, "cart/update/"), {"product": products_a[0].pk, "step": "-1"})
    assert client.get(url(token, "cart/")).context["cart"].lines == []  # none left: removed


@pytest.mark.parametrize("step", ["2", "-5", "x", "1e3"])
def test_a_step_other_than_one_is_refused_clearly(client, link_a, products_a, step):
    _link, token = link_a
    add(client, token, products_a[0], "2")
    response = client.post(
        url(token, "cart/update/"),
        {"product": products_a[0].pk, "step": step},
        HTTP_HX_REQUEST="true",
    )
    assert "Miktarı tam sayı olarak girin." in response.content.decode()  # Turkish
    assert client.get(url(token)).context["cart"].lines[0].quantity == 2


def test_the_cart_screen_of_a_bad_token_is_the_same_404(client, link_a):
    _link, token = link_a
    assert client.get(url(token[:-2] + "xx", "cart/")).status_code == 404


@pytest.mark.parametrize("quantity", ["0", "-1", "10001", "1e30", "٣", "1.5", "", "abc"])
def test_bad_quantities_get_a_clear_error(client, link_a, products_a, quantity):
    _link, token = link_a
    response = add(client, token, products_a[0], quantity, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "alert--error" in body
    assert client.get(url(token)).context["cart"].lines == []


def test_products_of_another_tenant_or_inactive_cannot_enter_the_cart(
    client, link_a, tenant_a, tenant_b
):
    _link, token = link_a
    with scopes_disabled():
        foreign = make_product(tenant_b, "B-1", Decimal("1"))
        inactive = make_product(tenant_a, "OLD", Decimal("1"), is_active=False)
    for product in (foreign, inactive):
        response = add(client, token, product, "1", HTTP_HX_REQUEST="true")
        assert "Bu ürün şu anda mevcut değil." in response.content.decode()  # Turkish page
    assert client.get(url(token)).context["cart"].lines == []


def test_link_never_shows_another_tenants_products(client, link_a, tenant_b):
    _link, token = link_a
    with scopes_disabled():
        make_product(tenant_b, "B-1", Decimal("1"), name_en="Cozonac from B", name_tr="Cozonac B")
    body = client.get(url(token)).content.decode()
    assert "Cozonac" not in body


def checkout(client, token, **data):
    page = client.get(url(token, "checkout/"))
    key = page.context["idempotency_key"]
    payload = {"idempotency_key": key, "note": "Kapıya bırakın"}
    payload.update(data)
    return client.post(url(token, "checkout/"), payload), key


def test_checkout_places_the_order_with_server_prices(
    client, link_a, products_a, tenant_a, customer_a
):
    link, token = link_a
    tenant_a.notification_email = "orders@anka.example"
    tenant_a.save()
    add(client, token, products_a[0], "2")
    with scopes_disabled():
        address = customer_a.addresses.get()
    with committed_and_sent():
        response, _key = checkout(
            client,
            token,
            address=str(address.pk),
            # Tampering: prices, totals, discount, currency and tenant in the POST are ignored.
            price="0.01",
            total="0.01",
            discount_percent="100",
            currency="USD",
            tenant=str(tenant_a.pk + 1),
            unit_price="0",
        )
    assert response.status_code == 302
    with scope(tenant=tenant_a):
        order = Order.objects.get()
        line = order.lines.get()
    assert response["Location"] == f"/q/{token}/orders/{order.number}/"
    assert (order.currency, order.total, order.source) == ("EUR", Decimal("47.70"), "quick_order")
    assert (line.quantity, line.discounted_unit_price) == (2, Decimal("23.85"))
    assert order.quick_order_link == link
    assert order.customer_note == "Kapıya bırakın"
    assert order.placed_ip == "127.0.0.1"
    confirmation = client.get(response["Location"]).content.decode()
    assert f"#{order.number}" in confirmation and "Havlu" in confirmation
    assert client.get(url(token)).context["cart"].lines == []  # the cart is emptied
    customer_a.refresh_from_db()
    assert customer_a.status == "current"  # a lead who orders becomes a customer
    assert any(m.to == ["orders@anka.example"] for m in mail.outbox)


def test_the_order_keeps_the_language_the_customer_ordered_in(
    client, link_a, products_a, tenant_a, customer_a
):
    """The customer prefers Turkish but reads the page in English: the lines, the
    confirmation and the email are in English, as the cart was."""
    _link, token = link_a
    client.get(url(token) + "?lang=en")
    add(client, token, products_a[0], "1")
    with committed_and_sent():
        response, _key = checkout(client, token, address="")
    with scope(tenant=tenant_a):
        order = Order.objects.get()
        assert (order.language, order.lines.get().name) == ("en", "Product TWL-1")
    confirmation = client.get(response["Location"]).content.decode()
    assert "Product TWL-1" in confirmation and "Havlu" not in confirmation
    assert "Product TWL-1" in mail.outbox[-1].body


def test_replaying_the_idempotency_key_creates_one_order(client, link_a, products_a, tenant_a):
    _link, token = link_a
    add(client, token, products_a[0], "1")
    first, key = checkout(client, token, address="")
    second = client.post(url(token, "checkout/"), {"idempotency_key": key, "address": ""})
    assert first["Location"] == second["Location"]
    with scopes_disabled():
        assert Order.objects.count() == 1


def test_new_address_is_saved_to_the_customer(client, link_a, products_a, customer_a):
    _link, token = link_a
    add(client, token, products_a[0], "1")
    response, _ = checkout(
        client,
        token,
        address="new",
        **{
            "new-title": "Quick order",
            "new-line1": "Yeni Sok. 3",
            "new-city": "Bursa",
            "new-country": "TR",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert customer_a.addresses.filter(line1="Yeni Sok. 3").exists()
        assert Order.objects.get().shipping_address["line1"] == "Yeni Sok. 3"


def test_incomplete_new_address_keeps_input_and_places_nothing(client, link_a, products_a):
    _link, token = link_a
    add(client, token, products_a[0], "1")
    response, _ = checkout(client, token, address="new", **{"new-line1": "Typed line"})
    assert response.status_code == 200
    assert "Typed line" in response.content.decode()
    with scopes_disabled():
        assert not Order.objects.exists()


def test_another_customers_address_is_refused(client, link_a, products_a, tenant_a):
    _link, token = link_a
    from conftest import make_customer

    with scopes_disabled():
        other = make_customer(tenant_a, "Other")
        foreign_address = other.addresses.create(
            tenant=tenant_a, title="X", line1="x", city="y", country="TR"
        )
    add(client, token, products_a[0], "1")
    response, _ = checkout(client, token, address=str(foreign_address.pk))
    assert response.status_code == 200
    with scopes_disabled():
        assert not Order.objects.exists()


def test_empty_cart_cannot_be_ordered(client, link_a):
    _link, token = link_a
    response = client.post(url(token, "checkout/"), {"idempotency_key": "k", "address": ""})
    assert response.status_code == 200
    with scopes_disabled():
        assert not Order.objects.exists()


def test_oversized_note_is_cut_not_a_500(client, link_a, products_a):
    _link, token = link_a
    add(client, token, products_a[0], "1")
    response, _ = checkout(client, token, address="", note="x" * 100_000)
    assert response.status_code == 302
    with scopes_disabled():
        assert len(Order.objects.get().customer_note) == 2000


def test_orders_per_link_are_rate_limited(client, link_a, products_a, settings):
    _link, token = link_a
    settings.QUICKORDER_ORDERS_PER_LINK = 2
    for _ in range(2):
        add(client, token, products_a[0], "1")
        assert checkout(client, token, address="")[0].status_code == 302
    add(client, token, products_a[0], "1")
    response, _ = checkout(client, token, address="")
    assert response.status_code == 429
    with scopes_disabled():
        assert Order.objects.count() == 2


def test_the_link_shows_the_customers_own_orders_only(
    client, link_a, tenant_a, tenant_b, customer_a, products_a
):
    """Orders of this customer, placed through any link or taken by staff; never another
    customer's, of the same business or another."""
    _link, token = link_a
    from orders.services import LineRequest, place_order

    with scopes_disabled():
        other = make_customer(tenant_a, "Other Ltd", email="other@example.com")
        stranger = make_customer(tenant_b, "Stranger", email="s@example.com")
        foreign = make_product(tenant_b, "B-1", "10")

    def placed(customer, product, key):
        with scope(tenant=customer.tenant):
            return place_order(
                customer=customer,
                lines=[LineRequest(product.pk, 1)],
                address=None,
                source="staff",
                idempotency_key=key,
            )

    own = placed(customer_a, products_a[0], "own")
    theirs = placed(other, products_a[0], "theirs")
    placed(stranger, foreign, "foreign")  # number 1 of tenant B
    body = client.get(url(token, "orders/")).content.decode()
    assert f"#{own.number}" in body and f"#{theirs.number}" not in body
    assert client.get(url(token, f"orders/{own.number}/")).status_code == 200
    assert client.get(url(token, f"orders/{theirs.number}/")).status_code == 404
    assert client.get(url(token, "orders/99/")).status_code == 404


def test_language_switch_offers_the_tenants_quick_order_languages(client, link_a, tenant_a):
    _link, token = link_a
    body = client.get(url(token, "?lang=fa")).content.decode()
    assert '<html lang="tr"' in body  # fa is not offered by tenant A (tr, en)
    body = client.get(url(token) + "?lang=en").content.decode()
    assert '<html lang="en"' in body
    assert '<html lang="en"' in client.get(url(token)).content.decode()  # remembered


def test_persian_page_is_right_to_left(client, link_a, tenant_a):
    _link, token = link_a
    tenant_a.quickorder_languages = ["tr", "fa"]
    tenant_a.save()
    body = client.get(url(token) + "?lang=fa").content.decode()
    assert '<html lang="fa" dir="rtl">' in body


def test_csrf_is_enforced(link_a, products_a):
    from django.test import Client

    _link, token = link_a
    strict = Client(enforce_csrf_checks=True)
    strict.get(url(token))
    response = strict.post(url(token, "cart/add/"), {"product": products_a[0].pk, "quantity": "1"})
    assert response.status_code == 403


def test_null_origin_with_a_valid_csrf_token_is_accepted(link_a, products_a):
    from django.test import Client

    _link, token = link_a
    strict = Client(enforce_csrf_checks=True)
    strict.get(url(token))
    csrf = strict.cookies["csrftoken"].value
    response = strict.post(
        url(token, "cart/add/"),
        {"product": products_a[0].pk, "quantity": "1", "csrfmiddlewaretoken": csrf},
        HTTP_ORIGIN="null",
    )
    assert response.status_code == 302


def test_brand_stylesheet_carries_the_accent_colour(client, link_a, tenant_a):
    _link, token = link_a
    tenant_a.accent_colour = "#b45309"
    tenant_a.save()
    assert "#b45309" in client.get(url(token, "brand.css")).content.decode()


@pytest.mark.parametrize("key", ["\x00", "", "a b", "x" * 65])
def test_malformed_idempotency_key_is_a_clear_error(client, link_a, products_a, key):
    _link, token = link_a
    add(client, token, products_a[0], "1")
    response = client.post(url(token, "checkout/"), {"address": "", "idempotency_key": key})
    assert response.status_code == 200
    with scopes_disabled():
        assert not Order.objects.exists()


def test_cached_grid_never_shares_a_csrf_token_or_a_stale_price(link_a, products_a, tenant_a):
    import re as regex

    from django.test import Client

    _link, token = link_a
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    form_token = regex.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    one = form_token.search(first.get(url(token)).content.decode()).group(1)
    body = second.get(url(token)).content.decode()  # the grid comes from the cache now
    assert "__csrf-token-placeholder__" not in body
    two = form_token.search(body).group(1)
    add_form = {"product": products_a[0].pk, "quantity": "1"}
    # Each visitor's grid carries a token that works for them and only for them.
    assert (
        second.post(url(token, "cart/add/"), {**add_form, "csrfmiddlewaretoken": two}).status_code
        == 302
    )
    assert (
        second.post(url(token, "cart/add/"), {**add_form, "csrfmiddlewaretoken": one}).status_code
        == 403
    )
    with scopes_disabled():
        products_a[0].price = Decimal("2000.00")
        products_a[0].save()
    assert "€47,70" in first.get(url(token)).content.decode()  # 2000 * 0.0265 less 10%


def test_customers_sharing_a_cached_grid_each_get_their_own_link(
    link_a, products_a, tenant_a, owner_a
):
    """Two customers with the same language, currency and discount share one cached grid;
    each page's forms still post to that customer's own link."""
    import re as regex

    from django.core.cache import caches
    from django.test import Client

    link, token = link_a
    with scopes_disabled():
        twin = Customer.objects.get(pk=link.customer_id)
        twin.pk, twin.name, twin.email = None, "Twin", "twin@example.com"
        twin.save()
        other_token = make_token(services.generate_link(twin, by=owner_a))
    first = Client().get(url(token)).content.decode()
    second = Client().get(url(other_token)).content.decode()
    assert len(caches["grids"]._cache) == 1  # one entry serves both
    actions = regex.compile(r'action="/q/([^/"]+)/cart/add/"')
    assert set(actions.findall(first)) == {token}
    assert set(actions.findall(second)) == {other_token}
    assert "__link-token-placeholder__" not in first + second


def test_category_menu_lists_every_category_with_products_whatever_the_search(
    client, link_a, products_a, tenant_a
):
    import re as regex

    from catalog.models import Category

    _link, token = link_a
    with scopes_disabled():
        second = Category.objects.create(
            tenant=tenant_a, name_en="Robes", name_tr="Bornoz", position=2
        )
        first = Category.objects.create(
            tenant=tenant_a, name_en="Towels", name_tr="Havlular", position=1
        )
        Category.objects.create(tenant=tenant_a, name_en="Empty", name_tr="Boş", position=0)
        products_a[0].category = first
        products_a[0].save()
        products_a[1].category = second
        products_a[1].save()
    chip = regex.compile(r'<a class="chip[^"]*" href="\?category=(\d+)[^"]*"[^>]*>([^<]+)</a>')
    for query in [{}, {"q": "Havlu"}, {"category": first.pk}]:
        body = client.get(url(token), query).content.decode()
        assert chip.findall(body) == [(str(first.pk), "Havlular"), (str(second.pk), "Bornoz")]
    # The chosen one is marked, and a search keeps it.
    body = client.get(url(token), {"category": first.pk, "q": "Havlu"}).content.decode()
    assert regex.search(rf'class="chip is-current" href="\?category={first.pk}&amp;q=Havlu"', body)
    assert f'<input type="hidden" name="category" value="{first.pk}">' in body


def test_catalog_queries_do_not_grow_with_the_products(
    client, link_a, products_a, tenant_a, django_assert_num_queries
):
    # The link (with its customer and tenant), its open count; the products; the rate and
    # the explicit prices of the customer's currency.
    _link, token = link_a
    client.get(url(token))
    with django_assert_num_queries(5):
        client.get(url(token))
    with scopes_disabled():
        for i in range(80):
            make_product(tenant_a, f"BULK-{i}", Decimal("10.00") + i)
    with django_assert_num_queries(5):
        body = client.get(url(token)).content.decode()
    assert "Product BULK-79" in body


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "/anka/customers/",
        "/q/another-token/",
        "{own}../../anka/customers/",
    ],
)
def test_cart_actions_go_back_only_to_this_links_pages(client, link_a, products_a, target):
    _link, token = link_a
    target = target.replace("{own}", url(token))
    for action in ("cart/add/", "cart/update/"):
        response = client.post(
            url(token, action), {"product": products_a[0].pk, "quantity": "1", "next": target}
        )
        assert response.status_code == 302
        assert response["Location"] == url(token)


def test_cart_actions_may_return_to_the_links_checkout(client, link_a, products_a):
    _link, token = link_a
    response = client.post(
        url(token, "cart/update/"),
        {"product": products_a[0].pk, "quantity": "1", "next": url(token, "checkout/")},
    )
    assert response["Location"] == url(token, "checkout/")


def test_enter_in_a_typed_quantity_sets_it_rather_than_taking_one_off(client, link_a, products_a):
    """Enter in the quantity field submits the line's form with its first button (the -):
    what was typed wins."""
    _link, token = link_a
    add(client, token, products_a[0], "3")
    data = {"product": products_a[0].pk, "quantity": "7", "step": "-1"}
    client.post(url(token, "cart/update/"), data)
    assert client.get(url(token)).context["cart"].lines[0].quantity == 7
    data["quantity"] = "7"  # unchanged: the - itself
    client.post(url(token, "cart/update/"), data)
    assert client.get(url(token)).context["cart"].lines[0].quantity == 6


def test_the_catalog_follows_a_change_of_the_business_country(client, link_a, tenant_a):
    _link, token = link_a
    first = client.get(url(token), {"lang": "en"}).content.decode()
    assert "€23.85" in first  # English as a Turkish business writes it
    tenant_a.default_phone_region = "RO"
    tenant_a.save()
    again = client.get(url(token), {"lang": "en"}).content.decode()
    assert "23,85\xa0€" in again and "€23.85" not in again  # English as written in Romania


def test_a_change_on_the_cart_screen_keeps_its_heading_and_comes_back_to_it(
    client, link_a, products_a
):
    _link, token = link_a
    add(client, token, products_a[0], "2")
    page = client.get(url(token, "cart/")).content.decode()
    assert f'name="next" value="/q/{token}/cart/"' in page
    data = {"product": products_a[0].pk, "step": "1", "next": url(token, "cart/")}
    body = client.post(url(token, "cart/update/"), data, HTTP_HX_REQUEST="true").content.decode()
    assert '<h1 id="cart-title"' in body and 'id="cart-bar"' not in body
    assert f'name="next" value="/q/{token}/cart/"' in body
    data["next"] = url(token)  # from the catalog: its bar is updated too
    body = client.post(url(token, "cart/update/"), data, HTTP_HX_REQUEST="true").content.decode()
    assert '<h2 id="cart-title"' in body and 'id="cart-bar"' in body
