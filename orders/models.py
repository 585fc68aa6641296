"""Orders: created and moved only by orders.services (place_order, transition)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import Product
from crm.core.models import TenantOwned
from customers.models import Customer

MAX_QUANTITY = 10_000


class OrderCounter(TenantOwned):
    """The last order number of a tenant. Allocating the next one increments it in place
    (orders.services.next_number), which locks the row until the order's transaction ends,
    so numbers are sequential, gap-free and never reused."""

    last_number = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant"], name="ordercounter_tenant_uniq")]

    def __str__(self) -> str:
        return f"{self.tenant_id}: {self.last_number}"


class Order(TenantOwned):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONFIRMED = "confirmed", _("Confirmed")
        IN_PRODUCTION = "in_production", _("In production")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        CANCELLED = "cancelled", _("Cancelled")

    class Source(models.TextChoices):
        QUICK_ORDER = "quick_order", _("Quick-order link")
        STAFF = "staff", _("Staff")

    number = models.PositiveBigIntegerField(_("number"))
    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.PROTECT, related_name="orders"
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.NEW
    )
    currency = models.CharField(_("currency"), max_length=3)
    language = models.CharField(_("language"), max_length=8)
    discount_percent = models.DecimalField(_("Discount %"), max_digits=5, decimal_places=2)
    subtotal = models.DecimalField(_("subtotal"), max_digits=16, decimal_places=3)
    discount_total = models.DecimalField(_("Discount"), max_digits=16, decimal_places=3)
    total = models.DecimalField(_("total"), max_digits=16, decimal_places=3)
    shipping_address = models.JSONField(_("shipping address"), default=dict, blank=True)
    customer_note = models.TextField(_("note from the customer"), blank=True, max_length=2000)
    source = models.CharField(_("source"), max_length=15, choices=Source.choices)
    quick_order_link = models.ForeignKey(
        "quickorder.QuickOrderLink",
        verbose_name=_("quick-order link"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
    )
    idempotency_key = models.CharField(_("Idempotency key"), max_length=64)
    placed_ip = models.GenericIPAddressField(_("placed from IP"), null=True, blank=True)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    tracking = models.CharField(_("tracking number or URL"), max_length=500, blank=True)
    cancel_reason = models.CharField(_("Cancellation reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("placed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "number"], name="order_tenant_number_uniq"),
            models.UniqueConstraint(
                fields=["tenant", "idempotency_key"], name="order_tenant_idempotency_uniq"
            ),
        ]
        indexes = [
            models.Index(fields=["tenant", "-number"], name="order_listing"),
            models.Index(fields=["tenant", "status", "-number"], name="order_by_status"),
            models.Index(fields=["tenant", "customer", "-number"], name="order_by_customer"),
        ]

    def __str__(self) -> str:
        return f"#{self.number}"

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines.all())


class OrderLine(TenantOwned):
    order = models.ForeignKey(
        Order, verbose_name=_("order"), on_delete=models.CASCADE, related_name="lines"
    )
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.PROTECT, related_name="+"
    )
    # Snapshots: later catalog edits never change an order.
    sku = models.CharField(_("SKU"), max_length=50)
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=10, choices=Product.Unit.choices)
    quantity = models.PositiveIntegerField(
        _("quantity"), validators=[MinValueValidator(1), MaxValueValidator(MAX_QUANTITY)]
    )
    unit_price = models.DecimalField(_("unit price"), max_digits=16, decimal_places=3)
    discounted_unit_price = models.DecimalField(
        _("Discounted unit price"), max_digits=16, decimal_places=3
    )
    line_total = models.DecimalField(_("line total"), max_digits=16, decimal_places=3)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1, quantity__lte=MAX_QUANTITY),
                name="orderline_quantity_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.sku}"


class OrderStatusChange(TenantOwned):
    """The order's history: every move, with who, when and why."""

    order = models.ForeignKey(
        Order, verbose_name=_("order"), on_delete=models.CASCADE, related_name="history"
    )
    from_status = models.CharField(
        _("from"), max_length=15, choices=Order.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=15, choices=Order.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    tracking = models.CharField(_("tracking"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.order} {self.from_status} → {self.to_status}"
