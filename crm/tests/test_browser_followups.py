"""Follow-ups in a real browser, on a phone: set one with a date shortcut, see it on the
timeline; on the Today page mark it done in place, undo it, snooze it."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from crm.tests.test_browser import PHONE, login, settled, shot
from followups.models import FollowUp

pytestmark = pytest.mark.browser


def test_a_follow_up_from_the_customer_page_to_done_on_the_today_page(
    browser, live_server, customer_a, owner_a
):
    tenant = customer_a.tenant
    with timezone.override(tenant.timezone):
        today = timezone.localdate()
    page = login(browser, live_server, "owner_a", viewport=PHONE)
    page.goto(f"{live_server.url}/anka/customers/{customer_a.pk}/")
    section = page.locator("#followups")
    expect(section.locator("#id_text")).to_have_value("Call back")
    section.locator("#id_text").fill("Ask about the spring order")
    section.get_by_role("button", name="Next week").click()
    next_week = today + datetime.timedelta(days=7)
    expect(section.locator("#id_due_on")).to_have_value(next_week.isoformat())
    section.locator("#id_due_time").fill("10:30")
    section.get_by_role("button", name="Set follow-up").click()
    expect(section.locator(".followup__text")).to_have_text("Ask about the spring order")
    expect(page.locator(".timeline")).to_contain_text("Follow-up set")
    settled(page)
    shot(page, "followups_customer_phone")

    # A bad date: the error where the person is looking, the words kept.
    section.locator("#id_text").fill("Send samples")
    section.locator("#id_due_on").fill("2099-01-01")
    section.get_by_role("button", name="Set follow-up").click()
    expect(page.locator("#followups [data-error-summary]")).to_be_visible()
    expect(page.locator("#followups #id_text")).to_have_value("Send samples")
    expect(page.locator("#followups")).to_contain_text("within the next five years")
    settled(page)

    with scope(tenant=tenant):
        FollowUp.objects.filter(customer=customer_a).update(due_on=today)
    page.goto(f"{live_server.url}/anka/today/")
    expect(page.locator("#today-badge")).to_have_text("1")
    row = page.locator("#today .followup").first
    expect(row).to_contain_text("Ask about the spring order")
    shot(page, "followups_today_phone")
    row.get_by_role("button", name="Done").click()
    expect(row).to_contain_text("Marked done.")
    expect(page.locator("#today-badge")).to_be_hidden()
    settled(page)
    row.get_by_role("button", name="Undo").click()
    expect(page.locator("#today-badge")).to_have_text("1")
    settled(page)
    row = page.locator("#today .followup").first
    row.locator("summary", has_text="Snooze").click()
    row.get_by_role("button", name="One day later").click()
    expect(page.locator("#today .followup").first).to_contain_text("Snoozed until")
    with scope(tenant=tenant):
        followup = FollowUp.objects.get(customer=customer_a)
    assert followup.due_on == today + datetime.timedelta(days=1)
    assert followup.due_time == datetime.time(10, 30)
    page.context.close()
