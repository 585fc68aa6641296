from django import template
from django.conf import settings
from django.utils.translation import gettext as _

from customers.models import Customer
from customers.services import FIELD_LABELS

register = template.Library()

CHOICE_LABELS = {
    "status": dict(Customer.Status.choices),
    "temperature": dict(Customer.Temperature.choices),
    "preferred_language": dict(settings.LANGUAGES),
}


def _display(field: str, value) -> str:
    if value in (None, "", [], {}):
        return "—"
    if field in CHOICE_LABELS:
        return str(CHOICE_LABELS[field].get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


@register.simple_tag
def change_lines(event) -> list[dict]:
    """The "field: old -> new" lines of a CHANGED timeline entry, with display values."""
    return [
        {
            "label": FIELD_LABELS.get(change["field"], change["field"]),
            "old": _display(change["field"], change.get("old")),
            "new": _display(change["field"], change.get("new")),
        }
        for change in event.data.get("changes", [])
    ]
