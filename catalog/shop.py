"""Products as a shop page shows them (the quick-order catalog and the staff's preview of
it), read as plain rows.

A 500-product catalog built from model instances (ten translated columns each) cost more
than everything else on the page; `values()` rows in small objects cost a quarter of that.
The objects answer what the pricing (`PriceBook`), the text fallback (`localized`), the
grid's cache key and the templates ask of a product, and nothing more.
"""

from __future__ import annotations

from types import SimpleNamespace

from catalog.i18n import LANGUAGE_CODES, localized
from catalog.models import Product
from catalog.pricing import PriceBook, PriceUnavailable

IMAGE_STORAGE = Product._meta.get_field("image").storage


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
