"""Staff manage a customer's quick-order link from the customer page."""

import logging

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_scopes import scope, scopes_disabled

from crm.lib.logging import RedactQuickOrderTokens
from jobs.testing import committed_and_sent
from quickorder.models import QuickOrderLink
from quickorder.tokens import make_token


def base(customer):
    return f"/anka/customers/{customer.pk}/link/"


def test_generate_shows_link_qr_and_timeline(client_a, customer_a, tenant_a):
    response = client_a.post(base(customer_a) + "generate/")
    assert response.status_code == 302
    with scope(tenant=tenant_a):
        link = QuickOrderLink.objects.get()
    body = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    assert f"http://testserver/q/{make_token(link)}/" in body
    assert "data:image/svg+xml" in body  # the QR code
    assert "Quick-order link created" in body


def test_regenerate_revokes_the_old_link(client, client_a, customer_a, tenant_a):
    client_a.post(base(customer_a) + "generate/")
    with scopes_disabled():
        old = QuickOrderLink.objects.get()
    client_a.post(base(customer_a) + "generate/")
    with scopes_disabled():
        old.refresh_from_db()
        active = QuickOrderLink.objects.filter(revoked_at__isnull=True)
        assert old.revoked_at is not None and active.count() == 1
    client.logout()
    assert client.get(f"/q/{make_token(old)}/").status_code == 404
    assert client.get(f"/q/{make_token(active.get())}/").status_code == 200


def test_revoke_and_expiry(client_a, customer_a, tenant_a):
    client_a.post(base(customer_a) + "generate/")
    tomorrow = (timezone.localdate() + timezone.timedelta(days=1)).isoformat()
    client_a.post(base(customer_a) + "expiry/", {"expires_on": tomorrow})
    with scopes_disabled():
        link = QuickOrderLink.objects.get()
        assert link.expires_at is not None
    response = client_a.post(
        base(customer_a) + "expiry/", {"expires_on": "2001-01-01"}, follow=True
    )
    assert "Choose a date in the future." in response.content.decode()
    client_a.post(base(customer_a) + "revoke/")
    link.refresh_from_db()
    assert link.revoked_at is not None
    with scope(tenant=tenant_a):
        kinds = list(customer_a.events.values_list("kind", flat=True))
    assert "link_revoked" in kinds and "link_created" in kinds


def test_expiry_in_the_timeline_in_words_and_only_when_it_changes(client_a, customer_a, tenant_a):
    from customers.templatetags.customer_tags import change_lines

    client_a.post(base(customer_a) + "generate/")
    day = timezone.localdate() + timezone.timedelta(days=40)
    later = day + timezone.timedelta(days=1)
    client_a.post(base(customer_a) + "expiry/", {"expires_on": day.isoformat()})
    client_a.post(base(customer_a) + "expiry/", {"expires_on": day.isoformat()})  # the same
    client_a.post(base(customer_a) + "expiry/", {"expires_on": later.isoformat()})
    with scope(tenant=tenant_a):
        changes = [e.data["changes"] for e in customer_a.events.filter(kind="changed")]
        assert changes == [
            [{"field": "link_expiry", "old": day.isoformat(), "new": later.isoformat()}],
            [{"field": "link_expiry", "old": "", "new": day.isoformat()}],
        ]
        event = customer_a.events.filter(kind="changed").first()
    with translation.override("tr"):
        [line] = change_lines(event)
        assert str(line["label"]) == "hızlı sipariş bağlantısının son günü"
        assert line["new"] == date_format(later, "SHORT_DATE_FORMAT") != later.isoformat()
    body = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    assert "link_expiry" not in body


def test_regenerating_keeps_the_expiry_unless_it_has_passed(client_a, customer_a, tenant_a):
    client_a.post(base(customer_a) + "generate/")
    day = timezone.localdate() + timezone.timedelta(days=10)
    client_a.post(base(customer_a) + "expiry/", {"expires_on": day.isoformat()})
    client_a.post(base(customer_a) + "generate/")
    with scopes_disabled():
        old, new = QuickOrderLink.objects.order_by("id")
        assert new.revoked_at is None and new.expires_at == old.expires_at
        QuickOrderLink.objects.filter(pk=new.pk).update(
            expires_at=timezone.now() - timezone.timedelta(minutes=1)
        )
    client_a.post(base(customer_a) + "generate/")
    with scopes_disabled():
        newest = QuickOrderLink.objects.order_by("id").last()
        assert newest.revoked_at is None and newest.expires_at is None


def test_send_by_email_in_the_customers_language(client_a, customer_a, tenant_a):
    client_a.post(base(customer_a) + "generate/")
    with committed_and_sent():
        client_a.post(base(customer_a) + "send/")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["info@yildiz.example"]
    assert "/q/" in message.body


def test_blocked_customer_gets_no_link(client_a, customer_a):
    customer_a.is_blocked = True
    customer_a.save()
    client_a.post(base(customer_a) + "generate/")
    with scopes_disabled():
        assert not QuickOrderLink.objects.exists()


@pytest.mark.parametrize("action", ["generate", "revoke", "expiry", "send"])
def test_other_tenants_customer_gives_404(client_a, customer_b, owner_b, tenant_b, action):
    with scope(tenant=tenant_b):
        from quickorder.services import generate_link

        link = generate_link(customer_b, by=owner_b)
    assert client_a.post(base(customer_b) + f"{action}/").status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None
    with scopes_disabled():
        assert QuickOrderLink.objects.count() == 1


def test_actions_need_post(client_a, customer_a):
    assert client_a.get(base(customer_a) + "generate/").status_code == 405


def test_tokens_are_redacted_from_log_records(client, link_a, caplog):
    _link, token = link_a
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/q/{token}/",), None
    )
    RedactQuickOrderTokens().filter(record)
    assert token not in record.getMessage()
    assert "/q/[redacted]" in record.getMessage()


def test_no_token_in_the_404_warning_django_logs(client, link_a, capsys):
    _link, token = link_a
    client.get(f"/q/{token}x/")
    captured = capsys.readouterr()
    assert token not in captured.err + captured.out


def test_request_log_is_structured_and_has_no_token(client, client_a, link_a):
    import io
    import json

    from crm.lib.logging import JsonFormatter

    _link, token = link_a
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactQuickOrderTokens())
    logger = logging.getLogger("crm.request")
    logger.addHandler(handler)
    try:
        client_a.get("/anka/customers/")
        client.get(f"/q/{token}/")
        client.get(f"/q/{token}/nope/")
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert {"method", "path", "status", "duration_ms", "tenant", "user"} <= set(lines[0])
    assert (lines[0]["tenant"], lines[0]["status"], lines[0]["method"]) == ("anka", 200, "GET")
    assert lines[1]["path"] == "/q/[redacted]/"
    assert token not in stream.getvalue()


def test_error_reports_never_carry_the_token(client, link_a, caplog, settings):
    from crm.lib.logging import redact

    _link, token = link_a
    assert token not in redact(f"GET /q/{token}/checkout/ 500")


@pytest.mark.parametrize("typed", ["9999-12-31", "2200-01-01", "31.12.9999", "tomorrow"])
def test_an_expiry_out_of_range_is_a_clear_error_that_keeps_the_date(
    client_a, customer_a, tenant_a, typed
):
    tenant_a.timezone = "America/New_York"  # west of UTC: 9999-12-31 was year 10000 in UTC
    tenant_a.save(update_fields=["timezone"])
    client_a.post(base(customer_a) + "generate/")
    response = client_a.post(base(customer_a) + "expiry/", {"expires_on": typed})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Choose a date within the next 5 years." in body or "Enter a valid date." in body
    assert f'value="{typed}"' in body and "autofocus" in body
    with scopes_disabled():
        assert QuickOrderLink.objects.get().expires_at is None
    # Every page that shows the link still answers.
    assert client_a.get(f"/anka/customers/{customer_a.pk}/").status_code == 200


def test_the_expiry_error_is_translated(client_a, customer_a, owner_a):
    owner_a.language = "tr"
    owner_a.save(update_fields=["language"])
    client_a.post(base(customer_a) + "generate/")
    response = client_a.post(base(customer_a) + "expiry/", {"expires_on": "9999-12-31"})
    assert "Choose a date within" not in response.content.decode()
    assert "5 yıl" in response.content.decode()


def test_no_expiry_beyond_the_year_3000_can_be_stored(customer_a, tenant_a, owner_a):
    import datetime

    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    from quickorder.services import generate_link

    with scope(tenant=tenant_a):
        link = generate_link(customer_a, by=owner_a)
        link.expires_at = datetime.datetime(3500, 1, 1, tzinfo=datetime.UTC)
        with pytest.raises(ValidationError):
            link.full_clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            link.save(update_fields=["expires_at"])
