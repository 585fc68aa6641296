"""A quick-order link for one demo customer per tenant, printed by `make run`."""

import os

from customers.models import Customer
from quickorder.models import QuickOrderLink
from quickorder.services import generate_link
from quickorder.tokens import make_token


def seed(tenant, owner, staff) -> str:
    customer = (
        Customer.objects.active()
        .filter(is_blocked=False, discount_percent__gt=0)
        .exclude(preferred_currency=tenant.base_currency)
        .order_by("id")
        .first()
    ) or Customer.objects.active().filter(is_blocked=False).order_by("id").first()
    if customer is None:
        return ""
    link = QuickOrderLink.objects.filter(customer=customer, revoked_at__isnull=True).first()
    if link is None:
        link = generate_link(customer, by=owner)
    # `make run` says where it serves (HOST and PORT may be set), so the link opens there.
    base = os.environ.get("DEMO_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    return (
        f"  quick-order link of {customer.name} ({customer.preferred_language}, "
        f"{customer.preferred_currency}, {customer.discount_percent}% off): "
        f"{base}/q/{make_token(link)}/"
    )
