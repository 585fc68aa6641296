import segno
from django import template

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
        "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=2),
        "orders": list(link.orders.order_by("-number")[:10]),
        "token": make_token(link),
    }
