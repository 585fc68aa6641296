"""Money: Decimal amounts rounded to a currency's minor units and formatted for a locale.

Babel knows each ISO 4217 currency's number of decimals (JPY 0, EUR 2, KWD 3) and the
locale's way of writing amounts, so none of that is hand-written here.
"""

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import (
    format_currency,
    get_currency_name,
    get_currency_precision,
    list_currencies,
)
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

# Currencies a business can sell in: Babel's ISO list minus funds, metals and test codes.
_NOT_MONEY = {"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA"}
CURRENCY_CODES = sorted(code for code in list_currencies() if code not in _NOT_MONEY)


@lru_cache(maxsize=512)
def minor_units(currency: str) -> int:
    """Number of decimals of the currency (JPY 0, EUR 2, KWD 3)."""
    return get_currency_precision(currency)


@lru_cache(maxsize=512)
def _exponent(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_units(currency))


def quantize(amount: Decimal | int | str, currency: str) -> Decimal:
    """Round half-up to the currency's minor units."""
    return Decimal(amount).quantize(_exponent(currency), rounding=ROUND_HALF_UP)


def babel_locale(language: str | None = None) -> str:
    """Babel locale name for a Django language code (the active one by default)."""
    return to_locale(language or get_language() or "en")


def format_money(amount: Decimal, currency: str, locale: str | None = None) -> str:
    """Format an amount for display, e.g. "€1.234,50" in Romanian or "₺1.234,50" in Turkish.

    `locale` is a Django language code ("tr") or a Babel locale name ("tr_TR"); the
    active language is used when it is omitted.
    """
    return _format(str(quantize(amount, currency)), currency, babel_locale(locale))


@lru_cache(maxsize=4096)
def _format(amount: str, currency: str, locale: str) -> str:
    # Memoised: Babel takes about 70 µs per amount, and pages and emails repeat amounts.
    # Keyed by the amount's text, since Decimal("1.5") and Decimal("1.50") are equal.
    return format_currency(Decimal(amount), currency, locale=locale, currency_digits=True)


def currency_name(code: str, language: str | None = None) -> str:
    return get_currency_name(code, locale=babel_locale(language))


def currency_choices(codes=None, language: str | None = None) -> list[tuple[str, str]]:
    """(code, "CODE - Name") pairs in the given or active language, for form selects."""
    language = language or get_language()
    return [
        (code, f"{code} - {currency_name(code, language)}") for code in (codes or CURRENCY_CODES)
    ]


def validate_currency(code: str) -> None:
    if code not in CURRENCY_CODES:
        raise ValidationError(
            _("%(code)s is not a known ISO 4217 currency code."),
            code="unknown_currency",
            params={"code": code},
        )
