from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "orders"
    verbose_name = _("Orders")

    def ready(self):
        from customers.merging import MERGE_HOOKS
        from orders.radar import refresh_after_merge

        if refresh_after_merge not in MERGE_HOOKS:
            MERGE_HOOKS.append(refresh_after_merge)
