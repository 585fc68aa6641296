"""Two admin sites: one for superusers across all tenants, one per tenant for its owners."""

from functools import wraps

from django.contrib import admin
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled


class SuperuserAdminSite(admin.AdminSite):
    """`/admin/`: superusers only, every tenant's rows (scopes disabled here and only here)."""

    site_header = _("CRM administration")
    site_title = _("CRM administration")
    index_title = _("All tenants")

    def has_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def unscoped(request, *args, **kwargs):
            with scopes_disabled():
                response = inner(request, *args, **kwargs)
                # Render now: a TemplateResponse rendered later would run outside this block.
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                return response

        return unscoped


class TenantAdminSite(admin.AdminSite):
    """`/<tenant>/admin/`: the tenant's owners (with is_staff), inside the tenant's scope.

    The tenant middleware has already opened the scope, so every default manager, FK
    choice list, autocomplete and filter sees this tenant's rows only. Anyone else gets
    404, not a login form that would confirm the page exists.
    """

    site_header = _("Administration")
    site_title = _("Administration")
    index_title = _("Tenant administration")

    def has_permission(self, request: HttpRequest) -> bool:
        membership = getattr(request, "membership", None)
        return bool(
            membership and membership.is_owner and request.user.is_active and request.user.is_staff
        )

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def owners_only(request, *args, **kwargs):
            if not self.has_permission(request):
                raise Http404
            return inner(request, *args, **kwargs)

        return owners_only

    def login(self, request, extra_context=None):
        if not self.has_permission(request):
            raise Http404
        return super().login(request, extra_context)

    def each_context(self, request):
        context = super().each_context(request)
        tenant = getattr(request, "tenant", None)
        if tenant is not None:
            context["site_header"] = tenant.name
            context["site_url"] = reverse("customers:list")
        return context


tenant_admin_site = TenantAdminSite(name="tenant_admin")
