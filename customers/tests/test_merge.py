"""Merging two customers: a choice per field, everything of the other moves in one
transaction, its links stop working, the timeline keeps a snapshot; never across
businesses."""

import datetime

import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from conftest import make_customer
from customers.models import ActivityEvent, Customer, CustomerGroup, CustomField, Tag
from followups.models import FollowUp
from notes.models import Note
from orders.models import Order


@pytest.fixture
def twins(tenant_a, customer_a, owner_a, products_a):
    """customer_a and a second record of the same shop, each with history."""
    from followups.services import add_followup
    from notes.services import add_note
    from orders.services import LineRequest, place_order
    from quickorder.services import generate_link

    with scopes_disabled():
        CustomField.objects.create(tenant=tenant_a, label="Sector", key="sector")
        wholesale = CustomerGroup.objects.create(tenant=tenant_a, name="Wholesale")
        other = make_customer(
            tenant_a,
            "Yildiz Tekstil (old)",
            email="orders@yildiz.example",
            phone="+905329998877",
            contact_person="Selin",
            group=wholesale,
            custom_data={"sector": "Hotel"},
            status="potential",
        )
        other.tags.add(Tag.objects.create(tenant=tenant_a, name="Fair 2025"))
        customer_a.tags.add(Tag.objects.create(tenant=tenant_a, name="VIP"))
        for customer in (customer_a, other):
            customer.addresses.create(
                tenant=tenant_a,
                title="Shop",
                line1=f"Street {customer.pk}",
                city="İzmir",
                country="TR",
                is_default=True,
            )
    with scope(tenant=tenant_a):
        add_note(other, text="Prefers mornings", priority="high", by=owner_a)
        add_followup(
            other,
            text="Call Selin",
            due_on=datetime.date(2026, 12, 20),
            assignee=owner_a,
            by=owner_a,
        )
        place_order(
            customer=other,
            lines=[LineRequest(products_a[0].pk, 2)],
            address=None,
            idempotency_key="twin-1",
            source=Order.Source.STAFF,
            by=owner_a,
        )
        link = generate_link(other, by=owner_a)
        own_link = generate_link(customer_a, by=owner_a)
    return customer_a, other, link, own_link


def test_the_merge_page_shows_both_side_by_side(client_a, twins):
    keep, other, _link, _own = twins
    html = client_a.get(f"/anka/customers/merge/?keep={keep.pk}&other={other.pk}").content.decode()
    assert "Yıldız Ev Tekstili" in html and "Yildiz Tekstil (old)" in html
    assert 'name="take_email"' in html and 'name="take_custom:sector"' in html
    # Empty on the staying side: the other's value is chosen to begin with.
    assert 'name="take_contact_person" value="other" checked' in html
    assert "1 orders" in html or "1 order" in html


def test_merging_moves_everything_and_keeps_a_snapshot(client_a, twins, tenant_a, owner_a):
    keep, other, link, own_link = twins
    response = client_a.post(
        "/anka/customers/merge/",
        {
            "keep": keep.pk,
            "other": other.pk,
            "take_email": "other",
            "take_group": "other",
            "take_contact_person": "other",
            "take_name": "keep",
            "take_custom:sector": "other",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/anka/customers/{keep.pk}/"
    with scope(tenant=tenant_a):
        assert not Customer.objects.filter(pk=other.pk).exists()
        kept = Customer.objects.get(pk=keep.pk)
        assert (kept.name, kept.email, kept.contact_person) == (
            "Yıldız Ev Tekstili",
            "orders@yildiz.example",
            "Selin",
        )
        assert kept.phone == "+905321112233"  # not chosen: stays
        assert kept.group.name == "Wholesale" and kept.custom_data == {"sector": "Hotel"}
        assert sorted(kept.tags.values_list("name", flat=True)) == ["Fair 2025", "VIP"]
        assert Order.objects.get().customer_id == keep.pk
        assert Note.objects.get().customer_id == keep.pk
        assert FollowUp.objects.get().customer_id == keep.pk
        assert kept.addresses.count() == 2 and kept.addresses.filter(is_default=True).count() == 1
        assert kept.latest_note_excerpt == "Prefers mornings"
        assert kept.next_followup_text == "Call Selin"
        assert kept.last_order_at is not None
        link.refresh_from_db()
        own_link.refresh_from_db()
        assert link.customer_id == keep.pk and link.revoked_at is not None
        assert own_link.revoked_at is None
        merged = ActivityEvent.objects.get(kind="merged")
        assert merged.customer_id == keep.pk and merged.actor == owner_a
        assert merged.data["merged"]["email"] == "orders@yildiz.example"
        assert merged.data["merged"]["tags"] == ["Fair 2025"]
        assert merged.data["merged"]["id"] == other.pk
        # The other's timeline came along.
        assert ActivityEvent.objects.filter(customer=keep, kind="order_placed").exists()
    page = client_a.get(f"/anka/customers/{keep.pk}/").content.decode()
    assert "Merged with another customer" in page and "Yildiz Tekstil (old)" in page
    assert client_a.get(f"/anka/customers/{other.pk}/").status_code == 404


def test_a_failed_merge_changes_nothing(client_a, twins, tenant_a, monkeypatch):
    from customers import merging

    keep, other, _link, _own = twins

    def broken(keep, gone, by):
        raise RuntimeError("a hook fails")

    monkeypatch.setattr(merging, "MERGE_HOOKS", [broken])
    with pytest.raises(RuntimeError):
        client_a.post("/anka/customers/merge/", {"keep": keep.pk, "other": other.pk})
    with scope(tenant=tenant_a):
        assert Customer.objects.filter(pk=other.pk).exists()
        assert Order.objects.get().customer_id == other.pk
        assert not ActivityEvent.objects.filter(kind="merged").exists()


def test_without_the_other_the_page_offers_likely_duplicates_and_search(client_a, twins):
    keep, other, _link, _own = twins
    with scopes_disabled():
        Customer.objects.filter(pk=other.pk).update(phone=keep.phone)
    html = client_a.get(f"/anka/customers/merge/?keep={keep.pk}").content.decode()
    assert f"other={other.pk}" in html
    html = client_a.get(f"/anka/customers/merge/?keep={keep.pk}&q=old").content.decode()
    assert "Yildiz Tekstil (old)" in html


def test_another_business_s_customer_is_never_merged(client_a, twins, customer_b, tenant_b):
    keep, _other, _link, _own = twins
    for data in (
        {"keep": keep.pk, "other": customer_b.pk},
        {"keep": customer_b.pk, "other": keep.pk},
    ):
        assert client_a.get("/anka/customers/merge/", data).status_code == 404
        assert client_a.post("/anka/customers/merge/", data).status_code == 404
    with scopes_disabled():
        assert Customer.objects.filter(pk=customer_b.pk).exists()


@pytest.mark.parametrize("query", ["", "?keep=x", "?keep=1&other=zz", "?keep=99999999999999999999"])
def test_odd_addresses_give_404_or_the_search_never_500(client_a, twins, query):
    assert client_a.get(f"/anka/customers/merge/{query}").status_code in (200, 404)


def test_a_customer_is_not_merged_with_itself(client_a, twins):
    keep, *_ = twins
    response = client_a.get(f"/anka/customers/merge/?keep={keep.pk}&other={keep.pk}")
    assert (
        response.status_code == 200 and "Which customer is the same as" in response.content.decode()
    )


def test_the_duplicate_warning_offers_the_merge(client_a, twins):
    keep, other, _link, _own = twins
    response = client_a.post(
        f"/anka/customers/{keep.pk}/edit/",
        {
            "name": keep.name,
            "email": "orders@yildiz.example",
            "phone": keep.phone,
            "status": "current",
            "temperature": "hot",
            "discount_percent": "0",
            "preferred_currency": "TRY",
            "preferred_language": "tr",
            "version": keep.version,
        },
    )
    assert (
        f"/anka/customers/merge/?keep={keep.pk}&amp;other={other.pk}" in response.content.decode()
    )


def test_anonymous_visitors_are_sent_to_log_in(twins):
    keep, other, _link, _own = twins
    response = Client().post("/anka/customers/merge/", {"keep": keep.pk, "other": other.pk})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
