"""The shared cache for things that are only an acceleration (tenant menus, filter options,
page generations): while Redis is away, a read misses and a write is skipped, and the page
is drawn from the database instead of failing."""

import logging

from django.core.cache import cache

log = logging.getLogger(__name__)


def get(key: str, default=None):
    try:
        return cache.get(key, default)
    except Exception:
        log.warning("cache unavailable: read %s", key, exc_info=True)
        return default


def set(key: str, value, timeout: int) -> None:
    try:
        cache.set(key, value, timeout)
    except Exception:
        log.warning("cache unavailable: write %s", key, exc_info=True)


def delete_many(keys: list[str]) -> bool:
    """False when the keys could not be forgotten (the caller may want to say so)."""
    try:
        cache.delete_many(keys)
    except Exception:
        log.warning("cache unavailable: forget %s", keys, exc_info=True)
        return False
    return True
