from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from followups.models import MAX_TEXT_LENGTH, FollowUp
from followups.services import members

FAR_AHEAD = 5 * 366  # days
FAR_BEHIND = 366
MAX_SNOOZE = 366


def validate_due_on(due_on: datetime.date, *, kept: datetime.date | None = None) -> None:
    """A follow-up is due within the next five years and not over a year ago (a day it
    already had may stay)."""
    today = timezone.localdate()
    if due_on > today + datetime.timedelta(days=FAR_AHEAD):
        raise forms.ValidationError(_("Choose a day within the next five years."))
    if due_on < today - datetime.timedelta(days=FAR_BEHIND) and due_on != kept:
        raise forms.ValidationError(_("Choose a day within the past year or later."))


def clean_bulk_followup(data: dict) -> dict:
    """The customers list's bulk action "Set a follow-up": its fields' errors, by field."""
    due = data.get("followup_due")
    if due:
        try:
            validate_due_on(due)
        except forms.ValidationError as error:
            return {"followup_due": error.messages[0]}
    return {}


class FollowUpAdminForm(forms.ModelForm):
    """The administration's form: the same rule for the day as the product's."""

    class Meta:
        model = FollowUp
        fields = ["text", "due_on", "due_time"]

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        validate_due_on(due_on, kept=self.instance.due_on if self.instance.pk else None)
        return due_on


class MemberChoiceField(forms.ModelChoiceField):
    """The business's members; the options are read once (a ModelChoiceField would read
    them again each time the select is drawn), the choice is checked against the scope."""

    default_error_messages = {
        "invalid_choice": _("Choose someone who works in this business."),
    }

    def __init__(self, *args, tenant_id=None, **kwargs):
        super().__init__(*args, queryset=members(tenant_id), empty_label=None, **kwargs)
        self.choices = [(user.pk, self.label_from_instance(user)) for user in self.queryset]

    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["text", "due_on", "due_time", "assignee"]
        widgets = {
            "text": forms.TextInput(attrs={"maxlength": MAX_TEXT_LENGTH}),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "due_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, tenant, customer, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.instance.tenant = tenant
            self.instance.customer = customer
            self.initial.setdefault("text", _("Call back"))
            self.initial.setdefault("due_on", timezone.localdate() + datetime.timedelta(days=1))
            self.initial.setdefault("assignee", user.pk)
        self.fields["assignee"] = MemberChoiceField(tenant_id=tenant.pk, label=_("Assigned to"))
        self.fields["text"].error_messages["required"] = _("Say what to do, e.g. “Call back”.")
        self.fields["due_on"].error_messages.update(
            required=_("Choose the day it is due."), invalid=_("Enter a date, e.g. 2026-12-31.")
        )
        self.fields["due_time"].error_messages["invalid"] = _("Enter a time, e.g. 09:30.")
        self.fields["due_time"].help_text = _("Optional.")

    def clean_text(self):
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError(_("Say what to do, e.g. “Call back”."), code="required")
        return text

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        validate_due_on(due_on, kept=self.instance.due_on if self.instance.pk else None)
        return due_on


class SnoozeForm(forms.Form):
    """A later day: `days` after today (or after the day it is due, if that is later), or a
    day chosen in the calendar."""

    days = forms.TypedChoiceField(
        choices=[(1, "1"), (3, "3"), (7, "7"), (30, "30")], coerce=int, required=False
    )
    until = forms.DateField(label=_("Snooze until"), required=False)

    def __init__(self, *args, followup: FollowUp, **kwargs):
        super().__init__(*args, **kwargs)
        self.followup = followup
        self.fields["days"].error_messages["invalid_choice"] = _("Choose a later day.")
        self.fields["until"].error_messages["invalid"] = _("Enter a date, e.g. 2026-12-31.")

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        base = max(today, self.followup.due_on)
        if data.get("days"):  # a quick choice is the button pressed: it wins
            until = base + datetime.timedelta(days=data["days"])
        elif data.get("until"):
            until = data["until"]
        else:
            if not self.errors:
                raise forms.ValidationError(_("Choose a later day."), code="required")
            return data
        if until <= self.followup.due_on or until < today:
            raise forms.ValidationError(_("Choose a day after the one it is due."))
        if until > today + datetime.timedelta(days=MAX_SNOOZE):
            raise forms.ValidationError(_("Choose a day within the next year."))
        data["until"] = until
        return data


def snooze_choices(followup: FollowUp) -> list[tuple[int, datetime.date]]:
    """The quick snoozes offered beside a follow-up: (days, the day it lands on)."""
    base = max(timezone.localdate(), followup.due_on)
    if base > datetime.date.max - datetime.timedelta(days=30):  # a day no form allows
        return []
    return [(days, base + datetime.timedelta(days=days)) for days in (1, 7, 30)]


class ReassignForm(forms.Form):
    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"] = MemberChoiceField(tenant_id=tenant.pk, label=_("Assigned to"))
