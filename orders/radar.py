"""The reorder radar: how often a customer orders, and when their next order is due.

Kept on the customer (`reorder_*` columns) whenever one of their orders is placed or
cancelled, so the pages that show it read one row, never every order.

The rules:
- Orders that were cancelled do not count; orders on the same day (in the business's time
  zone) are one order.
- Fewer than three such order days: too few to tell (no rhythm, nothing due).
- The usual interval is the median gap between order days, so one unusual gap (a holiday)
  does not move it; the next order is due that many days after the last.
- When the gaps are too uneven to predict (their median distance from the usual interval is
  more than half of it), the rhythm is "irregular" and nothing is due.
- An archived or blocked customer has no rhythm.
- The usual value is the median total of the counted orders, in the currency of the last.
- Only the latest RECENT orders count: the rhythm of the last two years or so, read through
  the (tenant, customer, number) index whatever the customer's history (a customer with
  14,000 orders costs what one with 30 does, on every order placed).
"""

from __future__ import annotations

import itertools
import statistics
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from crm.lib import generations
from customers.models import Customer, ReorderState
from orders.models import Order

MIN_ORDER_DAYS = 3
RECENT = 24
UNEVEN = Decimal("0.5")


def rhythm(days: list, totals: list[Decimal]) -> tuple[str, int | None, object, Decimal | None]:
    """(state, usual interval in days, due date, usual value) from the order days (dates,
    any order) and the orders' totals."""
    days = sorted(set(days))
    if len(days) < MIN_ORDER_DAYS:
        return ReorderState.UNKNOWN, None, None, None
    gaps = [(later - earlier).days for earlier, later in itertools.pairwise(days)]
    usual = statistics.median(gaps)
    value = statistics.median(totals) if totals else None
    spread = statistics.median(abs(gap - usual) for gap in gaps)
    interval = max(1, round(usual))
    if Decimal(str(spread)) > UNEVEN * Decimal(str(usual)):
        return ReorderState.IRREGULAR, interval, None, value
    return ReorderState.REGULAR, interval, days[-1] + timedelta(days=interval), value


FIELDS = [
    "reorder_state",
    "reorder_interval_days",
    "reorder_due_on",
    "reorder_usual_value",
    "reorder_currency",
]


def latest(customer: Customer, limit: int = RECENT) -> list[tuple]:
    """(placed, total, currency) of the customer's latest orders that count, oldest first."""
    return list(
        Order.objects.filter(customer=customer)
        .exclude(status=Order.Status.CANCELLED)
        .order_by("-number")
        .values_list("created_at", "total", "currency")[:limit]
    )[::-1]


def compute(customer: Customer, counted: list[tuple] | None = None) -> list[str]:
    """Work the customer's rhythm out again from their latest orders (read here, one query,
    unless given) and set it on `customer`; the fields that changed (to be saved with the
    customer's own)."""
    if customer.archived_at is not None or customer.is_blocked:
        state, interval, due, value, currency = ReorderState.UNKNOWN, None, None, None, ""
    else:
        zone = ZoneInfo(customer.tenant.timezone)
        counted = latest(customer) if counted is None else counted[-RECENT:]
        days = [placed.astimezone(zone).date() for placed, _total, _currency in counted]
        currency = counted[-1][2] if counted else ""
        totals = [total for _placed, total, c in counted if c == currency]
        state, interval, due, value = rhythm(days, totals)
    new = dict(
        zip(
            FIELDS,
            [state, interval, due, value, currency if value is not None else ""],
            strict=True,
        )
    )
    changed = [f for f, v in new.items() if getattr(customer, f) != v]
    for field in changed:
        setattr(customer, field, new[field])
    return changed


def refresh(customer: Customer) -> None:
    """compute(), then store what changed (one update) for the pages that show it."""
    changed = compute(customer)
    if changed:
        Customer.objects.filter(pk=customer.pk).update(**{f: getattr(customer, f) for f in changed})
        generations.renew("customers", customer.tenant_id)


def refresh_after_merge(keep, gone, by) -> None:
    """Two customers merged: the one that stays has both's orders, so a new rhythm."""
    refresh(keep)
