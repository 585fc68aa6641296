"""For tests: run the queued jobs here and now, as `db_worker` would, until none is ready.

(`db_worker --batch` itself closes database connections between jobs, which a test's
transaction does not survive.)"""

from contextlib import contextmanager

from django.test import TestCase
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_jobs(limit: int = 1000) -> int:
    """Run every job that is ready (and those they enqueue); the number run."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    done = 0
    while done < limit:
        result = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        if result is None:
            return done
        result.claim(worker.worker_id)
        # In a worker each job's transactions commit, and what they do on commit happens
        # (enqueueing a retry, say); in a test they are inside the test's transaction.
        with TestCase.captureOnCommitCallbacks(execute=True):
            worker.run_task(result)
        done += 1
    raise RuntimeError(f"more than {limit} jobs: a job that enqueues itself for ever?")


@contextmanager
def committed_and_sent():
    """What the block commits, as if it committed (its on-commit actions run), then the jobs
    that enqueued: the emails are in django.core.mail.outbox afterwards."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield
    run_jobs()
