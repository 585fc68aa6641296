"""Quick-order links: generate, revoke, expire, send, resolve; the cart; checkout."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from catalog.models import Product
from catalog.pricing import PriceBook, PriceUnavailable
from crm.lib.money import quantize
from crm.lib.plans import allow_generic_plans
from customers.models import ActivityEvent, Address, Customer
from customers.services import lock_customer, record_event
from jobs.outbox import queue_email
from orders.models import Order
from orders.services import (
    LineRequest,
    OrderError,
    check_idempotency_key,
    parse_quantity,
    place_order,
)
from quickorder.models import QuickOrderLink
from quickorder.tokens import make_token, parse_token

# Staff side ---------------------------------------------------------------------------


@transaction.atomic
def generate_link(customer: Customer, *, by, expires_at=None) -> QuickOrderLink:
    """A new link for the customer; the active one, if any, is revoked (at most one). A
    replaced link's expiry carries over to the new one, unless it has passed or another is
    given."""
    lock_customer(customer)  # concurrent regenerates take turns: one active link at the end
    for old in QuickOrderLink.objects.filter(customer=customer, revoked_at__isnull=True):
        if expires_at is None and not old.is_expired:
            expires_at = old.expires_at
        revoke_link(old, by=by)
    link = QuickOrderLink.objects.create(
        tenant_id=customer.tenant_id, customer=customer, created_by=by, expires_at=expires_at
    )
    record_event(
        customer,
        ActivityEvent.Kind.LINK_CREATED,
        by,
        link=link.pk,
        expires=expires_at.isoformat() if expires_at else "",
    )
    return link


@transaction.atomic
def revoke_link(link: QuickOrderLink, *, by) -> None:
    now = timezone.now()
    # Only the request that actually revokes it records it (two clicks, one event).
    if QuickOrderLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(revoked_at=now):
        link.revoked_at = now
        record_event(link.customer, ActivityEvent.Kind.LINK_REVOKED, by, link=link.pk)


def revoke_links_of_merged(keep, gone, by) -> None:
    """A customer merged into another: its links stop working (they move with it, revoked;
    the customer that stays keeps its own)."""
    for link in QuickOrderLink.objects.filter(customer=gone, revoked_at__isnull=True):
        revoke_link(link, by=by)


@transaction.atomic
def set_expiry(link: QuickOrderLink, expires_at, *, by) -> None:
    """Set or clear the link's expiry; the timeline records the change, if it is one."""

    def day(value) -> str:
        return timezone.localdate(value).isoformat() if value else ""

    old = day(link.expires_at)
    link.expires_at = expires_at
    link.save(update_fields=["expires_at"])
    if old != day(expires_at):
        record_event(
            link.customer,
            ActivityEvent.Kind.CHANGED,
            by,
            changes=[{"field": "link_expiry", "old": old, "new": day(expires_at)}],
        )


def active_link(customer: Customer) -> QuickOrderLink | None:
    return QuickOrderLink.objects.filter(customer=customer, revoked_at__isnull=True).first()


def send_link_email(link: QuickOrderLink, url: str, *, by) -> bool:
    """Email the link to the customer in their language (sent by a job after the commit)."""
    customer = link.customer
    if not customer.email:
        return False
    event = record_event(
        customer, ActivityEvent.Kind.LINK_SENT, by, link=link.pk, to=customer.email
    )
    queue_email(
        customer.tenant,
        key=f"link:{link.pk}:sent:{event.pk}",
        to=customer.email,
        subject_template="quickorder/email/link_subject.txt",
        body_template="quickorder/email/link.txt",
        context={"customer": customer, "tenant": customer.tenant, "url": url, "link": link},
        language=customer.preferred_language,
    )
    return True


# Customer side ------------------------------------------------------------------------


def resolve(token: str) -> QuickOrderLink | None:
    """The usable link of a token, or None for every kind of invalid one (unknown, forged,
    revoked, expired, blocked or archived customer, inactive tenant): callers answer all
    of them with the same 404."""
    parsed = parse_token(token)
    if parsed is None:
        return None
    tenant_id, public_id = parsed
    # The tenant is not known before this lookup: one narrow unscoped query by the
    # tenant-led unique key.
    with scopes_disabled():
        link = (
            QuickOrderLink.objects.select_related("customer", "tenant")
            .filter(tenant_id=tenant_id, public_id=public_id)
            .first()
        )
    if link is None or not link.is_usable or not link.tenant.is_active:
        return None
    customer = link.customer
    if customer.is_blocked or customer.archived_at is not None:
        return None
    return link


def record_open(link: QuickOrderLink) -> None:
    QuickOrderLink.objects.filter(pk=link.pk).update(
        open_count=F("open_count") + 1, last_opened_at=timezone.now()
    )


MY_ORDERS = 100  # the newest orders a customer's link lists


@dataclass
class StatusStep:
    status: str
    label: str
    at: object  # when it was reached (None: not yet)
    state: str  # "done", "current", "todo" or "cancelled"


def status_steps(order: Order) -> list[StatusStep]:
    """The order's way from new to delivered as its customer sees it: each step with the
    date it was reached; a cancelled order ends at "cancelled"."""
    reached = {}
    for change in order.history.all().order_by("created_at", "id"):
        reached[change.to_status] = change.created_at
    reached.setdefault(Order.Status.NEW, order.created_at)
    path = [
        Order.Status.NEW,
        Order.Status.CONFIRMED,
        Order.Status.IN_PRODUCTION,
        Order.Status.SHIPPED,
        Order.Status.DELIVERED,
    ]
    labels = dict(Order.Status.choices)
    if order.status == Order.Status.CANCELLED:
        done = [s for s in path if s in reached]
        steps = [StatusStep(s, labels[s], reached[s], "done") for s in done]
        cancelled = Order.Status.CANCELLED
        return [
            *steps,
            StatusStep(cancelled, labels[cancelled], reached.get(cancelled), "cancelled"),
        ]
    current = path.index(order.status) if order.status in path else 0
    return [
        StatusStep(
            s,
            labels[s],
            reached.get(s) if i <= current else None,
            "done" if i < current else "current" if i == current else "todo",
        )
        for i, s in enumerate(path)
    ]


def page_currency(link: QuickOrderLink) -> str:
    return link.tenant.selling_currency(link.customer.preferred_currency)


def page_language(link: QuickOrderLink, chosen: str | None) -> str:
    offered = link.tenant.offered_languages
    if chosen in offered:
        return chosen
    preferred = link.customer.preferred_language
    return preferred if preferred in offered or not offered else offered[0]


# The cart lives in the session, per link: {product id: quantity}.


class Cart:
    def __init__(self, session, link: QuickOrderLink):
        self.session = session
        self.key = f"qo-cart-{link.public_id}"

    def items(self) -> dict[int, int]:
        raw = self.session.get(self.key, {})
        return {int(pid): int(qty) for pid, qty in raw.items()}

    def _save(self, items: dict[int, int]) -> None:
        self.session[self.key] = {str(pid): qty for pid, qty in items.items()}

    def set(self, product_id: int, quantity) -> None:
        quantity = parse_quantity(quantity)
        items = self.items()
        items[product_id] = quantity
        self._save(items)

    def add(self, product_id: int, quantity) -> None:
        quantity = parse_quantity(quantity)
        items = self.items()
        items[product_id] = parse_quantity(items.get(product_id, 0) + quantity)
        self._save(items)

    def step(self, product_id: int, step) -> None:
        """One more or one less (the - and + of a cart line); none left removes the line."""
        if str(step) not in ("1", "-1"):
            raise OrderError(_("Enter a whole number of items."), code="quantity")
        items = self.items()
        quantity = items.get(product_id, 0) + int(step)
        if quantity <= 0:
            items.pop(product_id, None)
        else:
            items[product_id] = parse_quantity(quantity)
        self._save(items)

    def remove(self, product_id: int) -> None:
        items = self.items()
        items.pop(product_id, None)
        self._save(items)

    def clear(self) -> None:
        self.session.pop(self.key, None)


@dataclass
class CartLine:
    product: Product
    name: str
    quantity: int
    list_price: Decimal
    unit_price: Decimal
    line_total: Decimal


@dataclass
class PricedCart:
    lines: list[CartLine]
    currency: str
    subtotal: Decimal
    total: Decimal

    @property
    def discount_total(self) -> Decimal:
        return self.subtotal - self.total

    @property
    def count(self) -> int:
        return sum(line.quantity for line in self.lines)


def price_cart(link: QuickOrderLink, cart: Cart, language: str) -> PricedCart:
    """Server-side totals of the cart; products no longer offered drop out of it."""
    from catalog.i18n import localized

    tenant, customer = link.tenant, link.customer
    currency = page_currency(link)
    items = cart.items()
    if not items:
        return PricedCart([], currency, Decimal(0), Decimal(0))
    products = list(Product.objects.filter(pk__in=list(items), is_active=True))
    book = PriceBook(tenant, currency, products)
    lines, subtotal, total = [], Decimal(0), Decimal(0)
    for product in sorted(products, key=lambda p: (p.position, p.pk)):
        try:
            price = book.unit_price(product, customer.discount_percent)
        except PriceUnavailable:
            continue
        quantity = items[product.pk]
        line_total = quantize(price.discounted * quantity, currency)
        subtotal += quantize(price.list_price * quantity, currency)
        total += line_total
        lines.append(
            CartLine(
                product,
                localized(product, "name", language, tenant.default_language),
                quantity,
                price.list_price,
                price.discounted,
                line_total,
            )
        )
    gone = set(items) - {line.product.pk for line in lines}
    for product_id in gone:
        cart.remove(product_id)
    return PricedCart(lines, currency, subtotal, total)


@transaction.atomic
def checkout(
    link: QuickOrderLink,
    cart: Cart,
    *,
    address: Address | None,
    new_address: Address | None,
    note: str,
    idempotency_key: str,
    placed_ip: str | None,
    language: str | None = None,
) -> Order:
    """Place the cart as an order, its lines named in `language` (the page's); a new
    address is saved to the customer in the same transaction. Prices come from the
    database, never from the request."""
    allow_generic_plans()  # its statements read and write rows by key, like place_order's
    customer = link.customer
    check_idempotency_key(idempotency_key)
    # Before anything is written: a twin request with the same key (a double click, a
    # retry) waits here until the first one has committed, then finds its order.
    lock_customer(customer)
    already = Order.objects.filter(idempotency_key=idempotency_key).first()
    if already is not None:  # the order exists: add nothing, not even the address
        return already
    if new_address is not None:
        from customers.services import save_address

        new_address.customer = customer
        new_address.tenant_id = customer.tenant_id
        address = save_address(new_address, by=None)
    lines = [LineRequest(pid, qty) for pid, qty in cart.items().items()]
    return place_order(
        customer=customer,
        lines=lines,
        address=address,
        note=note,
        source=Order.Source.QUICK_ORDER,
        link=link,
        idempotency_key=idempotency_key,
        placed_ip=placed_ip,
        language=language,
    )


def status_page_url(order) -> str:
    """The order's status page on its customer's link (SITE_URL), or "" when the customer
    has no usable link."""
    from django.conf import settings
    from django.urls import reverse

    customer = order.customer
    # Read before the order's counter was locked, when the order is being placed
    # (orders.emails.before_placing); else now.
    link = customer.__dict__.get("status_link", False)
    if link is False:
        link = active_link(customer)
    if link is None or not link.is_usable:
        return ""
    path = reverse("quickorder:order_status", args=[make_token(link), order.number])
    return settings.SITE_URL + path


def status_link(customer) -> QuickOrderLink | None:
    return active_link(customer)


def link_url(request, link: QuickOrderLink) -> str:
    from django.urls import reverse

    return request.build_absolute_uri(reverse("quickorder:catalog", args=[make_token(link)]))


def bulk_send_link(customer: Customer, params: dict, by) -> bool:
    """The customers list's bulk action: email each customer their link (made if they have
    none that works). Customers without an email, blocked or archived are left out."""
    from django.conf import settings
    from django.urls import reverse

    if not customer.email or customer.is_blocked or customer.archived_at:
        return False
    link = active_link(customer)
    if link is None or not link.is_usable:
        link = generate_link(customer, by=by)
    url = settings.SITE_URL + reverse("quickorder:catalog", args=[make_token(link)])
    return send_link_email(link, url, by=by)
