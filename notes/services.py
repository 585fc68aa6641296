"""Notes are written here: each change refreshes the customer's latest-note preview and
leaves an entry in the customer's timeline, in one transaction."""

from django.db import transaction

from customers import results_cache
from customers.models import ActivityEvent, Customer
from customers.services import record_event
from notes.models import Note

PREVIEW_LENGTH = 120


def excerpt(text: str, length: int = PREVIEW_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def refresh_latest_note(customer: Customer) -> None:
    """Copy the newest note (by creation time) onto the customer for the cards page."""
    latest = Note.objects.filter(customer=customer).order_by("-created_at", "-id").first()
    customer.latest_note_excerpt = excerpt(latest.text) if latest else ""
    customer.latest_note_at = latest.created_at if latest else None
    Customer.objects.filter(pk=customer.pk).update(
        latest_note_excerpt=customer.latest_note_excerpt, latest_note_at=customer.latest_note_at
    )
    results_cache.new_generation(customer.tenant_id)  # update() sends no signal


@transaction.atomic
def add_note(customer: Customer, *, text: str, priority: str, by) -> Note:
    note = Note.objects.create(
        tenant_id=customer.tenant_id,
        customer=customer,
        text=text.strip(),
        priority=priority,
        author=by,
    )
    refresh_latest_note(customer)
    record_event(
        customer,
        ActivityEvent.Kind.NOTE_ADDED,
        by,
        note=note.pk,
        excerpt=excerpt(note.text, 80),
        priority=priority,
    )
    return note


@transaction.atomic
def edit_note(note: Note, *, by) -> Note:
    """Save a note changed by a form."""
    note.text = note.text.strip()
    note.save()
    refresh_latest_note(note.customer)
    record_event(
        note.customer,
        ActivityEvent.Kind.NOTE_EDITED,
        by,
        note=note.pk,
        excerpt=excerpt(note.text, 80),
        priority=note.priority,
    )
    return note


@transaction.atomic
def delete_note(note: Note, *, by) -> None:
    customer, text = note.customer, note.text
    note.delete()
    refresh_latest_note(customer)
    record_event(customer, ActivityEvent.Kind.NOTE_DELETED, by, excerpt=excerpt(text, 80))


def refresh_after_merge(keep: Customer, gone, by) -> None:
    """Two customers merged: the latest note of the one that stays may be the other's."""
    refresh_latest_note(keep)


def write_initial_note(customer: Customer, text: str, by) -> None:
    """The customer form's "first note" (registered in notes.apps)."""
    add_note(customer, text=text[:5000], priority=Note.Priority.NONE, by=by)
