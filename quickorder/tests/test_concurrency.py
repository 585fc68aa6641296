"""Simultaneous requests on PostgreSQL: double-clicked checkouts and regenerate buttons."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django_scopes import scopes_disabled

from customers.models import Address
from orders.models import Order
from quickorder.models import QuickOrderLink

pytestmark = pytest.mark.django_db(transaction=True)

TWINS = 6


@pytest.fixture(autouse=True)
def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")


def at_once(request, count=TWINS) -> list:
    """`request(client)` from `count` threads released together; their responses."""
    barrier = threading.Barrier(count)
    responses, errors = [None] * count, []

    def worker(i):
        try:
            client = Client(raise_request_exception=False)
            barrier.wait()
            responses[i] = request(client)
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return responses


def test_simultaneous_checkouts_with_one_key_place_one_order_and_one_address(
    link_a, products_a, customer_a
):
    _link, token = link_a
    setup = Client()
    setup.post(f"/q/{token}/cart/add/", {"product": products_a[0].pk, "quantity": "2"})
    cookies = setup.cookies
    with scopes_disabled():
        addresses_before = Address.objects.filter(customer=customer_a).count()
    form = {
        "idempotency_key": "one-double-click",
        "address": "new",
        "new-title": "Depo",
        "new-recipient": "Ayşe",
        "new-line1": "Liman Cd. 5",
        "new-city": "Mersin",
        "new-country": "TR",
        "note": "",
    }

    def checkout(client):
        client.cookies = cookies
        return client.post(f"/q/{token}/checkout/", form)

    responses = at_once(checkout)
    assert [r.status_code for r in responses] == [302] * TWINS
    assert len({r["Location"] for r in responses}) == 1
    with scopes_disabled():
        assert Order.objects.count() == 1
        assert Address.objects.filter(customer=customer_a).count() == addresses_before + 1


def test_simultaneous_regenerates_end_with_one_active_link(owner_a, customer_a, link_a):
    def regenerate(client):
        client.force_login(owner_a)
        return client.post(f"/anka/customers/{customer_a.pk}/link/generate/")

    responses = at_once(regenerate)
    assert [r.status_code for r in responses] == [302] * TWINS
    with scopes_disabled():
        links = QuickOrderLink.objects.filter(customer=customer_a)
        assert links.filter(revoked_at__isnull=True).count() == 1
        assert links.count() == 1 + TWINS  # each click made one; all but the last revoked


def test_simultaneous_revokes_record_one_event(owner_a, customer_a, link_a):
    def revoke(client):
        client.force_login(owner_a)
        return client.post(f"/anka/customers/{customer_a.pk}/link/revoke/")

    responses = at_once(revoke)
    assert {r.status_code for r in responses} == {302}
    with scopes_disabled():
        assert customer_a.events.filter(kind="link_revoked").count() == 1
