from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import translation
from django_scopes import scope, scopes_disabled
from PIL import Image

from catalog.i18n import localized
from catalog.models import Category, ExchangeRate, Product, ProductPrice
from conftest import staff_page_queries


@pytest.fixture
def catalog_a(tenant_a):
    with scopes_disabled():
        ExchangeRate.objects.create(
            tenant=tenant_a, currency="EUR", rate=Decimal("0.0265"), set_on="2026-11-25"
        )
        ExchangeRate.objects.create(
            tenant=tenant_a, currency="USD", rate=Decimal("0.029"), set_on="2026-11-25"
        )
        towels = Category.objects.create(tenant=tenant_a, name_en="Towels", name_tr="Havlular")
        towel = Product.objects.create(
            tenant=tenant_a,
            sku="ANK-1",
            name_en="Bath towel",
            name_tr="Banyo havlusu",
            name_fa="حوله حمام",
            description_en="Cotton",
            category=towels,
            price=Decimal("1000.00"),
        )
        Product.objects.create(
            tenant=tenant_a,
            sku="ANK-2",
            name_en="Old towel",
            category=towels,
            price=Decimal("10"),
            is_active=False,
        )
    return towel


@pytest.fixture
def catalog_b(tenant_b):
    with scopes_disabled():
        return Product.objects.create(
            tenant=tenant_b, sku="BUC-1", name_en="Cozonac", price=Decimal("25")
        )


def test_translation_falls_back_to_tenant_language_then_english(catalog_a):
    towel = catalog_a
    assert localized(towel, "name", "fa", "tr") == "حوله حمام"
    assert localized(towel, "name", "ro", "tr") == "Banyo havlusu"  # no Romanian: Turkish
    assert localized(towel, "name", "ru", "ro") == "Bath towel"  # neither: English
    assert localized(towel, "description", "tr", "tr") == "Cotton"


def test_modeltranslation_gives_the_active_language(catalog_a):
    with translation.override("tr"):
        assert catalog_a.name == "Banyo havlusu"
    with translation.override("ru"):
        assert catalog_a.name == "Bath towel"


def test_catalog_page_lists_products_with_price_per_currency(client_a, catalog_a, catalog_b):
    response = client_a.get("/anka/catalog/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Bath towel" in body and "Towels" in body
    assert "₺1,000.00" in body and "€26.50" in body and "$29.00" in body
    assert "Cozonac" not in body  # another tenant's product


def test_preview_as_customer_shows_language_currency_and_discount(client_a, catalog_a):
    response = client_a.get(
        "/anka/catalog/", {"discount_percent": "10", "currency": "EUR", "language": "tr"}
    )
    preview = response.context["preview_html"]
    assert "Banyo havlusu" in preview
    assert "€26,50" in preview and "€23,85" in preview  # list price struck, then discounted
    assert "Old towel" not in preview  # inactive products are not offered


def test_preview_rejects_a_currency_the_tenant_does_not_sell_in(client_a, catalog_a):
    response = client_a.get("/anka/catalog/", {"currency": "GBP", "language": "tr"})
    assert response.context["preview_html"] == ""
    assert "Select a valid choice" in response.content.decode()


def test_sku_is_unique_per_tenant_with_a_clear_error(client_a, catalog_a, catalog_b):
    data = {
        "sku": "anK-1",
        "name_en": "Dup",
        "unit": "piece",
        "price": "5",
        "position": 0,
        "prices-TOTAL_FORMS": 0,
        "prices-INITIAL_FORMS": 0,
    }
    response = client_a.post("/anka/admin/catalog/product/add/", data)
    assert response.status_code == 200
    assert "A product with this SKU already exists." in response.content.decode()
    # The same SKU as another tenant's product is fine.
    data["sku"] = "BUC-1"
    assert client_a.post("/anka/admin/catalog/product/add/", data).status_code == 302
    with scopes_disabled():
        assert Product.objects.filter(sku="BUC-1").count() == 2


def test_price_must_be_positive(client_a, tenant_a):
    data = {
        "sku": "Z",
        "name_en": "Zero",
        "unit": "piece",
        "price": "0",
        "position": 0,
        "prices-TOTAL_FORMS": 0,
        "prices-INITIAL_FORMS": 0,
    }
    response = client_a.post("/anka/admin/catalog/product/add/", data)
    assert response.status_code == 200
    with scopes_disabled():
        assert not Product.objects.filter(sku="Z").exists()


def image_file(fmt="PNG", name="p.png"):
    buffer = BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_currency_page_enables_currencies_with_their_rates(client_a, tenant_a):
    data = {
        "rates-TOTAL_FORMS": 1,
        "rates-INITIAL_FORMS": 0,
        "rates-0-currency": "GBP",
        "rates-0-rate": "0.023",
    }
    response = client_a.post("/anka/catalog/currencies/", data)
    assert response.status_code == 302
    tenant_a.refresh_from_db()
    assert tenant_a.currencies == ["GBP"]  # EUR and USD had no rates in this test


def test_a_currency_cannot_be_enabled_without_a_rate(client_a, tenant_a):
    data = {
        "rates-TOTAL_FORMS": 1,
        "rates-INITIAL_FORMS": 0,
        "rates-0-currency": "GBP",
        "rates-0-rate": "",
    }
    response = client_a.post("/anka/catalog/currencies/", data)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    with scopes_disabled():
        assert not ExchangeRate.objects.filter(currency="GBP").exists()


@pytest.mark.parametrize("rate", ["0", "-1", "abc"])
def test_rate_must_be_a_positive_number(client_a, tenant_a, rate):
    data = {
        "rates-TOTAL_FORMS": 1,
        "rates-INITIAL_FORMS": 0,
        "rates-0-currency": "GBP",
        "rates-0-rate": rate,
    }
    assert client_a.post("/anka/catalog/currencies/", data).status_code == 200
    with scopes_disabled():
        assert not ExchangeRate.objects.exists()


def test_currency_page_is_for_owners_only(staff_client_a):
    assert staff_client_a.get("/anka/catalog/currencies/").status_code == 404


def test_explicit_prices_and_rates_stay_in_their_tenant(tenant_a, tenant_b, catalog_a, catalog_b):
    with scopes_disabled():
        ProductPrice.objects.create(
            tenant=tenant_b, product=catalog_b, currency="EUR", price=Decimal("5")
        )
    with scope(tenant=tenant_a):
        assert list(ProductPrice.objects.all()) == []
        assert sorted(ExchangeRate.objects.values_list("currency", flat=True)) == ["EUR", "USD"]
        assert [p.sku for p in Product.objects.all()] == ["ANK-1", "ANK-2"]


def test_owner_edits_brand_settings(client_a, tenant_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = {
        "name": "Anka",
        "default_language": "tr",
        "quickorder_languages": ["tr", "fa"],
        "default_phone_region": "TR",
        "timezone": "Europe/Istanbul",
        "notification_email": "orders@anka.example",
        "accent_colour": "#aa3300",
        "brand_description": "Since 1998",
        "logo": image_file(),
    }
    response = client_a.post("/anka/settings/", data)
    assert response.status_code == 302
    tenant_a.refresh_from_db()
    assert tenant_a.quickorder_languages == ["tr", "fa"]
    assert tenant_a.accent_colour == "#aa3300"
    assert tenant_a.logo.name.startswith("tenant-logos/")
    # The page shows the logo; "Remove the logo" takes it away (and keeps everything else).
    page = client_a.get("/anka/settings/").content.decode()
    assert tenant_a.logo.url in page and 'name="remove_logo"' in page
    del data["logo"]
    old = tmp_path / tenant_a.logo.name
    assert old.exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client_a.post("/anka/settings/", {**data, "remove_logo": "on"})
    assert response.status_code == 302
    tenant_a.refresh_from_db()
    assert tenant_a.logo.name == "" and tenant_a.accent_colour == "#aa3300"
    assert not old.exists()  # its file went with it


def test_bad_colour_is_refused_and_typed_values_kept(client_a, tenant_a):
    data = {
        "name": "Anka",
        "default_language": "tr",
        "quickorder_languages": ["tr"],
        "default_phone_region": "TR",
        "timezone": "Europe/Istanbul",
        "accent_colour": "red",
        "brand_description": "Kept text",
    }
    response = client_a.post("/anka/settings/", data)
    assert response.status_code == 200
    assert "Enter a colour as #RRGGBB." in response.content.decode()
    assert "Kept text" in response.content.decode()


def test_staff_cannot_change_business_settings(staff_client_a, tenant_a):
    assert staff_client_a.post("/anka/settings/", {"name": "Hacked"}).status_code == 404
    tenant_a.refresh_from_db()
    assert tenant_a.name == "Anka Tekstil"


def test_catalog_page_queries_do_not_grow_with_the_products(
    client_a, catalog_a, tenant_a, django_assert_num_queries
):
    # Session, user with membership; how many products (the pages), the products of the
    # page; the explicit prices of the base currency, then a rate and the explicit prices of
    # each other currency (EUR, USD); the categories (the filter).
    client_a.get("/anka/catalog/")
    with django_assert_num_queries(staff_page_queries(8)):
        client_a.get("/anka/catalog/")
    with scopes_disabled():
        for i in range(80):
            Product.objects.create(
                tenant=tenant_a, sku=f"BULK-{i}", name_en=f"Bulk {i}", price=i + 1
            )
    with django_assert_num_queries(staff_page_queries(8)):
        body = client_a.get("/anka/catalog/").content.decode()
    assert "Bulk 79" in body
