"""The only ways an order is created (place_order) or moves (transition); each is one
transaction, and its emails are stored in it and sent by a job after it commits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext_lazy as _

from catalog.i18n import localized, localized_columns
from catalog.models import Product
from catalog.pricing import PriceBook, PriceUnavailable
from crm.core.models import LANGUAGE_CODES
from crm.lib.compiled import CompiledQuery
from crm.lib.money import quantize
from crm.lib.plans import allow_generic_plans
from customers.models import ActivityEvent, Address, Customer
from customers.services import record_event
from orders import emails, radar
from orders.models import MAX_QUANTITY, Order, OrderCounter, OrderLine, OrderStatusChange

S = Order.Status

# The keys our forms generate (secrets.token_urlsafe); anything else is refused.
IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")

# The workflow: new -> confirmed -> in production -> shipped -> delivered; cancelled from
# the first three.
ALLOWED = {
    S.NEW: {S.CONFIRMED, S.CANCELLED},
    S.CONFIRMED: {S.IN_PRODUCTION, S.CANCELLED},
    S.IN_PRODUCTION: {S.SHIPPED, S.CANCELLED},
    S.SHIPPED: {S.DELIVERED},
    S.DELIVERED: set(),
    S.CANCELLED: set(),
}


class OrderError(ValidationError):
    """A refused order or move; the message is translated and meant for the person."""


@dataclass(frozen=True)
class LineRequest:
    product_id: int
    quantity: int


def parse_quantity(value) -> int:
    """A whole number 1-10,000 written with ASCII digits, or OrderError."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        raise OrderError(_("Enter a whole number of items."), code="quantity")
    quantity = int(text)
    if not 1 <= quantity <= MAX_QUANTITY:
        raise OrderError(
            _("Quantities go from 1 to %(max)s.") % {"max": f"{MAX_QUANTITY:,}"},
            code="quantity",
        )
    return quantity


NEXT_NUMBER_SQL = (
    "UPDATE orders_ordercounter SET last_number = last_number + 1"
    " WHERE tenant_id = %s RETURNING last_number"
)


def next_number(tenant) -> int:
    """Allocate the tenant's next order number (gap-free: the row lock the increment takes is
    held until the order's transaction ends, and a rolled-back order gives its number back).

    One statement, `UPDATE ... RETURNING`, where the ORM would need two (a locking SELECT,
    then the UPDATE): Django's update() cannot return values. It names the tenant itself,
    so it cannot miss the scope."""
    with connection.cursor() as cursor:
        cursor.execute(NEXT_NUMBER_SQL, [tenant.pk])
        row = cursor.fetchone()
        if row is None:  # the tenant's first order: create its counter, then take a number
            OrderCounter.objects.get_or_create(tenant=tenant)
            cursor.execute(NEXT_NUMBER_SQL, [tenant.pk])
            row = cursor.fetchone()
    return row[0]


# The products being ordered (in the active tenant's scope, active only), each with its
# explicit price in the currency, if any (one query, not two), and without the
# descriptions, which an order line does not keep. Compiled once per number of lines.
ORDERED_PRODUCTS = CompiledQuery(
    lambda ids, currency: PriceBook.with_explicit_prices(
        Product.objects.filter(pk__in=ids, is_active=True).only(
            "tenant_id", "sku", "unit", "price", *localized_columns("name")
        ),
        currency,
    ),
    registered_as="ordered products",
    scoped=True,
    ids=[-1],
    currency="\x00currency",
)


def check_idempotency_key(key: str) -> None:
    if not IDEMPOTENCY_KEY.fullmatch(key or ""):
        raise OrderError(_("This order form has expired; reload the page."), code="key")


def existing_order(idempotency_key: str) -> Order | None:
    return Order.objects.filter(idempotency_key=idempotency_key).first()


def place_order(
    *,
    customer: Customer,
    lines: Iterable[LineRequest],
    address: Address | dict | None,
    note: str = "",
    source: str,
    link=None,
    idempotency_key: str,
    placed_ip: str | None = None,
    by=None,
    language: str | None = None,
) -> Order:
    """Create an order priced from the database in the customer's currency with their
    discount, its lines named in `language` (the language the customer ordered in; their
    preferred one by default). A repeated idempotency key returns the order it created the
    first time."""
    check_idempotency_key(idempotency_key)
    # The key is not looked up first: a new key is the rule and a repeat the exception, so
    # the unique constraint on (tenant, idempotency_key) finds repeats. A repeat then rolls
    # back whole, giving its number back, and answers with the order it placed before.
    try:
        with transaction.atomic():
            # Its statements read and write rows by key: one plan suits every order (when
            # the order is a transaction of its own; see allow_generic_plans).
            allow_generic_plans()
            return _place(
                customer,
                list(lines),
                address,
                note,
                source,
                link,
                idempotency_key,
                placed_ip,
                by,
                language if language in LANGUAGE_CODES else customer.preferred_language,
            )
    except (IntegrityError, OrderError):
        # A retry of a placed order (even if the customer or a product changed since), or
        # a concurrent request with the same key that won the race: return its order.
        found = existing_order(idempotency_key)
        if found is None:
            raise
        return found


def _place(customer, lines, address, note, source, link, idempotency_key, placed_ip, by, language):
    tenant = customer.tenant
    if customer.is_blocked or customer.archived_at is not None:
        raise OrderError(_("This customer cannot place orders."), code="customer")
    if not lines:
        raise OrderError(_("The order is empty: add at least one product."), code="empty")
    if len({line.product_id for line in lines}) != len(lines):
        raise OrderError(_("Each product may appear only once."), code="duplicate")
    for line in lines:
        parse_quantity(line.quantity)
    currency = tenant.selling_currency(customer.preferred_currency)
    # Scoped to the tenant, active only: another tenant's or a withdrawn product is refused.
    products = {
        p.pk: p
        for p in ORDERED_PRODUCTS(ids=[line.product_id for line in lines], currency=currency)
    }
    if len(products) != len(lines):
        raise OrderError(_("A product in the order is no longer available."), code="product")
    book = PriceBook(tenant, currency, list(products.values()), annotated=True)
    discount = customer.discount_percent
    if isinstance(address, Address):
        if address.customer_id != customer.pk:
            raise OrderError(_("Choose one of the customer's addresses."), code="address")
        address = address.snapshot()
    # The customer's latest orders, for their rhythm (orders.radar), read before the lock too.
    earlier = radar.latest(customer, radar.RECENT - 1)
    emails.before_placing(customer)
    # Priced before the counter is locked: the lock is held until commit, so the less
    # happens after it, the more orders a tenant can take at once.
    subtotal = total = Decimal(0)
    order_lines = []
    for position, line in enumerate(lines):
        product = products[line.product_id]
        try:
            price = book.unit_price(product, discount)
        except PriceUnavailable as exc:
            raise OrderError(
                _("%(product)s has no price in %(currency)s.")
                % {"product": product.name, "currency": currency},
                code="price",
            ) from exc
        line_total = quantize(price.discounted * line.quantity, currency)
        subtotal += quantize(price.list_price * line.quantity, currency)
        total += line_total
        order_lines.append(
            OrderLine(
                tenant=tenant,
                product=product,
                sku=product.sku,
                name=_product_name(product, language, tenant.default_language),
                unit=product.unit,
                quantity=line.quantity,
                unit_price=price.list_price,
                discounted_unit_price=price.discounted,
                line_total=line_total,
                position=position,
            )
        )
    order = Order.objects.create(
        tenant=tenant,
        number=next_number(tenant),
        customer=customer,
        currency=currency,
        language=language,
        discount_percent=discount,
        subtotal=subtotal,
        discount_total=subtotal - total,
        total=total,
        shipping_address=address or {},
        customer_note=(note or "").replace("\x00", "").strip()[:2000],
        source=source,
        quick_order_link=link,
        idempotency_key=idempotency_key,
        placed_ip=placed_ip,
        placed_by=by,
    )
    for order_line in order_lines:
        order_line.order = order
    OrderLine.objects.bulk_create(order_lines)
    OrderStatusChange.objects.create(tenant=tenant, order=order, to_status=S.NEW, by=by)
    record_event(
        customer,
        ActivityEvent.Kind.ORDER_PLACED,
        by,
        order=order.pk,
        number=order.number,
        total=str(order.total),
        currency=currency,
        source=source,
    )
    customer.last_order_at = order.created_at
    customer.last_order_ip = placed_ip or customer.last_order_ip
    fields = ["last_order_at", "last_order_ip"]
    before = customer.status
    if before == Customer.Status.POTENTIAL:  # a first order makes a lead a customer
        customer.status = Customer.Status.CURRENT
        fields += ["status", "updated_at"]
    # How often they order, and when the next is due: with this order.
    fields += radar.compute(customer, [*earlier, (order.created_at, order.total, order.currency)])
    customer.save(update_fields=fields)
    if customer.status != before:
        record_event(
            customer,
            ActivityEvent.Kind.CHANGED,
            by,
            changes=[{"field": "status", "old": before, "new": customer.status}],
        )
    emails.order_received(order, order_lines)  # stored now, sent once the order commits
    return order


def _product_name(product, language, tenant_language) -> str:
    return localized(product, "name", language, tenant_language)[:200]


def allowed_transitions(order: Order) -> list[str]:
    return [s for s in S.values if s in ALLOWED[S(order.status)]]


@transaction.atomic
def transition(order: Order, to: str, *, by, reason: str = "", tracking: str = "") -> Order:
    """Move an order one step; anything the workflow does not allow changes nothing."""
    locked = Order.objects.select_for_update().get(pk=order.pk)
    if to not in S.values or to not in ALLOWED[S(locked.status)]:
        raise OrderError(
            _("An order that is %(status)s cannot become %(to)s.")
            % {
                "status": S(locked.status).label,
                "to": S(to).label if to in S.values else to,
            },
            code="transition",
        )
    reason, tracking = reason.strip()[:500], tracking.strip()[:500]
    if to == S.CANCELLED and not reason:
        raise OrderError(_("Give a reason for cancelling."), code="reason")
    from_status = locked.status
    locked.status = to
    fields = ["status", "updated_at"]
    if to == S.SHIPPED and tracking:
        locked.tracking = tracking
        fields.append("tracking")
    if to == S.CANCELLED:
        locked.cancel_reason = reason
        fields.append("cancel_reason")
    locked.save(update_fields=fields)
    change = OrderStatusChange.objects.create(
        tenant_id=locked.tenant_id,
        order=locked,
        from_status=from_status,
        to_status=to,
        by=by,
        reason=reason,
        tracking=tracking,
    )
    record_event(
        locked.customer,
        ActivityEvent.Kind.ORDER_STATUS,
        by,
        order=locked.pk,
        number=locked.number,
        old=from_status,
        new=to,
        reason=reason,
        tracking=tracking,
    )
    if to == S.CANCELLED:
        radar.refresh(locked.customer)  # a cancelled order no longer counts
    emails.status_changed(locked, change)  # if the business emails this move
    order.refresh_from_db()
    return order
