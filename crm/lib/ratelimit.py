"""Rate limits: how many times something may happen per key in a time window, counted in
the shared cache (Redis in production, so every worker and server counts together).

The limits are read from settings at each check, so tests and deployments can change them.
Keys are usually a client address from crm.lib.client_address.client_ip.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    name: str
    setting: str  # the settings name of the limit (how many per window)
    window: int  # seconds

    @property
    def limit(self) -> int:
        return getattr(settings, self.setting)

    def _key(self, who) -> str:
        return f"ratelimit:{self.name}:{who}"

    def exceeded(self, who) -> bool:
        return cache.get(self._key(who), 0) >= self.limit

    def hit(self, who) -> None:
        """Count one more; the window starts with the first hit."""
        key = self._key(who)
        if cache.add(key, 1, self.window):
            return
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, self.window)

    def reset(self, who) -> None:
        cache.delete(self._key(who))


# Failed quick-order link lookups per client address (guessing links), per 10 minutes.
QUICKORDER_LOOKUPS = RateLimit("qo-fail", "QUICKORDER_FAILED_LOOKUPS_PER_IP", 600)
# Orders per quick-order link, per hour.
QUICKORDER_ORDERS = RateLimit("qo-orders", "QUICKORDER_ORDERS_PER_LINK", 3600)
# Failed logins per client address, whatever the user names (django-axes counts per user
# name and address), per AXES_COOLOFF_TIME.
LOGIN_FAILURES = RateLimit(
    "login-fail",
    "LOGIN_FAILURES_PER_ADDRESS",
    int(settings.AXES_COOLOFF_TIME.total_seconds()),
)
