from crm.core.admin_base import TenantOwnedAdmin, register_tenant_model
from notes.models import Note
from notes.services import refresh_latest_note


@register_tenant_model(Note)
class NoteAdmin(TenantOwnedAdmin):
    list_display = ["customer", "priority", "text", "author", "created_at"]
    list_filter = ["priority"]
    search_fields = ["text", "customer__name"]
    autocomplete_fields = ["customer"]
    readonly_fields = ["author", "created_at", "updated_at"]
    list_select_related = ["customer", "author"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_latest_note(obj.customer)

    def delete_model(self, request, obj):
        customer = obj.customer
        super().delete_model(request, obj)
        refresh_latest_note(customer)
