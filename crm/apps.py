from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CrmConfig(AppConfig):
    default = True
    name = "crm"
    verbose_name = _("Accounts and tenants")

    def ready(self):
        from crm import accounts, checks, sessions, signals  # noqa: F401  (checks, receivers)


class CrmAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the superuser-only site as `admin.site`."""

    default = False
    default_site = "crm.admin_sites.SuperuserAdminSite"
