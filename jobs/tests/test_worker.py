"""A real worker process (`manage.py db_worker`) against PostgreSQL and a real SMTP server
(aiosmtpd): killed in the middle of sending, the email is sent by the next run, once."""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs import schedule
from jobs.models import OutboxEmail
from jobs.outbox import queue_email

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


@pytest.fixture(autouse=True)
def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("a worker in another process needs a database server")


class Mailbox:
    """An SMTP server whose first message is held until released and then refused (the
    worker sending it is killed meanwhile); later ones are accepted and kept."""

    def __init__(self):
        self.received = []
        self.holding = threading.Event()
        self.release = threading.Event()
        self.first = True

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        if self.first:
            self.first = False
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "421 Service not available"
        self.received.append(envelope.content.decode())
        return "250 OK"


@pytest.fixture
def mailbox():
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    box.port = port
    yield box
    box.release.set()
    controller.stop()


def start_worker(mailbox) -> subprocess.Popen:
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": (
            f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}"
        ),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mailbox.port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "30",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.1",
            "--no-startup-delay",
            "--no-reload",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_worker_killed_while_sending_leaves_the_email_to_the_next_run(tenant_a, mailbox):
    with scopes_disabled():
        queue_email(
            tenant_a,
            key="order:1:received",
            to="deniz@example.com",
            subject_template="quickorder/email/link_subject.txt",
            body_template="quickorder/email/link.txt",
            context={"tenant": tenant_a, "customer": {"name": "Deniz"}, "url": "https://x/"},
            language="en",
        )
    worker = start_worker(mailbox)
    try:
        assert wait_for(mailbox.holding.is_set), "the worker never reached the mail server"
        os.kill(worker.pid, signal.SIGKILL)  # in the middle of the job
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
    mailbox.release.set()
    with scopes_disabled():
        email = OutboxEmail.objects.get()
    assert email.sent_at is None and mailbox.received == []
    (running,) = DBTaskResult.objects.all()
    assert running.status == TaskResultStatus.RUNNING  # its worker is gone

    # Ten minutes on, the scheduler's run sends it again and marks the dead job failed.
    later = timezone.now() + timedelta(hours=2)
    assert schedule.tick(later) == {"enqueued": 0, "resent": 1, "stale": 1}
    worker = start_worker(mailbox)
    try:
        assert wait_for(lambda: mailbox.received), "the email was not sent again"
        time.sleep(1)  # a second sending would be here by now
    finally:
        worker.terminate()
        worker.wait(10)
    assert len(mailbox.received) == 1 and "deniz@example.com" in mailbox.received[0]
    email.refresh_from_db()
    assert email.sent_at is not None
    running.refresh_from_db()
    assert running.status == TaskResultStatus.FAILED
