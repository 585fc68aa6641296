"""The results part of the customers page (both sections of cards), cached per tenant
generation (crm/generations.py).

Any write that can change a card or which customers a page lists (a customer, an address,
a tag, a group, a customer's tags, the latest-note preview) renews the tenant's "customers"
generation (customers/signals.py, notes/services.py), so a change shows on the next page
load. The pages themselves are kept in each worker's memory (about 80 KB each).
"""

from __future__ import annotations

import hashlib

from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from crm.lib import generations

TIMEOUT = 60
VERSION = "1"  # bump when the results template changes


def new_generation(tenant_id: int) -> None:
    generations.renew("customers", tenant_id)


def page_key(request, view_mode: str) -> str | None:
    """The key of this page's results, or None when nothing may be cached."""
    tenant = request.tenant
    generation = generations.current("customers", tenant.pk)
    if generation is None:
        return None
    parts = [
        VERSION,
        generation,
        tenant.pk,
        reverse("customers:list"),  # the tenant's slug is in every link
        get_language(),
        timezone.get_current_timezone_name(),
        view_mode,
        sorted(request.GET.lists()),
    ]
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()
    return f"customers-page:{tenant.pk}:{digest}"


def get(key: str | None) -> str | None:
    return caches["pages"].get(key) if key else None


def put(key: str | None, html: str) -> None:
    if key:
        caches["pages"].set(key, html, TIMEOUT)
