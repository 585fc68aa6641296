"""My orders, on the customer's link: their orders and each one's status."""

import pytest
from django.core.cache import cache
from django_scopes import scope

from orders.models import Order
from orders.services import LineRequest, place_order, transition
from quickorder.services import status_steps


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


def url(token, suffix=""):
    return f"/q/{token}/{suffix}"


@pytest.fixture
def placed(customer_a, products_a, link_a):
    with scope(tenant=customer_a.tenant):
        return place_order(
            customer=customer_a,
            lines=[LineRequest(products_a[0].pk, 2)],
            address=None,
            source=Order.Source.STAFF,
            idempotency_key="mine",
        )


def test_the_status_page_shows_the_steps_with_their_dates(client, link_a, placed, owner_a):
    _link, token = link_a
    with scope(tenant=placed.tenant):
        transition(placed, "confirmed", by=owner_a, reason="internal: checked stock")
        steps = status_steps(placed)
    assert [(s.status, s.state) for s in steps] == [
        ("new", "done"),
        ("confirmed", "current"),
        ("in_production", "todo"),
        ("shipped", "todo"),
        ("delivered", "todo"),
    ]
    assert steps[1].at is not None and steps[2].at is None
    client.get(url(token), {"lang": "en"})
    body = client.get(url(token, f"orders/{placed.number}/")).content.decode()
    assert 'aria-current="step"' in body and "Confirmed" in body
    assert "internal: checked stock" not in body and "owner_a" not in body  # staff's own


def test_a_cancelled_order_ends_at_cancelled(link_a, placed, owner_a):
    with scope(tenant=placed.tenant):
        transition(placed, "cancelled", by=owner_a, reason="out of stock")
        steps = status_steps(placed)
    assert [(s.status, s.state) for s in steps] == [("new", "done"), ("cancelled", "cancelled")]


def test_tracking_shows_as_a_link_when_it_is_one(client, link_a, placed, owner_a):
    _link, token = link_a
    with scope(tenant=placed.tenant):
        for step in ("confirmed", "in_production"):
            transition(placed, step, by=owner_a)
        transition(placed, "shipped", by=owner_a, tracking="https://track.example/1")
    body = client.get(url(token, f"orders/{placed.number}/")).content.decode()
    assert 'href="https://track.example/1"' in body and 'rel="noopener noreferrer"' in body


def test_javascript_tracking_is_never_a_link(client, link_a, placed, owner_a):
    _link, token = link_a
    with scope(tenant=placed.tenant):
        for step in ("confirmed", "in_production"):
            transition(placed, step, by=owner_a)
        transition(placed, "shipped", by=owner_a, tracking="javascript:alert(1)")
    body = client.get(url(token, f"orders/{placed.number}/")).content.decode()
    assert 'href="javascript' not in body


def test_my_orders_lists_them_newest_first(client, link_a, placed, customer_a, products_a):
    _link, token = link_a
    with scope(tenant=customer_a.tenant):
        second = place_order(
            customer=customer_a,
            lines=[LineRequest(products_a[1].pk, 1)],
            address=None,
            source=Order.Source.STAFF,
            idempotency_key="mine-2",
        )
    body = client.get(url(token, "orders/")).content.decode()
    assert body.index(f"#{second.number}") < body.index(f"#{placed.number}")


def test_the_thank_you_shows_once_after_placing(client, link_a, products_a):
    _link, token = link_a
    client.get(url(token), {"lang": "en"})
    client.post(url(token, "cart/add/"), {"product": products_a[0].pk, "quantity": "1"})
    page = client.get(url(token, "checkout/"))
    key = page.context["idempotency_key"]
    response = client.post(url(token, "checkout/"), {"idempotency_key": key, "address": ""})
    first = client.get(response["Location"]).content.decode()
    assert "Thank you!" in first
    again = client.get(response["Location"]).content.decode()
    assert "Thank you!" not in again and "Placed on" in again


def test_a_revoked_link_shows_no_orders(client, link_a, placed, owner_a):
    link, token = link_a
    from quickorder.services import revoke_link

    with scope(tenant=link.tenant):
        revoke_link(link, by=owner_a)
    assert client.get(url(token, "orders/")).status_code == 404
    assert client.get(url(token, f"orders/{placed.number}/")).status_code == 404


def test_my_orders_costs_the_same_queries_for_few_or_many(
    client, link_a, placed, customer_a, products_a, django_assert_num_queries
):
    _link, token = link_a
    # The link (with its customer and tenant); the orders.
    with django_assert_num_queries(2):
        client.get(url(token, "orders/"))
    with scope(tenant=customer_a.tenant):
        for i in range(5):
            place_order(
                customer=customer_a,
                lines=[LineRequest(products_a[1].pk, 1)],
                address=None,
                source=Order.Source.STAFF,
                idempotency_key=f"many-{i}",
            )
    with django_assert_num_queries(2):
        client.get(url(token, "orders/"))


def test_the_business_chooses_which_moves_email_the_customer(
    link_a, placed, owner_a, tenant_a, settings
):
    from django.core import mail

    from jobs.testing import committed_and_sent

    settings.SITE_URL = "https://crm.example.com"
    tenant_a.customer_emails = ["in_production", "delivered"]
    tenant_a.save()
    placed.tenant.refresh_from_db()
    with committed_and_sent():
        pass  # the "order received" email of the fixture's order goes first
    mail.outbox.clear()
    sent = {}
    with scope(tenant=placed.tenant):
        for step in ("confirmed", "in_production", "shipped", "delivered"):
            with committed_and_sent():
                transition(placed, step, by=owner_a)
            sent[step] = [m.body for m in mail.outbox]
            mail.outbox.clear()
    assert sent["confirmed"] == [] and sent["shipped"] == []
    (preparing,) = sent["in_production"]
    (delivered,) = sent["delivered"]
    _link, token = link_a
    status_url = f"https://crm.example.com/q/{token}/orders/{placed.number}/"
    assert status_url in preparing and status_url in delivered


def test_an_email_without_a_usable_link_has_no_status_link(link_a, placed, owner_a):
    from django.core import mail

    from jobs.testing import committed_and_sent
    from quickorder.services import revoke_link

    link, _token = link_a
    with committed_and_sent():
        pass  # the "order received" email of the fixture's order goes first
    mail.outbox.clear()
    with scope(tenant=placed.tenant):
        revoke_link(link, by=owner_a)
        with committed_and_sent():
            transition(placed, "confirmed", by=owner_a)
    (message,) = mail.outbox
    assert "/q/" not in message.body


def test_staff_share_each_move_on_whatsapp_and_telegram_in_the_customers_language(
    client_a, link_a, placed, owner_a, customer_a, settings
):
    from urllib.parse import parse_qs, urlsplit

    settings.SITE_URL = "https://crm.example.com"
    _link, token = link_a
    with scope(tenant=placed.tenant):
        transition(placed, "confirmed", by=owner_a)
    page = client_a.get(f"/anka/orders/{placed.pk}/")
    (_received, received_links), (_confirmed, links) = page.context["history"]
    whatsapp = urlsplit(links["whatsapp"])
    digits = customer_a.phone.lstrip("+")
    assert (whatsapp.netloc, whatsapp.path) == ("wa.me", f"/{digits}")
    text = parse_qs(whatsapp.query)["text"][0]
    status_url = f"https://crm.example.com/q/{token}/orders/{placed.number}/"
    assert text == f"#{placed.number} numaralı siparişiniz onaylandı: {status_url}"  # Turkish
    telegram = parse_qs(urlsplit(links["telegram"]).query)
    assert telegram["url"] == [status_url] and "onaylandı" in telegram["text"][0]
    assert "Share on WhatsApp" in page.content.decode()
    assert parse_qs(urlsplit(received_links["whatsapp"]).query)["text"][0].startswith(
        f"#{placed.number} numaralı siparişinizi aldık"
    )
