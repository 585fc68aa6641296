"""The Due to reorder page: the customers whose rhythm says an order is due (the radar the
orders app keeps on each customer: reorder_*), and snoozing one until a date."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crm.lib import generations
from crm.lib.fragments import CSRF_MARK, fragment_key
from crm.lib.htmx import safe_next
from customers.models import Customer, ReorderState

SECTION_SIZE = 25  # customers shown in each section, the most pressing first
ROW_TIMEOUT = 24 * 3600
PAGE_TIMEOUT = 60
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
    """The sections are kept per tenant "customers" generation and day, as the customers
    page's results are (customers.results_cache): any write to a customer, their rhythm
    included, makes a new key."""
    today = timezone.localdate()
    generation = generations.current("customers", request.tenant.pk)
    key = (
        fragment_key(
            "reorders-page",
            generation,
            reverse("customers:reorders"),
            get_language(),
            timezone.get_current_timezone_name(),
            today.isoformat(),
            tenant_id=request.tenant.pk,
        )
        if generation
        else None
    )
    html = caches["pages"].get(key) if key else None
    if html is None:
        found = sections(today)
        rows = draw_rows([c for section in found for c in section["customers"]], today)
        for section in found:
            section["rows"] = [mark_safe(rows[c.pk]) for c in section["customers"]]  # noqa: S308
        html = render_to_string(
            "customers/reorders.html#sections", {"sections": found}, request=request
        )
        if key:
            caches["pages"].set(key, html, PAGE_TIMEOUT)
    page = mark_safe(html.replace(CSRF_MARK, get_token(request)))  # noqa: S308
    return render(request, "customers/reorders.html", {"nav": "customers", "sections_html": page})


def draw_rows(customers, today) -> dict:
    """Each customer's row, kept (the "fragments" cache) under everything it shows and the
    day (its "due in 3 days" changes with it); the CSRF token is put in afterwards."""
    language = get_language()
    back = reverse("customers:reorders")
    keys = {
        c.pk: fragment_key(
            "reorder-row",
            language,
            back,
            today.isoformat(),
            *(getattr(c, column) for column in COLUMNS),
            tenant_id=c.tenant_id,
        )
        for c in customers
    }
    cache = caches["fragments"]
    kept = cache.get_many(list(keys.values()))
    drawn = {}
    for customer in customers:
        if keys[customer.pk] in kept:
            continue
        drawn[keys[customer.pk]] = render_to_string(
            "customers/_reorder_row.html",
            {
                "customer": customer,
                "csrf_token": CSRF_MARK,
                "back": back,
                "snooze_default": today + timedelta(days=SOON),
            },
        )
    if drawn:
        cache.set_many(drawn, ROW_TIMEOUT)
    return {c.pk: kept.get(keys[c.pk]) or drawn[keys[c.pk]] for c in customers}


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
        generations.renew("customers", customer.tenant_id)
        if form.cleaned_data["until"]:
            messages.success(
                request,
                _("%(name)s is snoozed until %(date)s.")
                % {"name": customer.name, "date": form.cleaned_data["until"]},
            )
    else:
        messages.error(request, form.errors["until"][0])
    return redirect(safe_next(request, reverse("customers:reorders")))
