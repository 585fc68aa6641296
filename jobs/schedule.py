"""Scheduled work: one entry point (`manage.py run_scheduled`, run every few minutes by cron,
a systemd timer or a Kubernetes CronJob; docs/operations.md) enqueues what is due.

A scheduled job is a function of (tenant, period) registered here with the local time of
day from which it is due; its period is the day in the tenant's time zone. The entry point
records each (job, tenant, period) it enqueues in a unique row first, so running it twice,
or on two machines at once, enqueues nothing twice; the job itself must be idempotent too
(its emails have keys of their own). Each run also sends again the emails whose job never
ran (a worker died, the enqueue after a commit was lost) and marks jobs whose worker died
as failed, so the admin shows them.
"""

from __future__ import annotations

import datetime
import logging
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from django_tasks import task

from crm.core.models import Tenant
from jobs.models import OutboxEmail, ScheduledRun
from jobs.outbox import enqueue_delivery

log = logging.getLogger(__name__)

# An email whose attempt was due this long ago and is still unsent lost its job.
LOST_AFTER = datetime.timedelta(minutes=10)
# A job running this long lost its worker.
STALE_AFTER = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class Daily:
    name: str
    at: datetime.time  # local time of day from which the day's run is due
    run: Callable  # run(tenant, day: datetime.date) -> str


JOBS: dict[str, Daily] = {}
# Functions (now) -> int the apps register to run at every tick: work to pick up again
# (customers: bulk actions whose job was lost).
SWEEPS: list[Callable] = []


def daily(name: str, *, at: datetime.time = datetime.time(0, 0)):
    """Decorator: `run(tenant, day)` once per tenant and local day, from `at` on."""

    def register(function):
        JOBS[name] = Daily(name, at, function)
        return function

    return register


def due(now: datetime.datetime) -> list[tuple[Daily, Tenant, str]]:
    """The (job, tenant, period) due at `now`, in each tenant's time zone."""
    found = []
    for tenant in Tenant.objects.filter(is_active=True).order_by("pk"):
        local = now.astimezone(zoneinfo.ZoneInfo(tenant.timezone))
        for job in JOBS.values():
            if local.time() >= job.at:
                found.append((job, tenant, local.date().isoformat()))
    return found


def tick(now: datetime.datetime | None = None) -> dict:
    """Enqueue what is due and has not been enqueued; resend lost emails; report."""
    now = now or timezone.now()
    enqueued = 0
    for job, tenant, period in due(now):
        try:
            with scopes_disabled(), transaction.atomic():
                ScheduledRun.objects.create(tenant=tenant, job=job.name, period=period)
                # In the same transaction as the row, with the database backend: the job is
                # there exactly when the row is.
                run_scheduled.enqueue(job.name, tenant.pk, period)
        except IntegrityError:
            continue  # enqueued before, here or on another machine
        enqueued += 1
    with scopes_disabled():
        lost = list(
            OutboxEmail.objects.filter(
                sent_at__isnull=True,
                failed_at__isnull=True,
                next_attempt_at__lte=now - LOST_AFTER,
            ).values_list("tenant_id", "key")[:1000]
        )
    for tenant_id, key in lost:
        enqueue_delivery(tenant_id, key)
    report = {"enqueued": enqueued, "resent": len(lost), "stale": mark_stale_jobs(now)}
    for sweep in SWEEPS:
        report[sweep.__name__] = sweep(now)
    return report


def mark_stale_jobs(now: datetime.datetime) -> int:
    """Jobs left running by a worker that died: marked failed (their work, if it matters,
    is redone: an email by the sweep above)."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    stale = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - STALE_AFTER
    )
    count = 0
    for result in stale[:1000]:
        result.set_failed(TimeoutError("the worker running this job stopped"))
        count += 1
    return count


@task()
def run_scheduled(name: str, tenant_id: int, period: str) -> str:
    """The job: one scheduled job for one tenant and period."""
    job = JOBS.get(name)
    if job is None:
        return f"no job {name!r}"
    with scopes_disabled():
        tenant = Tenant.objects.get(pk=tenant_id)
    with scope(tenant=tenant), timezone.override(tenant.timezone):
        return job.run(tenant, datetime.date.fromisoformat(period)) or "done"
