"""The demo catalogs are data: every product complete in every language, and loaded
idempotently through the scoped managers."""

import json
from decimal import Decimal

import pytest
from django.conf import settings
from django_scopes import scope

from catalog import demo
from catalog.models import Category, ExchangeRate, Product, ProductPrice
from crm.core.demo import DEMO_TENANTS

LANGUAGES = {code for code, _ in settings.LANGUAGES}
FILES = sorted(demo.DATA.glob("*.json"))


def test_every_demo_business_has_a_catalog_file():
    assert {path.stem for path in FILES} == {spec.slug for spec in DEMO_TENANTS}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_a_catalog_file_is_complete(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    skus = [p["sku"] for c in data["categories"] for p in c["products"]]
    assert len(skus) == len(set(skus)) >= 50
    units = set(Product.Unit.values)
    for category in data["categories"]:
        assert set(category["name"]) == LANGUAGES
        for product in category["products"]:
            assert set(product["name"]) == set(product["description"]) == LANGUAGES
            assert all(text.strip() for text in product["name"].values())
            assert product["unit"] in units and Decimal(product["price"]) > 0
    assert {p["sku"] for p in data["prices"]} <= set(skus)


def test_loading_twice_changes_nothing(tenant_a, owner_a):
    tenant_a.slug = "anka-tekstil"  # the data file of this demo business
    tenant_a.save()
    with scope(tenant=tenant_a):
        demo.seed(tenant_a, owner_a, None)
        counted = [m.objects.count() for m in (Category, Product, ExchangeRate, ProductPrice)]
        demo.seed(tenant_a, owner_a, None)
        assert [m.objects.count() for m in (Category, Product, ExchangeRate, ProductPrice)] == (
            counted
        )
        towel = Product.objects.get(sku="ANK-TWL-001")
        assert (towel.name_tr, towel.unit, towel.price) == (
            "El havlusu 50×90 cm, beyaz",
            "piece",
            Decimal("390.000"),
        )
        assert not Product.objects.get(sku="ANK-TWL-011").is_active
    assert counted[1] == 57
