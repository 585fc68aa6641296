import datetime
from decimal import Decimal, InvalidOperation

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from crm.lib import soft_cache
from crm.lib.countries import country_choices
from crm.lib.money import currency_choices
from crm.lib.phones import parse_phone
from crm.lib.text import normalize_email
from customers import services
from customers.models import Address, Customer, CustomerGroup, CustomField, Tag


class TenantFormMixin:
    """Forms of tenant-owned objects: the tenant comes from the request, never the body.

    Setting it on the instance before validation lets Django check the (tenant, ...)
    unique constraints and gives a form error instead of an IntegrityError.
    """

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        if self.instance.tenant_id is None:
            self.instance.tenant = tenant


def preferred_currency_codes(tenant, customer=None) -> list[str]:
    """The currencies a customer may prefer: the business's, plus the customer's own if it
    is another (set in the admin or an import), so saving a form never changes it unasked."""
    codes = list(tenant.all_currencies)
    current = customer.preferred_currency if customer is not None and customer.pk else ""
    if current and current not in codes:
        codes.append(current)
    return codes


class CustomerForm(TenantFormMixin, forms.ModelForm):
    tags_text = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas; new ones are created."),
    )
    confirm_duplicates = forms.BooleanField(
        label=_("Save anyway: this is a different customer"), required=False
    )
    # The version the person started editing from (optimistic locking).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Customer
        fields = [
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
        # Querysets are built per request in __init__, inside the tenant's scope.
        field_classes = {"group": SafeModelChoiceField}
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "discount_percent": forms.NumberInput(attrs={"step": "0.01", "min": 0, "max": 100}),
        }

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, tenant=tenant, **kwargs)
        self.duplicates = []
        self.fields["phone"].help_text = _(
            "Numbers without a +country code are read as %(region)s numbers."
        ) % {"region": tenant.default_phone_region}
        self.fields["preferred_currency"] = forms.ChoiceField(
            label=_("Preferred currency"),
            choices=currency_choices(preferred_currency_codes(tenant, self.instance)),
        )
        self.fields["preferred_language"] = forms.ChoiceField(
            label=_("Preferred language"), choices=settings.LANGUAGES
        )
        self.fields["group"].queryset = CustomerGroup.objects.all()
        if not self.instance.pk:
            self.initial.setdefault("preferred_currency", tenant.base_currency)
            self.initial.setdefault("preferred_language", tenant.default_language)
            default_group = services.default_group(tenant)
            if default_group:
                self.initial.setdefault("group", default_group.pk)
        else:
            self.initial.setdefault(
                "tags_text", ", ".join(t.name for t in self.instance.tags.all())
            )
            self.initial.setdefault("version", self.instance.version)
        self.tag_suggestions = list(Tag.objects.values_list("name", flat=True)[:200])
        self.custom_fields = list(CustomField.objects.filter(is_active=True))
        for definition in self.custom_fields:
            self.fields[f"cf_{definition.key}"] = custom_form_field(definition)
            value = self.instance.custom_data.get(definition.key)
            if value not in (None, ""):
                self.initial.setdefault(f"cf_{definition.key}", value)

    @property
    def custom_field_names(self):
        return [f"cf_{definition.key}" for definition in self.custom_fields]

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_phone(self):
        raw = self.cleaned_data["phone"].strip()
        return parse_phone(raw, self.tenant.default_phone_region) if raw else ""

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])

    def clean_tags_text(self):
        names = [n.strip() for n in self.cleaned_data["tags_text"].split(",") if n.strip()]
        too_long = [n for n in names if len(n) > 50]
        if too_long:
            raise ValidationError(_("A tag can be at most 50 characters long."))
        return names

    def clean(self):
        cleaned = super().clean()
        data = dict(self.instance.custom_data)
        for definition in self.custom_fields:
            value = cleaned.get(f"cf_{definition.key}")
            data[definition.key] = to_json_value(value)
        self.instance.custom_data = {k: v for k, v in data.items() if v not in (None, "")}
        return cleaned

    def _post_clean(self):
        super()._post_clean()  # copies the cleaned values onto the instance
        if not self.errors:
            self.duplicates = services.find_duplicates(self.instance)
            if self.duplicates and not self.cleaned_data.get("confirm_duplicates"):
                self.add_error(
                    None,
                    ValidationError(
                        _("A customer with the same email, phone or tax number already exists."),
                        code="duplicate",
                    ),
                )

    def tags(self):
        return services.resolve_tags(self.tenant, self.cleaned_data.get("tags_text", []))


def custom_form_field(definition: CustomField) -> forms.Field:
    common = {"label": definition.label, "required": definition.required}
    kind = CustomField.Type
    if definition.field_type == kind.NUMBER:
        return forms.DecimalField(max_digits=18, decimal_places=4, **common)
    if definition.field_type == kind.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if definition.field_type == kind.BOOLEAN:
        return forms.BooleanField(**common)
    if definition.field_type == kind.CHOICE:
        choices = [("", "—"), *[(c, c) for c in definition.choice_list]]
        return forms.ChoiceField(choices=choices, **common)
    return forms.CharField(max_length=500, **common)


def to_json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize())
    return value


def custom_display_value(definition: CustomField, value) -> str:
    if value in (None, ""):
        return ""
    if definition.field_type == CustomField.Type.BOOLEAN:
        return str(_("Yes") if value else _("No"))
    if definition.field_type == CustomField.Type.NUMBER:
        try:
            return str(Decimal(str(value)))
        except InvalidOperation:
            return str(value)
    return str(value)


class AddressForm(TenantFormMixin, forms.ModelForm):
    class Meta:
        model = Address
        fields = [
            "title",
            "recipient",
            "line1",
            "line2",
            "postal_code",
            "city",
            "region",
            "country",
            "phone",
            "is_default",
        ]

    def __init__(self, *args, tenant, customer=None, **kwargs):
        super().__init__(*args, tenant=tenant, **kwargs)
        if customer is not None:
            self.instance.customer = customer
        self.fields["country"] = forms.ChoiceField(
            label=_("Country"), choices=[("", "—"), *country_choices()]
        )
        self.fields["phone"].widget = forms.TextInput(attrs={"type": "tel"})
        if not self.instance.pk:
            self.initial.setdefault("country", tenant.default_phone_region)
            self.initial.setdefault("title", _("Work"))

    def clean_phone(self):
        raw = self.cleaned_data["phone"].strip()
        return parse_phone(raw, self.tenant.default_phone_region) if raw else ""

    def validate_unique(self):
        # The only constraint is "one default per customer", which services.save_address
        # keeps by moving the default rather than refusing the edit.
        pass


class FirstAddressForm(AddressForm):
    """The optional address on the new-customer form: all or nothing."""

    class Meta(AddressForm.Meta):
        fields = [f for f in AddressForm.Meta.fields if f != "is_default"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    def has_address(self) -> bool:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return bool(data.get("line1") or data.get("city"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("line1") or cleaned.get("city"):
            for name in ("title", "line1", "city", "country"):
                if not cleaned.get(name):
                    self.add_error(name, _("This field is required."))
        return cleaned


FILTER_OPTIONS_TIMEOUT = 600


def filter_options_key(tenant_id: int) -> str:
    return f"customer-filter-options:{tenant_id}"


def filter_options(tenant_id: int) -> dict[str, list[tuple[int, str]]]:
    """The tenant's tags and groups as (id, name) for the filter selects, cached; saving or
    deleting a tag or group forgets them (customers/signals.py). Only the options are
    cached: a submitted choice is still validated against the scoped queryset."""
    key = filter_options_key(tenant_id)
    options = soft_cache.get(key)
    if options is None:
        options = {
            "tag": list(Tag.objects.values_list("pk", "name")),
            "group": list(CustomerGroup.objects.values_list("pk", "name")),
        }
        soft_cache.set(key, options, FILTER_OPTIONS_TIMEOUT)
    return options


class CustomerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    status = django_filters.ChoiceFilter(
        choices=Customer.Status.choices, label=_("Status"), empty_label=_("All statuses")
    )
    temperature = django_filters.ChoiceFilter(
        choices=Customer.Temperature.choices,
        label=_("Temperature"),
        empty_label=_("All temperatures"),
    )
    tag = django_filters.ModelChoiceFilter(
        field_name="tags",
        queryset=lambda request: Tag.objects.all(),
        label=_("Tag"),
        empty_label=_("All tags"),
    )
    group = django_filters.ModelChoiceFilter(
        queryset=lambda request: CustomerGroup.objects.all(),
        label=_("Group"),
        empty_label=_("All groups"),
    )
    followup = django_filters.ChoiceFilter(
        method="filter_followup",
        choices=[
            ("overdue", _("Follow-up overdue")),
            ("none", _("No follow-up set")),
            ("set", _("Follow-up set")),
        ],
        label=_("Follow-up"),
        empty_label=_("Any follow-up"),
    )
    archived = django_filters.BooleanFilter(
        method="filter_archived",
        label=_("Archived"),
        widget=forms.Select(choices=[("", _("Active customers")), ("true", _("Archived"))]),
    )

    class Meta:
        model = Customer
        fields = ["q", "status", "temperature", "tag", "group", "followup", "archived"]

    def selects(self) -> list[tuple]:
        """The select filters with their options; the tenant's tags and groups come from
        `filter_options` (cached) rather than two queries per page."""
        cached = filter_options(self.request.tenant.pk) if self.request else {}
        selects = []
        for field in self.form:
            if field.name == "q":
                continue
            if field.name in cached:
                choices = [("", field.field.empty_label), *cached[field.name]]
            else:
                choices = [choice for choice in field.field.widget.choices]  # noqa: C416
            selects.append((field, choices))
        return selects

    def search(self, queryset, name, value):
        return queryset.filter(services.search_filter(value)) if value.strip() else queryset

    def filter_followup(self, queryset, name, value):
        """On the next open follow-up the followups app keeps on each customer."""
        if value == "overdue":
            return queryset.filter(next_followup_on__lt=timezone.localdate())
        if value == "none":
            return queryset.filter(next_followup_on__isnull=True)
        return queryset.filter(next_followup_on__isnull=False)

    def filter_archived(self, queryset, name, value):
        return queryset.archived() if value else queryset.active()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("archived"):
            queryset = queryset.active()
        return queryset
