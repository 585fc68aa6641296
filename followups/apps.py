from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupsConfig(AppConfig):
    name = "followups"
    verbose_name = _("Follow-ups")

    def ready(self):
        from customers.services import DETAIL_SECTIONS
        from followups import digest  # noqa: F401  (registers the daily job)
        from followups.views import detail_context

        if detail_context not in DETAIL_SECTIONS:
            DETAIL_SECTIONS.append(detail_context)

        from django.utils.translation import gettext_lazy as _

        from customers.bulk import ACTIONS, Action
        from customers.merging import MERGE_HOOKS
        from followups.forms import clean_bulk_followup
        from followups.services import bulk_followup, refresh_after_merge

        ACTIONS.setdefault(
            "followup",
            Action(
                "followup",
                _("Set a follow-up"),
                bulk_followup,
                ("followup_text", "followup_due"),
                clean=clean_bulk_followup,
            ),
        )

        if refresh_after_merge not in MERGE_HOOKS:
            MERGE_HOOKS.append(refresh_after_merge)
