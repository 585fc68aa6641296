from crm.core.admin_base import TenantOwnedAdmin, TenantOwnedInline, register_tenant_model
from orders.models import Order, OrderCounter, OrderLine, OrderStatusChange


class OrderLineInline(TenantOwnedInline):
    """Lines are snapshots written by orders.services.place_order: shown, never edited."""

    model = OrderLine
    fields = ["sku", "name", "quantity", "unit_price", "discounted_unit_price", "line_total"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class StatusInline(TenantOwnedInline):
    model = OrderStatusChange
    fields = ["from_status", "to_status", "by", "reason", "tracking", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@register_tenant_model(Order)
class OrderAdmin(TenantOwnedAdmin):
    """Orders are created and moved only through the services (and the staff pages), so
    the admin shows them read-only: editing totals here would bypass pricing and history."""

    read_only = True
    list_display = ["number", "customer", "status", "source", "total", "currency", "created_at"]
    list_filter = ["status", "source", "currency"]
    search_fields = ["=number", "customer__name"]
    list_select_related = ["customer"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "number",
        "customer",
        "status",
        "currency",
        "language",
        "discount_percent",
        "subtotal",
        "discount_total",
        "total",
        "shipping_address",
        "customer_note",
        "source",
        "quick_order_link",
        "placed_ip",
        "placed_by",
        "tracking",
        "cancel_reason",
        "created_at",
        "updated_at",
    ]
    exclude = ["idempotency_key"]
    inlines = [OrderLineInline, StatusInline]
    show_full_result_count = False


@register_tenant_model(OrderLine)
class OrderLineAdmin(TenantOwnedAdmin):
    read_only = True
    list_display = ["order", "sku", "name", "quantity", "line_total"]
    search_fields = ["sku", "name", "=order__number"]
    list_select_related = ["order"]


@register_tenant_model(OrderStatusChange)
class OrderStatusChangeAdmin(TenantOwnedAdmin):
    read_only = True
    list_display = ["order", "from_status", "to_status", "by", "created_at"]
    list_filter = ["to_status"]
    list_select_related = ["order", "by"]


@register_tenant_model(OrderCounter, tenant_site=False)
class OrderCounterAdmin(TenantOwnedAdmin):
    read_only = True
    list_display = ["last_number"]
