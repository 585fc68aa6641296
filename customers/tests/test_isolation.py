"""Tenant A's staff using tenant B's ids: every URL answers 404 and changes nothing."""

import pytest
from django_scopes import scopes_disabled

from customers.models import ActivityEvent, Address, Customer


@pytest.fixture
def foreign(tenant_b, customer_b, owner_b):
    with scopes_disabled():
        address = Address.objects.create(
            tenant=tenant_b,
            customer=customer_b,
            title="Work",
            line1="Str. 1",
            city="Iași",
            country="RO",
            is_default=True,
        )
    return customer_b, address


def state():
    with scopes_disabled():
        return (
            list(Customer.objects.values_list("pk", "name", "archived_at", "updated_at")),
            list(Address.objects.values_list("pk", "title", "line1", "is_default")),
            ActivityEvent.objects.count(),
        )


URLS = [
    "/anka/customers/{c}/",
    "/anka/customers/{c}/edit/",
    "/anka/customers/{c}/delete/",
    "/anka/customers/{c}/archive/",
    "/anka/customers/{c}/restore/",
    "/anka/customers/{c}/addresses/new/",
    "/anka/customers/{c}/addresses/{a}/edit/",
    "/anka/customers/{c}/addresses/{a}/delete/",
]


@pytest.mark.parametrize("pattern", URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_tenants_ids_give_404_and_change_nothing(client_a, foreign, pattern, method):
    customer, address = foreign
    before = state()
    url = pattern.format(c=customer.pk, a=address.pk)
    response = getattr(client_a, method)(
        url, {"name": "Hacked", "title": "Hacked", "line1": "x", "city": "x", "country": "TR"}
    )
    if method == "get" and pattern.endswith(("/archive/", "/restore/")):
        assert response.status_code == 405  # POST-only, whatever the id
    else:
        assert response.status_code == 404
    assert state() == before


@pytest.mark.parametrize("pattern", [u for u in URLS if "{a}" in u])
def test_address_of_another_customer_under_this_customers_url_is_404(
    client_a, tenant_a, customer_a, pattern
):
    from conftest import make_customer

    with scopes_disabled():
        other = make_customer(tenant_a, "Other")
        address = Address.objects.create(
            tenant=tenant_a,
            customer=other,
            title="Home",
            line1="x",
            city="y",
            country="TR",
            is_default=True,
        )
    url = pattern.format(c=customer_a.pk, a=address.pk)
    assert client_a.get(url).status_code == 404
    assert client_a.post(url, {"title": "Hacked"}).status_code == 404
