from decimal import Decimal

import pytest

from crm.lib.money import format_money, minor_units, quantize


@pytest.mark.parametrize(
    ("currency", "digits"), [("JPY", 0), ("EUR", 2), ("TRY", 2), ("KWD", 3)], ids=str
)
def test_minor_units_come_from_babel(currency, digits):
    assert minor_units(currency) == digits


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("10.5", "JPY", Decimal("11")),
        ("10.4999", "JPY", Decimal("10")),
        ("1.005", "EUR", Decimal("1.01")),
        ("1.004", "EUR", Decimal("1.00")),
        ("2.0005", "KWD", Decimal("2.001")),
        ("2.0004", "KWD", Decimal("2.000")),
        ("-1.005", "EUR", Decimal("-1.01")),
    ],
)
def test_quantize_rounds_half_up_to_minor_units(amount, currency, expected):
    result = quantize(Decimal(amount), currency)
    assert result == expected
    assert result.as_tuple().exponent == -minor_units(currency)


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "expected"),
    [
        ("1234.5", "EUR", "en", "€1,234.50"),
        ("1234.5", "EUR", "ro", "1.234,50\xa0EUR"),
        ("1234.5", "RON", "ro", "1.234,50\xa0RON"),
        ("1234.5", "EUR", "tr", "€1.234,50"),
        ("1234.5", "TRY", "tr", "₺1.234,50"),
        ("1234.5", "RUB", "ru", "1\xa0234,50\xa0₽"),
        ("1234", "JPY", "en", "¥1,234"),
        ("1.2345", "KWD", "en", "KWD1.235"),
    ],
)
def test_format_money_for_locale(amount, currency, locale, expected):
    assert format_money(Decimal(amount), currency, locale) == expected


def test_format_money_in_persian_keeps_the_amount_left_to_right():
    # CLDR marks the amount with a left-to-right mark so it reads correctly in RTL text.
    assert format_money(Decimal("1234.5"), "USD", "fa") == "\u200e$\xa01,234.50"
