import csv
import secrets

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crm.lib import money
from crm.lib.fragments import fragment_key, kept_fragments
from crm.lib.htmx import redirect_after_success, render_page
from crm.lib.money import quantize
from crm.lib.validation import is_number
from customers.models import Customer
from orders import emails, services, share, staff_order
from orders.forms import OrderFilter, StaffOrderForm, TransitionForm
from orders.models import Order, OrderLine

PAGE_SIZE = 50


def _get_order(request: HttpRequest, pk: int) -> Order:
    """An order of the active tenant by id, or 404."""
    return get_object_or_404(Order.objects.select_related("customer", "placed_by"), pk=pk)


def _filtered(request: HttpRequest):
    filters = OrderFilter(
        request.GET or None,
        queryset=Order.objects.select_related("customer"),
    )
    queryset = filters.qs if filters.is_bound and filters.is_valid() else filters.queryset
    return filters, queryset


def attach_items(orders: list[Order]) -> None:
    """`order.items`: (quantity, name) of each line, in order, read in one query as plain
    values (no model instance per line)."""
    items = {order.pk: [] for order in orders}
    lines = (
        OrderLine.objects.filter(order_id__in=items)
        .order_by("order_id", "position", "id")
        .values_list("order_id", "quantity", "name")
    )
    for order_id, quantity, name in lines:
        items[order_id].append((quantity, name))
    for order in orders:
        order.items = items[order.pk]


# What a row of the orders list shows (orders/_row.html), and all that is read for it.
ROW_FIELDS = (
    "tenant_id",
    "number",
    "created_at",
    "customer__name",
    "total",
    "currency",
    "status",
)


def order_rows(orders: list[Order]) -> list:
    """The rows of the orders list, each kept under everything it shows (an order's row is
    read far more often than the order changes)."""
    language = get_language()
    zone = timezone.get_current_timezone_name()
    country = money.current_country()
    prefix = reverse("orders:list")

    def key(order):
        return fragment_key(
            "order-row",
            language,
            zone,
            country,
            prefix,
            order.pk,
            order.number,
            order.created_at,
            order.customer_id,
            order.customer.name,
            order.total,
            order.currency,
            order.status,
            order.items,
            tenant_id=order.tenant_id,
        )

    return kept_fragments(
        orders, key, lambda order: render_to_string("orders/_row.html", {"order": order})
    )


def order_list(request: HttpRequest) -> HttpResponse:
    """Newest first, paged by order number (keyset: a deep page costs what the first does)."""
    filters, queryset = _filtered(request)
    before = request.GET.get("before", "")
    if is_number(before):
        queryset = queryset.filter(number__lt=int(before))
    orders = list(queryset.only(*ROW_FIELDS).order_by("-number")[: PAGE_SIZE + 1])
    more = len(orders) > PAGE_SIZE
    orders = orders[:PAGE_SIZE]
    attach_items(orders)
    params = request.GET.copy()
    params.pop("before", None)
    customer = None
    valid = filters.is_bound and filters.is_valid()
    customer_id = filters.form.cleaned_data.get("customer") if valid else None
    if customer_id and is_number(customer_id):
        customer = Customer.objects.filter(pk=customer_id).first()
    context = {
        "nav": "orders",
        "filters": filters,
        "orders": orders,
        "rows": order_rows(orders),
        "next_before": orders[-1].number if more else None,
        "query": params.urlencode(),
        "filtered": valid and any(v not in (None, "") for v in filters.form.cleaned_data.values()),
        "filter_customer": customer,
    }
    return render_page(request, "orders/order_list.html", context, partial="results")


def neutralise(value) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def order_export(request: HttpRequest) -> HttpResponse:
    """The filtered list as CSV (built in the view, inside the tenant's scope)."""
    _filters, queryset = _filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="orders-{stamp}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            pgettext("order number", "Number"),
            _("Date"),
            _("Customer"),
            _("Status"),
            _("Source"),
            _("Items"),
            _("Currency"),
            _("Subtotal"),
            _("Discount"),
            _("Total"),
        ]
    )
    lines = Prefetch("lines", queryset=OrderLine.objects.only("order_id", "quantity", "name"))
    queryset = queryset.prefetch_related(lines).order_by("-number")
    for order in queryset.iterator(chunk_size=500):
        items = "; ".join(f"{line.quantity} × {line.name}" for line in order.lines.all())
        writer.writerow(
            [
                order.number,
                timezone.localtime(order.created_at).strftime("%Y-%m-%d %H:%M"),
                neutralise(order.customer.name),
                order.get_status_display(),
                order.get_source_display(),
                neutralise(items),
                order.currency,
                # In the currency's own minor units (the columns keep three decimals).
                quantize(order.subtotal, order.currency),
                quantize(order.discount_total, order.currency),
                quantize(order.total, order.currency),
            ]
        )
    return response


def order_detail(request: HttpRequest, pk: int, *, template="orders/order_detail.html"):
    order = _get_order(request, pk)
    context = {
        "nav": "orders",
        "order": order,
        "lines": list(order.lines.all()),
        "history": _history(order, share_links=template == "orders/order_detail.html"),
        "next_steps": services.allowed_transitions(order),
        "statuses": Order.Status,
    }
    return render(request, template, context)


def _history(order, *, share_links: bool):
    """The order's moves, each with its WhatsApp and Telegram links to tell the customer."""
    changes = list(order.history.select_related("by"))
    url = emails.status_url(order) if share_links and changes else ""
    return [
        (change, share.share_links(order, change.to_status, url) if share_links else None)
        for change in changes
    ]


def order_packing_slip(request: HttpRequest, pk: int) -> HttpResponse:
    return order_detail(request, pk, template="orders/packing_slip.html")


@require_POST
def order_transition(request: HttpRequest, pk: int) -> HttpResponse:
    order = _get_order(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid next step."))
        return redirect_after_success(request, reverse("orders:detail", args=[pk]))
    try:
        services.transition(
            order,
            form.cleaned_data["to"],
            by=request.user,
            reason=form.cleaned_data["reason"],
            tracking=form.cleaned_data["tracking"],
        )
    except services.OrderError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request,
            _("Order #%(number)s is now %(status)s.")
            % {"number": order.number, "status": order.get_status_display()},
        )
    return redirect_after_success(request, reverse("orders:detail", args=[pk]))


def order_create(request: HttpRequest, customer_pk: int) -> HttpResponse:
    """Staff enter an order for a customer (sales by phone or WhatsApp). `?summary=1` (the
    page's summary, redrawn by htmx as quantities change) prices what is typed and places
    nothing."""
    customer = get_object_or_404(Customer.objects.active(), pk=customer_pk)
    tenant = customer.tenant = request.tenant  # the scope made them the same; saves a query
    summary_only = request.method == "POST" and request.GET.get("summary") == "1"
    form = StaffOrderForm(
        request.POST or None,
        customer=customer,
        initial={"idempotency_key": secrets.token_urlsafe(24)},
    )
    if request.method == "POST" and not summary_only and form.is_valid():
        try:
            order = services.place_order(
                customer=customer,
                lines=[services.LineRequest(pid, qty) for pid, qty in form.cleaned_data["lines"]],
                address=form.cleaned_data["address_obj"],
                note=form.cleaned_data["note"],
                source=Order.Source.STAFF,
                idempotency_key=form.cleaned_data["idempotency_key"],
                by=request.user,
            )
        except services.OrderError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, _("Order #%(number)s was placed.") % {"number": order.number})
            return redirect_after_success(request, reverse("orders:detail", args=[order.pk]))

    currency = tenant.selling_currency(customer.preferred_currency)
    rows, categories = staff_order.priced_rows(
        customer, currency, form, request.POST, get_language()
    )
    context = {
        "nav": "orders",
        "customer": customer,
        "form": form,
        "rows": rows,
        "row_html": staff_order.row_html(rows, currency),
        "categories": categories,
        "currency": currency,
        "summary": staff_order.summary(rows, currency),
    }
    if summary_only:
        return render(request, "orders/order_form.html#summary", context)
    return render_page(request, "orders/order_form.html", context, partial="form")
