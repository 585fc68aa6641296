"""ISO 3166 countries with names in the active language (Babel's CLDR data)."""

from functools import lru_cache

from babel import Locale
from django.utils.translation import get_language

from crm.lib.money import babel_locale

# CLDR territory codes that are not countries (unknown, EU, eurozone, UN, pseudo-locales).
NOT_COUNTRIES = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"}


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    territories = Locale.parse(babel_locale(language or get_language())).territories
    codes = [
        code
        for code in territories
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    ]
    return sorted(((code, territories[code]) for code in codes), key=lambda pair: pair[1])


@lru_cache(maxsize=16)
def territories(locale: str) -> dict:
    return dict(Locale.parse(locale).territories)


def country_name(code: str, language: str | None = None) -> str:
    if not code:
        return ""
    return territories(babel_locale(language or get_language())).get(code, code)
