"""The results part of the customers page (its sections of cards or rows), drawn from the
database or kept per tenant generation (crm.lib.generations).

Any write that can change a card or which customers a page lists (a customer, an address,
a tag, a group, a customer's tags, the latest-note preview) renews the tenant's "customers"
generation (customers/signals.py, notes/services.py), so a change shows on the next page
load. The pages themselves are kept in each worker's memory (about 80 KB each).
"""

from __future__ import annotations

from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from crm.lib import generations
from crm.lib.fragments import fragment_key
from customers import listing
from customers.card_cache import render_cards
from customers.models import Customer

TIMEOUT = 60


def new_generation(tenant_id: int) -> None:
    generations.renew("customers", tenant_id)


def page_key(request, view_mode: str) -> str | None:
    """The key of this page's results, or None when nothing may be kept."""
    tenant = request.tenant
    generation = generations.current("customers", tenant.pk)
    if generation is None:
        return None
    return fragment_key(
        "customers-page",
        generation,
        reverse("customers:list"),  # the tenant's slug is in every link
        get_language(),
        timezone.get_current_timezone_name(),
        view_mode,
        sorted(request.GET.lists()),
        tenant_id=tenant.pk,
    )


def results(request, queryset, sections, display, query: str) -> SafeString:
    """The drawn sections of the page the request asks for (each from the cursor in its
    `after_<section>` parameter)."""
    view_mode = "table" if display.shown else "cards"
    key = page_key(request, view_mode)
    html = caches["pages"].get(key) if key else None
    if html is None:
        cursors = {s.key: request.GET.get(f"after_{s.key}", "") for s in sections}
        pages = listing.pages(queryset, sections, cursors, display)
        for page in pages:
            render_cards(page.customers, display)
        context = {
            "pages": pages,
            "view_mode": view_mode,
            "columns": display.shown,
            "query": query,
            "has_customers": any(p.customers for p in pages) or Customer.objects.exists(),
        }
        html = render_to_string("customers/customer_list.html#results", context, request)
        if key:
            caches["pages"].set(key, html, TIMEOUT)
    return mark_safe(html)  # noqa: S308  (rendered by our template)


def more(queryset, section, display, cursor: str):
    """The next page of one section ("Show more"), its cards rendered."""
    page = listing.page(queryset, section, display, cursor)
    render_cards(page.customers, display)
    return page
