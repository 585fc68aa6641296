"""Writes to customers go through these functions: each is one transaction and leaves a
timeline entry, so the audit trail is complete whoever calls them (views, admin, links)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crm.lib.phones import search_digits
from crm.lib.text import fold, normalize_email
from customers.models import ActivityEvent, Address, Customer, CustomerGroup, Tag

# Fields whose changes the timeline shows as "field: old -> new".
AUDITED_FIELDS = [
    "name",
    "tax_number",
    "contact_person",
    "email",
    "phone",
    "status",
    "temperature",
    "discount_percent",
    "preferred_currency",
    "preferred_language",
    "group",
    "email_marketing_consent",
    "custom_data",
]


# Apps that build on customers add what the customer form's "initial note" becomes
# (notes.apps registers it): customers never imports the apps above it.
INITIAL_NOTE_WRITERS: list = []
# ... and the sections they draw on the customer page: each a function (request, customer)
# returning the section's context (followups.apps registers its section).
DETAIL_SECTIONS: list = []


def record_event(customer: Customer, kind: str, by=None, **data) -> ActivityEvent:
    return ActivityEvent.objects.create(
        tenant_id=customer.tenant_id, customer=customer, kind=kind, actor=by, data=data
    )


def lock_customer(customer: Customer) -> None:
    """Hold the customer's row lock until the transaction ends, so that requests changing the
    same customer's links or orders at once take turns: a double-clicked checkout then finds
    the order its twin placed before writing anything, and concurrent *Regenerate* clicks
    leave exactly one active link. (SQLite serialises every write anyway.)"""
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("lock_customer needs a transaction")
    list(Customer.objects.select_for_update().filter(pk=customer.pk).values_list("pk"))


EDITED_COLUMNS = [
    *(
        f.name
        for f in Customer._meta.concrete_fields
        if f.editable and not f.primary_key and f.name != "tenant"
    ),
    "version",
    "email_marketing_consent_at",
    "updated_at",
]


def audit_value(customer: Customer, field: str):
    """A JSON-friendly, human-readable value of a field for the timeline."""
    value = getattr(customer, field)
    if field == "group":
        return value.name if value else ""
    if field == "discount_percent":
        return str(value)
    return value


def snapshot(customer: Customer) -> dict:
    return {field: audit_value(customer, field) for field in AUDITED_FIELDS} | {
        "tags": sorted(customer.tags.values_list("name", flat=True)) if customer.pk else [],
        "is_blocked": customer.is_blocked,
    }


def resolve_tags(tenant, names: Iterable[str]) -> list[Tag]:
    """Existing tags matched as their unique rule matches them (crm.lib.text.fold: "İnstagram"
    is "Instagram"); the others created for the tenant, spelled as typed."""
    tags = {}
    for name in (n.strip()[:50] for n in names if n.strip()):
        key = fold(name)
        if key not in tags:
            # get_or_create: a tag created by someone else meanwhile is found, not a 500.
            tags[key], _created = Tag.objects.get_or_create(
                name_key=key, defaults={"tenant": tenant, "name": name}
            )
    return list(tags.values())


def default_group(tenant) -> CustomerGroup | None:
    return CustomerGroup.objects.filter(is_default=True).first()


@transaction.atomic
def create_customer(
    customer: Customer,
    *,
    by,
    tags: Iterable[Tag] = (),
    address: Address | None = None,
    initial_note: str = "",
) -> Customer:
    """Save a new customer (built by a form) with its tags, first address and note."""
    if customer.group_id is None:
        customer.group = default_group(customer.tenant)
    if customer.email_marketing_consent:
        customer.email_marketing_consent_at = timezone.now()
    customer.save()
    customer.tags.set(tags)
    if address is not None:
        address.tenant_id = customer.tenant_id
        address.customer = customer
        address.is_default = True
        address.save()
    record_event(customer, ActivityEvent.Kind.CREATED, by, name=customer.name)
    if customer.is_blocked:
        record_event(customer, ActivityEvent.Kind.BLOCKED, by)
    if initial_note.strip():
        for write_note in INITIAL_NOTE_WRITERS:
            write_note(customer, initial_note, by)
    return customer


class StaleEdit(Exception):
    """Someone else saved the customer after this edit started."""


@transaction.atomic
def update_customer(
    customer: Customer,
    *,
    before: dict,
    by,
    tags: Iterable[Tag] | None = None,
    expected_version: int | None = None,
) -> list[dict]:
    """Save edits made by a form; record each changed field as "old -> new".

    `before` is `snapshot(customer)` taken before the form changed the instance. With
    `expected_version`, the row is locked and the edit refused (StaleEdit) if another save
    came in between, so two people editing at once never silently overwrite each other.
    """
    current = (
        Customer.objects.select_for_update()
        .filter(pk=customer.pk)
        .values_list("version", flat=True)
        .first()
    )
    if expected_version is not None and current != expected_version:
        raise StaleEdit
    customer.version = (current or 0) + 1
    was_blocked = before.get("is_blocked", customer.is_blocked)
    if before.get("email_marketing_consent") != customer.email_marketing_consent:
        customer.email_marketing_consent_at = timezone.now()
    # Only what an edit changes: the columns other apps keep on the customer (the latest
    # note, the next follow-up, the reorder rhythm, the last order) may have been written
    # since this copy was read, and must not be put back as they were.
    customer.save(update_fields=EDITED_COLUMNS)
    if tags is not None:
        customer.tags.set(tags)
    after = snapshot(customer)
    changes = [
        {"field": field, "old": before.get(field), "new": after[field]}
        for field in [*AUDITED_FIELDS, "tags"]
        if before.get(field) != after[field]
    ]
    if changes:
        record_event(customer, ActivityEvent.Kind.CHANGED, by, changes=changes)
    if was_blocked != customer.is_blocked:
        kind = ActivityEvent.Kind.BLOCKED if customer.is_blocked else ActivityEvent.Kind.UNBLOCKED
        record_event(customer, kind, by)
    return changes


def has_history(customer: Customer) -> bool:
    """Orders (once the orders app has them) make a customer history worth keeping."""
    orders = getattr(customer, "orders", None)
    return bool(orders is not None and orders.exists())


@transaction.atomic
def archive_customer(customer: Customer, *, by) -> None:
    if customer.archived_at is None:
        customer.archived_at = timezone.now()
        customer.save(update_fields=["archived_at", "updated_at"])
        record_event(customer, ActivityEvent.Kind.ARCHIVED, by)


@transaction.atomic
def restore_customer(customer: Customer, *, by) -> None:
    if customer.archived_at is not None:
        customer.archived_at = None
        customer.save(update_fields=["archived_at", "updated_at"])
        record_event(customer, ActivityEvent.Kind.RESTORED, by)


@transaction.atomic
def delete_or_archive_customer(customer: Customer, *, by) -> bool:
    """Delete a customer without history; archive one with orders. True if deleted."""
    if has_history(customer):
        archive_customer(customer, by=by)
        return False
    customer.delete()
    return True


@transaction.atomic
def save_address(address: Address, *, by) -> Address:
    """Save a new or edited address; exactly one address of a customer is the default."""
    customer = address.customer
    is_new = address.pk is None
    siblings = Address.objects.filter(customer=customer).exclude(pk=address.pk)
    if not siblings.filter(is_default=True).exists():
        address.is_default = True
    if address.is_default:
        siblings.filter(is_default=True).update(is_default=False)
    address.save()
    kind = ActivityEvent.Kind.ADDRESS_ADDED if is_new else ActivityEvent.Kind.ADDRESS_CHANGED
    record_event(customer, kind, by, title=address.title, address=address.one_line())
    return address


@transaction.atomic
def delete_address(address: Address, *, by) -> None:
    customer = address.customer
    address.delete()
    if address.is_default:
        successor = Address.objects.filter(customer=customer).order_by("id").first()
        if successor:
            successor.is_default = True
            successor.save(update_fields=["is_default"])
    record_event(
        customer,
        ActivityEvent.Kind.ADDRESS_DELETED,
        by,
        title=address.title,
        address=address.one_line(),
    )


def find_duplicates(customer: Customer, *, limit: int = 5) -> list[tuple[Customer, list[str]]]:
    """Other customers of the same tenant (the active scope) sharing email, phone or tax
    number, each with the names of the matching fields."""
    checks = {
        "email": ("email", normalize_email(customer.email)),  # stored normalised
        "phone": ("phone", customer.phone),
        "tax_number": ("tax_number__iexact", customer.tax_number.strip()),
    }
    query = Q()
    for lookup, value in checks.values():
        if value:
            query |= Q(**{lookup: value})
    if not query:
        return []
    candidates = Customer.objects.filter(query)
    if customer.pk:
        candidates = candidates.exclude(pk=customer.pk)
    result = []
    for other in candidates.order_by("name", "id")[:limit]:
        matched = [
            field
            for field in checks
            if getattr(customer, field)
            and str(getattr(other, field)).lower() == str(getattr(customer, field)).lower()
        ]
        result.append((other, matched))
    return result


PHONE_LIKE = re.compile(r"[\d\s+()./-]+")
WORD = re.compile(r"[^\W\d_]{4,}")  # four letters in a row


def search_filter(term: str) -> Q:
    """Name, email, contact person, tax number, or phone digits in any formatting.

    The shape of the term picks the columns, so each search probes only the trigram indexes
    that can match: an address with "@" is an email; digits and phone punctuation are a phone
    or a tax number; anything else is a name or contact person, and also an email when it
    has no spaces and a tax number when it has no word of four letters.
    """
    term = term.strip()
    if "@" in term:
        return Q(email__icontains=term)
    if PHONE_LIKE.fullmatch(term):
        query = Q(tax_number__icontains=term)
        digits = search_digits(term)
        if len(digits) >= 3:
            query |= Q(phone_digits__contains=digits)
        return query
    query = Q(name__icontains=term) | Q(contact_person__icontains=term)
    if not any(char.isspace() for char in term):  # an email address has no spaces
        query |= Q(email__icontains=term)
    if not WORD.search(term):  # tax numbers have at most a 2-3 letter country prefix
        query |= Q(tax_number__icontains=term)
    return query


FIELD_LABELS = {
    "name": _("name"),
    "tax_number": _("tax/VAT number"),
    "contact_person": _("contact person"),
    "email": _("email"),
    "phone": _("phone"),
    "status": _("status"),
    "temperature": _("temperature"),
    "discount_percent": _("discount %"),
    "preferred_currency": _("preferred currency"),
    "preferred_language": _("preferred language"),
    "group": _("group"),
    "email_marketing_consent": _("email marketing consent"),
    "custom_data": _("custom fields"),
    "tags": _("tags"),
    "link_expiry": _("quick-order link expiry"),
}
