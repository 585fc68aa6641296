from django.db import transaction

from crm.core.admin_base import TenantOwnedAdmin, register_tenant_model
from customers.models import ActivityEvent
from customers.services import record_event
from followups.forms import FollowUpAdminForm
from followups.models import FollowUp
from followups.services import delete_followup, facts, refresh_next


@register_tenant_model(FollowUp)
class FollowUpAdmin(TenantOwnedAdmin):
    list_display = ["customer", "text", "due_on", "due_time", "assignee", "done_at"]
    list_filter = ["due_on", "done_at"]
    search_fields = ["text", "customer__name"]
    form = FollowUpAdminForm
    # Assigned in the product, where the choice is limited to the business's members; and a
    # follow-up stays with its customer (whose card shows it).
    readonly_fields = [
        "customer",
        "assignee",
        "created_by",
        "done_at",
        "done_by",
        "created_at",
        "updated_at",
    ]
    list_select_related = ["customer", "assignee"]

    def has_add_permission(self, request):
        return False  # a follow-up is set on the customer's page (its members, its timeline)

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_next(obj.customer)
        if form.changed_data:
            record_event(
                obj.customer, ActivityEvent.Kind.FOLLOWUP_CHANGED, request.user, **facts(obj)
            )

    def delete_model(self, request, obj):
        delete_followup(obj, by=request.user)  # the timeline keeps what it was

    def delete_queryset(self, request, queryset):
        for followup in queryset.select_related("customer"):
            delete_followup(followup, by=request.user)
