from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotesConfig(AppConfig):
    name = "notes"
    verbose_name = _("Notes")

    def ready(self):
        from customers.services import INITIAL_NOTE_WRITERS
        from notes.services import write_initial_note

        if write_initial_note not in INITIAL_NOTE_WRITERS:
            INITIAL_NOTE_WRITERS.append(write_initial_note)

        from customers.merging import MERGE_HOOKS
        from notes.services import refresh_after_merge

        if refresh_after_merge not in MERGE_HOOKS:
            MERGE_HOOKS.append(refresh_after_merge)
