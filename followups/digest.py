"""The morning email of follow-ups: to each member who wants it (Membership.followup_digest,
on unless they turn it off in Settings), their follow-ups overdue and due today, in their
language and the business's time zone. A daily scheduled job (jobs.schedule): one email
per member and day, never two (the outbox key)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count

from crm.core.models import Membership
from crm.core.urlconfs import tenant_reverse
from followups.models import FollowUp
from jobs.outbox import queue_email
from jobs.schedule import daily

DIGEST_AT = datetime.time(7, 0)  # local time of the business
LISTED = 50  # follow-ups listed in one email; the rest are counted


@daily("followup_digest", at=DIGEST_AT)
def followup_digest(tenant, day: datetime.date) -> str:
    due = FollowUp.objects.filter(done_at__isnull=True, due_on__lte=day)
    counts = dict(
        due.values("assignee").annotate(n=Count("id")).order_by().values_list("assignee", "n")
    )
    if not counts:
        return "nothing due"
    readers = list(
        Membership.objects.filter(
            followup_digest=True, user__is_active=True, user_id__in=list(counts)
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id")
    )
    url = settings.SITE_URL + tenant_reverse(tenant, "followups:today")
    for membership in readers:
        user = membership.user
        listed = list(
            due.filter(assignee=user)
            .select_related("customer")
            .only("text", "due_on", "due_time", "customer__name")
            .order_by(*FollowUp.ORDER)[:LISTED]
        )
        queue_email(
            tenant,
            key=f"followup-digest:{day.isoformat()}:{user.pk}",
            to=user.email,
            subject_template="followups/email/digest_subject.txt",
            body_template="followups/email/digest.txt",
            context={
                "tenant": tenant,
                "day": day,
                "overdue": [f for f in listed if f.due_on < day],
                "today": [f for f in listed if f.due_on == day],
                "total": counts[user.pk],
                "more": counts[user.pk] - len(listed),
                "url": url,
            },
            language=user.language or tenant.default_language,
        )
    return f"{len(readers)} emails"
