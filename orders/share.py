"""Telling the customer about an order by chat: a WhatsApp (wa.me) or Telegram (t.me) link
whose message, in the order's language, says where the order stands and links its status
page (orders.emails.status_url)."""

from urllib.parse import quote, urlencode

from django.template.loader import render_to_string
from django.utils import translation


def share_links(order, status: str, url: str) -> dict[str, str]:
    """`url`: the order's status page (emails.status_url(order), read once per page)."""
    with translation.override(order.language):
        text = render_to_string(
            "orders/email/status_subject.txt",
            {"order": order, "status": status},
            using="text",
        ).strip()
    message = f"{text}: {url}" if url else text
    digits = (order.customer.phone or "").lstrip("+")
    whatsapp = f"https://wa.me/{digits}?{urlencode({'text': message}, quote_via=quote)}"
    telegram = "https://t.me/share/url?" + urlencode(
        {"url": url or "", "text": text}, quote_via=quote
    )
    return {"whatsapp": whatsapp, "telegram": telegram}
