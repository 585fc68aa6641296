import django_filters
from django import forms
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from crm.lib.validation import is_number
from customers.models import Address
from orders.models import Order
from orders.services import OrderError, parse_quantity


class OrderFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    status = django_filters.ChoiceFilter(
        choices=Order.Status.choices, label=_("Status"), empty_label=_("All statuses")
    )
    source = django_filters.ChoiceFilter(
        choices=Order.Source.choices, label=_("Source"), empty_label=_("All sources")
    )
    customer = django_filters.CharFilter(method="by_customer", widget=forms.HiddenInput)
    date_from = django_filters.DateFilter(
        field_name="created_at",
        lookup_expr="date__gte",
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="created_at",
        lookup_expr="date__lte",
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Order
        fields = ["q", "status", "source", "customer", "date_from", "date_to"]

    def by_customer(self, queryset, name, value):
        return queryset.filter(customer_id=int(value)) if is_number(value) else queryset.none()

    def search(self, queryset, name, value):
        value = value.strip().lstrip("#")
        if not value:
            return queryset
        query = Q(customer__name__icontains=value)
        if is_number(value):
            query |= Q(number=int(value))
        return queryset.filter(query)


class StaffOrderForm(forms.Form):
    """Staff enter an order taken by phone: a quantity per product, an address, a note.

    A quantity is posted as `qty_<product id>`. The form reads the lines from those fields
    alone, so placing an order needs no product list; the service then refuses a product
    that is not the tenant's or no longer offered."""

    address = forms.ChoiceField(label=_("Ship to"), required=False)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, customer, **kwargs):
        super().__init__(*args, **kwargs)
        self.customer = customer
        # Callables: the customer's addresses are read only when the form is drawn or an
        # address is chosen, so an order without one costs no query for them.
        self.fields["address"].choices = self._address_choices
        self.fields["address"].initial = self._default_address
        self.quantity_errors = {}

    @cached_property
    def addresses(self) -> dict[str, Address]:
        return {str(a.pk): a for a in self.customer.addresses.all()}

    def _address_choices(self) -> list[tuple[str, str]]:
        return [("", _("No address"))] + [
            (pk, f"{a.title}: {a.one_line()}") for pk, a in self.addresses.items()
        ]

    def _default_address(self) -> str | None:
        return next((pk for pk, a in self.addresses.items() if a.is_default), None)

    def quantity_field(self, product) -> str:
        return f"qty_{product.pk}"

    def clean(self):
        cleaned = super().clean()
        lines, errors = [], {}
        for name in self.data:
            product_id = name.removeprefix("qty_")
            if product_id == name or not is_number(product_id):
                continue
            raw = (self.data.get(name) or "").strip()
            if not raw or raw == "0":
                continue
            try:
                lines.append((int(product_id), parse_quantity(raw)))
            except OrderError as exc:
                errors[int(product_id)] = exc.messages[0]
        self.quantity_errors = errors
        if errors:
            raise forms.ValidationError(_("Check the quantities marked below."))
        if not lines:
            raise forms.ValidationError(_("The order is empty: add at least one product."))
        cleaned["lines"] = lines
        address = cleaned.get("address")
        cleaned["address_obj"] = self.addresses.get(address) if address else None
        return cleaned


class TransitionForm(forms.Form):
    to = forms.ChoiceField(choices=Order.Status.choices)
    reason = forms.CharField(required=False, max_length=500)
    tracking = forms.CharField(required=False, max_length=500)
