"""The cached results of the customers page: served again until anything they show changes,
then drawn afresh; never another tenant's; never what a rolled-back transaction wrote."""

from decimal import Decimal

import pytest
from django.db import transaction
from django_scopes import scope, scopes_disabled

from conftest import make_customer, staff_page_queries
from customers import services
from customers.models import Address, CustomerGroup, Tag
from notes.services import add_note

URL = "/anka/customers/"
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.GENERATION_CACHE = True


@pytest.fixture
def shown(tenant_a):
    with scopes_disabled():
        group = CustomerGroup.objects.create(tenant=tenant_a, name="Hotels")
        tag = Tag.objects.create(tenant=tenant_a, name="VIP")
        customer = make_customer(tenant_a, "Deniz Otel", status="current", group=group)
        Address.objects.create(
            tenant=tenant_a,
            customer=customer,
            title="Work",
            line1="Sahil 1",
            city="Bodrum",
            country="TR",
            is_default=True,
        )
    return customer, tag, group


def page(client) -> tuple[str, bool]:
    """The page, and whether it came from the cache (it read no customer)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    read = any("customers_customer" in q["sql"] for q in queries.captured_queries)
    return response.content.decode(), not read


def test_the_second_visit_is_served_from_the_cache(client_a, shown, django_assert_max_num_queries):
    body, cached = page(client_a)
    assert "Deniz Otel" in body and not cached
    with django_assert_max_num_queries(staff_page_queries(0)):  # no customer is read
        body, cached = page(client_a)
    assert "Deniz Otel" in body and cached


def rename(customer, tag, group, owner):
    customer.name = "Deniz Butik Otel"
    customer.save()
    return "Deniz Butik Otel"


def archive(customer, tag, group, owner):
    services.archive_customer(customer, by=owner)
    return None  # gone


def delete(customer, tag, group, owner):
    customer.delete()
    return None


def note(customer, tag, group, owner):
    add_note(customer, text="Wants blue towels", priority="high", by=owner)
    return "Wants blue towels"


def tag_customer(customer, tag, group, owner):
    customer.tags.add(tag)
    return "VIP"


def rename_tag(customer, tag, group, owner):
    customer.tags.add(tag)
    tag.name = "Gold"
    tag.save()
    return "Gold"


def rename_group(customer, tag, group, owner):
    group.name = "Boutique hotels"
    group.save()
    return "Boutique hotels"


def new_address(customer, tag, group, owner):
    address = Address(
        tenant_id=customer.tenant_id,
        customer=customer,
        title="Home",
        line1="Yalı 7",
        city="Datça",
        country="TR",
        is_default=True,
    )
    services.save_address(address, by=owner)
    return "Datça"


def discount(customer, tag, group, owner):
    customer.discount_percent = Decimal("15")
    customer.save()
    return "15%"


def new_customer(customer, tag, group, owner):
    make_customer(customer.tenant, "Ayvalık Pansiyon", status="potential")
    return "Ayvalık Pansiyon"


@pytest.mark.parametrize(
    "change",
    [
        rename,
        archive,
        delete,
        note,
        tag_customer,
        rename_tag,
        rename_group,
        new_address,
        discount,
        new_customer,
    ],
)
def test_every_change_shows_on_the_next_visit(client_a, owner_a, shown, change):
    customer, tag, group = shown
    page(client_a)
    assert page(client_a)[1]  # cached now
    with scope(tenant=customer.tenant):
        expected = change(customer, tag, group, owner_a)
    body, cached = page(client_a)
    assert not cached
    if expected is None:
        assert "Deniz Otel" not in body
    else:
        assert expected in body


def test_a_rolled_back_write_is_never_shown(client_a, shown):
    customer, _tag, _group = shown
    page(client_a)
    with pytest.raises(RuntimeError), transaction.atomic():
        customer.name = "Never Saved"
        customer.save()
        assert "Never Saved" in client_a.get(URL).content.decode()  # drawn, not kept
        raise RuntimeError
    body, _cached = page(client_a)
    assert "Never Saved" not in body and "Deniz Otel" in body


def test_tenants_never_share_a_cached_page(client_a, client, owner_b, shown, tenant_b):
    with scopes_disabled():
        make_customer(tenant_b, "Cafeneaua Verde", status="current")
    page(client_a)
    client.force_login(owner_b)
    body = client.get("/bucur/customers/").content.decode()
    assert "Cafeneaua Verde" in body and "Deniz Otel" not in body


def test_off_without_a_shared_cache(client_a, shown, settings):
    settings.GENERATION_CACHE = False
    page(client_a)
    assert not page(client_a)[1]
