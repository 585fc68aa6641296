"""The scheduled work's one entry point: what is due, in each tenant's time zone, once per
tenant and period; lost emails sent again; jobs of a dead worker marked failed."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs import schedule
from jobs.models import OutboxEmail, ScheduledRun
from jobs.testing import run_jobs

UTC = datetime.UTC


@pytest.fixture
def ran(monkeypatch):
    """A daily job of the tests, due from 07:00 local time (the only one: the project's own
    are set aside): what it was run with."""
    monkeypatch.setattr(schedule, "JOBS", {})
    calls = []

    @schedule.daily("test-digest", at=datetime.time(7, 0))
    def digest(tenant, day):
        calls.append((tenant.slug, day, timezone.get_current_timezone_name()))
        return "sent"

    return calls


def at(utc: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(utc).replace(tzinfo=UTC)


def test_a_daily_job_runs_once_per_tenant_and_local_day(ran, tenant_a, tenant_b):
    # 04:30 UTC: 07:30 in Istanbul, 06:30 in Bucharest.
    assert schedule.tick(at("2026-12-07T04:30"))["enqueued"] == 1
    assert schedule.tick(at("2026-12-07T04:40"))["enqueued"] == 0  # twice: nothing twice
    run_jobs()
    assert ran == [("anka", datetime.date(2026, 12, 7), "Europe/Istanbul")]
    assert schedule.tick(at("2026-12-07T05:10"))["enqueued"] == 1  # 07:10 in Bucharest
    run_jobs()
    assert ran[-1] == ("bucur", datetime.date(2026, 12, 7), "Europe/Bucharest")
    assert schedule.tick(at("2026-12-07T20:00"))["enqueued"] == 0
    run_jobs()
    assert len(ran) == 2
    with scopes_disabled():
        assert ScheduledRun.objects.count() == 2


def test_the_period_is_the_tenants_local_day(ran, tenant_a):
    # 22:30 UTC on 6 December is 01:30 on 7 December in Istanbul: not yet 07:00 there.
    assert schedule.tick(at("2026-12-06T22:30"))["enqueued"] == 0
    # 04:00 UTC on 7 December is 07:00 in Istanbul.
    assert schedule.tick(at("2026-12-07T04:00"))["enqueued"] == 1
    run_jobs()
    assert ran == [("anka", datetime.date(2026, 12, 7), "Europe/Istanbul")]


def test_an_inactive_tenant_gets_no_scheduled_work(ran, tenant_a):
    tenant_a.is_active = False
    tenant_a.save()
    assert schedule.tick(at("2026-12-07T12:00"))["enqueued"] == 0


def test_the_entry_point_twice_in_a_row_does_nothing_twice(ran, tenant_a, tenant_b):
    first, second = StringIO(), StringIO()
    due = schedule.due(timezone.now())  # the test job in the tenants past 07:00, and others
    call_command("run_scheduled", stdout=first)
    call_command("run_scheduled", stdout=second)
    run_jobs()
    assert f"enqueued {len(due)} scheduled jobs" in first.getvalue()
    assert "enqueued 0 scheduled jobs" in second.getvalue()
    assert len(ran) == sum(job.name == "test-digest" for job, _tenant, _period in due)


def test_an_email_whose_job_was_lost_is_sent_by_the_next_run(tenant_a):
    with scopes_disabled():
        OutboxEmail.objects.create(
            tenant=tenant_a,
            key="order:1:received",
            to="a@example.com",
            subject="Order #1",
            body="Thanks",
            next_attempt_at=timezone.now() - datetime.timedelta(minutes=30),
        )
    assert schedule.tick()["resent"] == 1
    run_jobs()
    assert [m.subject for m in mail.outbox] == ["Order #1"]
    assert schedule.tick()["resent"] == 0


def test_a_job_whose_worker_died_is_marked_failed(db):
    from jobs.outbox import deliver

    result = deliver.enqueue(1, "gone")
    DBTaskResult.objects.filter(id=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - datetime.timedelta(hours=2)
    )
    assert schedule.tick()["stale"] == 1
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.FAILED


def test_the_queue_health_check_reports_the_oldest_waiting_job(client, db, settings):
    from jobs.outbox import deliver

    assert client.get("/healthz/queue").json() == {"status": "ok", "oldest_queued_seconds": 0}
    result = deliver.enqueue(1, "k")
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=20)
    )
    response = client.get("/healthz/queue")
    assert response.status_code == 503
    assert response.json()["oldest_queued_seconds"] >= 1200
    settings.QUEUE_MAX_AGE_SECONDS = 3600
    assert client.get("/healthz/queue").status_code == 200
