import segno
from django import template
from django.core.cache import caches

from crm.lib.fragments import fragment_key
from quickorder import services
from quickorder.tokens import make_token

register = template.Library()


@register.simple_tag(takes_context=True)
def quick_link(context, customer):
    """The customer's active link for the staff page: URL, QR code and how it was used."""
    link = services.active_link(customer)
    if link is None:
        return None
    request = context["request"]
    url = services.link_url(request, link)
    return {
        "link": link,
        "url": url,
        "qr": qr_data_uri(url),
        "orders": list(link.orders.order_by("-number")[:10]),
        "token": make_token(link),
    }


def qr_data_uri(url: str) -> str:
    """The QR code of a URL as an SVG data URI, cached under the URL (drawing one costs more
    than the rest of the customer page)."""
    key = fragment_key("qr", url)
    uri = caches["fragments"].get(key)
    if uri is None:
        uri = segno.make(url, error="m").svg_data_uri(scale=4, border=2)
        caches["fragments"].set(key, uri)
    return uri
