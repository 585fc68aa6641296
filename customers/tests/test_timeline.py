"""The customer page's timeline: newest first, a page at a time, the same queries whether
a customer has three events or thousands."""

import re

import pytest
from django_scopes import scopes_disabled

from conftest import staff_page_queries
from customers import timeline
from customers.models import ActivityEvent
from customers.services import record_event


@pytest.fixture
def busy(customer_a, owner_a):
    """A customer with 60 note events, numbered in the order they happened."""
    with scopes_disabled():
        for i in range(60):
            record_event(customer_a, ActivityEvent.Kind.NOTE_ADDED, owner_a, excerpt=f"event {i}")
    return customer_a


def excerpts(body: str) -> list[int]:
    return [int(n) for n in re.findall(r"“<bdi>event (\d+)</bdi>”", body)]


def test_the_newest_events_come_first_with_a_link_to_older_ones(client_a, busy):
    body = client_a.get(f"/anka/customers/{busy.pk}/").content.decode()
    assert excerpts(body) == list(range(59, 59 - timeline.TIMELINE_PAGE, -1))
    assert "Show older" in body and "Back to the latest" not in body


def test_show_older_walks_every_event_once_without_javascript(client_a, busy):
    url, seen = f"/anka/customers/{busy.pk}/", []
    body = client_a.get(url).content.decode()
    while True:
        seen += excerpts(body)
        more = re.search(r'href="\?events_before=([\w-]+)#timeline"', body)
        if not more:
            break
        body = client_a.get(url, {"events_before": more.group(1)}).content.decode()
        assert "Back to the latest" in body
    assert seen == list(range(59, -1, -1))


def test_show_older_with_htmx_returns_only_the_next_events(client_a, busy):
    url = f"/anka/customers/{busy.pk}/"
    cursor = client_a.get(url).context["timeline"].next_cursor
    response = client_a.get(url, {"events_before": cursor}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body
    assert excerpts(body)[0] == 59 - timeline.TIMELINE_PAGE


def test_a_mangled_cursor_shows_the_latest_events(client_a, busy):
    for cursor in ["garbage", "WyJub3QtYS1kYXRlIiwgMV0", "W10"]:
        body = client_a.get(f"/anka/customers/{busy.pk}/", {"events_before": cursor})
        assert excerpts(body.content.decode())[0] == 59


def test_detail_queries_do_not_grow_with_the_history(
    client_a, busy, owner_a, django_assert_num_queries
):
    # Session, user with membership; the customer; custom fields; events; addresses; tags;
    # its latest orders, their count and totals (one query); notes; the link (none here);
    # the open follow-ups and the members they may be assigned to.
    url = f"/anka/customers/{busy.pk}/"
    client_a.get(url)
    with django_assert_num_queries(staff_page_queries(11)):
        client_a.get(url)
    with scopes_disabled():
        for i in range(200):
            record_event(busy, ActivityEvent.Kind.NOTE_ADDED, owner_a, excerpt=f"more {i}")
    with django_assert_num_queries(staff_page_queries(11)):
        client_a.get(url)


def test_discount_changes_read_as_the_customer_page_writes_them(client_a, customer_a, owner_a):
    from django.utils import translation

    from customers.templatetags.customer_tags import change_lines

    with scopes_disabled():
        event = record_event(
            customer_a,
            ActivityEvent.Kind.CHANGED,
            owner_a,
            changes=[{"field": "discount_percent", "old": "12.50", "new": "5.00"}],
        )
    with translation.override("tr"):
        [line] = change_lines(event)
        assert (line["old"], line["new"]) == ("%12,50", "%5")
    with translation.override("en"):
        [line] = change_lines(event)
        assert (line["old"], line["new"]) == ("12.50%", "5%")
