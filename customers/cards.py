"""Rendered customer cards, cached by their content.

The cache key is a digest of everything a card shows (the customer's fields, tags, group,
default address, latest-note preview), the language, the tenant and the view. A change to
any of them is a new key, so a cached card can never be stale or another tenant's: nothing
needs invalidating, old entries simply expire.
"""

from __future__ import annotations

import hashlib

from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

TEMPLATES = {"cards": "customers/_card.html", "table": "customers/_row.html"}
TIMEOUT = 24 * 3600
VERSION = "3"  # bump when a card template changes


def card_key(customer, view_mode: str, language: str, prefix: str = "") -> str:
    address = customer.default_addresses[0] if customer.default_addresses else None
    parts = [
        VERSION,
        view_mode,
        language,
        prefix,  # where the tenant's pages are (its links change with the slug)
        customer.tenant_id,
        customer.pk,
        customer.name,
        customer.email,
        customer.phone,
        customer.contact_person,
        customer.status,
        customer.temperature,
        customer.discount_percent,
        customer.is_blocked,
        customer.latest_note_excerpt,
        customer.created_at.isoformat(),
        customer.group.name if customer.group_id else "",
        [(t.pk, t.name) for t in customer.card_tags],
        address.one_line() if address else "",
    ]
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"card:{customer.tenant_id}:{digest}"


def render_cards(customers, view_mode: str) -> None:
    """Set `customer.card_html` on each customer, from the cache or freshly rendered."""
    language = get_language()
    template = TEMPLATES[view_mode]
    prefix = reverse("customers:list")
    keys = {customer.pk: card_key(customer, view_mode, language, prefix) for customer in customers}
    cached = caches["fragments"].get_many(list(keys.values()))
    missing = {}
    for customer in customers:
        html = cached.get(keys[customer.pk])
        if html is None:
            html = render_to_string(template, {"customer": customer})
            missing[keys[customer.pk]] = html
        customer.card_html = html
    if missing:
        caches["fragments"].set_many(missing, TIMEOUT)
