"""Keyset paging: a page starts after the key of the last row of the one before, never at
an OFFSET, so a deep page costs what the first does.

The key travels in the address bar as a cursor (base64 of the JSON list of the key's
values). Coming back from the browser, it is checked like any input: anything that is not
a valid key of the ordering gives None, and the caller shows the first page.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, date, datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from crm.lib.text import has_control_characters


def encode_values(values: list) -> str:
    plain = [value.isoformat() if isinstance(value, date) else value for value in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def encode_cursor(row, order: tuple[str, ...]) -> str:
    """The cursor of the page after `row` in `order`."""
    return encode_values([getattr(row, column) for column in order])


def decode_cursor(cursor: str, model, order: tuple[str, ...]) -> list | None:
    """The key values of the last row seen, each as its column takes it, or None for a
    missing cursor and for anything that is not one of ours: the right number of values,
    each valid for its column (an integer in range, text without control characters, an
    aware date and time)."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(values, list) or len(values) != len(order):
        return None
    typed = []
    for column, value in zip(order, values, strict=True):
        if not isinstance(value, int | str) or isinstance(value, bool):
            return None
        if isinstance(value, str) and has_control_characters(value):
            return None
        try:
            value = model._meta.get_field(column).clean(value, None)
            if isinstance(value, datetime):
                if timezone.is_naive(value):
                    return None
                value = value.astimezone(UTC)  # out of range fails here, not in the query
        except (ValidationError, TypeError, ValueError, OverflowError):
            return None
        typed.append(value)
    return typed


def after(order: tuple[str, ...], values: list, *, descending: bool = False) -> Q:
    """Rows strictly after `values` in `order` (all ascending, or all descending): (a > x)
    or (a = x and b > y) or ...

    The leading `a >= x` adds nothing logically, but it is what lets PostgreSQL start the
    index scan at the cursor instead of filtering from the top, so any depth costs the same.
    """
    beyond, reach = ("lt", "lte") if descending else ("gt", "gte")
    condition = Q()
    for i, column in enumerate(order):
        step = Q(**{f"{column}__{beyond}": values[i]})
        for previous, value in zip(order[:i], values[:i], strict=True):
            step &= Q(**{previous: value})
        condition |= step
    return Q(**{f"{order[0]}__{reach}": values[0]}) & condition
