"""Bulk actions from the customers table: ticked rows or all that match; each change on
each customer's timeline; more than SYNC_LIMIT customers in a job with its progress; never
another business's customers."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django_scopes import scope, scopes_disabled

from conftest import make_customer
from customers import bulk
from customers.models import ActivityEvent, BulkRun, Customer, CustomerGroup, Tag
from jobs.testing import run_jobs


@pytest.fixture
def many(tenant_a, customer_a):
    with scopes_disabled():
        others = [
            make_customer(
                tenant_a,
                f"Lead {i:02}",
                status="potential",
                temperature="warm",
                email=f"lead{i}@example.com",
            )
            for i in range(6)
        ]
    return [customer_a, *others]


def post(client, action, ids=(), **data):
    return client.post(
        "/anka/customers/bulk/", {"action": action, "ids": [str(i) for i in ids], **data}
    )


def events(tenant, kind):
    with scope(tenant=tenant):
        return list(ActivityEvent.objects.filter(kind=kind).values_list("customer_id", "data"))


def test_the_table_has_the_bulk_bar_and_a_box_per_row(client_a, many):
    html = client_a.get("/anka/customers/?view=table").content.decode()
    assert 'id="bulk-form"' in html
    assert f'name="ids" value="{many[1].pk}" form="bulk-form"' in html
    assert "Set a follow-up" in html and "Email the quick-order link" in html


def test_adding_a_tag_to_ticked_rows_records_each(client_a, many, tenant_a):
    chosen = [many[1].pk, many[2].pk]
    response = post(client_a, "add_tag", chosen, tag="Fair 2026", query="view=table")
    assert response.status_code == 302
    assert response["Location"] == "/anka/customers/?view=table"
    with scope(tenant=tenant_a):
        tagged = set(Customer.objects.filter(tags__name="Fair 2026").values_list("pk", flat=True))
    assert tagged == set(chosen)
    changes = events(tenant_a, "changed")
    assert sorted(c for c, _ in changes) == sorted(chosen)
    assert changes[0][1]["changes"] == [{"field": "tags", "old": [], "new": ["Fair 2026"]}]
    html = client_a.get("/anka/customers/?view=table").content.decode()
    assert "Add a tag: 2 of 2 customers changed." in html
    # Again: nobody changes twice.
    post(client_a, "add_tag", chosen, tag="fair 2026")
    assert len(events(tenant_a, "changed")) == 2
    post(client_a, "remove_tag", chosen[:1], tag="Fair 2026")
    with scope(tenant=tenant_a):
        assert Customer.objects.filter(tags__name="Fair 2026").count() == 1


@pytest.mark.parametrize(
    ("action", "data", "check"),
    [
        ("set_status", {"status": "current"}, lambda c: c.status == "current"),
        ("set_temperature", {"temperature": "hot"}, lambda c: c.temperature_rank == 0),
        ("archive", {}, lambda c: c.archived_at is not None),
    ],
)
def test_set_fields_for_all_that_match_after_a_confirmation(
    client_a, many, tenant_a, action, data, check
):
    query = "status=potential"
    response = post(client_a, action, all_matching="on", query=query, **data)
    html = response.content.decode()
    assert response.status_code == 200 and "6 customers match" in html
    with scope(tenant=tenant_a):
        assert not any(check(c) for c in Customer.objects.filter(name__startswith="Lead"))
    response = post(client_a, action, all_matching="on", query=query, confirmed="yes", **data)
    assert response.status_code == 302
    with scope(tenant=tenant_a):
        assert all(check(c) for c in Customer.objects.filter(name__startswith="Lead"))
        # The current customer matched no filter: untouched, nothing on its timeline.
        assert not ActivityEvent.objects.filter(customer_id=many[0].pk).exists()


def test_setting_the_group(client_a, many, tenant_a):
    with scopes_disabled():
        group = CustomerGroup.objects.create(tenant=tenant_a, name="Wholesale")
    post(client_a, "set_group", [many[1].pk], group=group.pk)
    with scope(tenant=tenant_a):
        assert Customer.objects.get(pk=many[1].pk).group == group
    assert events(tenant_a, "changed")[0][1]["changes"][0]["new"] == "Wholesale"


def test_a_follow_up_for_each(client_a, many, tenant_a, owner_a):
    from followups.models import FollowUp

    due = datetime.date(2026, 12, 24)
    post(
        client_a,
        "followup",
        [many[1].pk, many[2].pk],
        followup_text="Christmas call",
        followup_due=due.isoformat(),
    )
    with scope(tenant=tenant_a):
        made = list(FollowUp.objects.values_list("customer_id", "text", "due_on", "assignee"))
    assert sorted(made) == sorted(
        [
            (many[1].pk, "Christmas call", due, owner_a.pk),
            (many[2].pk, "Christmas call", due, owner_a.pk),
        ]
    )
    assert len(events(tenant_a, "followup_added")) == 2


def test_sending_links_emails_those_with_an_email(client_a, many, tenant_a, settings):
    from django.test import TestCase

    settings.SITE_URL = "https://crm.example.com"
    with scopes_disabled():
        Customer.objects.filter(pk=many[2].pk).update(email="")
    with TestCase.captureOnCommitCallbacks(execute=True):
        post(client_a, "send_links", [many[1].pk, many[2].pk])
    run_jobs()
    assert [m.to for m in mail.outbox] == [["lead0@example.com"]]
    assert "https://crm.example.com/q/" in mail.outbox[0].body
    assert [c for c, _ in events(tenant_a, "link_sent")] == [many[1].pk]


def test_export_and_merge_from_the_bar(client_a, many):
    response = post(client_a, "export", [many[1].pk, many[2].pk])
    assert response["Location"].startswith("/anka/customers/export/?ids=")
    rows = b"".join(client_a.get(response["Location"]).streaming_content).decode()
    assert "Lead 00" in rows and "Lead 01" in rows and "Lead 02" not in rows
    response = post(client_a, "merge", [many[1].pk, many[2].pk])
    assert response["Location"] == f"/anka/customers/merge/?keep={many[1].pk}&other={many[2].pk}"
    response = post(client_a, "merge", [many[1].pk])
    html = client_a.get(response["Location"]).content.decode()
    assert "Tick exactly two customers to merge them." in html


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"action": "add_tag", "tag": "x"}, "Choose customers first"),
        ({"action": "add_tag", "ids": ["1"], "tag": " "}, "Write the tag."),
        ({"action": "", "ids": ["1"]}, "Choose an action."),
        ({"action": "nope", "ids": ["1"]}, "Select a valid choice"),
        ({"action": "followup", "ids": ["1"], "followup_text": "x"}, "Choose the day it is due."),
        ({"action": "set_status", "ids": ["1"], "status": "gold"}, "Select a valid choice"),
    ],
)
def test_a_bad_bulk_action_says_what_is_missing_and_changes_nothing(
    client_a, many, tenant_a, data, error
):
    response = client_a.post("/anka/customers/bulk/", {"query": "view=table", **data}, follow=True)
    assert error in response.content.decode()
    with scope(tenant=tenant_a):
        assert (
            not ActivityEvent.objects.exists()
            or not ActivityEvent.objects.exclude(kind="created").exists()
        )


def test_another_business_s_customers_are_never_touched(client_a, many, customer_b, tenant_b):
    post(client_a, "add_tag", [customer_b.pk], tag="Hacked")
    post(client_a, "archive", [customer_b.pk])
    with scopes_disabled():
        theirs = Customer.objects.get(pk=customer_b.pk)
        assert theirs.archived_at is None and not theirs.tags.exists()
        assert not Tag.objects.filter(tenant=tenant_b).exists()


def test_more_than_the_limit_runs_as_a_job_with_progress(client_a, many, tenant_a, monkeypatch):
    from django.test import TestCase

    monkeypatch.setattr(bulk, "SYNC_LIMIT", 3)
    monkeypatch.setattr(bulk, "CHUNK", 2)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = post(
            client_a,
            "set_temperature",
            all_matching="on",
            query="status=potential",
            temperature="cold",
            confirmed="yes",
        )
    with scope(tenant=tenant_a):
        run = BulkRun.objects.get()
    assert response["Location"] == f"/anka/customers/bulk/{run.pk}/"
    assert (run.total, run.done, run.finished_at) == (6, 0, None)
    page = client_a.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 2s"' in page and "0 of 6 customers" in page
    assert (
        "A bulk action is running" in client_a.get("/anka/customers/?view=table").content.decode()
    )
    run_jobs()
    with scope(tenant=tenant_a):
        run.refresh_from_db()
        assert (run.done, run.changed) == (6, 6) and run.finished_at
        assert Customer.objects.filter(temperature="cold").count() == 6
    page = client_a.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert "every 2s" not in page and "6 of 6 customers changed" in page


def test_a_run_goes_on_where_it_stopped(many, tenant_a, owner_a, monkeypatch):
    monkeypatch.setattr(bulk, "CHUNK", 2)
    with scope(tenant=tenant_a):
        run = BulkRun.objects.create(
            tenant=tenant_a,
            by=owner_a,
            action="add_tag",
            params=bulk.prepare_tag({"tag": "Once"}, tenant_a),
            query="status=potential",
            total=6,
        )
        bulk.apply_chunk(run, bulk.ACTIONS["add_tag"], owner_a)  # a worker did one chunk...
        run.save()
    bulk.run_bulk.call(run.pk)  # ...and the next one goes on from there
    with scope(tenant=tenant_a):
        run.refresh_from_db()
        assert (run.done, run.changed) == (6, 6)
        assert ActivityEvent.objects.filter(kind="changed").count() == 6
    assert bulk.run_bulk.call(run.pk) == "already done"


def test_another_business_s_run_gives_404(client_a, tenant_b, owner_b):
    with scopes_disabled():
        run = BulkRun.objects.create(tenant=tenant_b, by=owner_b, action="archive", total=1)
    assert client_a.get(f"/anka/customers/bulk/{run.pk}/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(many):
    response = Client().post("/anka/customers/bulk/", {"action": "archive"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("odd", ["²", "١٢", "-1", " 1", "9" * 30])
def test_odd_ids_never_give_500(client_a, many, odd):
    assert post(client_a, "archive", [odd]).status_code == 302
    assert client_a.get(f"/anka/customers/export/?ids={odd}").status_code == 200
    assert client_a.get(f"/anka/customers/merge/?keep=1&other={odd}").status_code in (200, 404)


def test_a_follow_up_far_away_is_refused(client_a, many, tenant_a):
    from followups.models import FollowUp

    for due in ("9999-12-31", "0001-01-01"):
        response = post(client_a, "followup", [many[1].pk], followup_text="x", followup_due=due)
        html = client_a.get(response["Location"]).content.decode()
        assert "Choose a day within" in html
    with scope(tenant=tenant_a):
        assert not FollowUp.objects.exists()


def test_the_same_form_twice_is_one_run(client_a, many, tenant_a):
    from followups.models import FollowUp

    data = {"followup_text": "Once", "followup_due": "2026-12-24", "key": "k" * 32}
    post(client_a, "followup", [many[1].pk], **data)
    post(client_a, "followup", [many[1].pk], **data)  # a second click
    with scope(tenant=tenant_a):
        assert FollowUp.objects.count() == 1 and BulkRun.objects.count() == 1


def test_removing_an_unknown_tag_creates_none(client_a, many, tenant_a):
    post(client_a, "remove_tag", [many[1].pk], tag="Never seen")
    with scope(tenant=tenant_a):
        assert not Tag.objects.exists()


def test_one_customer_failing_does_not_stop_the_others(client_a, many, tenant_a, monkeypatch):
    def picky(customer, params, by):
        if customer.name == "Lead 01":
            raise ValueError("no good")
        return bulk.archive(customer, params, by)

    monkeypatch.setitem(bulk.ACTIONS, "archive", bulk.Action("archive", "Archive", picky))
    response = post(client_a, "archive", [c.pk for c in many[1:4]])
    html = client_a.get(response["Location"]).content.decode()
    assert "2 of 3 customers changed" in html and "Lead 01 (no good)" in html
    with scope(tenant=tenant_a):
        assert Customer.objects.filter(archived_at__isnull=False).count() == 2


def test_the_scheduler_picks_up_a_run_whose_job_was_lost(many, tenant_a, owner_a):
    from jobs import schedule

    with scope(tenant=tenant_a):
        run = BulkRun.objects.create(
            tenant=tenant_a, by=owner_a, action="archive", query="status=potential", total=6
        )
    with scopes_disabled():
        BulkRun.objects.filter(pk=run.pk).update(
            updated_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        )
    report = schedule.tick(datetime.datetime(2026, 1, 1, 1, 0, tzinfo=datetime.UTC))
    assert report["resume_stalled"] == 1
    run_jobs()
    with scope(tenant=tenant_a):
        run.refresh_from_db()
        assert run.finished_at and run.done == 6
