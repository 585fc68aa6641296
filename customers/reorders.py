"""The Due to reorder page: the customers whose rhythm says an order is due (the radar the
orders app keeps on each customer: reorder_*), and snoozing one until a date."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from crm.lib.htmx import safe_next
from customers.models import Customer, ReorderState

SECTION_SIZE = 100  # customers shown in each section; the page says how many there are
SOON = 7  # days: "due within a week"
COLUMNS = [
    "id",
    "tenant_id",
    "name",
    "email",
    "phone",
    "last_order_at",
    "reorder_state",
    "reorder_interval_days",
    "reorder_due_on",
    "reorder_usual_value",
    "reorder_currency",
    "reorder_snoozed_until",
]


def sections(today) -> list[dict]:
    """Overdue, due within a week, on track and irregular: one query each, whatever the
    number of customers (the partial index customer_reorder_due)."""
    live = (
        Customer.objects.filter(archived_at__isnull=True, is_blocked=False)
        .exclude(reorder_snoozed_until__gte=today)
        .only(*COLUMNS)
    )
    due = live.filter(reorder_due_on__isnull=False, reorder_state=ReorderState.REGULAR)
    rows = [
        ("overdue", gettext_lazy("Overdue"), due.filter(reorder_due_on__lt=today)),
        (
            "soon",
            gettext_lazy("Due within a week"),
            due.filter(reorder_due_on__gte=today, reorder_due_on__lte=today + timedelta(SOON)),
        ),
        (
            "on_track",
            gettext_lazy("On track"),
            due.filter(reorder_due_on__gt=today + timedelta(SOON)),
        ),
    ]
    out = []
    for key, title, queryset in rows:
        customers = list(queryset.order_by("reorder_due_on", "id")[:SECTION_SIZE])
        out.append({"key": key, "title": title, "customers": customers})
    irregular = list(
        live.filter(reorder_state=ReorderState.IRREGULAR).order_by("-last_order_at", "id")[
            :SECTION_SIZE
        ]
    )
    out.append({"key": "irregular", "title": gettext_lazy("Irregular"), "customers": irregular})
    return out


def reorders(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "nav": "customers",
        "sections": sections(today),
        "snooze_default": today + timedelta(days=SOON),
        "today": today,
    }
    return render(request, "customers/reorders.html", context)


class SnoozeForm(forms.Form):
    until = forms.DateField(label=gettext_lazy("Snooze until"), required=False)

    def clean_until(self):
        until = self.cleaned_data["until"]
        today = timezone.localdate()
        if until is not None and not today < until <= today + timedelta(days=366):
            raise forms.ValidationError(_("Choose a day within the next year."))
        return until


@require_POST
def reorder_snooze(request: HttpRequest, pk: int) -> HttpResponse:
    """Leave a customer off the Due to reorder page until a day (none: back on it now)."""
    customer = get_object_or_404(Customer.objects.active(), pk=pk)
    form = SnoozeForm(request.POST)
    if form.is_valid():
        Customer.objects.filter(pk=customer.pk).update(
            reorder_snoozed_until=form.cleaned_data["until"]
        )
        if form.cleaned_data["until"]:
            messages.success(
                request,
                _("%(name)s is snoozed until %(date)s.")
                % {"name": customer.name, "date": form.cleaned_data["until"]},
            )
    else:
        messages.error(request, form.errors["until"][0])
    return redirect(safe_next(request, reverse("customers:reorders")))
