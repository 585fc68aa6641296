"""The Due to reorder page and snoozing."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from conftest import make_customer, staff_page_queries
from customers.models import Customer, ReorderState


def business_today():
    """Today where the business is (Istanbul), as its pages count days."""
    with timezone.override("Europe/Istanbul"):
        return timezone.localdate()


def rhythmic(tenant, name, due_in, state=ReorderState.REGULAR, **extra):
    today = business_today()
    return make_customer(
        tenant,
        name,
        reorder_state=state,
        reorder_interval_days=30,
        reorder_due_on=None if state == ReorderState.IRREGULAR else today + timedelta(due_in),
        reorder_usual_value=Decimal("1200"),
        reorder_currency="TRY",
        **extra,
    )


@pytest.fixture
def radar(tenant_a):
    with scopes_disabled():
        return {
            "late": rhythmic(tenant_a, "Late Ltd", -3),
            "soon": rhythmic(tenant_a, "Soon Ltd", 4),
            "today": rhythmic(tenant_a, "Today Ltd", 0),
            "fine": rhythmic(tenant_a, "Fine Ltd", 20),
            "odd": rhythmic(tenant_a, "Odd Ltd", 0, state=ReorderState.IRREGULAR),
            "blocked": rhythmic(tenant_a, "Blocked Ltd", -5, is_blocked=True),
            "archived": rhythmic(tenant_a, "Gone Ltd", -5, archived_at=timezone.now()),
            "unknown": make_customer(tenant_a, "New Ltd"),
        }


def names(response, key):
    """The customers listed in one section of the page, in order."""
    body = response.content.decode()
    start = body.index(f"reorder-section--{key}")
    end = body.find("reorder-section--", start + 1)
    section = body[start : end if end != -1 else len(body)]
    return re.findall(r'<td><a href="/anka/customers/\d+/">([^<]+)</a></td>', section)


def test_customers_by_when_they_are_due(client_a, radar):
    response = client_a.get("/anka/customers/reorders/")
    assert names(response, "overdue") == ["Late Ltd"]
    assert names(response, "soon") == ["Today Ltd", "Soon Ltd"]
    assert names(response, "on_track") == ["Fine Ltd"]
    assert names(response, "irregular") == ["Odd Ltd"]
    body = response.content.decode()
    assert "overdue by 3 days" in body and "due in 4 days" in body and "due today" in body
    assert "every ~30 days" in body and "₺1,200.00" in body


def test_a_snoozed_customer_leaves_the_page_until_the_day(client_a, radar):
    late = radar["late"]
    until = business_today() + timedelta(days=5)
    response = client_a.post(
        f"/anka/customers/{late.pk}/snooze/",
        {"until": until.isoformat(), "next": "/anka/customers/reorders/"},
    )
    assert response.status_code == 302 and response.url == "/anka/customers/reorders/"
    assert names(client_a.get("/anka/customers/reorders/"), "overdue") == []
    with scopes_disabled():
        Customer.objects.filter(pk=late.pk).update(reorder_snoozed_until=business_today())
    assert names(client_a.get("/anka/customers/reorders/"), "overdue") == []  # still today
    with scopes_disabled():
        Customer.objects.filter(pk=late.pk).update(
            reorder_snoozed_until=business_today() - timedelta(days=1)
        )
    assert names(client_a.get("/anka/customers/reorders/"), "overdue") == ["Late Ltd"]


@pytest.mark.parametrize("until", ["yesterday", "2999-01-01", "not a date", ""])
def test_a_bad_snooze_date_is_refused_clearly(client_a, radar, until):
    late = radar["late"]
    if until == "yesterday":
        until = (business_today() - timedelta(days=1)).isoformat()
    response = client_a.post(f"/anka/customers/{late.pk}/snooze/", {"until": until}, follow=True)
    assert response.status_code == 200
    if until:
        assert "message--error" in response.content.decode()
    with scopes_disabled():
        assert Customer.objects.get(pk=late.pk).reorder_snoozed_until is None


def test_the_page_costs_the_same_queries_for_few_or_many(
    client_a, radar, tenant_a, django_assert_num_queries
):
    client_a.get("/anka/customers/reorders/")  # the menus are kept after the first page
    # Session, user with membership; one query per section.
    with django_assert_num_queries(staff_page_queries(4)):
        client_a.get("/anka/customers/reorders/")
    with scopes_disabled():
        for i in range(30):
            rhythmic(tenant_a, f"More {i}", i - 10)
    with django_assert_num_queries(staff_page_queries(4)):
        client_a.get("/anka/customers/reorders/")


def test_another_tenants_customer_gives_404(client_a, customer_b):
    for url in (
        f"/anka/customers/{customer_b.pk}/snooze/",
        f"/anka/customers/{customer_b.pk}/link/whatsapp/",
        f"/anka/customers/{customer_b.pk}/link/send/",
    ):
        assert client_a.post(url, {"until": ""}).status_code == 404, url


def test_whatsapp_opens_with_the_customers_link_in_their_language(client_a, customer_a):
    from urllib.parse import parse_qs, urlsplit

    response = client_a.post(f"/anka/customers/{customer_a.pk}/link/whatsapp/")
    assert response.status_code == 302
    target = urlsplit(response.url)
    assert (target.netloc, target.path) == ("wa.me", "/" + customer_a.phone.lstrip("+"))
    text = parse_qs(target.query)["text"][0]
    assert "/q/" in text and text.startswith("Merhaba")  # a link made for them, in Turkish


def test_emailing_the_link_from_the_page_comes_back_to_it(client_a, customer_a):
    response = client_a.post(
        f"/anka/customers/{customer_a.pk}/link/send/", {"next": "/anka/customers/reorders/"}
    )
    assert response.status_code == 302 and response.url == "/anka/customers/reorders/"
