from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from crm.core.models import Tenant
from crm.lib.countries import phone_region_choices, time_zones


class TenantSettingsForm(forms.ModelForm):
    """What an owner changes about the business; currencies have their own page (catalog)."""

    quickorder_languages = forms.MultipleChoiceField(
        label=_("Quick-order languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Languages a customer can switch to on the quick-order page."),
    )

    customer_emails = forms.MultipleChoiceField(
        label=_("Email the customer when their order is"),
        choices=[
            ("new", _("received")),
            ("confirmed", _("confirmed")),
            ("in_production", _("in production")),
            ("shipped", _("shipped")),
            ("delivered", _("delivered")),
            ("cancelled", _("cancelled")),
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("In the order's language, with a link to the order's status page."),
    )

    class Meta:
        model = Tenant
        fields = [
            "name",
            "default_language",
            "quickorder_languages",
            "default_phone_region",
            "timezone",
            "notification_email",
            "customer_emails",
            "logo",
            "accent_colour",
            "brand_description",
        ]
        widgets = {
            "logo": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
            "accent_colour": forms.TextInput(attrs={"type": "color"}),
            "brand_description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_language"] = forms.ChoiceField(
            label=_("Default language"), choices=settings.LANGUAGES
        )
        self.fields["default_phone_region"] = forms.ChoiceField(
            label=_("Country"),
            choices=phone_region_choices(),
            help_text=self.Meta.model._meta.get_field("default_phone_region").help_text,
        )
        self.fields["timezone"] = forms.ChoiceField(
            label=_("Time zone"), choices=[(z, z) for z in sorted(time_zones())]
        )

    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def save(self, commit=True):
        before = self.initial.get("logo")
        old_name = getattr(before, "name", "") or ""
        if self.cleaned_data.get("remove_logo") and not self.files.get("logo"):
            self.instance.logo = ""
        tenant = super().save(commit)
        if old_name and old_name != tenant.logo.name:
            # The replaced or removed logo's file goes once the change has committed.
            storage = tenant.logo.storage
            transaction.on_commit(lambda: storage.delete(old_name))
        return tenant
