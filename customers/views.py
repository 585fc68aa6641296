import uuid

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scope

from crm.core.templatetags.crm_tags import person
from crm.lib import money
from crm.lib.fragments import fragment_key
from crm.lib.htmx import redirect_after_success, render_page
from crm.lib.text import parse_id
from customers import bulk, exporting, listing, merging, results_cache, saved_views, services
from customers.bulk_views import BulkForm
from customers.displays import chosen_columns, display_for
from customers.forms import (
    AddressForm,
    CustomerFilter,
    CustomerForm,
    FirstAddressForm,
    custom_display_value,
    filter_options,
)
from customers.models import Address, Customer, CustomField
from customers.timeline import timeline as timeline_page

VIEW_MODES = ("cards", "table")
TABLE_COLUMN_LABELS = {
    "email": gettext_lazy("Email"),
    "phone": gettext_lazy("Phone"),
    "contact": gettext_lazy("Contact person"),
    "group": gettext_lazy("Group"),
    "status": gettext_lazy("Status"),
    "discount": gettext_lazy("Discount"),
    "blocked": gettext_lazy("Blocked"),
    "last_order": gettext_lazy("Last order"),
    "next_followup": gettext_lazy("Next follow-up"),
    "last_order_ip": gettext_lazy("Last order IP"),
    "added": gettext_lazy("Added"),
}


def _get_customer(request: HttpRequest, pk: int) -> Customer:
    """The customer of the active tenant, or 404 (the scope hides other tenants' rows)."""
    return get_object_or_404(Customer.objects.select_related("group"), pk=pk)


def _get_address(request: HttpRequest, customer: Customer, address_pk: int) -> Address:
    return get_object_or_404(Address.objects.filter(customer=customer), pk=address_pk)


def _view_mode(request: HttpRequest) -> str:
    """Cards or table; a choice made with ?view= is remembered in the session."""
    requested = request.GET.get("view")
    if requested in VIEW_MODES:
        request.session["customers_view"] = requested
        return requested
    return request.session.get("customers_view", "cards")


def customer_list(request: HttpRequest) -> HttpResponse:
    filters = CustomerFilter(request.GET or None, queryset=Customer.objects.all(), request=request)
    queryset = filters.qs if filters.is_bound and filters.is_valid() else Customer.objects.active()
    status = filters.form.cleaned_data.get("status") if filters.is_bound else None
    if filters.is_bound and filters.form.cleaned_data.get("archived"):
        sections = [listing.ARCHIVED]
    else:
        sections = [s for s in listing.SECTIONS if not status or s.status == status]
    view_mode = _view_mode(request)
    display = display_for(view_mode, chosen_columns(request.GET.getlist("cols")))
    query = _query_without_paging(request)

    only = request.GET.get("section")
    if request.htmx and only in {s.key for s in sections}:
        # "Show more": the next page of one section, appended by htmx.
        section = next(s for s in sections if s.key == only)
        page = results_cache.more(queryset, section, display, request.GET.get("after", ""))
        context = {"page": page, "view_mode": view_mode, "query": query, "columns": display.shown}
        return render_page(request, "customers/customer_list.html", context, partial="more")

    context = {
        "nav": "customers",
        "filters": filters,
        "bulk_form": BulkForm() if view_mode == "table" else None,
        "bulk_key": uuid.uuid4().hex,
        "bulk_runs": bulk.pending_runs_of(request.user) if view_mode == "table" else [],
        "bulk_groups": filter_options(request.tenant.pk)["group"] if view_mode == "table" else [],
        "view_mode": view_mode,
        "query": query,
        "results": results_cache.results(request, queryset, sections, display, query),
        "columns": display.shown,
        "table_columns": TABLE_COLUMN_LABELS,
        "saved_views": saved_views.tabs(request),
    }
    return render_page(request, "customers/customer_list.html", context, partial="results-slot")


def customer_export(request: HttpRequest) -> HttpResponse:
    """The list as the search and filters select it, as a CSV (streamed, any size) or an
    XLSX file (up to exporting.XLSX_MAX_ROWS customers)."""
    ids = [pk for pk in map(parse_id, request.GET.getlist("ids")) if pk]
    if ids:  # the rows ticked in the table (the bulk bar's Export)
        queryset = Customer.objects.filter(pk__in=ids)
    else:
        filters = CustomerFilter(
            request.GET or None, queryset=Customer.objects.all(), request=request
        )
        valid = filters.is_bound and filters.is_valid()
        queryset = filters.qs if valid else Customer.objects.active()
    kind = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    fields = exporting.definitions()
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if kind == "xlsx":
        if queryset.count() > exporting.XLSX_MAX_ROWS:
            messages.error(
                request,
                _(
                    "That is more than %(count)s customers, too many for one Excel file: "
                    "narrow the search or filters, or export CSV, which takes any number."
                )
                % {"count": f"{exporting.XLSX_MAX_ROWS:,}"},
            )
            return redirect(reverse("customers:list") + "?" + _query_without_paging(request))
        response = HttpResponse(
            exporting.xlsx_bytes(queryset, fields),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        tenant, language = request.tenant, get_language()
        zone = timezone.get_current_timezone_name()

        def lines():
            # Streamed after the view returns: the scope, language and zone come along.
            with scope(tenant=tenant), translation.override(language), timezone.override(zone):
                yield from exporting.csv_lines(queryset, fields)

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="customers-{stamp}.{kind}"'
    return response


def customer_merge(request: HttpRequest) -> HttpResponse:
    """Two customers side by side, a choice for each field that differs, then one merge.
    `keep` is the customer that stays; without `other` the page helps find it."""
    data = request.POST if request.method == "POST" else request.GET
    keep_id, other_id = parse_id(data.get("keep", "")), parse_id(data.get("other", ""))
    if keep_id is None:
        raise Http404
    keep = _get_customer(request, keep_id)
    if other_id is None or other_id == keep_id:
        query = request.GET.get("q", "").strip()
        found = Customer.objects.exclude(pk=keep.pk)
        if query:
            found = found.filter(services.search_filter(query)).order_by("name", "id")[:10]
        else:
            found = [other for other, _fields in services.find_duplicates(keep, limit=10)]
        context = {"nav": "customers", "keep": keep, "query": query, "found": list(found)}
        return render(request, "customers/customer_merge.html", context)
    other = _get_customer(request, other_id)
    definitions = list(CustomField.objects.filter(is_active=True))
    if request.method == "POST":
        take = {
            choice.field
            for choice in merging.choices(keep, other, definitions)
            if request.POST.get(f"take_{choice.field}") == "other"
        }
        merging.merge(keep, other, take=take, by=request.user)
        messages.success(
            request,
            _("%(other)s was merged into %(name)s.") % {"other": other.name, "name": keep.name},
        )
        return redirect_after_success(request, reverse("customers:detail", args=[keep.pk]))
    context = {
        "nav": "customers",
        "keep": keep,
        "other": other,
        "choices": merging.choices(keep, other, definitions),
        "moving": merging.counts(other),
    }
    return render(request, "customers/customer_merge.html", context)


def _query_without_paging(request: HttpRequest) -> str:
    params = request.GET.copy()
    for key in list(params):
        if key.startswith("after") or key in {"section", "view", "format"}:
            del params[key]
    return params.urlencode()


def _customer_form_page(request, form, address_form, *, customer=None, status=200):
    context = {
        "nav": "customers",
        "form": form,
        "address_form": address_form,
        "customer": customer,
        "offers_initial_note": bool(services.INITIAL_NOTE_WRITERS) and customer is None,
        "initial_note": request.POST.get("initial_note", ""),
    }
    return render_page(
        request, "customers/customer_form.html", context, partial="form", status=status
    )


def customer_create(request: HttpRequest) -> HttpResponse:
    tenant = request.tenant
    if request.method == "POST":
        form = CustomerForm(request.POST, tenant=tenant)
        address_form = FirstAddressForm(request.POST, tenant=tenant, prefix="address")
        if form.is_valid() and address_form.is_valid():
            with transaction.atomic():
                customer = services.create_customer(
                    form.save(commit=False),
                    by=request.user,
                    tags=form.tags(),
                    address=address_form.save(commit=False) if address_form.has_address() else None,
                    initial_note=request.POST.get("initial_note", "")[:5000],
                )
            messages.success(request, _("Customer %(name)s was added.") % {"name": customer.name})
            return redirect_after_success(request, reverse("customers:detail", args=[customer.pk]))
    else:
        form = CustomerForm(tenant=tenant, initial=request.GET.dict())
        address_form = FirstAddressForm(tenant=tenant, prefix="address")
    return _customer_form_page(request, form, address_form)


def customer_update(request: HttpRequest, pk: int) -> HttpResponse:
    customer = _get_customer(request, pk)
    before = services.snapshot(customer)
    if request.method == "POST":
        form = CustomerForm(request.POST, instance=customer, tenant=request.tenant)
        if form.is_valid():
            try:
                services.update_customer(
                    form.save(commit=False),
                    before=before,
                    by=request.user,
                    tags=form.tags(),
                    expected_version=form.cleaned_data.get("version"),
                )
            except services.StaleEdit:
                form.add_error(
                    None,
                    _(
                        "Someone else changed this customer while you were editing. Your "
                        "changes are still in the form: open the customer in another tab to "
                        "compare, then save again."
                    ),
                )
                form.data = form.data.copy()
                form.data["version"] = str(_get_customer(request, pk).version)
            else:
                messages.success(request, _("Changes saved."))
                return redirect_after_success(request, reverse("customers:detail", args=[pk]))
        # Keep the page's title and links on the saved name while the form shows the typed one.
        customer = _get_customer(request, pk)
    else:
        form = CustomerForm(instance=customer, tenant=request.tenant)
    return _customer_form_page(request, form, None, customer=customer)


NOTES_SHOWN = 20
ORDERS_SHOWN = 20


def _page_facts(customer) -> tuple:
    """What every kept section of the customer page depends on besides its rows: the
    language, the business's time zone and country (dates and amounts), where the tenant's
    pages are."""
    return (
        get_language(),
        timezone.get_current_timezone_name(),
        money.current_country(),
        reverse("customers:detail", args=[customer.pk]),
    )


def orders_section(customer) -> dict:
    """The customer's newest orders, their number and totals per currency: two queries
    whatever the history, and the section kept under what it shows."""
    orders = list(
        customer.orders.only(
            "tenant_id", "customer_id", "number", "created_at", "status", "total", "currency"
        ).order_by("-number")[:ORDERS_SHOWN]
    )
    per_currency = list(
        customer.orders.order_by()
        .values("currency")
        .annotate(
            total=Sum("total", filter=~Q(status="cancelled")),
            count=Count("id", filter=~Q(status="cancelled")),
            all=Count("id"),
        )
        .order_by("currency")
    )
    totals = [row for row in per_currency if row["count"]]
    order_count = sum(row["all"] for row in per_currency)
    key = fragment_key(
        "customer-orders",
        *_page_facts(customer),
        customer.is_archived,
        customer.is_blocked,
        order_count,
        [(row["currency"], row["total"]) for row in totals],
        [(o.pk, o.number, o.created_at, o.status, o.total, o.currency) for o in orders],
        tenant_id=customer.tenant_id,
    )
    return {
        "orders": orders,
        "order_count": order_count,
        "order_totals": totals,
        "orders_kept": key,
    }


def timeline_key(customer, timeline, events_before: str, labels) -> str:
    """Events never change: the timeline is kept under which ones it shows (and who did
    them, by name)."""
    return fragment_key(
        "timeline",
        *_page_facts(customer),
        events_before,
        timeline.next_cursor,
        [(e.pk, e.actor_id, person(e.actor)) for e in timeline.events],
        labels,  # a changed custom field is shown under its label
        tenant_id=customer.tenant_id,
    )


def notes_key(customer, notes, more: bool) -> str:
    return fragment_key(
        "notes",
        *_page_facts(customer),
        more,
        [
            (n.pk, n.priority, n.text, n.created_at, n.updated_at, n.author_id, person(n.author))
            for n in notes
        ],
        tenant_id=customer.tenant_id,
    )


def customer_detail(request: HttpRequest, pk: int, extra_context=None) -> HttpResponse:
    """The customer page; `extra_context` carries a section's failed form (the apps above
    customers draw their sections on it)."""
    customer = _get_customer(request, pk)
    definitions = list(CustomField.objects.filter(is_active=True))
    custom_values = [
        (d.label, custom_display_value(d, customer.custom_data.get(d.key))) for d in definitions
    ]
    events_before = request.GET.get("events_before", "")
    timeline = timeline_page(customer, events_before)
    if request.htmx and request.GET.get("timeline") == "latest":  # redrawn after a change
        return render_page(
            request,
            "customers/customer_detail.html",
            {"customer": customer, "timeline": timeline, "events_before": ""},
            partial="timeline",
        )
    if events_before and request.htmx:  # "Show older": the next events, appended
        return render_page(
            request,
            "customers/customer_detail.html",
            {"customer": customer, "timeline": timeline, "events_before": events_before},
            partial="timeline",
        )
    context = {
        "nav": "customers",
        "customer": customer,
        "addresses": list(customer.addresses.all()),
        "tags": list(customer.tags.all()),
        "custom_values": custom_values,
        "timeline": timeline,
        "timeline_kept": timeline_key(
            customer, timeline, events_before, [(d.key, d.label) for d in definitions]
        ),
        "events_before": events_before,
    }
    if hasattr(customer, "orders"):  # the orders app, read through the reverse relation
        context.update(orders_section(customer))
    # The quick-order app adds its section (quickorder/_link_section.html).
    context["has_quick_order_links"] = hasattr(customer, "quick_order_links")
    if hasattr(customer, "notes"):  # the notes app, read through the reverse relation
        notes = customer.notes.select_related("author")
        if request.GET.get("notes") != "all":  # the first ones: a page of constant cost
            notes = notes[: NOTES_SHOWN + 1]
        notes = list(notes)
        context["notes_more"] = len(notes) > NOTES_SHOWN and request.GET.get("notes") != "all"
        context["notes"] = notes[:NOTES_SHOWN] if context["notes_more"] else notes
        context["priorities"] = customer.notes.model.Priority.choices
        context["notes_kept"] = notes_key(customer, context["notes"], context["notes_more"])
    for section in services.DETAIL_SECTIONS:
        context.update(section(request, customer))
    context.update(extra_context or {})
    return render(request, "customers/customer_detail.html", context)


def customer_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes, or archives a customer with history."""
    customer = _get_customer(request, pk)
    if request.method == "POST":
        name = customer.name
        if services.delete_or_archive_customer(customer, by=request.user):
            messages.success(request, _("Customer %(name)s was deleted.") % {"name": name})
            return redirect_after_success(request, reverse("customers:list"))
        messages.info(
            request,
            _("%(name)s has orders, so it was archived instead of deleted.") % {"name": name},
        )
        return redirect_after_success(request, reverse("customers:detail", args=[pk]))
    context = {
        "nav": "customers",
        "customer": customer,
        "has_history": services.has_history(customer),
    }
    return render(request, "customers/customer_confirm_delete.html", context)


@require_POST
def customer_archive(request: HttpRequest, pk: int) -> HttpResponse:
    customer = _get_customer(request, pk)
    services.archive_customer(customer, by=request.user)
    messages.success(request, _("%(name)s was archived.") % {"name": customer.name})
    return redirect_after_success(request, reverse("customers:detail", args=[pk]))


@require_POST
def customer_restore(request: HttpRequest, pk: int) -> HttpResponse:
    customer = _get_customer(request, pk)
    services.restore_customer(customer, by=request.user)
    messages.success(request, _("%(name)s was restored.") % {"name": customer.name})
    return redirect_after_success(request, reverse("customers:detail", args=[pk]))


# Addresses: inline on the detail page with htmx, full pages without JavaScript.


def _address_section(request, customer, *, form=None, editing=None, status=200):
    context = {
        "nav": "customers",
        "customer": customer,
        "addresses": list(customer.addresses.all()),
        "address_form": form,
        "editing": editing,
    }
    return render_page(
        request, "customers/address_form.html", context, partial="addresses", status=status
    )


def address_create(request: HttpRequest, pk: int) -> HttpResponse:
    customer = _get_customer(request, pk)
    form = AddressForm(request.POST or None, tenant=request.tenant, customer=customer)
    if request.method == "POST" and form.is_valid():
        services.save_address(form.save(commit=False), by=request.user)
        if request.htmx:
            return _address_section(request, customer)
        return redirect("customers:detail", pk=pk)
    return _address_section(request, customer, form=form)


def address_update(request: HttpRequest, pk: int, address_pk: int) -> HttpResponse:
    customer = _get_customer(request, pk)
    address = _get_address(request, customer, address_pk)
    form = AddressForm(
        request.POST or None, instance=address, tenant=request.tenant, customer=customer
    )
    if request.method == "POST" and form.is_valid():
        services.save_address(form.save(commit=False), by=request.user)
        if request.htmx:
            return _address_section(request, customer)
        return redirect("customers:detail", pk=pk)
    return _address_section(request, customer, form=form, editing=address)


def address_delete(request: HttpRequest, pk: int, address_pk: int) -> HttpResponse:
    customer = _get_customer(request, pk)
    address = _get_address(request, customer, address_pk)
    if request.method == "POST":
        services.delete_address(address, by=request.user)
        if request.htmx:
            return _address_section(request, customer)
        return redirect("customers:detail", pk=pk)
    context = {"nav": "customers", "customer": customer, "address": address}
    return render(request, "customers/address_confirm_delete.html", context)
