"""The Today page: overdue, today and this week, in the business's time zone; mine or
everyone's; done, snooze and reassign in place; a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled
from freezegun import freeze_time

from conftest import make_customer, staff_page_queries
from followups.models import FollowUp
from followups.tests.conftest import add

HX = {"HTTP_HX_REQUEST": "true"}
UTC = datetime.UTC


def make(customer, by, due_on, **fields):
    with scopes_disabled():
        followup = FollowUp(
            tenant=customer.tenant,
            customer=customer,
            text=fields.pop("text", "Call"),
            due_on=due_on,
            assignee=fields.pop("assignee", by),
            created_by=by,
            **fields,
        )
        followup.save()
        return followup


def section_of(html: str, key: str) -> str:
    start = html.index(f'id="{key}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else None]


@pytest.mark.parametrize(
    ("now", "today"),
    [
        # 22:30 UTC on the 5th is 01:30 on the 6th in Istanbul: the 6th is "today".
        (datetime.datetime(2026, 12, 5, 22, 30, tzinfo=UTC), datetime.date(2026, 12, 6)),
        # 01:00 UTC on the 6th is 04:00 on the 6th in Istanbul.
        (datetime.datetime(2026, 12, 6, 1, 0, tzinfo=UTC), datetime.date(2026, 12, 6)),
        # 20:59 UTC on the 6th is 23:59 in Istanbul: still the 6th.
        (datetime.datetime(2026, 12, 6, 20, 59, tzinfo=UTC), datetime.date(2026, 12, 6)),
    ],
    ids=["istanbul-after-midnight", "01-utc", "istanbul-before-midnight"],
)
def test_today_is_the_business_s_day(client_a, customer_a, owner_a, now, today):
    make(customer_a, owner_a, today, text="Due on the sixth")
    make(customer_a, owner_a, today - datetime.timedelta(days=1), text="Due on the fifth")
    make(customer_a, owner_a, today + datetime.timedelta(days=1), text="Due on the seventh")
    with freeze_time(now):
        html = client_a.get("/anka/today/").content.decode()
    assert "Due on the sixth" in section_of(html, "today")
    assert "Due on the fifth" in section_of(html, "overdue")
    assert "Due on the seventh" in section_of(html, "week")


def test_a_business_west_of_utc_has_its_own_today(client_a, customer_a, owner_a, tenant_a):
    with scopes_disabled():
        tenant_a.timezone = "America/New_York"
        tenant_a.save()
    make(customer_a, owner_a, datetime.date(2026, 12, 6), text="Due on the sixth")
    # 01:00 UTC on the 6th is 20:00 on the 5th in New York: the sixth is tomorrow.
    with freeze_time(datetime.datetime(2026, 12, 6, 1, 0, tzinfo=UTC)):
        html = client_a.get("/anka/today/").content.decode()
    assert "Due on the sixth" in section_of(html, "week")
    assert "tomorrow" in section_of(html, "week")


def test_mine_or_everyone_s_and_the_choice_is_remembered(client_a, customer_a, owner_a, staff_a):
    add(customer_a, owner_a, days=0, text="For the owner")
    add(customer_a, owner_a, days=0, text="For the staff", assignee=staff_a)
    mine = client_a.get("/anka/today/").content.decode()
    assert "For the owner" in mine and "For the staff" not in mine
    everyone = client_a.get("/anka/today/?who=all").content.decode()
    assert "For the owner" in everyone and "For the staff" in everyone
    assert "For the staff" in client_a.get("/anka/today/").content.decode()
    assert "For the staff" not in client_a.get("/anka/today/?who=mine").content.decode()


def test_done_ones_and_those_beyond_the_week_are_not_listed(client_a, customer_a, owner_a):
    done = add(customer_a, owner_a, days=0, text="Already done")
    client_a.post(f"/anka/followups/{done.pk}/done/")
    add(customer_a, owner_a, days=8, text="Next month's")
    html = client_a.get("/anka/today/").content.decode()
    assert "Already done" not in html and "Next month's" not in html
    assert "Nothing due today." in html


def test_done_in_place_answers_with_the_row_and_the_new_count(client_a, customer_a, owner_a):
    followup = add(customer_a, owner_a, days=0, text="Call Ayşe")
    add(customer_a, owner_a, days=-1, text="Another")
    page = client_a.get("/anka/today/").content.decode()
    assert '<span id="today-badge" class="nav__badge">2</span>' in page
    response = client_a.post(f"/anka/followups/{followup.pk}/done/", {"where": "today"}, **HX)
    html = response.content.decode()
    assert html.startswith("<li") and "Marked done." in html and "Set the next follow-up" in html
    assert '<span id="today-badge" class="nav__badge" hx-swap-oob="true">1</span>' in html
    # Undo, in place too.
    response = client_a.post(f"/anka/followups/{followup.pk}/reopen/", {"where": "today"}, **HX)
    assert "Undo" not in response.content.decode()
    assert 'hx-swap-oob="true">2</span>' in response.content.decode()


def test_snooze_and_reassign_in_place(client_a, customer_a, owner_a, staff_a):
    followup = add(customer_a, owner_a, days=0, text="Call Ayşe")
    response = client_a.post(
        f"/anka/followups/{followup.pk}/snooze/", {"days": "7", "where": "today"}, **HX
    )
    assert "Snoozed until" in response.content.decode()
    response = client_a.post(
        f"/anka/followups/{followup.pk}/reassign/",
        {"assignee": staff_a.pk, "where": "today"},
        **HX,
    )
    assert "Follow-up reassigned." in response.content.decode()
    with scope(tenant=customer_a.tenant):
        followup.refresh_from_db()
    assert followup.assignee == staff_a
    # Plain posts go back to the page they came from.
    response = client_a.post(
        f"/anka/followups/{followup.pk}/done/", {"where": "today", "next": "/anka/today/"}
    )
    assert response["Location"] == "/anka/today/"
    response = client_a.post(
        f"/anka/followups/{followup.pk}/reopen/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/anka/customers/{customer_a.pk}/#followups"


def test_long_sections_page_on_a_cursor(client_a, customer_a, owner_a):
    from followups.today import SECTION_SIZE

    today = datetime.date.today()
    with scopes_disabled():
        FollowUp.objects.bulk_create(
            [
                FollowUp(
                    tenant=customer_a.tenant,
                    customer=customer_a,
                    text=f"Late {i:03}",
                    due_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 5),
                    assignee=owner_a,
                )
                for i in range(SECTION_SIZE * 2 + 3)
            ]
        )
    del today
    html = client_a.get("/anka/today/").content.decode()
    section = section_of(html, "overdue")
    assert section.count('id="followup-') == SECTION_SIZE
    assert f'<span class="count">{SECTION_SIZE * 2 + 3}</span>' in section
    seen = set()
    cursor_html = html
    for _ in range(3):
        import re

        found = re.search(r'hx-get="\?section=overdue&amp;after=([^"]+)"', cursor_html)
        if not found:
            break
        more = client_a.get(f"/anka/today/?section=overdue&after={found[1]}", **HX)
        cursor_html = more.content.decode()
        seen.update(re.findall(r"Late \d{3}", cursor_html))
    first = set(re.findall(r"Late \d{3}", section))
    assert len(first | seen) == SECTION_SIZE * 2 + 3 and not first & seen
    # Without JavaScript the link pages the whole page.
    found = re.search(r'href="\?after_overdue=([^"#]+)#overdue"', html)
    plain = client_a.get(f"/anka/today/?after_overdue={found[1]}").content.decode()
    assert set(re.findall(r"Late \d{3}", section_of(plain, "overdue"))) <= seen
    # A tampered cursor is the first page, never an error.
    assert client_a.get("/anka/today/?after_overdue=%00garbage").status_code == 200
    assert client_a.get("/anka/today/?section=overdue&after=eyJ4Ijo", **HX).status_code == 200
    assert client_a.get("/anka/today/?section=nope", **HX).status_code == 404


def counted(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["mine", "all"])
def test_the_today_page_makes_the_same_queries_whatever_the_number(
    client_a, tenant_a, owner_a, staff_a, who
):
    with scopes_disabled():
        customers = [make_customer(tenant_a, f"Customer {i}") for i in range(3)]

    def fill(n):
        with scopes_disabled():
            FollowUp.objects.bulk_create(
                [
                    FollowUp(
                        tenant=tenant_a,
                        customer=customers[i % 3],
                        text=f"F{i}",
                        due_on=datetime.date.today() + datetime.timedelta(days=i % 15 - 7),
                        assignee=(owner_a, staff_a)[i % 2],
                    )
                    for i in range(n)
                ]
            )

    fill(30)  # something in each section, for each of the two
    client_a.get(f"/anka/today/?who={who}")  # the session's first write
    few = counted(client_a, f"/anka/today/?who={who}")
    fill(300)
    assert counted(client_a, f"/anka/today/?who={who}") == few
    # A count and a page of each section, and the members to reassign to; the sidebar's
    # number is the first two sections' when the page lists mine.
    assert few == staff_page_queries(7, sidebar=who == "all")


def test_the_sidebar_shows_my_count_on_every_page(client_a, customer_a, owner_a, staff_a):
    add(customer_a, owner_a, days=0)
    add(customer_a, owner_a, days=-4)
    add(customer_a, owner_a, days=1)
    add(customer_a, owner_a, days=0, assignee=staff_a)
    html = client_a.get("/anka/customers/").content.decode()
    assert '<span id="today-badge" class="nav__badge">2</span>' in html
    assert 'href="/anka/today/"' in html


@pytest.mark.django_db(transaction=True)
def test_the_sidebar_count_is_kept_until_a_follow_up_changes(
    tenant_a, customer_a, owner_a, settings
):
    from django.utils import timezone

    from followups.today import badge_count

    settings.GENERATION_CACHE = True
    add(customer_a, owner_a, days=0)
    with scope(tenant=tenant_a), timezone.override(tenant_a.timezone):
        assert badge_count(tenant_a.pk, owner_a) == 1
        with CaptureQueriesContext(connection) as queries:
            assert badge_count(tenant_a.pk, owner_a) == 1
        assert len(queries) == 0  # kept
    add(customer_a, owner_a, days=-1)
    with scope(tenant=tenant_a), timezone.override(tenant_a.timezone):
        assert badge_count(tenant_a.pk, owner_a) == 2  # a new generation


def test_counts_stop_at_a_cap_so_their_cost_is_bounded(client_a, customer_a, owner_a):
    from followups import today

    with scopes_disabled():
        FollowUp.objects.bulk_create(
            [
                FollowUp(
                    tenant=customer_a.tenant,
                    customer=customer_a,
                    text="Late",
                    due_on=datetime.date(2026, 1, 1),
                    assignee=owner_a,
                )
                for _ in range(today.BADGE_CAP + 5)
            ]
        )
    html = client_a.get("/anka/customers/").content.decode()
    assert '<span id="today-badge" class="nav__badge">99+</span>' in html
    with scope(tenant=customer_a.tenant):
        assert today.badge_count(customer_a.tenant_id, owner_a) == today.BADGE_CAP + 1
    section = today.Section("overdue", today.COUNT_CAP + 1)
    assert section.count_label == "999+"
    assert today.Section("overdue", 104).count_label == "104"


def test_an_empty_today_page_says_where_follow_ups_come_from(client_a):
    html = client_a.get("/anka/today/").content.decode()
    assert "Nothing overdue." in html
    assert "Set follow-ups on a customer's page" in html


@pytest.mark.django_db(transaction=True)
def test_the_kept_page_changes_with_any_follow_up_or_customer(
    client, tenant_a, customer_a, owner_a, settings
):
    settings.GENERATION_CACHE = True
    client.force_login(owner_a)
    add(customer_a, owner_a, days=0, text="First call")
    assert "First call" in client.get("/anka/today/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/anka/today/").content.decode()
    assert "First call" in html
    assert not any("followups_followup" in q["sql"] for q in queries.captured_queries)
    add(customer_a, owner_a, days=0, text="Second call")
    assert "Second call" in client.get("/anka/today/").content.decode()
    from customers.models import Customer

    with scope(tenant=tenant_a):
        customer = Customer.objects.get(pk=customer_a.pk)
        customer.name = "Renamed Ltd"
        customer.save()
    assert "Renamed Ltd" in client.get("/anka/today/").content.decode()
    # Each reader's own CSRF token, never the one the page was kept with.
    html = client.get("/anka/today/").content.decode()
    assert "__csrf-token-placeholder__" not in html


@pytest.mark.django_db(transaction=True)
def test_the_kept_count_forgets_a_deleted_customer_s_follow_ups(
    tenant_a, customer_a, owner_a, settings
):
    from django.utils import timezone

    from customers.models import Customer
    from followups.today import badge_count

    settings.GENERATION_CACHE = True
    add(customer_a, owner_a, days=0)
    with scope(tenant=tenant_a), timezone.override(tenant_a.timezone):
        assert badge_count(tenant_a.pk, owner_a) == 1
        Customer.objects.get(pk=customer_a.pk).delete()
        assert badge_count(tenant_a.pk, owner_a) == 0
