import datetime

from django import template
from django.apps import apps
from django.conf import settings
from django.template.defaultfilters import floatformat
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from customers.models import Customer
from customers.services import FIELD_LABELS

register = template.Library()

CHOICE_LABELS = {
    "status": dict(Customer.Status.choices),
    "temperature": dict(Customer.Temperature.choices),
    "preferred_language": dict(settings.LANGUAGES),
}
# Stored as ISO dates (YYYY-MM-DD); shown in the reader's format.
DATE_FIELDS = {"link_expiry"}


def _display(field: str, value) -> str:
    if value in (None, "", [], {}):
        return "—"
    if field in DATE_FIELDS:
        try:
            return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except (TypeError, ValueError):
            return str(value)
    if field == "discount_percent":  # as the customer page writes it ("%12,5" in Turkish)
        return _("%(discount)s%%") % {"discount": floatformat(value, "-2")}
    if field in CHOICE_LABELS:
        return str(CHOICE_LABELS[field].get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


@register.filter
def merged_facts(event) -> list[tuple[str, str]]:
    """What a merged-away customer said (a MERGED timeline entry keeps it), to show."""
    data = event.data.get("merged") or {}
    facts = []
    for field in (
        "name",
        "email",
        "phone",
        "tax_number",
        "contact_person",
        "status",
        "temperature",
        "discount_percent",
        "group",
        "tags",
        "addresses",
    ):
        value = data.get(field)
        if value in (None, "", [], {}):
            continue
        if field == "addresses":
            label = _("Addresses")
            value = "; ".join(value)
        else:
            label = str(FIELD_LABELS.get(field, field)).capitalize()
            value = _display(field, value)
        facts.append((label, value))
    return facts


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


@register.filter
def order_status_label(value: str) -> str:
    """An order status as stored in a timeline entry ("in_production"), in words."""
    Order = apps.get_model("orders", "Order")  # orders builds on customers, not the reverse
    return str(dict(Order.Status.choices).get(value, value))


FOLLOWUP_LABELS = {
    "text": _lazy("What to do"),
    "due": _lazy("Due"),
    "time": _lazy("Time"),
    "assignee": _lazy("Assigned to"),
}


def _followup_value(key: str, value) -> str:
    if key == "due" and value:
        try:
            return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except (TypeError, ValueError):
            return str(value)
    return str(value) if value else "—"


@register.filter
def followup_due(data: dict) -> str:
    """When a follow-up in a timeline entry is due, as the reader writes dates."""
    due = _followup_value("due", data.get("due"))
    return f"{due} {data['time']}" if data.get("time") else due


@register.simple_tag
def followup_lines(event) -> list[dict]:
    """The "what: old -> new" lines of a follow-up's timeline entry (changed, snoozed,
    reassigned): the followups app stores them as {key: [old, new]}."""
    changes = event.data.get("changes") or {}
    if not isinstance(changes, dict):
        return []
    return [
        {
            "label": FOLLOWUP_LABELS.get(key, key),
            "old": _followup_value(key, pair[0]),
            "new": _followup_value(key, pair[1]),
        }
        for key, pair in changes.items()
        if isinstance(pair, list) and len(pair) == 2
    ]
