"""The morning email to owners who want it: the customers who became due to reorder today
(their rhythm, customers.models reorder_*), in the owner's language and the business's
time zone. A daily scheduled job (jobs.schedule), sent once per owner and day."""

from __future__ import annotations

import datetime

from django.conf import settings

from crm.core.models import Membership
from crm.core.urlconfs import tenant_reverse
from customers.models import Customer, ReorderState
from jobs.outbox import queue_email
from jobs.schedule import daily

DIGEST_AT = datetime.time(7, 0)  # local time of the business


@daily("reorder_digest", at=DIGEST_AT)
def reorder_digest(tenant, day: datetime.date) -> str:
    live = Customer.objects.filter(
        archived_at__isnull=True, is_blocked=False, reorder_state=ReorderState.REGULAR
    ).exclude(reorder_snoozed_until__gte=day)
    became_due = list(live.filter(reorder_due_on=day).order_by("name", "id")[:200])
    if not became_due:
        return "nobody became due"
    overdue = live.filter(reorder_due_on__lt=day).count()
    owners = list(
        Membership.objects.filter(
            role=Membership.Role.OWNER, reorder_digest=True, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user")
    )
    url = settings.SITE_URL + tenant_reverse(tenant, "customers:reorders")
    for membership in owners:
        user = membership.user
        queue_email(
            tenant,
            key=f"reorder-digest:{day.isoformat()}:{user.pk}",
            to=user.email,
            subject_template="customers/email/reorder_digest_subject.txt",
            body_template="customers/email/reorder_digest.txt",
            context={
                "tenant": tenant,
                "customers": became_due,
                "overdue": overdue,
                "url": url,
                "day": day,
            },
            language=user.language or tenant.default_language,
        )
    return f"{len(became_due)} due, {len(owners)} owners"
