"""Translated catalog text with the tenant's fallback: the asked language, then the
tenant's default language, then English."""

from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def localized(obj, field: str, language: str, tenant_language: str = "en") -> str:
    for code in dict.fromkeys([language, tenant_language, "en"]):
        if code in LANGUAGE_CODES:
            value = getattr(obj, f"{field}_{code}", None)
            if value:
                return value
    return ""
