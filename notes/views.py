"""Notes on the customer page: inline with htmx, plain pages and redirects without it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django_htmx.http import trigger_client_event

from crm.lib.htmx import render_page
from customers.models import Customer
from notes import services
from notes.forms import NoteForm
from notes.models import Note

TEMPLATE = "notes/note_section.html"


def _get_customer(request: HttpRequest, customer_pk: int) -> Customer:
    return get_object_or_404(Customer.objects.all(), pk=customer_pk)


def _get_note(request: HttpRequest, customer: Customer, note_pk: int) -> Note:
    """A note of this customer of this tenant; anything else is 404."""
    return get_object_or_404(Note.objects.filter(customer=customer), pk=note_pk)


def notes_context(customer: Customer, **extra) -> dict:
    return {
        "customer": customer,
        "notes": list(customer.notes.select_related("author")),
        "priorities": Note.Priority.choices,
        "nav": "customers",
        **extra,
    }


def _section(request, customer, *, status=200, **extra) -> HttpResponse:
    return render_page(
        request, TEMPLATE, notes_context(customer, **extra), partial="section", status=status
    )


def _done(request: HttpRequest, customer: Customer) -> HttpResponse:
    if request.htmx:
        # The note section is redrawn; the timeline (which lists note changes) redraws
        # itself on this event (customers/customer_detail.html).
        return trigger_client_event(_section(request, customer), "crm:timeline-changed")
    return redirect(reverse("customers:detail", args=[customer.pk]) + "#notes")


def note_create(request: HttpRequest, customer_pk: int) -> HttpResponse:
    customer = _get_customer(request, customer_pk)
    form = NoteForm(request.POST or None, tenant=request.tenant, customer=customer)
    if request.method == "POST" and form.is_valid():
        services.add_note(
            customer,
            text=form.cleaned_data["text"],
            priority=form.cleaned_data["priority"],
            by=request.user,
        )
        return _done(request, customer)
    return _section(request, customer, new_form=form)


def note_update(request: HttpRequest, customer_pk: int, note_pk: int) -> HttpResponse:
    customer = _get_customer(request, customer_pk)
    note = _get_note(request, customer, note_pk)
    form = NoteForm(request.POST or None, instance=note, tenant=request.tenant, customer=customer)
    if request.method == "POST" and form.is_valid():
        services.edit_note(form.save(commit=False), by=request.user)
        return _done(request, customer)
    return _section(request, customer, editing=note.pk, edit_form=form)


def note_delete(request: HttpRequest, customer_pk: int, note_pk: int) -> HttpResponse:
    """GET asks for confirmation (inline with htmx); POST deletes."""
    customer = _get_customer(request, customer_pk)
    note = _get_note(request, customer, note_pk)
    if request.method == "POST":
        services.delete_note(note, by=request.user)
        return _done(request, customer)
    if request.htmx:
        return _section(request, customer, confirming=note.pk)
    return render(request, "notes/note_confirm_delete.html", {"customer": customer, "note": note})
