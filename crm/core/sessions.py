"""How long a login lasts: an idle timeout and an absolute lifetime (OWASP ASVS 5.0 V7.3;
NIST SP 800-63B's defaults for this level: 30 minutes idle, 12 hours in all).

The session records when the user logged in and when they were last seen (rewritten at most
once a minute, so a busy user does not cost a session write per request). A request past
either limit logs the user out and sends them to the login page, and back to the page they
asked for once they have logged in again.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

LOGIN_AT = "login_at"
SEEN_AT = "seen_at"
SEEN_PRECISION = 60  # seconds: how stale "last seen" may get before it is written again


@receiver(user_logged_in)
def start_clock(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


def expired(session, now: float) -> bool:
    idle = settings.SESSION_IDLE_TIMEOUT
    absolute = settings.SESSION_ABSOLUTE_LIFETIME
    login_at = session.get(LOGIN_AT)
    seen_at = session.get(SEEN_AT)
    if not isinstance(login_at, int) or not isinstance(seen_at, int):
        return True  # a session from before these limits, or one we did not write
    return now - seen_at > idle.total_seconds() or now - login_at > absolute.total_seconds()


class SessionLifetimeMiddleware:
    """After the session, authentication and messages middleware; before anything that
    uses the user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if SESSION_KEY in session:  # logged in (without loading the user)
            now = time.time()
            if expired(session, now):
                from crm.core.tenancy import login_redirect

                logout(request)
                messages.info(request, _("Your session has ended. Please log in again."))
                return login_redirect(request)
            if now - session[SEEN_AT] >= SEEN_PRECISION:
                session[SEEN_AT] = int(now)
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Every page a logged-in user gets shows business data (customers, orders, exports):
    `Cache-Control: private, no-store`, so no shared cache keeps it and the browser does
    not store it on disk or show it again after logout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session:
            patch_cache_control(response, private=True, no_store=True)
        return response
