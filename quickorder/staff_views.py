"""Staff manage a customer's quick-order link from the customer page (all POST)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from customers.models import Customer
from customers.views import customer_detail
from quickorder import services
from quickorder.forms import LinkExpiryForm


def _customer(request: HttpRequest, pk: int) -> Customer:
    return get_object_or_404(Customer.objects.active(), pk=pk)


def _back(pk: int) -> HttpResponse:
    return redirect(reverse("customers:detail", args=[pk]) + "#quick-order")


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
    if link is None:
        return _back(pk)
    form = LinkExpiryForm(request.POST)
    if not form.is_valid():
        # The customer page again, with the error beside the date as it was typed.
        return customer_detail(request, pk, extra_context={"link_expiry_form": form})
    services.set_expiry(link, form.expires_at(), by=request.user)
    messages.success(request, _("Expiry saved."))
    return _back(pk)


def _usable_link(request, customer):
    """The customer's link, a new one when they have none that works."""
    link = services.active_link(customer)
    if link is None or not link.is_usable:
        link = services.generate_link(customer, by=request.user)
    return link


@require_POST
def link_send(request: HttpRequest, pk: int) -> HttpResponse:
    """Email the customer their link (made first if they have none that works); back to the
    page it was asked from (the customer's, or Due to reorder)."""
    customer = _customer(request, pk)
    if not customer.email:
        messages.error(request, _("The customer has no email address."))
        return _back_to(request, pk)
    link = _usable_link(request, customer)
    if services.send_link_email(link, services.link_url(request, link), by=request.user):
        messages.success(request, _("The link was sent to %(email)s.") % {"email": customer.email})
    return _back_to(request, pk)


@require_POST
def link_whatsapp(request: HttpRequest, pk: int) -> HttpResponse:
    """Open WhatsApp with a message to the customer, in their language, with their link."""
    from urllib.parse import quote, urlencode

    from django.utils import translation

    customer = _customer(request, pk)
    link = _usable_link(request, customer)
    with translation.override(customer.preferred_language):
        text = _("Hello %(name)s, your order page at %(shop)s: %(url)s") % {
            "name": customer.contact_person or customer.name,
            "shop": request.tenant.name,
            "url": services.link_url(request, link),
        }
    digits = (customer.phone or "").lstrip("+")
    return redirect(f"https://wa.me/{digits}?{urlencode({'text': text}, quote_via=quote)}")


def _back_to(request, pk: int) -> HttpResponse:
    from crm.lib.htmx import safe_next

    default = reverse("customers:detail", args=[pk]) + "#quick-order"
    return redirect(safe_next(request, default))
