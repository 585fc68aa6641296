import segno
from django import template
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from crm.lib.fragments import fragment_key
from quickorder import services
from quickorder.tokens import make_token

register = template.Library()


@register.simple_tag(takes_context=True)
def quick_link(context, customer):
    """The customer's active link for the staff page: URL, QR code and how it was used."""
    link = services.active_link(customer)
    if link is None:
        return {"kept": section_key(context, customer, None, "", [])}
    request = context["request"]
    url = services.link_url(request, link)
    orders = list(
        link.orders.only("tenant_id", "quick_order_link_id", "number").order_by("-number")[:10]
    )
    return {
        "link": link,
        "url": url,
        "qr": qr_data_uri(url),
        "orders": orders,
        "token": make_token(link),
        "kept": section_key(context, customer, link, url, orders),
    }


def section_key(context, customer, link, url: str, orders) -> str:
    """The key the section is kept under: all it shows. None (drawn) with a failed form."""
    if context.get("link_expiry_form"):
        return ""
    return fragment_key(
        "link-section",
        get_language(),
        timezone.get_current_timezone_name(),
        reverse("customers:detail", args=[customer.pk]),
        customer.is_archived,
        customer.is_blocked,
        bool(customer.email),
        url,
        link and (link.pk, link.created_at, link.open_count, link.last_opened_at, link.expires_at),
        [(o.pk, o.number) for o in orders],
        tenant_id=customer.tenant_id,
    )


def qr_data_uri(url: str) -> str:
    """The QR code of a URL as an SVG data URI, cached under the URL (drawing one costs more
    than the rest of the customer page)."""
    key = fragment_key("qr", url)
    uri = caches["fragments"].get(key)
    if uri is None:
        uri = segno.make(url, error="m").svg_data_uri(scale=4, border=2)
        caches["fragments"].set(key, uri)
    return uri
