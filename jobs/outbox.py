"""Emails through the outbox: written with the event, sent by a job after it commits.

    queue_email(tenant, key="order:12:received", to=..., subject_template=...,
                body_template=..., context={...}, language="tr")

renders the email now (the words of the moment, in the reader's language), stores it in the
current transaction with the job that sends it (or enqueues that job once the transaction
commits, for a queue kept elsewhere; a job names the email by its tenant and key). A
rolled-back event leaves no email and no job. The same key again (a retried request, a
second run of a scheduled job) stores nothing and sends nothing more.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks import task
from django_tasks_db import DatabaseBackend

from crm.lib import money
from crm.lib.mail import render_email
from jobs.models import OutboxEmail

log = logging.getLogger(__name__)

# Waits between attempts: about a day and a half in all, then a person has to look.
BACKOFF = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=3),
    timedelta(hours=6),
    timedelta(hours=12),
    timedelta(hours=24),
]


def queue_email(
    tenant,
    *,
    key: str,
    to: str,
    subject_template: str,
    body_template: str,
    context: dict,
    language: str,
) -> None:
    """Store the email of the event `key` and send it once the transaction commits. The
    same key again stores nothing (the insert skips a row that exists, in one statement)."""
    # Amounts as the business's country writes them, whoever calls (a request or a job).
    with money.business_country(tenant.country):
        subject, body = render_email(subject_template, body_template, context, language)
    key = key[:200]
    OutboxEmail.objects.bulk_create(
        [
            OutboxEmail(
                tenant=tenant,
                key=key,
                to=to,
                subject=subject[:300],
                body=body,
                next_attempt_at=timezone.now(),  # due now; the sweep's mark if the job is lost
            )
        ],
        ignore_conflicts=True,
    )
    tenant_id = tenant.pk
    if jobs_share_the_transaction():
        enqueue_delivery(tenant_id, key)
    else:
        # robust: should enqueueing fail once the event has committed (the queue being
        # away, say), the request still succeeds, and the scheduler's sweep sends it later.
        transaction.on_commit(lambda: enqueue_delivery(tenant_id, key), robust=True)


def jobs_share_the_transaction() -> bool:
    """Jobs kept in this database (django-tasks-db) are enqueued in the event's own
    transaction: they appear exactly when it commits and vanish with a rollback, as an
    enqueue on commit would, without a commit of their own (each a flush to disk, on the
    order's path: it halved the orders per second). Any other queue waits for the commit."""
    return isinstance(deliver.get_backend(), DatabaseBackend)


def enqueue_with_transaction(job, *args) -> None:
    """Enqueue `job` so that it exists exactly when the current transaction commits: in
    the transaction itself with the database backend, on commit with any other queue."""
    if jobs_share_the_transaction():
        job.enqueue(*args)
    else:
        transaction.on_commit(lambda: job.enqueue(*args))


def enqueue_delivery(tenant_id: int, key: str, *, run_after=None) -> None:
    job = deliver.using(run_after=run_after) if run_after else deliver
    job.enqueue(tenant_id, key)


def message_id(email: OutboxEmail) -> str:
    """The same Message-ID for every attempt of one email: should the server have accepted
    an attempt whose answer never arrived, mail programs see one message, not two."""
    digest = hashlib.blake2b(f"{email.tenant_id}:{email.key}".encode(), digest_size=16)
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost"
    return f"<outbox.{digest.hexdigest()}@{domain}>"


class DeliveryFailed(Exception):
    """The mail server refused or could not be reached; a retry is scheduled (or not)."""


def deliver_now(tenant_id: int, key: str) -> str:
    """Send one stored email unless it was sent; the row is locked meanwhile, so two jobs
    for one email take turns and the second finds it sent."""
    with scopes_disabled(), transaction.atomic():
        email = OutboxEmail.objects.select_for_update().filter(tenant_id=tenant_id, key=key).first()
        if email is None or email.sent_at or email.failed_at:
            return "nothing to do"
        email.attempts += 1
        message = EmailMessage(
            email.subject,
            email.body,
            settings.DEFAULT_FROM_EMAIL,
            [email.to],
            headers={"Message-ID": message_id(email)},
        )
        try:
            message.send()
        except Exception as exc:
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if email.attempts > len(BACKOFF):
                email.failed_at = timezone.now()
                email.next_attempt_at = None
            else:
                email.next_attempt_at = timezone.now() + BACKOFF[email.attempts - 1]
                retry_at = email.next_attempt_at
                transaction.on_commit(lambda: enqueue_delivery(tenant_id, key, run_after=retry_at))
            email.save(update_fields=["attempts", "last_error", "failed_at", "next_attempt_at"])
            failure = DeliveryFailed(email.last_error)
        else:
            email.sent_at = timezone.now()
            email.last_error = ""
            email.next_attempt_at = None
            email.save(update_fields=["attempts", "sent_at", "last_error", "next_attempt_at"])
            return "sent"
    log.warning("email %s not sent (attempt %s): %s", email.pk, email.attempts, email.last_error)
    raise failure


@task(queue_name="email")
def deliver(tenant_id: int, key: str) -> str:
    """The job: send a stored email; a failed attempt schedules the next one."""
    return deliver_now(tenant_id, key)


def retry(email: OutboxEmail) -> None:
    """A person's retry of an email the automatic attempts gave up on."""
    OutboxEmail.objects.filter(pk=email.pk, sent_at__isnull=True).update(
        failed_at=None, next_attempt_at=timezone.now()
    )
    transaction.on_commit(lambda: enqueue_delivery(email.tenant_id, email.key), robust=True)
