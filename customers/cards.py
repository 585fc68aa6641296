"""What a customer card or a table row shows, and their rendered HTML cached by content.

Each way of listing customers is one `Display`: its template, the customer's columns it
reads, and whether it shows tags and the default address. The query loads exactly those
columns (a column a template reads but the query did not load would cost one more query per
row), and the cache key is made of their values, so a cached card or row can never be
stale or another tenant's: a change to anything it shows is a new key, and old entries
simply expire.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

TIMEOUT = 24 * 3600
VERSION = "4"  # bump when a card template changes

# What paging and the sections need, whatever is shown (customers.listing).
PAGING_COLUMNS = ("id", "tenant_id", "status", "temperature_rank", "name", "archived_at")


@dataclass(frozen=True)
class Display:
    template: str
    columns: tuple[str, ...]  # the customer's, "group__name" for the group's name
    tags: bool = False
    address: bool = False

    @property
    def query_columns(self) -> list[str]:
        return list(dict.fromkeys([*PAGING_COLUMNS, *self.columns]))

    @property
    def related(self) -> list[str]:
        return sorted({c.split("__")[0] for c in self.columns if "__" in c})

    def values(self, customer) -> list:
        """Everything the template shows of this customer, as plain values."""
        values = []
        for column in self.columns:
            if column == "group__name":
                values.append(customer.group.name if customer.group_id else "")
            else:
                value = getattr(customer, column)
                values.append(value.isoformat() if hasattr(value, "isoformat") else value)
        if self.tags:
            values.append([(t.pk, t.name) for t in customer.card_tags])
        if self.address:
            address = customer.default_addresses[0] if customer.default_addresses else None
            values.append(address.one_line() if address else "")
        return values


DISPLAYS = {
    "cards": Display(
        "customers/_card.html",
        (
            "name",
            "email",
            "phone",
            "contact_person",
            "temperature",
            "discount_percent",
            "is_blocked",
            "latest_note_excerpt",
            "group__name",
        ),
        tags=True,
        address=True,
    ),
    "table": Display(
        "customers/_row.html",
        (
            "name",
            "email",
            "group__name",
            "status",
            "temperature",
            "is_blocked",
            "last_order_ip",
            "created_at",
        ),
    ),
}


def card_key(customer, display: Display, language: str, prefix: str = "") -> str:
    parts = [
        VERSION,
        display.template,
        language,
        prefix,  # where the tenant's pages are (its links change with the slug)
        customer.tenant_id,
        customer.pk,
        *display.values(customer),
    ]
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"card:{customer.tenant_id}:{digest}"


def render_cards(customers, view_mode: str) -> None:
    """Set `customer.card_html` on each customer, from the cache or freshly rendered."""
    display = DISPLAYS[view_mode]
    language = get_language()
    prefix = reverse("customers:list")
    keys = {customer.pk: card_key(customer, display, language, prefix) for customer in customers}
    cached = caches["fragments"].get_many(list(keys.values()))
    missing = {}
    for customer in customers:
        html = cached.get(keys[customer.pk])
        if html is None:
            html = render_to_string(display.template, {"customer": customer})
            missing[keys[customer.pk]] = html
        customer.card_html = html
    if missing:
        caches["fragments"].set_many(missing, TIMEOUT)
