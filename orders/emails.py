"""Order emails, in the order's language: stored with the event in its transaction and sent
by a background job once it commits (jobs.outbox), so a slow or failing mail server never
holds a request or undoes an order."""

from jobs.outbox import queue_email

# Where a customer follows an order: set by the quick-order app (which depends on this one),
# a callable (order) -> absolute URL of the order's status page, or "".
status_page_url = None


status_link = None  # callable (customer) -> their link, set by the quick-order app too


def before_placing(customer) -> None:
    """Read what the order's email will link to before the order counter is locked (the
    lock is held until commit: the less happens under it, the more orders at once)."""
    if status_link and customer.email and "new" in (customer.tenant.customer_emails or []):
        customer.status_link = status_link(customer)


def status_url(order) -> str:
    return status_page_url(order) if status_page_url else ""


def wanted(order, status: str) -> bool:
    """Whether the business emails its customers about this move (settings)."""
    return bool(order.customer.email) and status in (order.tenant.customer_emails or [])


def order_received(order, lines) -> None:
    """`order` as just placed (with its tenant and customer) and its lines."""
    tenant = order.tenant
    context = {"tenant": tenant, "order": order, "lines": lines, "customer": order.customer}
    if wanted(order, "new"):
        context["status_url"] = status_url(order)
        queue_email(
            tenant,
            key=f"order:{order.pk}:received",
            to=order.customer.email,
            subject_template="orders/email/received_subject.txt",
            body_template="orders/email/received.txt",
            context=context,
            language=order.language,
        )
    if tenant.notification_email:
        queue_email(
            tenant,
            key=f"order:{order.pk}:new",
            to=tenant.notification_email,
            subject_template="orders/email/new_order_subject.txt",
            body_template="orders/email/new_order.txt",
            context=context,
            language=tenant.default_language,
        )


def status_changed(order, change) -> None:
    """The customer's email about a move (`change`, an OrderStatusChange) of `order`, if
    the business sends one for it."""
    if not wanted(order, change.to_status):
        return
    context = {
        "tenant": order.tenant,
        "order": order,
        "customer": order.customer,
        "status": change.to_status,
        "tracking": change.tracking,
        "status_url": status_url(order),
    }
    queue_email(
        order.tenant,
        key=f"order:{order.pk}:status:{change.pk}",
        to=order.customer.email,
        subject_template="orders/email/status_subject.txt",
        body_template="orders/email/status.txt",
        context=context,
        language=order.language,
    )
