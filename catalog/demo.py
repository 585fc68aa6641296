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

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from catalog.i18n import LANGUAGE_CODES
from catalog.models import Category, ExchangeRate, Product, ProductPrice
from catalog.photos import add_photos, prepare

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
    for product in products.values():
        # A photo for each, as a real shop would show (about 40 ms a product; tests that do
        # not look at photos turn it off: settings.DEMO_PHOTOS).
        if not product.image and getattr(settings, "DEMO_PHOTOS", True):
            upload = SimpleUploadedFile(f"{product.sku}.jpg", demo_picture(product.sku))
            add_photos(product, [prepare(upload)])
    for price in data["prices"]:
        if price["currency"] in tenant.all_currencies and price["currency"] != tenant.base_currency:
            ProductPrice.objects.update_or_create(
                tenant=tenant,
                product=products[price["sku"]],
                currency=price["currency"],
                defaults={"price": Decimal(price["price"])},
            )


def demo_picture(sku: str, size: tuple[int, int] = (640, 480)) -> bytes:
    """A product "photo" for the demo: folded cloth or a loaf in a colour of its own (the
    same for the same SKU), on a soft background, as a JPEG."""
    import colorsys
    import hashlib
    from io import BytesIO

    from PIL import Image, ImageDraw, ImageFilter

    seed = int(hashlib.sha256(sku.encode()).hexdigest()[:8], 16)
    hue = (seed % 360) / 360

    def tone(lightness, saturation=0.45):
        return tuple(round(c * 255) for c in colorsys.hls_to_rgb(hue, lightness, saturation))

    width, height = size
    picture = Image.new("RGB", size, tone(0.94, 0.25))
    draw = ImageDraw.Draw(picture)
    # A shadow, then three folded layers with a stripe each.
    draw.ellipse((width * 0.18, height * 0.72, width * 0.82, height * 0.86), fill=tone(0.82, 0.2))
    picture = picture.filter(ImageFilter.GaussianBlur(8))
    draw = ImageDraw.Draw(picture)
    for layer in range(3):
        top = height * (0.30 + layer * 0.14)
        box = (width * 0.2, top, width * 0.8, top + height * 0.18)
        draw.rounded_rectangle(box, radius=28, fill=tone(0.55 - layer * 0.08))
        stripe = top + height * (0.05 + (seed >> layer) % 3 * 0.03)
        draw.rectangle((width * 0.2, stripe, width * 0.8, stripe + 10), fill=tone(0.85, 0.3))
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
