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
