"""The staff form of a quick-order link's expiry."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# An expiry further ahead than this is a typo (or a probe), not a plan.
MAX_YEARS_AHEAD = 5


class LinkExpiryForm(forms.Form):
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Empty: the link does not expire."),
    )

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day is None:
            return None
        today = timezone.localdate()  # in the business's time zone
        if day < today:
            raise forms.ValidationError(_("Choose a date in the future."), code="past")
        try:
            latest = today.replace(year=today.year + MAX_YEARS_AHEAD)
        except ValueError:  # 29 February
            latest = today.replace(year=today.year + MAX_YEARS_AHEAD, day=28)
        if day > latest:
            raise forms.ValidationError(
                ngettext(
                    "Choose a date within the next %(years)d year.",
                    "Choose a date within the next %(years)d years.",
                    MAX_YEARS_AHEAD,
                )
                % {"years": MAX_YEARS_AHEAD},
                code="too_far",
            )
        return day

    def expires_at(self) -> datetime.datetime | None:
        """The end of the chosen day in the business's time zone, or None."""
        day = self.cleaned_data["expires_on"]
        if day is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))
