"""Rendered customer cards and table rows, cached by what they show (customers.displays).

A change to anything a card shows is a new key, so a cached card is never stale or
another tenant's; old entries expire. Each worker keeps its own (the "fragments" cache).
"""

from __future__ import annotations

from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from crm.lib.fragments import fragment_key
from customers.displays import Display

TIMEOUT = 24 * 3600


def card_key(customer, display: Display, language: str, prefix: str) -> str:
    return fragment_key(
        "card",
        display.template,
        display.shown,
        language,
        timezone.get_current_timezone_name(),  # dates are the business's days
        prefix,  # where the tenant's pages are (its links change with the slug)
        customer.pk,
        *display.values(customer),
        tenant_id=customer.tenant_id,
    )


def render_cards(customers, display: Display) -> None:
    """Set `customer.card_html` on each customer, from the cache or freshly rendered."""
    language = get_language()
    prefix = reverse("customers:list")
    keys = {customer.pk: card_key(customer, display, language, prefix) for customer in customers}
    cached = caches["fragments"].get_many(list(keys.values()))
    missing = {}
    for customer in customers:
        html = cached.get(keys[customer.pk])
        if html is None:
            html = render_to_string(
                display.template, {"customer": customer, "columns": display.shown}
            )
            missing[keys[customer.pk]] = html
        customer.card_html = html
    if missing:
        caches["fragments"].set_many(missing, TIMEOUT)
