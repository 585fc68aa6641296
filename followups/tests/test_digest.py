"""The morning email of follow-ups: to each member who wants it, their own, in their
language and the business's time zone, once a day."""

import datetime

import pytest
from django.core import mail
from django_scopes import scopes_disabled

from crm.core.models import Membership
from followups.models import FollowUp
from jobs import schedule
from jobs.testing import run_jobs

UTC = datetime.UTC
MORNING = datetime.datetime(2026, 5, 30, 4, 30, tzinfo=UTC)  # 07:30 in Istanbul
DAY = datetime.date(2026, 5, 30)


def make(customer, assignee, due_on, text, time=None):
    with scopes_disabled():
        FollowUp(
            tenant=customer.tenant,
            customer=customer,
            text=text,
            due_on=due_on,
            due_time=time,
            assignee=assignee,
            created_by=assignee,
        ).save()


@pytest.fixture
def due(customer_a, owner_a, staff_a):
    owner_a.language = "tr"
    owner_a.save()
    make(customer_a, owner_a, DAY, "Bugün ara", datetime.time(10, 0))
    make(customer_a, owner_a, DAY - datetime.timedelta(days=2), "Geçen hafta")
    make(customer_a, owner_a, DAY + datetime.timedelta(days=1), "Yarın ara")
    make(customer_a, staff_a, DAY, "Staff's call")


def test_each_member_gets_their_own_follow_ups_once_a_day(due, settings):
    settings.SITE_URL = "https://crm.example.com"
    schedule.tick(MORNING)
    run_jobs()
    by_reader = {m.to[0]: m for m in mail.outbox}
    assert set(by_reader) == {"owner_a@example.com", "staff_a@example.com"}
    owner = by_reader["owner_a@example.com"]
    assert "Bugün ara" in owner.body and "10:00" in owner.body and "Geçen hafta" in owner.body
    assert "Yarın ara" not in owner.body and "Staff's call" not in owner.body
    assert "Gecikmiş" in owner.body  # Turkish, the owner's language
    assert "https://crm.example.com/anka/today/" in owner.body
    assert "2" in owner.subject
    staff = by_reader["staff_a@example.com"]
    assert "Staff's call" in staff.body and "Bugün ara" not in staff.body
    schedule.tick(MORNING + datetime.timedelta(hours=3))  # again the same day
    run_jobs()
    assert len(mail.outbox) == 2


def test_nothing_before_the_morning_nor_to_who_turned_it_off(due, owner_a, staff_a):
    schedule.tick(datetime.datetime(2026, 5, 30, 2, 0, tzinfo=UTC))  # 05:00 in Istanbul
    run_jobs()
    assert mail.outbox == []
    with scopes_disabled():
        Membership.objects.filter(user=owner_a).update(followup_digest=False)
    schedule.tick(MORNING)
    run_jobs()
    assert [m.to for m in mail.outbox] == [["staff_a@example.com"]]


def test_nobody_with_nothing_due_gets_an_email(customer_a, owner_a):
    make(customer_a, owner_a, DAY + datetime.timedelta(days=1), "Tomorrow's")
    schedule.tick(MORNING)
    run_jobs()
    assert mail.outbox == []


def test_a_member_chooses_the_email_on_the_settings_page(staff_client_a, staff_a):
    response = staff_client_a.post("/anka/settings/", {"account": "digest"})
    assert response.status_code == 302
    with scopes_disabled():
        membership = Membership.objects.get(user=staff_a)
    assert not membership.followup_digest
    assert not membership.reorder_digest
    staff_client_a.post(
        "/anka/settings/", {"account": "digest", "followup_digest": "on", "reorder_digest": "on"}
    )
    with scopes_disabled():
        membership = Membership.objects.get(user=staff_a)
    assert membership.followup_digest
    assert not membership.reorder_digest  # the reorder email is the owners'
    html = staff_client_a.get("/anka/settings/").content.decode()
    assert 'name="followup_digest" checked' in html and 'name="reorder_digest"' not in html
