from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CrmConfig(AppConfig):
    """The core: tenants, users, memberships, and the tenancy that keeps them apart. Its
    label stays "crm" (the users are crm.User, its tables crm_*)."""

    default = True
    name = "crm.core"
    label = "crm"
    verbose_name = _("Accounts and tenants")

    def ready(self):
        from crm.core import accounts, checks, sessions, signals  # noqa: F401  (checks, receivers)


class CrmAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the superuser-only site as `admin.site`."""

    default = False
    default_site = "crm.core.admin_sites.SuperuserAdminSite"
