"""`get_FOO_display()` from a label table built once per field (QuickChoiceDisplay, mixed
into every tenant-owned model).

Django's own builds a dict of the field's choices on every call, hashing each lazily
translated label, which translates it: on the customer page, with its timeline, that was
a sixth of the page's instructions (docs/scaling.md). Same result, including the raw value
for an unknown one; crm/core/tests/test_tenancy.py compares it with Django's for every
choice field.

It overrides Django's private `Model._get_FIELD_display` (listed in docs/scaling.md's
upgrade checklist); FAST_CHOICE_LABELS=0 leaves Django's own in place.
"""

from django.conf import settings
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


class QuickChoiceDisplay:
    def _get_FIELD_display(self, field):
        if not settings.FAST_CHOICE_LABELS or isinstance(field.choices, CallableChoiceIterator):
            return super()._get_FIELD_display(field)  # Django's way
        labels = field.__dict__.get("_display_labels")
        if labels is None:
            labels = {make_hashable(value): label for value, label in field.flatchoices}
            field.__dict__["_display_labels"] = labels
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)
