"""ISO 3166 countries with names in the active language (Babel's CLDR data)."""

import zoneinfo
from functools import lru_cache

import phonenumbers
from babel import Locale
from django.utils.translation import get_language

from crm.lib.money import babel_locale

# CLDR territory codes that are not countries (unknown, EU, eurozone, UN, pseudo-locales).
NOT_COUNTRIES = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"}


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    return list(_country_choices(babel_locale(language or get_language())))


@lru_cache(maxsize=16)
def _country_choices(locale: str) -> tuple[tuple[str, str], ...]:
    names = territories(locale)
    codes = [code for code in names if len(code) == 2 and code.isalpha()]
    return tuple(
        sorted(
            ((code, names[code]) for code in codes if code not in NOT_COUNTRIES),
            key=lambda pair: pair[1],
        )
    )


def phone_region_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every region phone numbers are read for, as "Türkiye (+90)", by name."""
    return list(_phone_region_choices(babel_locale(language or get_language())))


@lru_cache(maxsize=16)
def _phone_region_choices(locale: str) -> tuple[tuple[str, str], ...]:
    names = territories(locale)
    return tuple(
        sorted(
            (
                (r, f"{names.get(r, r)} (+{phonenumbers.country_code_for_region(r)})")
                for r in phonenumbers.SUPPORTED_REGIONS
            ),
            key=lambda pair: pair[1],
        )
    )


@lru_cache(maxsize=1)
def time_zones() -> frozenset[str]:
    """The IANA zones this machine knows (read from disk once: a directory walk)."""
    return frozenset(zoneinfo.available_timezones())


@lru_cache(maxsize=16)
def territories(locale: str) -> dict:
    return dict(Locale.parse(locale).territories)


def country_name(code: str, language: str | None = None) -> str:
    if not code:
        return ""
    return territories(babel_locale(language or get_language())).get(code, code)
