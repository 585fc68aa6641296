"""Order emails, in the customer's language; called with transaction.on_commit so nothing
is sent for an order that was rolled back."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django_scopes import scope

from crm.core.models import Tenant
from crm.lib.mail import render_email

log = logging.getLogger(__name__)


def _send(subject_template, body_template, context, recipient, language):
    subject, body = render_email(subject_template, body_template, context, language)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    except Exception:  # a mail server outage must not undo or hide a committed order
        log.exception("could not send %s to the customer", body_template)


def _load(order_pk, tenant_pk):
    from orders.models import Order

    tenant = Tenant.objects.get(pk=tenant_pk)
    with scope(tenant=tenant):
        order = Order.objects.select_related("customer").prefetch_related("lines").get(pk=order_pk)
        lines = list(order.lines.all())
    return tenant, order, lines


def order_received(order, lines) -> None:
    """`order` as just placed (with its tenant and customer) and its lines."""
    tenant = order.tenant
    context = {"tenant": tenant, "order": order, "lines": lines, "customer": order.customer}
    if order.customer.email:
        _send(
            "orders/email/received_subject.txt",
            "orders/email/received.txt",
            context,
            order.customer.email,
            order.language,
        )
    if tenant.notification_email:
        _send(
            "orders/email/new_order_subject.txt",
            "orders/email/new_order.txt",
            context,
            tenant.notification_email,
            tenant.default_language,
        )


def status_changed(order_pk: int, tenant_pk: int, status: str, tracking: str = "") -> None:
    """`status` and `tracking` as of the move (the order may have moved on since)."""
    tenant, order, lines = _load(order_pk, tenant_pk)
    if not order.customer.email:
        return
    context = {
        "tenant": tenant,
        "order": order,
        "lines": lines,
        "customer": order.customer,
        "status": status,
        "tracking": tracking,
    }
    _send(
        "orders/email/status_subject.txt",
        "orders/email/status.txt",
        context,
        order.customer.email,
        order.language,
    )
