from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from catalog.i18n import LANGUAGE_CODES
from catalog.models import Category, ExchangeRate, Product
from crm.lib.money import currency_choices


class PreviewForm(forms.Form):
    """What a customer with this discount, currency and language would see."""

    discount_percent = forms.DecimalField(
        label=_("Discount %"),
        min_value=0,
        max_value=100,
        decimal_places=2,
        required=False,
        initial=Decimal(0),
    )
    currency = forms.ChoiceField(label=_("Currency"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = currency_choices(tenant.all_currencies)
        self.fields["currency"].initial = tenant.base_currency
        self.fields["language"].initial = tenant.default_language


class ExchangeRateForm(forms.ModelForm):
    class Meta:
        model = ExchangeRate
        fields = ["currency", "rate"]
        widgets = {"rate": forms.NumberInput(attrs={"step": "any", "min": 0})}

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        if self.instance.tenant_id is None:
            self.instance.tenant = tenant
        self.fields["currency"] = forms.ChoiceField(
            label=_("Currency"),
            choices=[("", "—")] + [c for c in currency_choices() if c[0] != tenant.base_currency],
        )

    def clean_currency(self):
        currency = self.cleaned_data["currency"]
        if currency == self.tenant.base_currency:
            raise ValidationError(_("The base currency needs no rate."))
        return currency


class BaseRateFormSet(BaseModelFormSet):
    def __init__(self, *args, tenant, **kwargs):
        self.tenant = tenant
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "tenant": self.tenant}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            tenant=self.tenant,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            currency = form.cleaned_data.get("currency")
            if currency in seen:
                form.add_error("currency", _("Each currency can have only one rate."))
            seen.add(currency)

    def save(self, commit=True):
        instances = super().save(commit=False)
        today = timezone.localdate()
        for rate in instances:
            rate.set_on = today
            if commit:
                rate.save()
        if commit:
            for obj in self.deleted_objects:
                obj.delete()
        return instances


RateFormSet = modelformset_factory(
    ExchangeRate, form=ExchangeRateForm, formset=BaseRateFormSet, extra=1, can_delete=True
)


def plain(amount: Decimal | None) -> Decimal | None:
    """1450.000 as 1450 and 12.500 as 12.5 in a form field (stored with 3 decimals)."""
    if amount is None:
        return None
    return amount.quantize(Decimal(1)) if amount == amount.to_integral() else amount.normalize()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one file field, each checked by Pillow (type and size)."""

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"})

    def clean(self, data, initial=None):
        """The photos, each made into its sizes (catalog.photos.prepare) or refused."""
        from catalog.photos import prepare

        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        return [prepare(super(PhotosField, self).clean(f, initial)) for f in files]


class ProductForm(forms.ModelForm):
    """A product in the product's own pages: its name and description in every language
    (the business's own language required), SKU, unit, category, the price in the base
    currency and, optionally, an explicit price in each other currency it sells in."""

    photos = PhotosField(
        label=_("Add photos"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, up to 10 MB each; they are made smaller on upload."),
    )

    class Meta:
        model = Product
        fields = [
            *[f"name_{code}" for code in LANGUAGE_CODES],
            *[f"description_{code}" for code in LANGUAGE_CODES],
            "sku",
            "unit",
            "category",
            "price",
            "is_active",
        ]
        field_classes = {"category": SafeModelChoiceField}
        widgets = {
            **{f"description_{code}": forms.Textarea(attrs={"rows": 3}) for code in LANGUAGE_CODES},
            "price": forms.NumberInput(attrs={"step": "any", "min": 0, "inputmode": "decimal"}),
        }

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        if self.instance.tenant_id is None:
            self.instance.tenant = tenant
        self.fields["category"].queryset = Category.objects.all()
        self.fields["category"].empty_label = _("No category")
        names = dict(settings.LANGUAGES)
        for code in LANGUAGE_CODES:
            self.fields[f"name_{code}"].label = _("Name")
            self.fields[f"name_{code}"].required = code == tenant.default_language
            self.fields[f"description_{code}"].label = _("Description")
            for field in (f"name_{code}", f"description_{code}"):
                self.fields[field].widget.attrs.update(
                    {"lang": code, "dir": "rtl" if code in settings.LANGUAGES_BIDI else "ltr"}
                )
            self.fields[f"name_{code}"].language_name = names[code]
        self.fields["price"].label = _("Price in %(currency)s") % {"currency": tenant.base_currency}
        self.fields["price"].help_text = ""
        if self.instance.pk and "price" not in self.data:
            self.initial["price"] = plain(self.instance.price)
        existing = (
            {p.currency: p.price for p in self.instance.prices.all()} if self.instance.pk else {}
        )
        self.currency_fields = []
        for currency in tenant.all_currencies[1:]:
            name = f"price_{currency}"
            self.fields[name] = forms.DecimalField(
                label=_("Price in %(currency)s") % {"currency": currency},
                required=False,
                min_value=Decimal("0.001"),
                max_digits=14,
                decimal_places=3,
                initial=plain(existing.get(currency)),
                help_text=_("Leave empty to convert from the base price at today's rate."),
                widget=forms.NumberInput(attrs={"step": "any", "min": 0, "inputmode": "decimal"}),
            )
            self.currency_fields.append(self[name])

    def clean_photos(self):
        from catalog.photos import MAX_PHOTOS

        uploads = self.cleaned_data.get("photos") or []
        existing = self.instance.photos.count() if self.instance.pk else 0
        if uploads and existing + len(uploads) > MAX_PHOTOS:
            raise ValidationError(
                _("A product can have at most %(count)s photos.") % {"count": MAX_PHOTOS},
                code="too_many_photos",
            )
        return uploads

    def languages(self):
        """(code, language name, name field, description field) for the tabs."""
        names = dict(settings.LANGUAGES)
        return [
            (code, names[code], self[f"name_{code}"], self[f"description_{code}"])
            for code in LANGUAGE_CODES
        ]

    def explicit_prices(self) -> dict[str, Decimal | None]:
        return {
            currency: self.cleaned_data.get(f"price_{currency}")
            for currency in self.tenant.all_currencies[1:]
        }


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = [f"name_{code}" for code in LANGUAGE_CODES]

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.tenant_id is None:
            self.instance.tenant = tenant
        names = dict(settings.LANGUAGES)
        for code in LANGUAGE_CODES:
            field = self.fields[f"name_{code}"]
            field.label = names[code]
            field.required = code == tenant.default_language
            field.widget.attrs.update(
                {"lang": code, "dir": "rtl" if code in settings.LANGUAGES_BIDI else "ltr"}
            )
