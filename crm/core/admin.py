from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from crm.core.admin_base import TenantOwnedAdmin, register_tenant_model
from crm.core.admin_sites import tenant_admin_site
from crm.core.models import Membership, Tenant, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (*DjangoUserAdmin.fieldsets, (_("Preferences"), {"fields": ["language"]}))
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_superuser"]


@admin.register(Tenant)
class TenantAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "base_currency", "default_language", "is_active", "created_at"]
    list_filter = ["is_active", "base_currency", "default_language"]
    search_fields = ["name", "slug", "notification_email"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at"]


@register_tenant_model(Membership, tenant_site=False)
class MembershipAdmin(TenantOwnedAdmin):
    list_display = ["user", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at"]
    fields = ["user", "role", "created_at"]


@admin.register(Membership, site=tenant_admin_site)
class TenantMembershipAdmin(admin.ModelAdmin):
    """Owners see their team and change roles; accounts are created by a superuser."""

    list_display = ["user", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["user", "created_at"]

    def has_module_permission(self, request):
        return self.admin_site.has_permission(request)

    def has_view_permission(self, request, obj=None):
        return self.admin_site.has_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.admin_site.has_permission(request)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Removing the last owner would lock the business out of its own administration.
        return self.admin_site.has_permission(request) and (
            obj is None or obj.user_id != request.user.pk
        )
