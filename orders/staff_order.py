"""The staff's New order page: every product priced for the customer, with what was
typed, and the summary of the order so far, priced as placing it will price it."""

from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language

from catalog.i18n import localized
from catalog.models import Product
from catalog.pricing import PriceBook, PriceUnavailable
from catalog.shop import CATALOG_ORDER
from crm.lib import money
from crm.lib.fragments import fragment_key, kept_fragments
from crm.lib.money import quantize
from orders.services import OrderError, parse_quantity

UNUSED_COLUMNS = [f"description_{code}" for code, _name in settings.LANGUAGES]


def priced_rows(customer, currency, form, typed, page_language):
    """Every product the customer can be sold, priced for them, with what was typed."""
    tenant = customer.tenant
    language = customer.preferred_language
    products = list(
        Product.objects.filter(is_active=True)
        .select_related("category")
        .defer(*UNUSED_COLUMNS)  # descriptions in five languages: most of each row's bytes
        .order_by(*CATALOG_ORDER)
    )
    book = PriceBook(tenant, currency, products)
    rows, categories = [], {}
    for product in products:
        try:
            price = book.unit_price(product, customer.discount_percent)
        except PriceUnavailable:
            price = None
        field = form.quantity_field(product)
        category = (
            localized(product.category, "name", page_language, tenant.default_language)
            if product.category
            else ""
        )
        if product.category_id:
            categories.setdefault(product.category_id, category)
        rows.append(
            {
                "product": product,
                "name": localized(product, "name", page_language, tenant.default_language),
                "customer_name": localized(product, "name", language, tenant.default_language),
                "category": category,
                "price": price,
                "field": field,
                "value": typed.get(field, ""),
                "error": form.quantity_errors.get(product.pk),
            }
        )
    return rows, list(categories.items())


def row_html(rows, currency) -> list:
    """The form's product rows, each kept under all it shows (500 products drawn by the
    template were most of the page's time; what was typed and its error are part of it)."""
    language = get_language()
    country = money.current_country()

    def key(row):
        product, price = row["product"], row["price"]
        return fragment_key(
            "order-line",
            language,
            country,
            currency,
            product.pk,
            product.sku,
            product.category_id,
            row["name"],
            row["category"],
            price and (price.list_price, price.discounted),
            row["field"],
            row["value"],
            row["error"],
            tenant_id=product.tenant_id,
        )

    def draw(row):
        return render_to_string("orders/_line_row.html", {"row": row, "currency": currency})

    return kept_fragments(rows, key, draw)


def summary(rows, currency) -> dict:
    """What is in the order so far, priced as placing it will price it (the same unit
    prices, each line rounded to the currency); a quantity that is not one is left out."""
    lines, total, pieces = [], Decimal(0), 0
    for row in rows:
        raw = (row["value"] or "").strip()
        if not row["price"] or not raw or raw == "0":
            continue
        try:
            quantity = parse_quantity(raw)
        except OrderError:
            continue
        line_total = quantize(row["price"].discounted * quantity, currency)
        lines.append({"name": row["name"], "quantity": quantity, "total": line_total})
        total += line_total
        pieces += quantity
    return {"lines": lines, "total": total, "pieces": pieces}
