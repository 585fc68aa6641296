"""Emails are plain text: names with &, <, quotes arrive as written, in the subject and the
body, and no name can add a header."""

from decimal import Decimal

import pytest
from django.core import mail
from django_scopes import scope

from conftest import make_customer, make_product
from jobs.testing import committed_and_sent
from orders.services import LineRequest, place_order, transition
from quickorder.services import generate_link, send_link_email

NAME = 'Özgür & Oğul <Tekstil> "Ltd"'
BUSINESS = "Anka & Co <Atölye>"


@pytest.fixture
def order(tenant_a, owner_a):
    tenant_a.name = BUSINESS
    tenant_a.notification_email = "orders@anka.example"
    tenant_a.save()
    with scope(tenant=tenant_a):
        customer = make_customer(tenant_a, NAME, email="ozgur@example.com")
        product = make_product(tenant_a, "P-1", Decimal("10"), name_en="Towels & <Robes>")
        with committed_and_sent():
            return place_order(
                customer=customer,
                lines=[LineRequest(product.pk, 2)],
                address=None,
                source="staff",
                idempotency_key="k1",
                note='Bring 5 < 6 & "soon"',
            )


def test_order_emails_are_text_not_html(order):
    received, notification = mail.outbox
    assert received.subject.startswith(f"{BUSINESS}: ") and "#1" in received.subject
    for message in (received, notification):
        assert "&amp;" not in message.subject + message.body
        assert "&lt;" not in message.subject + message.body
        assert "&quot;" not in message.subject + message.body
    assert BUSINESS in received.subject
    assert NAME in notification.subject
    assert "Towels & <Robes>" in received.body
    assert 'Bring 5 < 6 & "soon"' in notification.body


def test_status_emails_are_text_too(order, tenant_a, owner_a):
    mail.outbox.clear()
    with scope(tenant=tenant_a), committed_and_sent():
        transition(order, "confirmed", by=owner_a)
    (message,) = mail.outbox
    assert "&amp;" not in message.subject + message.body
    assert NAME in message.body


def test_the_link_email_is_text(tenant_a, owner_a):
    tenant_a.name = BUSINESS
    tenant_a.save()
    with scope(tenant=tenant_a):
        customer = make_customer(tenant_a, NAME, email="ozgur@example.com")
        link = generate_link(customer, by=owner_a)
        with committed_and_sent():
            send_link_email(link, "https://crm.example/q/x/", by=owner_a)
    (message,) = mail.outbox
    assert BUSINESS in message.subject and "&amp;" not in message.subject + message.body
    assert NAME in message.body


def test_a_name_cannot_add_a_header(tenant_a, owner_a):
    tenant_a.name = "Anka\r\nBcc: victim@example.com"
    tenant_a.save()
    with scope(tenant=tenant_a):
        customer = make_customer(tenant_a, "C", email="c@example.com")
        link = generate_link(customer, by=owner_a)
        with committed_and_sent():
            send_link_email(link, "https://crm.example/q/x/", by=owner_a)
    (message,) = mail.outbox
    assert "\n" not in message.subject and "\r" not in message.subject
    headers = message.message()
    assert headers["Bcc"] is None and message.recipients() == ["c@example.com"]
