"""The bulk bar of the customers table: its form, the confirmation for "all that match",
and the progress page of a run that went to the job queue."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_scopes.forms import SafeModelChoiceField

from crm.lib.htmx import render_page
from crm.lib.text import parse_id
from customers import bulk
from customers.models import BulkRun, Customer, CustomerGroup

OTHER_ACTIONS = [("export", gettext_lazy("Export")), ("merge", gettext_lazy("Merge the two"))]


class BulkForm(forms.Form):
    action = forms.ChoiceField(label=gettext_lazy("Action"))
    tag = forms.CharField(label=gettext_lazy("Tag"), max_length=50, required=False)
    group = SafeModelChoiceField(
        queryset=CustomerGroup.objects.none(),
        label=gettext_lazy("Group"),
        required=False,
        empty_label=gettext_lazy("No group"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), choices=Customer.Status.choices, required=False
    )
    temperature = forms.ChoiceField(
        label=gettext_lazy("Temperature"), choices=Customer.Temperature.choices, required=False
    )
    followup_text = forms.CharField(
        label=gettext_lazy("What to do"), max_length=200, required=False
    )
    followup_due = forms.DateField(label=gettext_lazy("Due"), required=False)
    all_matching = forms.BooleanField(required=False)
    key = forms.CharField(max_length=64, required=False)
    query = forms.CharField(max_length=2000, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            ("", gettext_lazy("Choose an action")),
            *[(key, action.label) for key, action in bulk.ACTIONS.items()],
            *OTHER_ACTIONS,
        ]
        self.fields["action"].error_messages["required"] = gettext_lazy("Choose an action.")
        self.fields["group"].queryset = CustomerGroup.objects.all()
        self.ids = ids_of(self.data.getlist("ids") if hasattr(self.data, "getlist") else [])

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if not self.ids and not data.get("all_matching"):
            raise forms.ValidationError(_("Choose customers first: tick their rows."))
        if action == "merge" and len(self.ids) != 2:
            raise forms.ValidationError(_("Tick exactly two customers to merge them."))
        needs = bulk.ACTIONS[action].inputs if action in bulk.ACTIONS else ()
        messages_for = {
            "tag": _("Write the tag."),
            "status": _("Choose the status."),
            "temperature": _("Choose the temperature."),
            "followup_text": _("Say what to do, e.g. “Call back”."),
            "followup_due": _("Choose the day it is due."),
        }
        for name in needs:
            if name in messages_for and not (data.get(name) or "").__str__().strip():
                self.add_error(name, messages_for[name])
        if action in bulk.ACTIONS and bulk.ACTIONS[action].clean and not self.errors:
            for name, error in bulk.ACTIONS[action].clean(data).items():
                self.add_error(name, error)
        return data

    def params(self) -> dict:
        action = bulk.ACTIONS.get(self.cleaned_data["action"])
        wanted = action.inputs if action else ()
        return bulk.json_params({k: v for k, v in self.cleaned_data.items() if k in wanted})


def ids_of(values) -> list[int]:
    return sorted({pk for pk in map(parse_id, values) if pk})[: bulk.SYNC_LIMIT * 10]


def _back(query: str) -> str:
    return reverse("customers:list") + (f"?{query}" if query else "")


@require_POST
def bulk_action(request: HttpRequest) -> HttpResponse:
    form = BulkForm(request.POST)
    query = request.POST.get("query", "")[:2000]
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, " ".join(errors))
        return redirect(_back(query))
    action = form.cleaned_data["action"]
    ids = [] if form.cleaned_data["all_matching"] else form.ids
    if action == "export":
        params = "&".join(f"ids={pk}" for pk in ids) if ids else query
        return redirect(reverse("customers:export") + f"?{params}&format=csv")
    if action == "merge":
        keep, other = form.ids
        return redirect(reverse("customers:merge") + f"?keep={keep}&other={other}")
    if not ids and request.POST.get("confirmed") != "yes":
        # "All that match" changes customers nobody ticked: say how many, then do it.
        count = bulk.chosen(query, []).count()
        context = {
            "nav": "customers",
            "form": form,
            "count": count,
            "action": bulk.ACTIONS[action],
            "query": query,
            "post": request.POST,
        }
        return render(request, "customers/bulk_confirm.html", context)
    run = bulk.start(
        request.tenant,
        action=action,
        params=form.params(),
        query=query,
        ids=ids,
        by=request.user,
        key=form.cleaned_data["key"],
    )
    if run.finished_at:
        messages.success(request, done_message(run))
        return redirect(_back(query))
    return redirect("customers:bulk_run", pk=run.pk)


def done_message(run: BulkRun) -> str:
    label = bulk.ACTIONS[run.action].label if run.action in bulk.ACTIONS else run.action
    message = _("%(action)s: %(changed)s of %(total)s customers changed.") % {
        "action": label,
        "changed": run.changed,
        "total": run.done,
    }
    if run.failed:
        message += " " + _("%(failed)s could not be changed: %(reasons)s") % {
            "failed": run.failed,
            "reasons": "; ".join(f"{name} ({reason})" for _pk, name, reason in run.errors[:5]),
        }
    return message


def bulk_run(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress of a run (htmx asks again every two seconds until it is done)."""
    run = get_object_or_404(BulkRun.objects.all(), pk=pk)
    context = {
        "nav": "customers",
        "run": run,
        "label": bulk.ACTIONS[run.action].label if run.action in bulk.ACTIONS else run.action,
        "message": done_message(run) if run.finished_at else "",
    }
    return render_page(request, "customers/bulk_run.html", context, partial="progress")
