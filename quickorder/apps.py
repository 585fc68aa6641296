from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuickorderConfig(AppConfig):
    name = "quickorder"
    verbose_name = _("Quick-order links")

    def ready(self):
        from orders import emails
        from quickorder.services import status_link, status_page_url

        emails.status_page_url = status_page_url
        emails.status_link = status_link

        from customers.bulk import ACTIONS, Action
        from customers.merging import BEFORE_MERGE_HOOKS
        from quickorder.services import bulk_send_link, revoke_links_of_merged

        ACTIONS.setdefault(
            "send_links", Action("send_links", _("Email the quick-order link"), bulk_send_link)
        )

        if revoke_links_of_merged not in BEFORE_MERGE_HOOKS:
            BEFORE_MERGE_HOOKS.append(revoke_links_of_merged)
