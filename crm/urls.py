"""The site's URLs. Tenant pages live in `tenant_urlpatterns`, mounted per tenant under
`/<slug>/` by crm.tenancy.tenant_urlconf."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.static import serve

from crm import i18n, views
from crm.admin_sites import tenant_admin_site

account_urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]

# A database that is down or restarting answers 503 (with Retry-After), anything else 500.
handler500 = "crm.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include(account_urlpatterns)),
    path("i18n/language/", i18n.language_switch, name="language_switch"),
    path("admin/", admin.site.urls),
    path("q/", include("quickorder.urls")),
]

if settings.DEBUG:
    urlpatterns.append(
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    )

tenant_urlpatterns = [
    path("", views.tenant_home, name="tenant_home"),
    path("customers/", include("customers.urls")),
    path("customers/<int:customer_pk>/notes/", include("notes.urls")),
    path("customers/<int:pk>/link/", include("quickorder.staff_urls")),
    path("orders/", include("orders.urls")),
    path("catalog/", include("catalog.urls")),
    path("settings/", views.tenant_settings, name="tenant_settings"),
    path("admin/", tenant_admin_site.urls),
]
