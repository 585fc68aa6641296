"""Demo orders in every status, placed and moved through the services like real ones."""

from catalog.models import Product
from customers.models import Customer
from orders.models import Order
from orders.services import LineRequest, place_order, transition

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
    customers = list(Customer.objects.active().filter(is_blocked=False).order_by("id")[:16])
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
