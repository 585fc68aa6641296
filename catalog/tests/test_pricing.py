from decimal import ROUND_HALF_UP, Decimal

import pytest
from django_scopes import scope, scopes_disabled
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.models import ExchangeRate, Product, ProductPrice
from catalog.pricing import PriceBook, PriceUnavailable, apply_discount, unit_price


@pytest.fixture
def towel(tenant_a):
    with scopes_disabled():
        ExchangeRate.objects.create(
            tenant=tenant_a, currency="EUR", rate=Decimal("0.0265"), set_on="2026-11-25"
        )
        return Product.objects.create(
            tenant=tenant_a, sku="T-1", name="Towel", price=Decimal("1250.00")
        )


def test_base_currency_price_with_discount(tenant_a, towel):
    with scope(tenant=tenant_a):
        price = unit_price(towel, "TRY", Decimal("10"))
    assert (price.list_price, price.discounted) == (Decimal("1250.00"), Decimal("1125.00"))


def test_converted_with_the_exchange_rate_and_rounded_half_up(tenant_a, towel):
    with scope(tenant=tenant_a):
        price = unit_price(towel, "EUR", Decimal("7.5"))
    # 1250 * 0.0265 = 33.125 -> 33.13 (half-up); 33.13 * 0.925 = 30.64525 -> 30.65
    assert (price.list_price, price.discounted) == (Decimal("33.13"), Decimal("30.65"))


def test_explicit_price_wins_over_conversion(tenant_a, towel):
    with scopes_disabled():
        ProductPrice.objects.create(
            tenant=tenant_a, product=towel, currency="EUR", price=Decimal("35")
        )
    with scope(tenant=tenant_a):
        price = unit_price(towel, "EUR", Decimal("10"))
    assert (price.list_price, price.discounted) == (Decimal("35.00"), Decimal("31.50"))


def test_currency_without_rate_or_price_cannot_be_priced(tenant_a, towel):
    with scope(tenant=tenant_a), pytest.raises(PriceUnavailable):
        unit_price(towel, "USD")


def test_another_tenants_rate_is_never_used(tenant_a, tenant_b, towel):
    with scopes_disabled():
        ExchangeRate.objects.create(
            tenant=tenant_b, currency="USD", rate=Decimal("0.2"), set_on="2026-11-25"
        )
    with scope(tenant=tenant_a), pytest.raises(PriceUnavailable):
        unit_price(towel, "USD")


def test_jpy_and_kwd_minor_units(tenant_a, towel):
    with scopes_disabled():
        ExchangeRate.objects.create(
            tenant=tenant_a, currency="JPY", rate=Decimal("4.4321"), set_on="2026-11-25"
        )
        ExchangeRate.objects.create(
            tenant=tenant_a, currency="KWD", rate=Decimal("0.00891234"), set_on="2026-11-25"
        )
    with scope(tenant=tenant_a):
        assert unit_price(towel, "JPY").list_price == Decimal("5540")
        assert unit_price(towel, "KWD").list_price == Decimal("11.140")


def test_price_book_prices_many_products_in_constant_queries(
    tenant_a, towel, django_assert_num_queries
):
    with scopes_disabled():
        products = [towel] + [
            Product.objects.create(tenant=tenant_a, sku=f"S{i}", name="x", price=Decimal(i + 1))
            for i in range(30)
        ]
    with scope(tenant=tenant_a), django_assert_num_queries(2):
        book = PriceBook(tenant_a, "EUR", products)
        prices = [book.unit_price(p, Decimal(5)) for p in products]
    assert len(prices) == 31


amounts = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1000000"), places=3)
discounts = st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2)
currencies = st.sampled_from(["JPY", "EUR", "KWD"])


@settings(max_examples=300, deadline=None)
@given(amount=amounts, discount=discounts, currency=currencies)
def test_discounted_price_is_never_negative_nor_above_the_list_price(amount, discount, currency):
    result = apply_discount(amount, discount, currency)
    assert Decimal(0) <= result <= apply_discount(amount, Decimal(0), currency)


@settings(max_examples=200, deadline=None)
@given(amount=amounts, currency=currencies)
def test_zero_discount_keeps_and_full_discount_zeroes_the_price(amount, currency):
    places = {"JPY": 0, "EUR": 2, "KWD": 3}[currency]
    exponent = Decimal(1).scaleb(-places)
    assert apply_discount(amount, Decimal(0), currency) == amount.quantize(
        exponent, rounding=ROUND_HALF_UP
    )
    assert apply_discount(amount, Decimal(100), currency) == 0


@settings(max_examples=300, deadline=None)
@given(amount=amounts, discount=discounts, currency=currencies)
def test_rounding_matches_decimal_half_up_at_the_currencys_places(amount, discount, currency):
    places = {"JPY": 0, "EUR": 2, "KWD": 3}[currency]
    exact = amount * (100 - discount) / 100
    result = apply_discount(amount, discount, currency)
    assert result == exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert result.as_tuple().exponent == -places
