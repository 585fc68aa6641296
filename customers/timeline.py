"""A customer's timeline, newest first, a page at a time (keyset on creation time and id:
a customer with thousands of events opens as fast as a new one)."""

from __future__ import annotations

from dataclasses import dataclass

from crm.lib.keyset import after, decode_cursor, encode_cursor
from customers.models import ActivityEvent, Customer

TIMELINE_PAGE = 25


@dataclass
class Timeline:
    events: list
    next_cursor: str | None


ORDER = ("created_at", "id")  # descending


def timeline(customer: Customer, before: str = "", size: int = TIMELINE_PAGE) -> Timeline:
    """A page of the customer's events, newest first, older than the cursor `before`."""
    events = customer.events.select_related("actor")
    values = decode_cursor(before, ActivityEvent, ORDER)
    if values is not None:
        events = events.filter(after(ORDER, values, descending=True))
    rows = list(events[: size + 1])
    shown = rows[:size]
    return Timeline(shown, encode_cursor(shown[-1], ORDER) if len(rows) > size else None)
