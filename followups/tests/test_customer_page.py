"""Follow-ups on the customer page: set, edit, done (and the next one), snooze, reassign,
delete, from a note; each change on the timeline; every rule holds for a plain post too."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from conftest import make_member, make_user
from customers.models import ActivityEvent, Customer
from followups.models import FollowUp
from followups.tests.conftest import add
from notes.models import Note

HX = {"HTTP_HX_REQUEST": "true"}


def local_today(tenant):
    with timezone.override(tenant.timezone):
        return timezone.localdate()


def events(customer):
    with scope(tenant=customer.tenant):
        return list(
            ActivityEvent.objects.filter(customer=customer)
            .order_by("created_at", "id")
            .values_list("kind", flat=True)
        )


def test_the_customer_page_offers_a_follow_up_with_date_shortcuts(client_a, customer_a):
    html = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    assert 'id="followups"' in html
    assert 'value="Call back"' in html
    tomorrow = local_today(customer_a.tenant) + datetime.timedelta(days=1)
    assert f'data-set-date="{tomorrow.isoformat()}"' in html
    assert f'name="due_on" value="{tomorrow.isoformat()}"' in html


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain-post"])
def test_setting_a_follow_up_records_it_and_shows_it_on_the_card(
    client_a, customer_a, owner_a, staff_a, htmx
):
    due = local_today(customer_a.tenant) + datetime.timedelta(days=3)
    response = client_a.post(
        f"/anka/customers/{customer_a.pk}/followups/new/",
        {
            "text": "  Ask about   the spring order ",
            "due_on": due.isoformat(),
            "due_time": "10:30",
            "assignee": staff_a.pk,
        },
        **(HX if htmx else {}),
    )
    if htmx:
        assert response.status_code == 200
        assert "Ask about the spring order" in response.content.decode()
        assert "crm:timeline-changed" in response["HX-Trigger"]
    else:
        assert response.status_code == 302
        assert response["Location"] == f"/anka/customers/{customer_a.pk}/#followups"
    with scope(tenant=customer_a.tenant):
        followup = FollowUp.objects.get()
        customer = Customer.objects.get(pk=customer_a.pk)
    assert (followup.text, followup.due_on, followup.due_time) == (
        "Ask about the spring order",
        due,
        datetime.time(10, 30),
    )
    assert (followup.assignee, followup.created_by, followup.due_minute) == (staff_a, owner_a, 630)
    assert (customer.next_followup_on, customer.next_followup_text) == (
        due,
        "Ask about the spring order",
    )
    assert events(customer_a) == ["followup_added"]
    cards = client_a.get("/anka/customers/").content.decode()
    assert "Ask about the spring order" in cards


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": " ", "due_on": "2026-12-10"}, "Say what to do"),
        ({"text": "Call", "due_on": ""}, "Choose the day it is due."),
        ({"text": "Call", "due_on": "10/13/2026x"}, "Enter a date"),
        ({"text": "Call", "due_on": "2099-01-01"}, "within the next five years"),
        ({"text": "Call", "due_on": "2026-12-10", "due_time": "25:99"}, "Enter a time"),
        ({"text": "x" * 201, "due_on": "2026-12-10"}, "at most 200 characters"),
    ],
    ids=["empty-text", "no-date", "bad-date", "far-future", "bad-time", "long-text"],
)
def test_a_bad_follow_up_is_refused_with_what_was_typed_kept(
    client_a, customer_a, owner_a, data, error
):
    data = {"assignee": owner_a.pk, **data}
    response = client_a.post(f"/anka/customers/{customer_a.pk}/followups/new/", data, **HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert "data-error-summary" in html
    if data["text"].strip():
        assert data["text"][:50] in html
    with scope(tenant=customer_a.tenant):
        assert not FollowUp.objects.exists()
    assert events(customer_a) == []


def test_without_javascript_a_bad_follow_up_gets_a_page_with_the_error(
    client_a, customer_a, owner_a
):
    response = client_a.post(
        f"/anka/customers/{customer_a.pk}/followups/new/",
        {"text": "Call the buyer", "due_on": "", "assignee": owner_a.pk},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Follow-ups" in html
    assert 'value="Call the buyer"' in html


def test_the_assignee_must_work_in_the_business(client_a, customer_a, owner_b, outsider):
    for stranger in (owner_b, outsider):
        response = client_a.post(
            f"/anka/customers/{customer_a.pk}/followups/new/",
            {"text": "Call", "due_on": "2026-12-10", "assignee": stranger.pk},
            **HX,
        )
        assert "Choose someone who works in this business." in response.content.decode()
    inactive = make_member(customer_a.tenant, "gone", is_active=False)
    response = client_a.post(
        f"/anka/customers/{customer_a.pk}/followups/new/",
        {"text": "Call", "due_on": "2026-12-10", "assignee": inactive.pk},
        **HX,
    )
    assert "Choose someone who works in this business." in response.content.decode()
    with scope(tenant=customer_a.tenant):
        assert not FollowUp.objects.exists()


def test_the_service_refuses_an_assignee_from_another_business(customer_a, owner_a, owner_b):
    with pytest.raises(ValueError):
        add(customer_a, owner_a, assignee=owner_b)
    with scopes_disabled():
        assert not FollowUp.objects.exists()


def test_done_records_it_and_offers_the_next_one(client_a, customer_a, followup_a):
    response = client_a.post(f"/anka/followups/{followup_a.pk}/done/", **HX)
    html = response.content.decode()
    assert "Set the next one?" in html
    assert f"/anka/customers/{customer_a.pk}/followups/new/?after={followup_a.pk}" in html
    with scope(tenant=customer_a.tenant):
        followup = FollowUp.objects.get()
        assert followup.done_at is not None and followup.done_by.username == "owner_a"
        assert Customer.objects.get(pk=customer_a.pk).next_followup_on is None
    assert events(customer_a) == ["followup_added", "followup_done"]
    # A second click changes nothing.
    client_a.post(f"/anka/followups/{followup_a.pk}/done/", **HX)
    assert events(customer_a) == ["followup_added", "followup_done"]
    # "Set the next follow-up": the same words, a week on.
    html = client_a.get(
        f"/anka/customers/{customer_a.pk}/followups/new/?after={followup_a.pk}"
    ).content.decode()
    week = local_today(customer_a.tenant) + datetime.timedelta(days=7)
    assert 'value="Call about the spring order"' in html
    assert f'value="{week.isoformat()}"' in html
    for odd in ("x", "-1", "9" * 40, "%00"):
        url = f"/anka/customers/{customer_a.pk}/followups/new/?after={odd}"
        assert client_a.get(url).status_code == 200


def test_undo_reopens_a_done_follow_up(client_a, customer_a, followup_a):
    client_a.post(f"/anka/followups/{followup_a.pk}/done/")
    response = client_a.post(f"/anka/followups/{followup_a.pk}/reopen/")
    assert response.status_code == 302
    with scope(tenant=customer_a.tenant):
        assert FollowUp.objects.get().done_at is None
        assert Customer.objects.get(pk=customer_a.pk).next_followup_on == followup_a.due_on
    assert events(customer_a)[-1] == "followup_reopened"


def test_snooze_moves_it_later_and_keeps_the_time(client_a, customer_a, owner_a):
    followup = add(customer_a, owner_a, days=-3, at=datetime.time(9, 0))
    today = local_today(customer_a.tenant)
    client_a.post(f"/anka/followups/{followup.pk}/snooze/", {"days": "1"})
    with scope(tenant=customer_a.tenant):
        followup.refresh_from_db()
        assert (followup.due_on, followup.due_time) == (
            today + datetime.timedelta(days=1),
            datetime.time(9, 0),
        )
        event = ActivityEvent.objects.filter(kind="followup_snoozed").get()
    assert event.data["changes"]["due"] == [
        (today - datetime.timedelta(days=3)).isoformat(),
        (today + datetime.timedelta(days=1)).isoformat(),
    ]
    # A chosen day.
    chosen = today + datetime.timedelta(days=20)
    client_a.post(f"/anka/followups/{followup.pk}/snooze/", {"until": chosen.isoformat()})
    with scope(tenant=customer_a.tenant):
        assert FollowUp.objects.get().due_on == chosen
        assert Customer.objects.get(pk=customer_a.pk).next_followup_on == chosen


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"until": "2000-01-01"}, "Choose a day after the one it is due."),
        ({"until": "2099-01-01"}, "Choose a day within the next year."),
        ({"until": "not a date"}, "Enter a date"),
        ({"days": "9999"}, "Choose a later day."),
        ({}, "Choose a later day."),
    ],
    ids=["past", "far", "garbage", "odd-days", "nothing"],
)
def test_a_bad_snooze_is_refused_where_the_person_looks(
    client_a, customer_a, followup_a, data, error
):
    response = client_a.post(f"/anka/followups/{followup_a.pk}/snooze/", data, **HX)
    assert error in response.content.decode()
    response = client_a.post(
        f"/anka/followups/{followup_a.pk}/snooze/", {**data, "where": "today"}, **HX
    )
    assert error in response.content.decode()
    response = client_a.post(f"/anka/followups/{followup_a.pk}/snooze/", data, follow=True)
    assert error in response.content.decode()
    with scope(tenant=customer_a.tenant):
        assert FollowUp.objects.get().due_on == followup_a.due_on
    assert events(customer_a) == ["followup_added"]


def test_reassigning_to_a_colleague_and_never_to_a_stranger(
    client_a, customer_a, followup_a, staff_a, owner_b
):
    response = client_a.post(
        f"/anka/followups/{followup_a.pk}/reassign/",
        {"assignee": owner_b.pk, "where": "today"},
        **HX,
    )
    assert "Choose someone who works in this business." in response.content.decode()
    with scope(tenant=customer_a.tenant):
        assert FollowUp.objects.get().assignee.username == "owner_a"
    client_a.post(f"/anka/followups/{followup_a.pk}/reassign/", {"assignee": staff_a.pk})
    with scope(tenant=customer_a.tenant):
        assert FollowUp.objects.get().assignee == staff_a
        event = ActivityEvent.objects.filter(kind="followup_reassigned").get()
    assert event.data["changes"]["assignee"][1] == "staff_a"


def test_editing_records_what_changed(client_a, customer_a, followup_a, owner_a):
    due = followup_a.due_on + datetime.timedelta(days=2)
    response = client_a.post(
        f"/anka/followups/{followup_a.pk}/edit/",
        {
            "edit-text": "Send the samples",
            "edit-due_on": due.isoformat(),
            "edit-due_time": "",
            "edit-assignee": owner_a.pk,
        },
        **HX,
    )
    assert "Send the samples" in response.content.decode()
    with scope(tenant=customer_a.tenant):
        event = ActivityEvent.objects.filter(kind="followup_changed").get()
        assert Customer.objects.get(pk=customer_a.pk).next_followup_text == "Send the samples"
    assert set(event.data["changes"]) == {"text", "due"}
    timeline = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    assert "Follow-up changed" in timeline and "Send the samples" in timeline


def test_only_the_author_or_an_owner_deletes_and_the_timeline_keeps_it(
    client, customer_a, owner_a, staff_a
):
    tenant = customer_a.tenant
    other = make_member(tenant, "other_staff")
    mine = add(customer_a, staff_a, text="Staff's own")
    owners = add(customer_a, owner_a, text="The owner's")
    client.force_login(other)
    for followup in (mine, owners):
        assert client.get(f"/anka/followups/{followup.pk}/delete/").status_code == 404
        assert client.post(f"/anka/followups/{followup.pk}/delete/").status_code == 404
    client.force_login(staff_a)
    assert client.post(f"/anka/followups/{owners.pk}/delete/").status_code == 404
    confirm = client.get(f"/anka/followups/{mine.pk}/delete/").content.decode()
    assert "Delete this follow-up?" in confirm
    assert client.post(f"/anka/followups/{mine.pk}/delete/").status_code == 302
    client.force_login(owner_a)
    assert client.post(f"/anka/followups/{owners.pk}/delete/").status_code == 302
    with scope(tenant=tenant):
        assert not FollowUp.objects.exists()
        deleted = ActivityEvent.objects.filter(kind="followup_deleted").order_by("id")
        assert [e.data["text"] for e in deleted] == ["Staff's own", "The owner's"]
        assert Customer.objects.get(pk=customer_a.pk).next_followup_on is None


def test_a_note_becomes_a_follow_up_in_one_click(client_a, customer_a, owner_a):
    with scope(tenant=customer_a.tenant):
        from notes.services import add_note

        note = add_note(customer_a, text="Wants 200 towels in March", priority="high", by=owner_a)
    page = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    url = f"/anka/customers/{customer_a.pk}/notes/{note.pk}/followup/"
    assert f'action="{url}"' in page
    response = client_a.post(url, **HX)
    assert "Wants 200 towels in March" in response.content.decode()
    with scope(tenant=customer_a.tenant):
        followup = FollowUp.objects.get()
    assert followup.note == note and followup.assignee == owner_a
    assert followup.due_on == local_today(customer_a.tenant) + datetime.timedelta(days=1)
    assert client_a.post(url).status_code == 302  # and as a plain post


def test_the_customer_page_reads_follow_ups_in_a_constant_number_of_queries(
    client_a, customer_a, owner_a, django_assert_num_queries
):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client_a.get(f"/anka/customers/{customer_a.pk}/").status_code == 200
        return len(queries)

    add(customer_a, owner_a)
    count()  # the session's first write
    few = count()
    for days in range(2, 30):
        add(customer_a, owner_a, days=days)
    assert count() == few


def test_the_customers_filters_find_overdue_and_missing_follow_ups(client_a, tenant_a, owner_a):
    from conftest import make_customer

    with scopes_disabled():
        late = make_customer(tenant_a, "Late Ltd", status="current")
        soon = make_customer(tenant_a, "Soon Ltd", status="current")
        make_customer(tenant_a, "Nobody Ltd", status="current")
    add(late, owner_a, days=-2)
    add(soon, owner_a, days=2)
    overdue = client_a.get("/anka/customers/?followup=overdue").content.decode()
    assert "Late Ltd" in overdue and "Soon Ltd" not in overdue and "Nobody Ltd" not in overdue
    none = client_a.get("/anka/customers/?followup=none").content.decode()
    assert "Nobody Ltd" in none and "Late Ltd" not in none and "Soon Ltd" not in none
    assert "follow-up overdue" in client_a.get("/anka/customers/").content.decode()


def test_a_customer_of_another_business_has_no_follow_ups_here(client_a, customer_b, owner_b):
    html = client_a.get(f"/anka/customers/{customer_b.pk}/followups/new/")
    assert html.status_code == 404
    response = client_a.post(
        f"/anka/customers/{customer_b.pk}/followups/new/",
        {"text": "x", "due_on": "2026-12-10", "assignee": owner_b.pk},
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/anka/followups/{pk}/edit/"),
        ("post", "/anka/followups/{pk}/edit/"),
        ("post", "/anka/followups/{pk}/done/"),
        ("post", "/anka/followups/{pk}/reopen/"),
        ("post", "/anka/followups/{pk}/snooze/"),
        ("post", "/anka/followups/{pk}/reassign/"),
        ("get", "/anka/followups/{pk}/delete/"),
        ("post", "/anka/followups/{pk}/delete/"),
        ("post", "/anka/customers/{customer}/followups/new/"),
        ("post", "/anka/customers/{customer}/notes/{note}/followup/"),
        ("post", "/anka/customers/{own_customer}/notes/{note}/followup/"),
    ],
)
def test_another_business_s_ids_give_404_and_change_nothing(
    client_a, customer_a, followup_b, owner_b, method, path
):
    with scope(tenant=followup_b.tenant):
        note = Note.objects.create(
            tenant=followup_b.tenant, customer=followup_b.customer, text="Theirs"
        )
    url = path.format(
        pk=followup_b.pk, customer=followup_b.customer_id, note=note.pk, own_customer=customer_a.pk
    )
    response = getattr(client_a, method)(url, {"days": "1", "assignee": owner_b.pk})
    assert response.status_code == 404
    with scopes_disabled():
        followup = FollowUp.objects.get(pk=followup_b.pk)
        assert (followup.done_at, followup.due_on) == (None, followup_b.due_on)
        assert FollowUp.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(customer_a, followup_a):
    response = Client().get(f"/anka/followups/{followup_a.pk}/edit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_user_without_membership_gets_404(client, followup_a):
    client.force_login(make_user("stranger"))
    assert client.post(f"/anka/followups/{followup_a.pk}/done/").status_code == 404


def test_a_customer_edit_keeps_a_next_follow_up_written_meanwhile(customer_a, owner_a):
    from customers.services import snapshot, update_customer

    with scope(tenant=customer_a.tenant):
        stale = Customer.objects.get(pk=customer_a.pk)  # read by an edit form
    add(customer_a, owner_a, text="Written meanwhile")
    with scope(tenant=customer_a.tenant):
        before = snapshot(stale)
        stale.contact_person = "Selin"
        update_customer(stale, before=before, by=owner_a)
        fresh = Customer.objects.get(pk=customer_a.pk)
    assert fresh.contact_person == "Selin"
    assert fresh.next_followup_text == "Written meanwhile"


def test_the_admin_keeps_the_day_in_range_and_the_card_right(client_a, customer_a, followup_a):
    url = f"/anka/admin/followups/followup/{followup_a.pk}/change/"
    response = client_a.post(url, {"text": "Call", "due_on": "9999-12-31", "due_time": ""})
    assert "Choose a day within the next five years." in response.content.decode()
    response = client_a.post(
        url, {"text": "Call in January", "due_on": "2027-01-05", "due_time": ""}
    )
    assert response.status_code == 302
    with scope(tenant=customer_a.tenant):
        customer = Customer.objects.get(pk=customer_a.pk)
        assert (customer.next_followup_on, customer.next_followup_text) == (
            datetime.date(2027, 1, 5),
            "Call in January",
        )
        assert ActivityEvent.objects.filter(kind="followup_changed").exists()
