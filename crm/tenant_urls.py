"""A tenant's pages, mounted under `/<slug>/` for each tenant by crm.core.urlconfs."""

from django.urls import include, path

from crm.core import views
from crm.core.admin_sites import tenant_admin_site

urlpatterns = [
    path("", views.tenant_home, name="tenant_home"),
    path("customers/", include("customers.urls")),
    path("customers/<int:customer_pk>/notes/", include("notes.urls")),
    path("customers/<int:pk>/link/", include("quickorder.staff_urls")),
    path("orders/", include("orders.urls")),
    path("catalog/", include("catalog.urls")),
    path("", include("followups.urls")),
    path("settings/", views.tenant_settings, name="tenant_settings"),
    path("admin/", tenant_admin_site.urls),
]
