"""Superusers see the queue and the outgoing emails in the admin and can run a failed job or
send an email again; a tenant's owners see neither."""

import pytest
from django.core import mail
from django_scopes import scopes_disabled
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.models import OutboxEmail
from jobs.outbox import deliver
from jobs.testing import committed_and_sent, run_jobs


@pytest.fixture
def failed_email(tenant_a, settings):
    settings.EMAIL_BACKEND = "jobs.tests.test_outbox.RefusingBackend"
    with scopes_disabled():
        email = OutboxEmail.objects.create(
            tenant=tenant_a, key="k", to="a@example.com", subject="Hello", body="Hi"
        )
    deliver.enqueue(tenant_a.pk, "k")
    run_jobs()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    email.refresh_from_db()
    return email


def test_superusers_see_failed_jobs_and_run_them_again(client, superuser, failed_email):
    client.force_login(superuser)
    (failed,) = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    page = client.get("/admin/django_tasks_database/dbtaskresult/")
    assert page.status_code == 200 and "deliver" in page.content.decode()
    assert (
        client.get(f"/admin/django_tasks_database/dbtaskresult/{failed.pk}/change/").status_code
        == 200
    )
    response = client.post(
        "/admin/django_tasks_database/dbtaskresult/",
        {"action": "run_again", "_selected_action": [failed.pk]},
    )
    assert response.status_code == 302
    run_jobs()  # the retry the first attempt scheduled is not due yet; this one is
    assert [m.subject for m in mail.outbox] == ["Hello"]


def test_superusers_send_an_email_again(client, superuser, failed_email):
    client.force_login(superuser)
    page = client.get("/admin/jobs/outboxemail/")
    assert "Hello" in page.content.decode() and "a@example.com" in page.content.decode()
    with committed_and_sent():
        client.post(
            "/admin/jobs/outboxemail/",
            {"action": "send_again", "_selected_action": [failed_email.pk]},
        )
    assert len(mail.outbox) == 1
    failed_email.refresh_from_db()
    assert failed_email.status == "sent"


def test_owners_see_no_queue_and_no_emails(client_a):
    assert client_a.get("/anka/admin/jobs/outboxemail/").status_code == 404
    assert client_a.get("/admin/jobs/outboxemail/").status_code == 302  # to the login
