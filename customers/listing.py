"""The two sections of the customers page, each paged by keyset (never OFFSET), so a deep
page costs what the first does and no query counts the tenant's customers."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from django.db.models import Q, QuerySet
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


@dataclass(frozen=True)
class CardTag:
    pk: int
    name: str


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


# What a card or a table row shows; the rest of a customer stays in the database.
CARD_FIELDS = [
    "id",
    "tenant_id",
    "name",
    "email",
    "phone",
    "contact_person",
    "status",
    "temperature",
    "temperature_rank",
    "discount_percent",
    "is_blocked",
    "latest_note_excerpt",
    "created_at",
    "archived_at",
    "group__name",
]


def attach_card_data(customers: list[Customer]) -> list[Customer]:
    """Tags and default addresses of a page of customers in two queries.

    (Django's prefetch_related builds a related manager per row; on a page of cards that
    bookkeeping cost more than the queries themselves.)
    """
    ids = [c.pk for c in customers]
    tags: dict[int, list] = {pk: [] for pk in ids}
    rows = Customer.tags.through.objects.filter(customer_id__in=ids).order_by("tag__name")
    for customer_id, tag_id, name in rows.values_list("customer_id", "tag_id", "tag__name"):
        tags[customer_id].append(CardTag(tag_id, name))
    address_fields = ["id", "customer_id", "line1", "line2", "postal_code", "city", "region"]
    defaults = Address.objects.filter(customer_id__in=ids, is_default=True)
    addresses = {a.customer_id: a for a in defaults.only(*address_fields, "country")}
    for customer in customers:
        customer.card_tags = tags[customer.pk]
        default = addresses.get(customer.pk)
        customer.default_addresses = [default] if default else []
    return customers


def page(queryset: QuerySet, section: Section, cursor: str = "", size: int = PAGE_SIZE) -> Page:
    if section.status:
        queryset = queryset.filter(status=section.status)
    values = decode_cursor(cursor, section.order)
    if values is not None:
        queryset = queryset.filter(after(section.order, values))
    rows = list(
        queryset.select_related("group").only(*CARD_FIELDS).order_by(*section.order)[: size + 1]
    )
    more = len(rows) > size
    rows = attach_card_data(rows[:size])
    return Page(section, rows, encode_cursor(rows[-1], section.order) if more else None)
