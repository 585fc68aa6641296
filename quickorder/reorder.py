"""Order again, from the customer's own link: their last order and their usual items, priced
for them today.

- The last order: the newest order of the customer that was not cancelled, placed through
  any of their links or by staff.
- Usual items: the products in at least two of their last five such orders, each with the
  quantity they usually take (the median, rounded), most often ordered first.

A line shows today's price for this customer (their discount, the page's currency) and is
marked when that differs from what they paid last time; a product no longer sold is shown
struck through and never enters the cart.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from catalog.i18n import localized
from catalog.models import Product
from catalog.pricing import PriceBook, PriceUnavailable
from orders.models import Order, OrderLine
from quickorder.models import QuickOrderLink
from quickorder.services import page_currency

RECENT_ORDERS = 5
USUAL_IN_AT_LEAST = 2


@dataclass
class ReorderLine:
    product_id: int
    name: str
    quantity: int
    price: Decimal | None  # today's, for this customer; None when it cannot be ordered
    previous: Decimal | None  # what they paid the last time, in the same currency

    @property
    def available(self) -> bool:
        return self.price is not None

    @property
    def price_changed(self) -> bool:
        return self.available and self.previous is not None and self.previous != self.price


@dataclass
class Reorder:
    last_order: Order | None
    last_lines: list[ReorderLine]
    usual: list[ReorderLine]

    def blocks(self) -> list[tuple[str, str, list[ReorderLine]]]:
        """What the catalog shows above the products: (which, title, lines)."""
        return [
            ("last", _("Your last order"), self.last_lines),
            ("usual", _("Your usual items"), self.usual),
        ]

    def items(self, which: str) -> list[tuple[int, int]]:
        """(product, quantity) of what can be ordered again: "last" or "usual"."""
        lines = self.last_lines if which == "last" else self.usual if which == "usual" else []
        return [(line.product_id, line.quantity) for line in lines if line.available]


def reorder(link: QuickOrderLink, language: str) -> Reorder:
    """None for a customer who never ordered; else three queries (the recent orders, their
    lines, the products) and PriceBook's for their prices in the page's currency."""
    customer, tenant = link.customer, link.tenant
    if customer.last_order_at is None:  # never ordered: nothing to read
        return Reorder(None, [], [])
    recent = list(
        Order.objects.filter(customer=customer)
        .exclude(status=Order.Status.CANCELLED)
        .order_by("-number")[:RECENT_ORDERS]
    )
    if not recent:
        return Reorder(None, [], [])
    lines = list(
        OrderLine.objects.filter(order__in=[o.pk for o in recent]).order_by("order_id", "position")
    )
    by_order: dict[int, list[OrderLine]] = defaultdict(list)
    for line in lines:
        by_order[line.order_id].append(line)
    newest_first = [by_order[o.pk] for o in recent]

    # Usual items: in at least two of the recent orders; the median quantity.
    quantities: dict[int, list[int]] = defaultdict(list)
    for order_lines in newest_first:
        for line in {line.product_id: line for line in order_lines}.values():
            quantities[line.product_id].append(line.quantity)
    usual_ids = sorted(
        (pid for pid, qs in quantities.items() if len(qs) >= USUAL_IN_AT_LEAST),
        key=lambda pid: -len(quantities[pid]),
    )
    currency = page_currency(link)
    # What they paid last, per product (the newest line), when it was in this currency.
    previous: dict[int, Decimal] = {}
    for order, order_lines in zip(recent, newest_first, strict=True):
        for line in order_lines:
            if order.currency == currency:
                previous.setdefault(line.product_id, line.discounted_unit_price)

    ids = {line.product_id for line in newest_first[0]} | set(usual_ids)
    products = {p.pk: p for p in Product.objects.filter(pk__in=ids)}  # withdrawn ones too
    book = PriceBook(tenant, currency, [p for p in products.values() if p.is_active])

    def today(product_id):
        product = products.get(product_id)
        if product is None or not product.is_active:
            return None
        try:
            return book.unit_price(product, customer.discount_percent).discounted
        except PriceUnavailable:
            return None

    def name(product_id, fallback):
        product = products.get(product_id)
        if product is None:
            return fallback  # as it was ordered
        return localized(product, "name", language, tenant.default_language) or fallback

    names = {line.product_id: line.name for order_lines in newest_first for line in order_lines}
    last_lines = [
        ReorderLine(
            line.product_id,
            name(line.product_id, line.name),
            line.quantity,
            today(line.product_id),
            previous.get(line.product_id),
        )
        for line in newest_first[0]
    ]
    usual = [
        ReorderLine(
            pid,
            name(pid, names[pid]),
            max(1, round(statistics.median(quantities[pid]))),
            today(pid),
            previous.get(pid),
        )
        for pid in usual_ids
    ]
    return Reorder(recent[0], last_lines, usual)
