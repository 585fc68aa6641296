"""The site's URLs. A tenant's pages are in crm/tenant_urls.py, mounted under `/<slug>/`
for each tenant by crm.core.urlconfs."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.static import serve

from crm.core import i18n, views

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
handler500 = "crm.core.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("healthz/queue", views.healthz_queue, name="healthz_queue"),
    path("accounts/", include(account_urlpatterns)),
    path("i18n/language/", i18n.language_switch, name="language_switch"),
    path("admin/", admin.site.urls),
    path("q/", include("quickorder.urls")),
]

if settings.DEBUG:
    urlpatterns.append(
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    )
