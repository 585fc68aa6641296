"""The Today page's lists: the open follow-ups overdue, due today and due in the next
seven days, someone's or everyone's. Whatever the number of follow-ups, one query counts
each section up to a cap and one query reads each (a page of SECTION_SIZE, keyset-paged on
the partial indexes followup_open_mine and followup_open_all)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from crm.lib import generations, soft_cache
from crm.lib.keyset import after, decode_cursor, encode_cursor
from followups.models import FollowUp

SECTION_SIZE = 25
COUNT_CAP = 999  # a section shows "999+" beyond
BADGE_CAP = 99  # the sidebar shows "99+" beyond
WEEK = 7
BADGE_TIMEOUT = 3600

ROW_COLUMNS = [
    "id",
    "tenant_id",
    "text",
    "due_on",
    "due_time",
    "due_minute",
    "done_at",
    "created_by_id",
    "assignee_id",
    "assignee__first_name",
    "assignee__last_name",
    "assignee__username",
    "customer_id",
    "customer__name",
    "customer__phone",
    "customer__email",
    "customer__tenant_id",
]


@dataclass
class Section:
    key: str
    count: int
    rows: list = field(default_factory=list)
    html: list = field(default_factory=list)  # the rows drawn (followups.views.draw_rows)

    @property
    def count_label(self) -> str:
        return f"{COUNT_CAP}+" if self.count > COUNT_CAP else str(self.count)

    next_cursor: str | None = None


def open_followups(user=None):
    """Open follow-ups: everyone's, or those assigned to `user`."""
    found = FollowUp.objects.filter(done_at__isnull=True)
    return found.filter(assignee=user) if user is not None else found


def section_filters(today: datetime.date) -> dict[str, Q]:
    return {
        "overdue": Q(due_on__lt=today),
        "today": Q(due_on=today),
        "week": Q(due_on__gt=today, due_on__lte=today + datetime.timedelta(days=WEEK)),
    }


def counts(user=None, today: datetime.date | None = None) -> dict[str, int]:
    """The number in each section, counted up to COUNT_CAP + 1 ("999+"): the work is
    bounded whatever the number of follow-ups (a few index entries each)."""
    today = today or timezone.localdate()
    return {
        key: open_followups(user).filter(condition)[: COUNT_CAP + 1].count()
        for key, condition in section_filters(today).items()
    }


def sections(user=None, cursors: dict | None = None) -> list[Section]:
    today = timezone.localdate()
    cursors = cursors or {}
    found = counts(user, today)
    out = []
    for key, condition in section_filters(today).items():
        section = Section(key, found[key] or 0)
        if section.count:
            section.rows, section.next_cursor = page(user, condition, cursors.get(key, ""))
        out.append(section)
    return out


def page(user, condition: Q, cursor: str = "") -> tuple[list, str | None]:
    rows = (
        open_followups(user)
        .filter(condition)
        .select_related("customer", "assignee")
        .only(*ROW_COLUMNS)
        .order_by(*FollowUp.ORDER)
    )
    values = decode_cursor(cursor, FollowUp, FollowUp.ORDER)
    if values is not None:
        rows = rows.filter(after(FollowUp.ORDER, values))
    found = list(rows[: SECTION_SIZE + 1])
    shown = found[:SECTION_SIZE]
    return shown, encode_cursor(shown[-1], FollowUp.ORDER) if len(found) > SECTION_SIZE else None


def section_page(user, key: str, cursor: str) -> Section | None:
    """The next page of one section ("Show more")."""
    condition = section_filters(timezone.localdate()).get(key)
    if condition is None:
        return None
    section = Section(key, 0)
    section.rows, section.next_cursor = page(user, condition, cursor)
    return section


def badge_count(tenant_id: int, user) -> int:
    """The sidebar's number: my follow-ups overdue or due today, up to BADGE_CAP + 1
    ("99+"). Kept in the shared cache per tenant "followups" and "customers" generation
    (every write to either renews it), user and day."""
    today = timezone.localdate()
    generation = generations.current("followups", tenant_id)
    # A deleted customer takes its follow-ups along without a follow-up write.
    customers = generations.current("customers", tenant_id)
    if customers is None:
        generation = None
    key = f"followups-badge:{tenant_id}:{user.pk}:{today.isoformat()}:{generation}:{customers}"
    kept = soft_cache.get(key) if generation is not None else None
    if kept is not None:
        return kept
    number = open_followups(user).filter(due_on__lte=today)[: BADGE_CAP + 1].count()
    if generation is not None:
        soft_cache.set(key, number, BADGE_TIMEOUT)
    return number
