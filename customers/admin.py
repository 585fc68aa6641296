from django import forms
from django.conf import settings
from django.contrib import admin

from crm.core.admin_base import TenantOwnedAdmin, TenantOwnedInline, register_tenant_model
from crm.lib.money import currency_choices
from customers.forms import AddressForm, preferred_currency_codes
from customers.models import (
    ActivityEvent,
    Address,
    BulkRun,
    Customer,
    CustomerGroup,
    CustomerImport,
    CustomField,
    ImportChange,
    SavedView,
    Tag,
)


class AddressInline(TenantOwnedInline):
    model = Address
    fields = AddressForm.Meta.fields


@register_tenant_model(Customer)
class CustomerAdmin(TenantOwnedAdmin):
    list_display = [
        "name",
        "email",
        "phone",
        "status",
        "temperature",
        "group",
        "is_blocked",
        "archived_at",
        "created_at",
    ]
    list_filter = ["status", "temperature", "group", "tags", "is_blocked", "source"]
    search_fields = ["name", "email", "phone", "contact_person", "tax_number"]
    autocomplete_fields = ["group", "tags"]
    readonly_fields = [
        "source",
        "archived_at",
        "email_marketing_consent_at",
        "latest_note_excerpt",
        "latest_note_at",
        "created_at",
        "updated_at",
    ]
    list_select_related = ["group"]
    inlines = [AddressInline]
    show_full_result_count = False

    def get_form(self, request, obj=None, **kwargs):
        """Currency and language as lists to choose from, as on the staff pages: the
        business's currencies (plus the customer's own, if it is another), or every
        currency for a superuser; a new customer starts with the business's defaults."""
        form = super().get_form(request, obj, **kwargs)
        tenant = getattr(request, "tenant", None)
        # A superuser (no tenant, so no default) must choose: the first entry is blank.
        blank = [] if tenant else [("", "---------")]
        fields = {}
        if "preferred_currency" in form.base_fields:
            codes = preferred_currency_codes(tenant, obj) if tenant else None  # None: all
            fields["preferred_currency"] = forms.ChoiceField(
                label=form.base_fields["preferred_currency"].label,
                choices=blank + currency_choices(codes),
                initial=tenant.base_currency if tenant else None,
            )
        if "preferred_language" in form.base_fields:
            fields["preferred_language"] = forms.ChoiceField(
                label=form.base_fields["preferred_language"].label,
                choices=blank + list(settings.LANGUAGES),
                initial=tenant.default_language if tenant else None,
            )
        # Declared on a subclass: the admin sites subclass this form again, and a model
        # form's subclass rebuilds its fields from the model but keeps declared ones.
        return type(form.__name__, (form,), fields)


@register_tenant_model(CustomerGroup)
class CustomerGroupAdmin(TenantOwnedAdmin):
    list_display = ["name", "is_default"]
    list_filter = ["is_default"]
    search_fields = ["name"]


@register_tenant_model(Tag)
class TagAdmin(TenantOwnedAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@register_tenant_model(CustomField)
class CustomFieldAdmin(TenantOwnedAdmin):
    list_display = ["label", "key", "field_type", "required", "is_active", "position"]
    list_filter = ["field_type", "required", "is_active"]
    search_fields = ["label", "key"]
    prepopulated_fields = {"key": ["label"]}


@register_tenant_model(Address)
class AddressAdmin(TenantOwnedAdmin):
    list_display = ["customer", "title", "city", "country", "is_default"]
    list_filter = ["country", "is_default"]
    search_fields = ["customer__name", "title", "line1", "city", "postal_code"]
    autocomplete_fields = ["customer"]


@register_tenant_model(ActivityEvent)
class ActivityEventAdmin(TenantOwnedAdmin):
    read_only = True
    list_display = ["created_at", "customer", "kind", "actor"]
    list_filter = ["kind"]
    search_fields = ["customer__name"]
    readonly_fields = ["customer", "kind", "actor", "data", "created_at"]
    list_select_related = ["customer", "actor"]


@register_tenant_model(SavedView)
class SavedViewAdmin(TenantOwnedAdmin):
    list_display = ["name", "owner", "is_shared", "view_mode", "created_at"]
    list_filter = ["is_shared", "view_mode"]
    search_fields = ["name"]
    readonly_fields = ["owner", "query", "created_at"]  # made on the customers page
    list_select_related = ["owner"]

    def has_add_permission(self, request):
        return False


@register_tenant_model(BulkRun)
class BulkRunAdmin(TenantOwnedAdmin):
    read_only = True
    list_display = ["created_at", "action", "by", "total", "done", "changed", "finished_at"]
    list_filter = ["action"]
    readonly_fields = [
        "action",
        "by",
        "params",
        "query",
        "ids",
        "total",
        "done",
        "changed",
        "last_pk",
        "created_at",
        "finished_at",
    ]
    list_select_related = ["by"]


@register_tenant_model(CustomerImport)
class CustomerImportAdmin(TenantOwnedAdmin):
    read_only = True
    list_display = ["created_at", "filename", "by", "state", "total", "created", "updated"]
    list_filter = ["state"]
    exclude = ["content"]
    readonly_fields = [
        "filename",
        "by",
        "encoding",
        "duplicates",
        "state",
        "total",
        "done",
        "created",
        "updated",
        "skipped",
        "failed",
        "created_at",
        "finished_at",
    ]
    list_select_related = ["by"]


@register_tenant_model(ImportChange)
class ImportChangeAdmin(TenantOwnedAdmin):
    read_only = True
    list_display = ["run", "customer", "created"]
    readonly_fields = ["run", "customer", "created", "before"]
    list_select_related = ["run", "customer"]


admin.site.empty_value_display = "—"
