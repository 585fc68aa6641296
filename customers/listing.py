"""The two sections of the customers page, each paged by keyset (never OFFSET), so a deep
page costs what the first does and no query counts the tenant's customers."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crm.lib.compiled import CompiledQuery
from crm.lib.text import has_control_characters
from customers.cards import Display
from customers.models import ActivityEvent, Address, Customer, Tag

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


@dataclass(frozen=True)
class CardTag:
    pk: int
    name: str


@dataclass
class Page:
    section: Section
    customers: list[Customer]
    next_cursor: str | None


def encode_values(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def encode_cursor(customer: Customer, order: tuple[str, ...]) -> str:
    return encode_values([getattr(customer, column) for column in order])


def decode_cursor(cursor: str, model, order: tuple[str, ...]) -> list | None:
    """The key values of the last row seen, each as its column takes it, or None for a
    missing cursor and for anything that is not one of ours (then the first page shows).

    A cursor comes back from the address bar, so it is checked like any input: the right
    number of values, each valid for its column (an integer in range, text without control
    characters, an aware date and time), before it reaches a query."""
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


def after(order: tuple[str, ...], values: list) -> Q:
    """Rows strictly after `values` in `order`: (a > x) or (a = x and b > y) or ...

    The leading `a >= x` adds nothing logically, but it is what lets PostgreSQL start the
    index scan at the cursor instead of filtering from the top, so any depth costs the same.
    """
    condition = Q()
    for i, column in enumerate(order):
        step = Q(**{f"{column}__gt": values[i]})
        for previous, value in zip(order[:i], values[:i], strict=True):
            step &= Q(**{previous: value})
        condition |= step
    return Q(**{f"{order[0]}__gte": values[0]}) & condition


# The tags and the default addresses of a page's cards, in the tenant's scope: compiled
# once per number of cards (crm.lib.compiled.CompiledQuery), as every page drawn asks for them. That
# took a tenth off the instructions of a drawn customers page (62.7M to 56.3M).
CARD_TAGS = CompiledQuery(
    lambda ids: (
        Tag.objects.filter(customers__in=ids)
        .order_by("name")
        .values_list("customers", "pk", "name")
    ),
    scoped=True,
    ids=[-1],
)
CARD_ADDRESSES = CompiledQuery(
    lambda ids: Address.objects.filter(customer_id__in=ids, is_default=True).only(
        "id", "customer_id", "line1", "line2", "postal_code", "city", "region", "country"
    ),
    scoped=True,
    ids=[-1],
)


def attach_card_data(customers: list[Customer], display: Display) -> list[Customer]:
    """Tags and default addresses of a page of customers, in a query each, if the display
    shows them.

    (Django's prefetch_related builds a related manager per row; on a page of cards that
    bookkeeping cost more than the queries themselves.)
    """
    ids = [c.pk for c in customers]
    if display.tags:
        tags: dict[int, list] = {pk: [] for pk in ids}
        for customer_id, tag_id, name in CARD_TAGS(ids=ids):
            tags[customer_id].append(CardTag(tag_id, name))
        for customer in customers:
            customer.card_tags = tags[customer.pk]
    if display.address:
        addresses = {a.customer_id: a for a in CARD_ADDRESSES(ids=ids)}
        for customer in customers:
            default = addresses.get(customer.pk)
            customer.default_addresses = [default] if default else []
    return customers


def _section_rows(
    queryset: QuerySet, section: Section, cursor: str, size: int, display: Display
) -> QuerySet:
    if section.status:
        queryset = queryset.filter(status=section.status)
    values = decode_cursor(cursor, Customer, section.order)
    if values is not None:
        queryset = queryset.filter(after(section.order, values))
    rows = queryset.select_related(*display.related).only(*display.query_columns)
    return rows.order_by(*section.order)[: size + 1]


def pages(
    queryset: QuerySet,
    sections: list[Section],
    cursors: dict[str, str],
    display: Display,
    size: int = PAGE_SIZE,
) -> list[Page]:
    """One page of each section: the rows of all sections in one query where the database
    can combine sliced, ordered queries (PostgreSQL's UNION ALL), then for cards the tags and
    addresses of every card in two more, so the page costs the same number of queries
    however many customers it shows.
    """
    parts = [_section_rows(queryset, s, cursors.get(s.key, ""), size, display) for s in sections]
    if len(parts) > 1 and connection.features.supports_slicing_ordering_in_compound:
        rows = list(parts[0].union(*parts[1:], all=True))
        # Each part arrives in its own order; a section is the rows of its status.
        by_section = [[c for c in rows if c.status == s.status] for s in sections]
    else:
        by_section = [list(part) for part in parts]
    shown = [section_rows[:size] for section_rows in by_section]
    attach_card_data([customer for section_rows in shown for customer in section_rows], display)
    return [
        Page(s, rows, encode_cursor(rows[-1], s.order) if len(all_rows) > size else None)
        for s, rows, all_rows in zip(sections, shown, by_section, strict=True)
    ]


def page(
    queryset: QuerySet, section: Section, display: Display, cursor: str = "", size: int = PAGE_SIZE
) -> Page:
    return pages(queryset, [section], {section.key: cursor}, display, size)[0]


TIMELINE_PAGE = 25


@dataclass
class Timeline:
    events: list
    next_cursor: str | None


def timeline(customer: Customer, before: str = "", size: int = TIMELINE_PAGE) -> Timeline:
    """A customer's events, newest first, a page at a time (keyset on creation time and id:
    a customer with thousands of orders opens as fast as a new one)."""
    events = customer.events.select_related("actor")
    values = decode_cursor(before, ActivityEvent, ("created_at", "id"))
    if values is not None:
        when, pk = values
        events = events.filter(Q(created_at__lt=when) | Q(created_at=when, id__lt=pk))
    rows = list(events[: size + 1])
    shown = rows[:size]
    cursor = (
        encode_values([shown[-1].created_at.isoformat(), shown[-1].pk])
        if len(rows) > size
        else None
    )
    return Timeline(shown, cursor)
