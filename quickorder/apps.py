from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuickorderConfig(AppConfig):
    name = "quickorder"
    verbose_name = _("Quick-order links")
