"""The quick-order catalog's product grid, drawn or kept.

Two layers. The grid alone is kept under what it shows (products with their translated
texts, unit and image, prices in the page's currency with the customer's discount,
category titles, the language), so any change to a product, a price, a rate or a
translation makes a new key and no stale price is ever shown. The whole catalog (grid and
category menu) is also kept per tenant catalog generation (crm.lib.generations), so a
repeated visit reads nothing from the database at all.

Neither the link's token nor the CSRF token is kept: markers stand in for them and are
replaced on every response, so every customer who sees the same products at the same
prices shares one entry (a grid of 500 products is over half a megabyte, and each worker
keeps only a few: GRID_CACHE_ENTRIES).
"""

from __future__ import annotations

from django.core.cache import caches
from django.db.models import Q
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from catalog.i18n import localized
from catalog.models import Category, Product
from catalog.shop import CATALOG_ORDER, catalog_rows, group_by_category, shop_products
from crm.lib import generations, money
from crm.lib.fragments import CSRF_MARK, fragment_key
from crm.lib.validation import is_number

TOKEN_MARK = "__link-token-placeholder__"  # noqa: S105  (a marker, not a secret)
TIMEOUT = 3600
CATALOG_TIMEOUT = 60  # bounds what a write from outside the application could leave


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
    # The amounts are written the business country's way (crm.lib.money): a change of
    # country is a new grid.
    return fragment_key("grid", language, money.current_country(), currency, str(discount), shown)


def draw_grid(*, language, currency, discount, groups) -> str:
    """The grid with markers for the link and CSRF tokens, kept or drawn."""
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


def _draw_catalog(tenant, language, currency, discount, term, category_id):
    """The grid (with markers) and the category menu, from the database."""
    products = Product.objects.filter(is_active=True).select_related("category")
    if term:
        query = Q(sku__icontains=term)
        for code in dict.fromkeys([language, tenant.default_language, "en"]):
            query |= Q(**{f"name_{code}__icontains": term})
        products = products.filter(query)
    if is_number(category_id):
        products = products.filter(category_id=int(category_id))
    products = shop_products(
        products.order_by(*CATALOG_ORDER),
        language,
        tenant.default_language,
    )
    rows = catalog_rows(tenant, products, currency, discount, language)
    if term or is_number(category_id):
        categories = [
            (c.pk, localized(c, "name", language, tenant.default_language))
            for c in Category.objects.filter(products__is_active=True).distinct()
        ]
    else:  # every active product is on the page: its categories, in the same order
        categories = list(
            {
                p.category_id: localized(p.category, "name", language, tenant.default_language)
                for p in products
                if p.category_id
            }.items()
        )
    html = draw_grid(
        language=language, currency=currency, discount=discount, groups=group_by_category(rows)
    )
    return html, categories


def catalog_key(tenant, language: str, currency: str, discount) -> str | None:
    """Key of the whole catalog as of the tenant's catalog generation, or None when nothing
    may be kept."""
    generation = generations.current("catalog", tenant.pk)
    if generation is None:
        return None
    return fragment_key(
        "catalog", generation, language, currency, str(discount), tenant_id=tenant.pk
    )


def catalog(request, tenant, token: str, *, language, currency, discount, term, category_id):
    """(the product grid for this link and visitor, the category menu), kept or drawn.
    A search or a category is always drawn."""
    filtered = bool(term) or is_number(category_id)
    key = None if filtered else catalog_key(tenant, language, currency, discount)
    kept = caches["grids"].get(key) if key else None
    if kept:
        html, categories = kept
    else:
        html, categories = _draw_catalog(tenant, language, currency, discount, term, category_id)
        if key:
            caches["grids"].set(key, (html, categories), CATALOG_TIMEOUT)
    filled = html.replace(TOKEN_MARK, token).replace(CSRF_MARK, get_token(request))
    return mark_safe(filled), categories  # noqa: S308  (rendered by our template)
