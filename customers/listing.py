"""The two sections of the customers page, each paged by keyset (never OFFSET), so a deep
page costs what the first does and no query counts the tenant's customers."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from customers.models import Address, Customer

PAGE_SIZE = 24


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    status: str | None
    order: tuple[str, ...]  # ascending columns, the last one unique (id)


SECTIONS = [
    Section("current", _("Current customers"), Customer.Status.CURRENT, ("name", "id")),
    Section(
        "potential",
        _("Potential customers"),
        Customer.Status.POTENTIAL,
        ("temperature_rank", "name", "id"),
    ),
]
ARCHIVED = Section("archived", _("Archived customers"), None, ("name", "id"))


@dataclass
class Page:
    section: Section
    customers: list[Customer]
    next_cursor: str | None


def encode_cursor(customer: Customer, order: tuple[str, ...]) -> str:
    values = [getattr(customer, column) for column in order]
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, order: tuple[str, ...]) -> list | None:
    """The key values of the last row seen, or None for a missing or mangled cursor."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not isinstance(values, list) or len(values) != len(order):
        return None
    if not all(isinstance(v, int | str) for v in values) or not isinstance(values[-1], int):
        return None
    return values


def after(order: tuple[str, ...], values: list) -> Q:
    """Rows strictly after `values` in `order`: (a > x) or (a = x and b > y) or ..."""
    condition = Q()
    for i, column in enumerate(order):
        step = Q(**{f"{column}__gt": values[i]})
        for previous, value in zip(order[:i], values[:i], strict=True):
            step &= Q(**{previous: value})
        condition |= step
    return condition


def card_queryset(queryset: QuerySet) -> QuerySet:
    """Everything a card shows, in a constant number of queries."""
    return queryset.select_related("group").prefetch_related(
        "tags",
        Prefetch(
            "addresses",
            queryset=Address.objects.filter(is_default=True),
            to_attr="default_addresses",
        ),
    )


def page(queryset: QuerySet, section: Section, cursor: str = "", size: int = PAGE_SIZE) -> Page:
    if section.status:
        queryset = queryset.filter(status=section.status)
    values = decode_cursor(cursor, section.order)
    if values is not None:
        queryset = queryset.filter(after(section.order, values))
    rows = list(card_queryset(queryset.order_by(*section.order))[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return Page(section, rows, encode_cursor(rows[-1], section.order) if more else None)
