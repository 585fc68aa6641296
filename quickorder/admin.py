from crm.core.admin_base import TenantOwnedAdmin, register_tenant_model
from quickorder.models import QuickOrderLink


@register_tenant_model(QuickOrderLink)
class QuickOrderLinkAdmin(TenantOwnedAdmin):
    """Links are made, revoked and regenerated on the customer page; shown here."""

    read_only = True
    list_display = [
        "customer",
        "created_at",
        "expires_at",
        "revoked_at",
        "last_opened_at",
        "open_count",
    ]
    list_filter = ["revoked_at"]
    search_fields = ["customer__name"]
    list_select_related = ["customer"]
    exclude = ["public_id"]
