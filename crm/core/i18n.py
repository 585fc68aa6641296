"""The interface language: remembered per user, switchable from every page."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from crm.lib.htmx import safe_next

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class LanguageMiddleware:
    """The page's language from the request (the language cookie, then Accept-Language),
    as Django's LocaleMiddleware chooses it for a site without language prefixes in its
    URLs, which this one is.

    Django's own asks the request's URL configuration whether it has such prefixes and
    keeps the answer, with the configuration, for the life of the process: with a URL
    configuration per tenant (crm.core.urlconfs) that kept every tenant's URL patterns a
    worker ever served (about 55 KB each)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class UserLanguageMiddleware:
    """After LanguageMiddleware: a logged-in user's saved language wins over the browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user and user.is_authenticated else ""
        if language in LANGUAGE_CODES and language != translation.get_language():
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


@require_POST
def language_switch(request: HttpRequest):
    """Switch the interface language; remembered on the user and in a cookie."""
    language = request.POST.get("language", "")
    response = HttpResponseRedirect(safe_next(request, "/"))
    if language not in LANGUAGE_CODES:
        return response
    if request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response
