"""The whole quick-order catalog cached per tenant catalog generation: served again until
anything it shows or any price changes, then drawn afresh."""

from decimal import Decimal

import pytest
from django.db import transaction
from django_scopes import scopes_disabled

from catalog.models import Category, ExchangeRate, ProductPrice
from conftest import make_product

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.GENERATION_CACHE = True


def url(token):
    return f"/q/{token}/"


def view(client, token, **params):
    return client.get(url(token), params).content.decode()


def test_the_second_visit_reads_no_product(client, link_a, django_assert_num_queries):
    _link, token = link_a
    assert "€23,85" in view(client, token)
    # The link and its open count: nothing of the catalog.
    with django_assert_num_queries(2) as queries:
        body = view(client, token)
    assert "€23,85" in body
    assert not any("catalog_" in q["sql"] for q in queries.captured_queries)


def price(towel, tenant):
    towel.price = Decimal("2000.00")
    towel.save()
    return "€47,70"  # 2000 * 0.0265 = 53.00, less 10%


def explicit_price(towel, tenant):
    ProductPrice.objects.create(tenant=tenant, product=towel, currency="EUR", price=Decimal("30"))
    return "€27,00"


def rate(towel, tenant):
    exchange = ExchangeRate.objects.get(tenant=tenant, currency="EUR")
    exchange.rate = Decimal("0.03")
    exchange.save()
    return "€27,00"


def withdrawn(towel, tenant):
    towel.is_active = False
    towel.save()
    return None


def renamed(towel, tenant):
    towel.name_tr = "Plaj havlusu"
    towel.save()
    return "Plaj havlusu"


def category(towel, tenant):
    towel.category = Category.objects.create(tenant=tenant, name_en="Towels", name_tr="Havlular")
    towel.save()
    towel.category.name_tr = "Banyo"
    towel.category.save()
    return "Banyo"


def new_product(towel, tenant):
    make_product(tenant, "BRN-1", Decimal("900.00"), name_tr="Bornoz")
    return "Bornoz"


def deleted(towel, tenant):
    towel.delete()
    return None


@pytest.mark.parametrize(
    "change", [price, explicit_price, rate, withdrawn, renamed, category, new_product, deleted]
)
def test_every_change_shows_on_the_next_visit(client, link_a, products_a, tenant_a, change):
    _link, token = link_a
    view(client, token)
    assert "Havlu" in view(client, token)  # from the cache now
    with scopes_disabled():
        expected = change(products_a[0], tenant_a)
    body = view(client, token)
    if expected is None:
        assert ">Havlu<" not in body
    else:
        assert expected in body


def test_a_rolled_back_price_is_never_shown(client, link_a, products_a):
    _link, token = link_a
    view(client, token)
    towel = products_a[0]
    with pytest.raises(RuntimeError), transaction.atomic():
        towel.price = Decimal("5000.00")
        towel.save()
        assert "€119,25" in view(client, token)  # drawn inside, not kept
        raise RuntimeError
    assert "€23,85" in view(client, token)


def test_search_and_category_pages_are_always_drawn(client, link_a, products_a):
    _link, token = link_a
    view(client, token)
    body = view(client, token, q="Peştemal")
    assert "Peştemal" in body and ">Havlu<" not in body
