from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import ExchangeRate
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
