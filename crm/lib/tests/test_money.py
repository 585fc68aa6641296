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


@pytest.mark.parametrize(
    ("currency", "locale", "country", "expected"),
    [
        # The lira's own sign in English for a Turkish business, not "TRY390.00".
        ("TRY", "en", "TR", "₺390.00"),
        ("TRY", "tr", "TR", "₺390,00"),
        ("TRY", "ru", "TR", "390,00\xa0₺"),
        ("TRY", "fa", "TR", "\u200e₺\xa0390.00"),
        # Another country's currency keeps the language's own writing.
        ("EUR", "en", "TR", "€390.00"),
        ("TRY", "en", "DE", "390,00\xa0TRY"),  # en_DE: German number format
        # Russian has its own sign for the rouble; nothing is put in.
        ("RUB", "ru", "RU", "390,00\xa0₽"),
        # English as written in Romania (CLDR's en_RO): the country's number format.
        ("EUR", "en", "RO", "390,00\xa0€"),
        # No sign of its own: the code stays (not a word in another script).
        ("RON", "ro", "RO", "390,00\xa0RON"),
        ("IRR", "en", "IR", "IRR390"),
        # No country known: the language alone.
        ("TRY", "en", "", "TRY390.00"),
    ],
    ids=str,
)
def test_format_money_for_the_business_country(currency, locale, country, expected):
    assert format_money(Decimal("390"), currency, locale, country) == expected


def test_the_business_country_of_the_moment_is_used():
    from crm.lib.money import business_country

    assert format_money(Decimal("390"), "TRY", "en") == "TRY390.00"
    with business_country("tr"):
        assert format_money(Decimal("390"), "TRY", "en") == "₺390.00"
    assert format_money(Decimal("390"), "TRY", "en") == "TRY390.00"
