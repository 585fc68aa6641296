"""The quick-order product grid, cached by its content (as customer cards are).

The key digests what the grid shows: products (id, translated texts, unit, image), prices
in the page's currency with the customer's discount, category titles and the language. Any
change to a product, a price, a rate or a translation makes a new key, so no stale price is
ever shown. Neither the link's token nor the CSRF token is cached: markers stand in for
them and are replaced on every response.
"""

from __future__ import annotations

import hashlib

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

CSRF_MARK = "__csrf-token-placeholder__"
TOKEN_MARK = "__link-token-placeholder__"  # noqa: S105  (a marker, not a secret)
TIMEOUT = 3600
VERSION = "3"  # bump when the grid template changes


def grid_key(language: str, currency: str, discount, groups) -> str:
    shown = [
        (
            category,
            [
                (
                    row["product"].pk,
                    row["name"],
                    row["description"],
                    row["product"].unit,
                    row["product"].image.name,
                    (str(row["price"].list_price), str(row["price"].discounted))
                    if row["price"]
                    else None,
                )
                for row in rows
            ],
        )
        for category, rows in groups
    ]
    parts = [VERSION, language, currency, str(discount), shown]
    return "grid:" + hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def render_grid(request, *, token, language, currency, discount, groups) -> str:
    """The grid from the cache or freshly drawn, with this link and CSRF token filled in.

    The link's token is a marker in the cached copy too, so every customer who sees the
    same products at the same prices (language, currency, discount) shares one entry: a
    grid of 500 products is over half a megabyte, and each worker keeps only a few
    (`GRID_CACHE_ENTRIES`).
    """
    key = grid_key(language, currency, discount, groups)
    grids = caches["grids"]
    html = grids.get(key)
    if html is None:
        context = {
            "groups": groups,
            "token": TOKEN_MARK,
            "currency": currency,
            "csrf_token": CSRF_MARK,
        }
        html = render_to_string("quickorder/catalog.html#products", context)
        grids.set(key, html, TIMEOUT)
    return html.replace(TOKEN_MARK, token).replace(CSRF_MARK, get_token(request))
