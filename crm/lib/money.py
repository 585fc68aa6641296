"""Money: Decimal amounts rounded to a currency's minor units and formatted for a locale.

Babel knows each ISO 4217 currency's number of decimals (JPY 0, EUR 2, KWD 3) and the
locale's way of writing amounts, so none of that is hand-written here.
"""

import contextlib
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import (
    format_currency,
    get_currency_name,
    get_currency_precision,
    get_currency_symbol,
    get_territory_currencies,
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


# The country of the business whose page, email or file is being written (ISO 3166 "TR"):
# set for a request by the tenant middleware and the quick-order pages, and by a job with
# `business_country(tenant.country)`. Amounts are written the way that country's people
# read them in the page's language (see format_money).
_COUNTRY: ContextVar[str] = ContextVar("business_country", default="")


def current_country() -> str:
    """The business country amounts are being written for ("" outside any)."""
    return _COUNTRY.get()


@contextlib.contextmanager
def business_country(country: str):
    token = _COUNTRY.set((country or "").upper())
    try:
        yield
    finally:
        _COUNTRY.reset(token)


def format_money(
    amount: Decimal, currency: str, locale: str | None = None, country: str | None = None
) -> str:
    """Format an amount for display in a language, for a business's country:

    - "₺390.00" in English for a Turkish business (the lira's own sign, where English
      alone would write "TRY390.00"), "₺390,00" in Turkish, "390,00 RON" in Romanian;
    - the country's way of writing numbers where Babel knows the language there
      ("390,00 €" in English for a Romanian business, CLDR's en_RO).

    `locale` is a Django language code ("tr") or a Babel locale name ("tr_TR"), the active
    language when omitted; `country` the business's, the current one when omitted.
    """
    country = _COUNTRY.get() if country is None else country.upper()
    return _format(str(quantize(amount, currency)), currency, babel_locale(locale), country)


@lru_cache(maxsize=4096)
def _format(amount: str, currency: str, locale: str, country: str) -> str:
    # Memoised: Babel takes about 70 µs per amount, and pages and emails repeat amounts.
    # Keyed by the amount's text, since Decimal("1.5") and Decimal("1.50") are equal.
    where, pattern = _written_in(locale, country, currency)
    return format_currency(Decimal(amount), currency, pattern, locale=where, currency_digits=True)


@lru_cache(maxsize=1024)
def _written_in(locale: str, country: str, currency: str) -> tuple[str, str | None]:
    """The Babel locale to write in and, where the currency's sign must be put in, the
    pattern that holds it (else None: the locale's own pattern and sign)."""
    where = Locale.parse(locale)
    if country and not where.territory:
        with contextlib.suppress(UnknownLocaleError, ValueError):
            where = Locale.parse(f"{where.language}_{country}")
    if not country or currency not in get_territory_currencies(country):
        return str(where), None
    if get_currency_symbol(currency, where) != currency:
        return str(where), None  # the language has its own sign for it (₽ in Russian)
    try:
        home = Locale.parse(f"und_{country}")  # the country's own language (tr_TR)
    except (UnknownLocaleError, ValueError):
        return str(where), None
    sign = get_currency_symbol(currency, home)
    if sign == currency or any(ch.isalpha() for ch in sign):
        return str(where), None  # no sign of its own, or a word in another script
    pattern = where.currency_formats["standard"].pattern.replace("¤", "'" + sign + "'")
    return str(where), pattern


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
