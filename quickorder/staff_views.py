"""Staff manage a customer's quick-order link from the customer page (all POST)."""

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from customers.models import Customer
from quickorder import services


def _customer(request: HttpRequest, pk: int) -> Customer:
    return get_object_or_404(Customer.objects.active(), pk=pk)


def _back(pk: int) -> HttpResponse:
    return redirect(reverse("customers:detail", args=[pk]) + "#quick-order")


def _expiry(raw: str):
    """A date from the form as the end of that day in the tenant's time zone."""
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        return None
    end = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return timezone.make_aware(end)


@require_POST
def link_generate(request: HttpRequest, pk: int) -> HttpResponse:
    customer = _customer(request, pk)
    if customer.is_blocked:
        messages.error(request, _("A blocked customer cannot get a quick-order link."))
        return _back(pk)
    services.generate_link(customer, by=request.user)
    messages.success(request, _("A new quick-order link was created."))
    return _back(pk)


@require_POST
def link_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    customer = _customer(request, pk)
    link = services.active_link(customer)
    if link:
        services.revoke_link(link, by=request.user)
        messages.success(request, _("The link was revoked; it no longer opens."))
    return _back(pk)


@require_POST
def link_expiry(request: HttpRequest, pk: int) -> HttpResponse:
    customer = _customer(request, pk)
    link = services.active_link(customer)
    raw = request.POST.get("expires_on", "").strip()
    expires_at = _expiry(raw) if raw else None
    if link is None:
        return _back(pk)
    if raw and (expires_at is None or expires_at <= timezone.now()):
        messages.error(request, _("Choose a date in the future."))
        return _back(pk)
    services.set_expiry(link, expires_at, by=request.user)
    messages.success(request, _("Expiry saved."))
    return _back(pk)


@require_POST
def link_send(request: HttpRequest, pk: int) -> HttpResponse:
    customer = _customer(request, pk)
    link = services.active_link(customer)
    if link is None:
        return _back(pk)
    if services.send_link_email(link, services.link_url(request, link), by=request.user):
        messages.success(request, _("The link was sent to %(email)s.") % {"email": customer.email})
    else:
        messages.error(request, _("The customer has no email address."))
    return _back(pk)
