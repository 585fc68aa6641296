"""The results part of the customers page (both sections of cards), cached per tenant
"generation".

Any write that can change a card or which customers a page lists (a customer, an address,
a tag, a group, a customer's tags, the latest-note preview) starts a new generation of
that tenant (customers/signals.py, notes/services.py). A cached page is only found under
the generation it was drawn in, so a change shows on the next page load. The generation is
forgotten twice: at the write, and again once its transaction commits, so a page drawn
from the database in between (before the commit) can never be found afterwards.

The generation lives in the shared cache (Redis); the pages in each worker's memory (a
page of 48 cards is about 80 KB). So this is on only with a shared cache
(`CUSTOMER_LIST_CACHE`, on when `REDIS_URL` is set): with a cache per process, a write in
one worker would not reach the others. Entries also expire after TIMEOUT seconds, which
bounds what a write outside the application (SQL by hand, a restore) could leave behind.
"""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

TIMEOUT = 60
GENERATION_TIMEOUT = 24 * 3600
VERSION = "1"  # bump when the results template changes


def generation_key(tenant_id: int) -> str:
    return f"customers-generation:{tenant_id}"


def new_generation(tenant_id: int) -> None:
    """Called on every write that can change the customers page of this tenant."""
    key = generation_key(tenant_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def _generation(tenant_id: int) -> str | None:
    key = generation_key(tenant_id)
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, GENERATION_TIMEOUT)
        value = cache.get(key)
    return value


def page_key(request, view_mode: str) -> str | None:
    """The key of this page's results, or None when the cache is off or unavailable."""
    if not settings.CUSTOMER_LIST_CACHE or connection.in_atomic_block:
        # Inside a transaction the page could show writes that are later rolled back.
        return None
    tenant = request.tenant
    generation = _generation(tenant.pk)
    if generation is None:  # forgotten again this instant: draw it, don't keep it
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
