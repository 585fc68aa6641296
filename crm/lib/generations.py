"""Per-tenant generations: a token in the shared cache that every write to one kind of
data renews, so that anything cached under the old token is never found again.

A write renews the generation when its transaction commits (at once outside one), and a
page's key takes the generation before the page reads the database. So a page drawn while
the write was not yet committed is kept under the old generation, which nobody asks for
after the commit; a rolled-back write renews nothing, as nothing changed. Nothing is cached
from inside a transaction, where a page could show writes that are then rolled back.

Users: the customers page (customers/results_cache.py) and the quick-order catalog
(quickorder/grid_cache.py); the receivers that renew them are in customers/signals.py,
catalog/signals.py and notes/services.py.

The generations live in the shared cache, so this is on only with one (`GENERATION_CACHE`,
on when `REDIS_URL` is set): with a cache per process, a write in one worker would not
reach the others. What is cached under a generation also expires after a minute, which
bounds what a write from outside the application (SQL by hand, a restore) could leave.
"""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

from crm.lib import soft_cache

TIMEOUT = 24 * 3600
log = logging.getLogger(__name__)


def _key(kind: str, tenant_id: int) -> str:
    return f"generation:{kind}:{tenant_id}"


def _forget(key: str) -> None:
    # Redis away: what was kept expires within a minute (the users' TIMEOUT).
    if not soft_cache.delete_many([key]):
        log.warning("could not renew %s", key)


def renew(kind: str, tenant_id: int) -> None:
    key = _key(kind, tenant_id)
    transaction.on_commit(lambda: _forget(key))


def current(kind: str, tenant_id: int) -> str | None:
    """The tenant's generation of `kind`, or None when nothing may be cached now (the
    cache is off, a transaction is open, or Redis does not answer: then pages are drawn)."""
    if not settings.GENERATION_CACHE or connection.in_atomic_block:
        return None
    key = _key(kind, tenant_id)
    try:
        value = cache.get(key)
        if value is None:
            cache.add(key, uuid.uuid4().hex, TIMEOUT)
            value = cache.get(key)  # None if renewed this instant: draw it, don't keep it
    except Exception:
        log.warning("generation %s unavailable; drawing the page", key, exc_info=True)
        return None
    return value
