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


def fragment_key(kind: str, *shown, tenant_id=None) -> str:
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=20).hexdigest()
    return f"{kind}:{tenant_id}:{digest}" if tenant_id is not None else f"{kind}:{digest}"
