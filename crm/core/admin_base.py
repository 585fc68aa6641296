"""Registering a tenant-owned model on both admin sites with one ModelAdmin.

    @register_tenant_model(Customer)
    class CustomerAdmin(TenantOwnedAdmin):
        list_display = ["name", "email"]

On `/admin/` (superusers) the class gains a tenant column, a tenant filter first, and a
tenant choice when adding; every foreign key must then belong to the same tenant. On
`/<tenant>/admin/` (owners) the tenant never appears: it is set on save, and the active
scope limits every list, choice, filter and autocomplete to the tenant's rows.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from crm.core.admin_sites import tenant_admin_site
from crm.core.models import Tenant, TenantOwned, User


def foreign_tenant_fields(cleaned_data: dict, tenant: Tenant) -> list[str]:
    """Names of fields whose chosen objects belong to another tenant."""
    wrong = []
    for name, value in cleaned_data.items():
        values = value if isinstance(value, list | tuple) or hasattr(value, "model") else [value]
        for item in values:
            if isinstance(item, TenantOwned) and item.tenant_id != tenant.pk:
                wrong.append(name)
                break
    return wrong


class TenantOwnedAdmin(admin.ModelAdmin):
    """Base class for the admin of a tenant-owned model (see the module docstring).

    `read_only = True` for records written only by the application (the audit trail).
    """

    read_only = False

    def has_add_permission(self, request):
        return not self.read_only and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return not self.read_only and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self.read_only and super().has_delete_permission(request, obj)


class TenantOwnedInline(admin.TabularInline):
    """Inline rows take the tenant of the object they belong to."""

    extra = 0


def _set_inline_tenants(formset, tenant):
    for form in formset.forms:
        if form.instance.tenant_id is None:
            form.instance.tenant = tenant


class SuperuserSiteMixin:
    """Adds the tenant where a superuser needs it; scopes are off on this site."""

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        return [*columns[:1], "tenant", *columns[1:]]

    def get_list_filter(self, request):
        return ["tenant", *super().get_list_filter(request)]

    def get_list_select_related(self, request):
        related = super().get_list_select_related(request)
        if related is True:
            return True
        return ["tenant", *(related or [])]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "tenant"] if obj is not None else fields

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != "tenant"]
        return ["tenant", *fields]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # "tenant" is shown (get_fields) but is no model-form field: it is not editable.
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"]:
            kwargs["fields"] = [f for f in kwargs["fields"] if f != "tenant"]
        base = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None:

            class ChangeForm(base):
                def clean(self):
                    cleaned = super().clean()
                    for name in foreign_tenant_fields(cleaned, self.instance.tenant):
                        self.add_error(name, _("Choose a record of the same tenant."))
                    return cleaned

            return ChangeForm

        class AddForm(base):
            tenant = forms.ModelChoiceField(queryset=Tenant.objects.all(), label=_("tenant"))

            def clean(self):
                cleaned = super().clean()
                tenant = cleaned.get("tenant")
                if tenant is not None:
                    self.instance.tenant = tenant
                    for name in foreign_tenant_fields(cleaned, tenant):
                        self.add_error(name, _("Choose a record of the same tenant."))
                return cleaned

        return AddForm

    def save_formset(self, request, form, formset, change):
        _set_inline_tenants(formset, form.instance.tenant)
        super().save_formset(request, form, formset, change)


class TenantSiteMixin:
    """Hides the tenant and sets it from the request; the scope does the filtering.

    The site lets in only the tenant's owners; they may do everything the admin class
    allows, without Django's per-model permissions (those are for the superuser site).
    """

    def has_module_permission(self, request):
        return self.admin_site.has_permission(request)

    def has_view_permission(self, request, obj=None):
        return self.admin_site.has_permission(request)

    def has_add_permission(self, request):
        return self.admin_site.has_permission(request) and not self.read_only

    def has_change_permission(self, request, obj=None):
        return self.admin_site.has_permission(request) and not self.read_only

    def has_delete_permission(self, request, obj=None):
        return self.admin_site.has_permission(request) and not self.read_only

    def get_list_filter(self, request):
        return [f for f in super().get_list_filter(request) if f != "tenant"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change=change, **kwargs)
        tenant = request.tenant

        class TenantForm(base):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                # Known before validation, so (tenant, ...) unique constraints are checked.
                if self.instance.tenant_id is None:
                    self.instance.tenant = tenant

        return TenantForm

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        for formset in formsets:
            _set_inline_tenants(formset, request.tenant)
        return formsets, inline_instances

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is User:
            # Users are not tenant-owned: offer only this tenant's members.
            kwargs["queryset"] = User.objects.filter(memberships__tenant=request.tenant)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if obj.tenant_id is None:
            obj.tenant = request.tenant
        if obj.tenant_id != request.tenant.pk:  # cannot happen through the form
            raise ValidationError("tenant mismatch")
        super().save_model(request, obj, form, change)


def register_tenant_model(model, *, tenant_site: bool = True):
    """Class decorator: register `model` with the class on both admin sites."""

    def decorator(admin_class):
        admin.site.register(
            model, type(f"Superuser{admin_class.__name__}", (SuperuserSiteMixin, admin_class), {})
        )
        if tenant_site:
            tenant_admin_site.register(
                model, type(f"Tenant{admin_class.__name__}", (TenantSiteMixin, admin_class), {})
            )
        return admin_class

    return decorator
