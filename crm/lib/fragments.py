"""Keys of cached rendered fragments (customer cards and rows, the customers page's
results, the quick-order grid and catalog, QR codes): one helper instead of a digest
written out in each.

A key is the kind of fragment, the tenant where there is one (so entries of a tenant can
be told apart), and a digest of everything the fragment shows. A change to any of that
is a new key, so nothing is ever invalidated: old entries expire. The caches live in each
worker's memory, which a deploy empties, so no version number is needed for a changed
template.
"""

from __future__ import annotations

import hashlib

from django.core.cache import caches
from django.utils.safestring import SafeString, mark_safe


def fragment_key(kind: str, *shown, tenant_id=None) -> str:
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=20).hexdigest()
    return f"{kind}:{tenant_id}:{digest}" if tenant_id is not None else f"{kind}:{digest}"


ROW_TIMEOUT = 24 * 3600
# Where a kept fragment's forms carry the CSRF token: each response puts in its reader's
# (fill_csrf), so one kept fragment serves every member.
CSRF_MARK = "__csrf-token-placeholder__"


def fill_csrf(html: str, token) -> SafeString:
    return mark_safe(html.replace(CSRF_MARK, str(token)))  # noqa: S308  (our templates' output)


def kept_fragments(items, key_of, draw, *, timeout: int = ROW_TIMEOUT) -> list[SafeString]:
    """Each item's HTML: from the "fragments" cache under key_of(item) (a fragment_key of
    everything the item's HTML shows), else draw(item), kept for the next page. One round
    trip for the whole list, however long."""
    keys = [key_of(item) for item in items]
    cache = caches["fragments"]
    found = cache.get_many(keys)
    drawn: dict[str, str] = {}
    html = []
    for item, key in zip(items, keys, strict=True):
        text = found.get(key) or drawn.get(key)
        if text is None:
            text = drawn[key] = draw(item)
        html.append(mark_safe(text))  # noqa: S308  (our templates' output)
    if drawn:
        cache.set_many(drawn, timeout)
    return html
