"""Emails through the outbox: stored with their event, sent by a job after the commit, once,
retried with back-off while the mail server fails."""

import re
import smtplib
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction
from django.test import TestCase
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from conftest import make_customer, make_product
from jobs import outbox
from jobs.models import OutboxEmail
from jobs.testing import committed_and_sent, run_jobs
from orders.services import LineRequest, place_order


class RefusingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def buyer(tenant_a):
    with scope(tenant=tenant_a):
        return make_customer(tenant_a, "Deniz Otel", email="deniz@example.com")


@pytest.fixture
def towel(tenant_a):
    with scope(tenant=tenant_a):
        return make_product(tenant_a, "TWL-1", Decimal("10"))


def order(buyer, towel, key="k1"):
    with scope(tenant=buyer.tenant):
        return place_order(
            customer=buyer,
            lines=[LineRequest(towel.pk, 1)],
            address=None,
            source="staff",
            idempotency_key=key,
        )


def advance_time():
    """The waits of the back-off have passed."""
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_an_email_is_stored_with_its_event_and_sent_once_after_the_commit(buyer, towel):
    with committed_and_sent():
        placed = order(buyer, towel)
        with scopes_disabled():
            assert OutboxEmail.objects.count() == 1  # stored in the order's transaction
        assert mail.outbox == []  # nothing is sent before the commit
    (message,) = mail.outbox
    assert message.to == ["deniz@example.com"] and f"#{placed.number}" in message.subject
    with scopes_disabled():
        email = OutboxEmail.objects.get()
    assert email.status == "sent" and email.attempts == 1
    assert message.extra_headers["Message-ID"] == outbox.message_id(email)
    assert run_jobs() == 0  # nothing left to do


def test_an_event_rolled_back_leaves_no_email_and_no_job(buyer, towel):
    with committed_and_sent(), pytest.raises(RuntimeError), transaction.atomic():
        order(buyer, towel)
        raise RuntimeError("the request failed after the order")
    with scopes_disabled():
        assert OutboxEmail.objects.count() == 0
    assert DBTaskResult.objects.count() == 0 and mail.outbox == []


def test_a_job_enqueued_in_a_transaction_that_rolls_back_never_runs(buyer, towel):
    context = {"tenant": buyer.tenant, "customer": buyer, "url": "https://x/", "link": None}
    with (
        TestCase.captureOnCommitCallbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
        scope(tenant=buyer.tenant),
    ):
        outbox.queue_email(
            buyer.tenant,
            key="test:1",
            to="x@example.com",
            subject_template="quickorder/email/link_subject.txt",
            body_template="quickorder/email/link.txt",
            context=context,
            language="en",
        )
        raise RuntimeError
    assert callbacks == []
    assert run_jobs() == 0 and mail.outbox == []


def test_the_same_event_twice_is_one_email(buyer, towel):
    with committed_and_sent():
        placed = order(buyer, towel)
        with scope(tenant=buyer.tenant):
            from orders import emails

            emails.order_received(placed, list(placed.lines.all()))  # a repeat of the event
    assert len(mail.outbox) == 1


def test_two_jobs_for_one_email_send_it_once(buyer, towel):
    with committed_and_sent():
        order(buyer, towel)
    with scopes_disabled():
        email = OutboxEmail.objects.get()
    outbox.enqueue_delivery(email.tenant_id, email.key)  # the sweep, say
    run_jobs()
    assert len(mail.outbox) == 1


def test_while_the_mail_server_is_down_orders_are_placed_and_emails_retried(buyer, towel, settings):
    settings.EMAIL_BACKEND = "jobs.tests.test_outbox.RefusingBackend"
    with committed_and_sent():
        placed = [order(buyer, towel, key=f"down-{i}") for i in range(3)]
    assert len(placed) == 3 and mail.outbox == []
    with scopes_disabled():
        pending = list(OutboxEmail.objects.order_by("pk"))
    assert [e.attempts for e in pending] == [1, 1, 1]
    assert all(e.status == "pending" and e.next_attempt_at > timezone.now() for e in pending)
    assert "SMTPServerDisconnected" in pending[0].last_error
    assert run_jobs() == 0  # the retries wait for their time
    advance_time()
    run_jobs()  # still down: the second attempt
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    advance_time()
    run_jobs()
    numbers = sorted(re.search(r"#(\d+)", m.subject).group(1) for m in mail.outbox)
    assert numbers == sorted(str(o.number) for o in placed)
    with scopes_disabled():
        assert [e.attempts for e in OutboxEmail.objects.order_by("pk")] == [3, 3, 3]
        assert all(e.status == "sent" for e in OutboxEmail.objects.all())
    advance_time()
    assert run_jobs() == 0 and len(mail.outbox) == 3  # sent once


def test_after_the_last_retry_it_waits_for_a_person(buyer, towel, settings):
    settings.EMAIL_BACKEND = "jobs.tests.test_outbox.RefusingBackend"
    with committed_and_sent():
        order(buyer, towel)
    for _ in outbox.BACKOFF:
        advance_time()
        run_jobs()
    with scopes_disabled():
        email = OutboxEmail.objects.get()
    assert email.status == "failed" and email.attempts == len(outbox.BACKOFF) + 1
    advance_time()
    assert run_jobs() == 0  # nothing more on its own
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with committed_and_sent(), scopes_disabled():
        outbox.retry(email)
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.status == "sent"


def test_the_backoff_grows():
    waits = outbox.BACKOFF
    assert waits == sorted(waits) and waits[0] == timedelta(minutes=1)
    assert sum(waits, timedelta()) > timedelta(days=1)


def test_a_job_is_stored_in_the_events_own_transaction(buyer, towel):
    with TestCase.captureOnCommitCallbacks() as callbacks:
        order(buyer, towel)
        assert DBTaskResult.objects.count() == 1  # before the commit, in the same transaction
    # nothing of the outbox waits for the commit: the job needs no commit of its own
    assert [c for c in callbacks if c.__module__ == outbox.__name__] == []


def test_with_a_queue_kept_elsewhere_a_lost_enqueue_fails_nothing_and_is_swept_up(
    buyer, towel, monkeypatch
):
    from jobs import schedule

    def unreachable(*args, **kwargs):
        raise ConnectionError("the queue is away")

    monkeypatch.setattr(outbox, "jobs_share_the_transaction", lambda: False)  # Redis, say
    monkeypatch.setattr(outbox, "enqueue_delivery", unreachable)
    with committed_and_sent():
        placed = order(buyer, towel)  # the order stands
    monkeypatch.undo()
    assert mail.outbox == []
    later = timezone.now() + schedule.LOST_AFTER + timedelta(minutes=1)
    assert schedule.tick(later)["resent"] == 1
    run_jobs()
    assert len(mail.outbox) == 1 and f"#{placed.number}" in mail.outbox[0].subject


def test_amounts_in_an_email_are_written_the_business_countrys_way_outside_a_request(buyer, towel):
    """An email rendered by a job (no request, no tenant middleware) still writes the lira
    with its sign for a Turkish business."""
    buyer.preferred_language = "en"
    with committed_and_sent():
        order(buyer, towel)  # called as a job would: no request around it
    (message,) = mail.outbox
    assert "₺10.00" in message.body and "TRY10.00" not in message.body
