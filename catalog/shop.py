"""Products as a shop page shows them (the quick-order catalog and the staff's preview of
it), read as plain rows.

A 500-product catalog built from model instances (ten translated columns each) cost more
than everything else on the page; `values()` rows in small objects cost a quarter of that.
The objects answer what the pricing (`PriceBook`), the text fallback (`localized`), the
grid's cache key and the templates ask of a product, and nothing more.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.db.models import F
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from catalog.i18n import LANGUAGE_CODES, localized
from catalog.models import Product
from catalog.pricing import PriceBook, PriceUnavailable
from crm.lib.money import format_money

IMAGE_STORAGE = Product._meta.get_field("image").storage

# The order every catalog page lists products in: by category (the owner's order, products
# without one last, on every database), then the product's own position.
CATALOG_ORDER = (
    F("category__position").asc(nulls_last=True),
    F("category_id").asc(nulls_last=True),
    "position",
    "id",
)


class ShopImage:
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name or ""

    def __bool__(self) -> bool:
        return bool(self.name)

    @property
    def url(self) -> str:
        return IMAGE_STORAGE.url(self.name)


class ShopProduct:
    def __init__(self, row: dict, languages: list[str]):
        self.pk = self.id = row["id"]
        self.sku = row["sku"]
        self.unit = row["unit"]
        self.price = row["price"]
        self.image = ShopImage(row["image"])
        for code in languages:
            setattr(self, f"name_{code}", row[f"name_{code}"])
            setattr(self, f"description_{code}", row[f"description_{code}"])
        self.category_id = row["category_id"]
        self.category = (
            SimpleNamespace(**{f"name_{c}": row[f"category__name_{c}"] for c in languages})
            if row["category_id"]
            else None
        )

    def get_unit_display(self) -> str:
        return Product.Unit(self.unit).label


def fallback_languages(language: str, tenant_language: str) -> list[str]:
    """The languages `localized` may read, in its order."""
    return [c for c in dict.fromkeys([language, tenant_language, "en"]) if c in LANGUAGE_CODES]


def shop_products(queryset, language: str, tenant_language: str) -> list[ShopProduct]:
    languages = fallback_languages(language, tenant_language)
    fields = ["id", "sku", "unit", "price", "image", "category_id"]
    for code in languages:
        fields += [f"name_{code}", f"description_{code}", f"category__name_{code}"]
    return [ShopProduct(row, languages) for row in queryset.values(*fields)]


def catalog_rows(tenant, products, currency, discount, language):
    """Products with their translated text and prices in one currency, for display."""
    book = PriceBook(tenant, currency, products)
    rows = []
    for product in products:
        try:
            price = book.unit_price(product, discount)
        except PriceUnavailable:
            price = None
        rows.append(
            {
                "product": product,
                "name": localized(product, "name", language, tenant.default_language),
                "description": localized(product, "description", language, tenant.default_language),
                "category": localized(product.category, "name", language, tenant.default_language)
                if product.category
                else "",
                "price": price,
            }
        )
    return rows


def group_by_category(rows):
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row["category"], []).append(row)
    return list(groups.items())


def render_preview(tenant, products, currency, discount, language) -> str:
    """The product grid exactly as a customer with these settings sees it."""
    with translation.override(language):
        rows = catalog_rows(tenant, products, currency, discount, language)
        return render_to_string(
            "catalog/_product_grid.html",
            {"groups": group_by_category(rows), "currency": currency},
        )


def price_table(tenant, products, language) -> list:
    """The staff's list of products by category, each with its list price in every
    currency the business sells in ("—" where it has none)."""
    currencies = tenant.all_currencies
    books = {c: PriceBook(tenant, c, products) for c in currencies}
    rows = []
    for product in products:
        prices = []
        for currency in currencies:
            try:
                prices.append(format_money(books[currency].list_price(product), currency))
            except PriceUnavailable:
                prices.append("—")
        rows.append(
            {
                "product": product,
                "name": localized(product, "name", language, tenant.default_language),
                "category": localized(product.category, "name", language, tenant.default_language)
                if product.category
                else _("Uncategorised"),
                "prices": prices,
            }
        )
    return group_by_category(rows)
