"""Translated catalog text with the tenant's fallback: the asked language, then the
tenant's default language, then English."""

from functools import lru_cache

from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@lru_cache(maxsize=256)
def _columns(field: str, language: str, tenant_language: str) -> tuple[str, ...]:
    codes = dict.fromkeys([language, tenant_language, "en"])
    return tuple(f"{field}_{code}" for code in codes if code in LANGUAGE_CODES)


def localized_columns(field: str) -> list[str]:
    """Every language's column of a translated field (for `only()`)."""
    return [f"{field}_{code}" for code in LANGUAGE_CODES]


def localized(obj, field: str, language: str, tenant_language: str = "en") -> str:
    for column in _columns(field, language, tenant_language):
        value = getattr(obj, column, None)
        if value:
            return value
    return ""
