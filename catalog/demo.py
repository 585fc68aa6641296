"""The demo catalog of each demo business, from its data file: catalog/demo_data/<slug>.json.

A file holds the business's exchange rates, its categories with their products (explicit
SKU, unit, price in the base currency, active or not, and a name and description per
language) and a few explicit prices in other currencies. Names are given per language
code: a language added to the product is one more key in each.

Idempotent, through the scoped managers: categories are keyed on their English name,
products on their SKU, rates on their currency, explicit prices on product and currency; a
second run updates the same rows.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from catalog.i18n import LANGUAGE_CODES
from catalog.models import Category, ExchangeRate, Product, ProductPrice

DATA = Path(__file__).resolve().parent / "demo_data"


def translated(field: str, texts: dict[str, str]) -> dict[str, str]:
    """{"name_en": ..., "name_tr": ...} for the languages the product has."""
    return {f"{field}_{code}": text for code, text in texts.items() if code in LANGUAGE_CODES}


def load(slug: str) -> dict | None:
    path = DATA / f"{slug}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@transaction.atomic
def seed(tenant, owner, staff) -> None:
    """The tenant's demo catalog, if it has a data file; called inside its scope."""
    data = load(tenant.slug)
    if data is None:
        return
    today = timezone.localdate()
    for currency, rate in data["rates"].items():
        if currency in tenant.all_currencies and currency != tenant.base_currency:
            ExchangeRate.objects.update_or_create(
                tenant=tenant, currency=currency, defaults={"rate": rate, "set_on": today}
            )
    products = {}
    position = 0
    for category_position, category_data in enumerate(data["categories"]):
        category, _ = Category.objects.update_or_create(
            tenant=tenant,
            name_en=category_data["name"]["en"],
            defaults={**translated("name", category_data["name"]), "position": category_position},
        )
        for item in category_data["products"]:
            position += 10
            products[item["sku"]], _ = Product.objects.update_or_create(
                tenant=tenant,
                sku=item["sku"],
                defaults={
                    **translated("name", item["name"]),
                    **translated("description", item["description"]),
                    "category": category,
                    "unit": item["unit"],
                    "price": Decimal(item["price"]),
                    "position": position,
                    "is_active": item["active"],
                },
            )
    for price in data["prices"]:
        if price["currency"] in tenant.all_currencies and price["currency"] != tenant.base_currency:
            ProductPrice.objects.update_or_create(
                tenant=tenant,
                product=products[price["sku"]],
                currency=price["currency"],
                defaults={"price": Decimal(price["price"])},
            )
