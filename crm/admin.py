from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from crm.models import Membership, Tenant, User


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["tenant", "created_at"]
    can_delete = True


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (*DjangoUserAdmin.fieldsets, (_("Preferences"), {"fields": ["language"]}))
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_superuser"]
    inlines = [MembershipInline]


@admin.register(Tenant)
class TenantAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "base_currency", "default_language", "is_active", "created_at"]
    list_filter = ["is_active", "base_currency", "default_language"]
    search_fields = ["name", "slug", "notification_email"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "tenant", "role", "created_at"]
    list_filter = ["tenant", "role"]
    search_fields = ["user__username", "user__email", "tenant__name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at"]
    fields = ["tenant", "user", "role", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        # The tenant is chosen when the membership is made and never moved afterwards.
        return [*self.readonly_fields, "tenant"] if obj else self.readonly_fields
