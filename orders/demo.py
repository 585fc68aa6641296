"""Demo orders in every status, placed and moved through the services like real ones, and
a few regular customers with months of orders behind them (for order again and the reorder
radar)."""

from datetime import timedelta

from django.utils import timezone

from catalog.models import Product
from customers.models import Customer
from orders import radar
from orders.models import Order, OrderStatusChange
from orders.services import LineRequest, place_order, transition

# Regular customers: (days between their orders, days since the last one, orders). The
# first is overdue, the second due within days, the third on track, the last irregular.
REGULARS = [(21, 26, 5), (30, 27, 4), (14, 3, 6), (None, 10, 4)]
IRREGULAR_GAPS = [3, 40, 95]

# The steps each demo order goes through after it is placed.
PATHS = [
    [],
    ["confirmed"],
    ["confirmed", "in_production"],
    ["confirmed", "in_production", "shipped"],
    ["confirmed", "in_production", "shipped", "delivered"],
    ["cancelled"],
    ["confirmed", "in_production", "shipped", "delivered"],
    ["confirmed"],
]


def seed(tenant, owner, staff) -> None:
    if Order.objects.exists():
        return
    products = list(Product.objects.filter(is_active=True).order_by("id")[:12])
    everyone = list(Customer.objects.active().filter(is_blocked=False).order_by("id"))
    customers = everyone[:16]
    if not products or not customers:
        return
    for i, customer in enumerate(customers):
        lines = [
            LineRequest(products[(i + j) % len(products)].pk, (i * 3 + j) % 7 + 1)
            for j in range(i % 3 + 1)
        ]
        order = place_order(
            customer=customer,
            lines=lines,
            address=customer.addresses.first(),
            note="",
            source="staff" if i % 2 else "quick_order",
            idempotency_key=f"demo-{i}",
            by=staff,
        )
        for step in PATHS[i % len(PATHS)]:
            extra = {"reason": "—"} if step == "cancelled" else {}
            if step == "shipped":
                extra = {"tracking": f"TRK{1000 + i}"}
            order = transition(order, step, by=owner, **extra)
    _regulars(everyone[16 : 16 + len(REGULARS)], products, owner, staff)


def _regulars(customers, products, owner, staff) -> None:
    now = timezone.now()
    for k, (customer, (gap, since, count)) in enumerate(zip(customers, REGULARS, strict=False)):
        if gap:
            ages = [since + gap * n for n in reversed(range(count))]
        else:
            ages = [since + sum(IRREGULAR_GAPS[:n]) for n in reversed(range(count))]
        usual = [products[(k + j) % len(products)] for j in range(2)]
        for n, age in enumerate(ages):
            lines = [LineRequest(p.pk, 2 + (n + j) % 3) for j, p in enumerate(usual)]
            order = place_order(
                customer=customer,
                lines=lines,
                address=customer.addresses.first(),
                note="",
                source="quick_order",
                idempotency_key=f"demo-regular-{k}-{n}",
                by=staff,
            )
            for step in ["confirmed", "in_production", "shipped", "delivered"]:
                order = transition(order, step, by=owner)
            placed = now - timedelta(days=age)
            Order.objects.filter(pk=order.pk).update(created_at=placed)
            OrderStatusChange.objects.filter(order=order).update(created_at=placed)
        Customer.objects.filter(pk=customer.pk).update(last_order_at=now - timedelta(ages[-1]))
        customer.refresh_from_db()
        radar.refresh(customer)
