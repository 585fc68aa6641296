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

from crm.lib import generations

CSRF_MARK = "__csrf-token-placeholder__"
TOKEN_MARK = "__link-token-placeholder__"  # noqa: S105  (a marker, not a secret)
TIMEOUT = 3600
CATALOG_TIMEOUT = 60  # bounds what a write from outside the application could leave
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


def draw_grid(*, language, currency, discount, groups) -> str:
    """The grid with markers for the link and CSRF tokens, from the cache or drawn.

    The markers let every customer who sees the same products at the same prices (language,
    currency, discount) share one entry: a grid of 500 products is over half a megabyte,
    and each worker keeps only a few (`GRID_CACHE_ENTRIES`).
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
    return html


def fill(request, html: str, token: str) -> str:
    """The grid for this link and this visitor."""
    return html.replace(TOKEN_MARK, token).replace(CSRF_MARK, get_token(request))


def full_catalog_key(tenant, language: str, currency: str, discount) -> str | None:
    """Key of the whole catalog (grid and category menu) as of the tenant's catalog
    generation (crm/generations.py): on a hit nothing is read from the database at all.
    None when nothing may be cached."""
    generation = generations.current("catalog", tenant.pk)
    if generation is None:
        return None
    parts = [VERSION, generation, tenant.pk, language, currency, str(discount)]
    return "catalog:" + hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def cached_catalog(key: str | None):
    """(grid with markers, category menu) kept under `key`, or None."""
    return caches["grids"].get(key) if key else None


def keep_catalog(key: str | None, html: str, categories: list) -> None:
    if key:
        caches["grids"].set(key, (html, categories), CATALOG_TIMEOUT)
