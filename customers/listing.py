"""The sections of the customers page (current, potential, archived), each paged by keyset
(crm.lib.keyset), so a deep page costs what the first does and no query counts the
tenant's customers."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from crm.lib.keyset import after, decode_cursor, encode_cursor
from customers.displays import Display
from customers.models import Address, Customer, Tag

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


def attach_card_data(customers: list[Customer], display: Display) -> list[Customer]:
    """Tags and default addresses of a page of customers, in a query each, if the display
    shows them.

    (Django's prefetch_related builds a related manager per row; on a page of cards that
    bookkeeping cost more than the queries themselves.)
    """
    ids = [c.pk for c in customers]
    if display.tags:
        tags: dict[int, list] = {pk: [] for pk in ids}
        rows = Tag.objects.filter(customers__in=ids).order_by("name")
        for customer_id, tag_id, name in rows.values_list("customers", "pk", "name"):
            tags[customer_id].append(CardTag(tag_id, name))
        for customer in customers:
            customer.card_tags = tags[customer.pk]
    if display.address:
        defaults = Address.objects.filter(customer_id__in=ids, is_default=True).only(
            "id", "customer_id", "line1", "line2", "postal_code", "city", "region", "country"
        )
        addresses = {a.customer_id: a for a in defaults}
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
