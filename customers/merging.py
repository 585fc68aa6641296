"""Merging two customers into one: the customer that stays takes, field by field, the value
chosen from either, and everything of the other (orders, notes, addresses, tags,
follow-ups, quick-order links, the timeline); the other is then deleted, and the timeline
keeps a snapshot of it. One transaction: all of it or none of it.

The customers app does not know the apps built on it: every row pointing at the customer
moves through the model's reverse relations (Django's Options API), and the apps add what
else a merge means for them (MERGE_HOOKS: quickorder revokes the other's links, notes and
follow-ups refresh what the card shows, orders recompute the reorder rhythm).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from customers import results_cache
from customers.models import ActivityEvent, Address, Customer, CustomField
from customers.services import FIELD_LABELS, audit_value, lock_customer, record_event

# The fields a person chooses between, in the form's order.
CHOSEN_FIELDS = [
    "name",
    "contact_person",
    "email",
    "phone",
    "tax_number",
    "status",
    "temperature",
    "discount_percent",
    "preferred_currency",
    "preferred_language",
    "group",
    "email_marketing_consent",
    "is_blocked",
]

# Functions (keep, gone, by) the apps built on customers register (their apps.py). Before:
# run with both customers still there (quickorder revokes the other's links, so the moved
# links never break "one active link per customer"); after: once everything has moved.
BEFORE_MERGE_HOOKS: list = []
MERGE_HOOKS: list = []


class MergeRefused(Exception):
    pass


@dataclass
class Choice:
    field: str
    label: str
    keep: str  # the values as the page shows them
    other: str
    differs: bool
    prefer_other: bool  # the staying customer has nothing there, the other has


def shown(value) -> str:
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    return str(value)


def choices(keep: Customer, other: Customer, definitions: list[CustomField]) -> list[Choice]:
    """Each field with both customers' values, as the merge page shows them."""
    labels = {**FIELD_LABELS, "is_blocked": _("Blocked")}
    pairs = [
        (field, labels.get(field, field), display(keep, field), display(other, field))
        for field in CHOSEN_FIELDS
    ]
    pairs += [
        (f"custom:{d.key}", d.label, keep.custom_data.get(d.key), other.custom_data.get(d.key))
        for d in definitions
    ]
    return [
        Choice(field, label, shown(a), shown(b), a != b, shown(a) == "—" and shown(b) != "—")
        for field, label, a, b in pairs
    ]


def display(customer: Customer, field: str):
    if field in ("status", "temperature"):
        return str(getattr(customer, f"get_{field}_display")())
    if field == "preferred_language":
        return str(dict(settings.LANGUAGES).get(customer.preferred_language, ""))
    return audit_value(customer, field)


def moving_relations() -> list[models.ForeignKey]:
    """Every foreign key to Customer (the rows that move), whichever app defines it."""
    return [
        relation.field
        for relation in Customer._meta.related_objects
        if relation.one_to_many and isinstance(relation.field, models.ForeignKey)
    ]


def counts(customer: Customer) -> dict[str, int]:
    """What the customer has, by the verbose name of each kind (the merge page says what
    will move)."""
    found = {}
    for field in moving_relations():
        n = field.model.objects.filter(**{field.name: customer}).count()
        if n:
            meta = field.model._meta
            found[str(meta.verbose_name if n == 1 else meta.verbose_name_plural)] = n
    return found


def snapshot(customer: Customer) -> dict:
    """The merged-away customer, as the timeline keeps it."""
    data = {field: audit_value(customer, field) for field in CHOSEN_FIELDS}
    data["id"] = customer.pk
    data["tags"] = sorted(customer.tags.values_list("name", flat=True))
    data["custom_data"] = customer.custom_data
    data["created_at"] = customer.created_at.isoformat()
    data["addresses"] = [a.one_line() for a in customer.addresses.all()]
    return data


@transaction.atomic
def merge(keep: Customer, other: Customer, *, take: set[str], by) -> Customer:
    """Merge `other` into `keep`: the fields named in `take` ("email", "custom:sector"...)
    come from `other`, the rest stay `keep`'s."""
    if keep.pk == other.pk or keep.tenant_id != other.tenant_id:
        raise MergeRefused("two customers of one business")
    for customer in sorted((keep, other), key=lambda c: c.pk):  # one order: no deadlock
        lock_customer(customer)
    keep.refresh_from_db()
    other.refresh_from_db()
    gone = snapshot(other)
    changed = []
    for field in CHOSEN_FIELDS:
        if field in take and getattr(keep, field) != getattr(other, field):
            changed.append(
                {"field": field, "old": audit_value(keep, field), "new": audit_value(other, field)}
            )
            setattr(keep, field, getattr(other, field))
    custom = dict(keep.custom_data)
    for key, value in other.custom_data.items():
        if f"custom:{key}" in take or key not in custom:
            custom[key] = value
    keep.custom_data = {k: v for k, v in custom.items() if v not in (None, "")}
    if keep.archived_at and not other.archived_at:
        keep.archived_at = None  # one of them was in use: the merged one is
    keep.last_order_at = max(
        (t for t in (keep.last_order_at, other.last_order_at) if t), default=None
    )
    if keep.last_order_at == other.last_order_at and other.last_order_ip:
        keep.last_order_ip = other.last_order_ip

    for hook in BEFORE_MERGE_HOOKS:
        hook(keep, other, by)
    if keep.addresses.filter(is_default=True).exists():
        Address.objects.filter(customer=other, is_default=True).update(is_default=False)
    for field in moving_relations():
        field.model.objects.filter(**{field.name: other}).update(**{field.name: keep})
    keep.tags.add(*other.tags.all())
    keep.version += 1
    keep.save()
    record_event(
        keep,
        ActivityEvent.Kind.MERGED,
        by,
        merged=gone,
        changes=changed,
        title=gone["name"],
    )
    other.delete()
    for hook in MERGE_HOOKS:
        hook(keep, other, by)
    results_cache.new_generation(keep.tenant_id)
    return keep
