"""The morning email of who became due to reorder."""

import datetime

import pytest
from django.core import mail
from django_scopes import scopes_disabled

from conftest import make_customer
from crm.core.models import Membership
from customers.models import ReorderState
from jobs import schedule
from jobs.testing import run_jobs

UTC = datetime.UTC
MORNING = datetime.datetime(2026, 5, 30, 4, 30, tzinfo=UTC)  # 07:30 in Istanbul
DAY = datetime.date(2026, 5, 30)


@pytest.fixture
def due_today(tenant_a, owner_a):
    with scopes_disabled():
        Membership.objects.filter(user=owner_a).update(reorder_digest=True)
        owner_a.language = "tr"
        owner_a.save()
        for name, due in [("Bugün Ltd", DAY), ("Yarın Ltd", DAY + datetime.timedelta(1))]:
            make_customer(
                tenant_a,
                name,
                reorder_state=ReorderState.REGULAR,
                reorder_interval_days=30,
                reorder_due_on=due,
            )
        make_customer(
            tenant_a,
            "Late Ltd",
            reorder_state=ReorderState.REGULAR,
            reorder_interval_days=30,
            reorder_due_on=DAY - datetime.timedelta(3),
        )


def test_owners_who_want_it_get_who_became_due_once_a_day(due_today, settings):
    settings.SITE_URL = "https://crm.example.com"
    schedule.tick(MORNING)
    run_jobs()
    (message,) = mail.outbox
    assert "Bugün Ltd" in message.body and "Yarın Ltd" not in message.body
    assert "https://crm.example.com/anka/customers/reorders/" in message.body
    assert "müşteri" in message.subject  # Turkish, the owner's language
    schedule.tick(MORNING + datetime.timedelta(hours=2))  # again the same day
    run_jobs()
    assert len(mail.outbox) == 1


def test_not_before_the_morning_nor_to_owners_who_did_not_ask(due_today, owner_a):
    schedule.tick(datetime.datetime(2026, 5, 30, 2, 0, tzinfo=UTC))  # 05:00 in Istanbul
    run_jobs()
    assert mail.outbox == []
    with scopes_disabled():
        Membership.objects.filter(user=owner_a).update(reorder_digest=False)
    schedule.tick(MORNING)
    run_jobs()
    assert mail.outbox == []


def test_an_owner_chooses_the_digest_on_the_settings_page(client_a, owner_a):
    response = client_a.post("/anka/settings/", {"account": "digest", "reorder_digest": "on"})
    assert response.status_code == 302
    with scopes_disabled():
        assert Membership.objects.get(user=owner_a).reorder_digest
    assert 'name="reorder_digest" checked' in client_a.get("/anka/settings/").content.decode()
