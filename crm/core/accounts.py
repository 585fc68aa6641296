"""Login throttling by client address, beside django-axes' lockout of a user name at an
address: one address trying many user names is locked out too (OWASP ASVS 5.0, V6.3).

Failed logins are counted per address (crm.lib.ratelimit.LOGIN_FAILURES) whichever login page
they come from (the site's or the admin's). Over the limit, the first authentication
backend refuses every attempt from that address, and the middleware answers with the
lockout page (429) instead of the login form.
"""

from __future__ import annotations

from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.shortcuts import render

from crm.lib import ratelimit
from crm.lib.client_address import client_ip


class AddressThrottleBackend:
    """First in AUTHENTICATION_BACKENDS: refuses (PermissionDenied stops Django from asking
    the next backends) while the request's address is locked out; never logs anyone in."""

    def authenticate(self, request, **credentials):
        if request is not None and ratelimit.LOGIN_FAILURES.exceeded(client_ip(request)):
            request.address_locked_out = True
            raise PermissionDenied
        return None

    # No get_user(): no session is ever this backend's (and Django's test client logs in
    # through the first backend that has one).


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs) -> None:
    if request is not None and not getattr(request, "address_locked_out", False):
        ratelimit.LOGIN_FAILURES.hit(client_ip(request))


def locked_out(request, *, per_address: bool):
    context = {"per_address": per_address}
    return render(request, "registration/locked_out.html", context, status=429)


class AddressLockoutMiddleware:
    """Turns the answer to a refused login into the lockout page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "address_locked_out", False):
            return locked_out(request, per_address=True)
        return response
