"""Importing customers: upload, match the columns and see every row's problems, run it
as a job with its progress, download the report, undo it (customers.importing)."""

from __future__ import annotations

import csv

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crm.lib.htmx import render_page
from customers import importing
from customers.exporting import neutralise
from customers.models import CustomerImport, CustomField

ENCODING_CHOICES = [
    ("", gettext_lazy("Recognise it")),
    ("utf-8", "UTF-8"),
    ("cp1254", gettext_lazy("Turkish (Windows-1254)")),
    ("cp1250", gettext_lazy("Central European (Windows-1250)")),
    ("cp1251", gettext_lazy("Cyrillic (Windows-1251)")),
]


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or Excel (XLSX) file"))
    encoding = forms.ChoiceField(
        label=gettext_lazy("Encoding (CSV)"), choices=ENCODING_CHOICES, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].error_messages["required"] = gettext_lazy("Choose a file.")
        self.fields["file"].error_messages["empty"] = gettext_lazy("The file is empty.")
        self.table = None

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is None:
            return data
        if upload.size > importing.MAX_BYTES:
            self.add_error(
                "file",
                _("The file is larger than %(size)s MB: split it, or save it as CSV.")
                % {"size": importing.MAX_BYTES // (1024 * 1024)},
            )
            return data
        content = upload.read()
        try:
            self.table = importing.read(content, upload.name, data.get("encoding", ""))
        except importing.BadFile as error:
            self.add_error("file", str(error))
            return data
        data["content"] = content
        return data


def customer_import(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        table = form.table
        definitions = list(CustomField.objects.filter(is_active=True))
        run = CustomerImport.objects.create(
            tenant=request.tenant,
            by=request.user,
            filename=form.cleaned_data["file"].name[:200],
            content=form.cleaned_data["content"],
            encoding=table.encoding,
            language=get_language(),
            delimiter=table.delimiter,
            headers=table.headers,
            mapping=importing.guess_mapping(table.headers, definitions),
            total=len(table.rows),
        )
        if run.total > importing.PREVIEW_CHECKED:
            importing.start_full_check(run)
        return redirect("customers:import_detail", pk=run.pk)
    recent = list(CustomerImport.objects.defer("content", "report")[:5])
    context = {"nav": "customers", "form": form, "recent": recent}
    return render(request, "customers/import_upload.html", context)


def _run(pk: int) -> CustomerImport:
    """A run of the active tenant (the file itself is read only where it is needed)."""
    return get_object_or_404(CustomerImport.objects.defer("content"), pk=pk)


def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Before it runs: the columns' fields, what to do with customers already here, and
    every row's problems. Then: its progress (htmx asks again until it is done), the
    counts, the report and Undo."""
    run = _run(pk)
    if run.state != CustomerImport.State.MAPPING:
        context = {"nav": "customers", "run": run}
        return render_page(request, "customers/import_progress.html", context, partial="progress")
    definitions = list(CustomField.objects.filter(is_active=True))
    choices = importing.field_choices(definitions)
    known = {code for code, _label in choices}
    if request.method == "POST":
        mapping, used, clash = {}, set(), False
        for index in range(len(run.headers)):
            code = request.POST.get(f"column_{index}", "")
            if code in known:
                clash = clash or code in used
                used.add(code)
                mapping[str(index)] = code
        duplicates = request.POST.get("duplicates", run.duplicates)
        if duplicates in CustomerImport.Duplicates.values:
            run.duplicates = duplicates
        changed = run.mapping != mapping
        run.mapping = mapping
        run.save(update_fields=["mapping", "duplicates", "updated_at"])
        if changed and run.total > importing.PREVIEW_CHECKED:
            importing.start_full_check(run)  # every row again, with the new mapping
        if clash:
            messages.error(request, _("Two columns are matched to one field: each field once."))
        elif "name" not in mapping.values():
            messages.error(request, _("Match a column to Name: every customer needs one."))
        elif request.POST.get("start") == "yes":
            with transaction.atomic():
                locked = CustomerImport.objects.select_for_update().get(pk=run.pk)
                if locked.state == CustomerImport.State.MAPPING:
                    locked.state = CustomerImport.State.RUNNING
                    locked.save(update_fields=["state", "updated_at"])
                    importing.start_job(locked)
            return redirect("customers:import_detail", pk=run.pk)
        return redirect("customers:import_detail", pk=run.pk)
    if request.htmx and run.total > importing.PREVIEW_CHECKED:
        # The check of every row polling for its numbers: no need to read the file.
        context = {"run": run, "preview": importing.preview_of(run, None)}
        return render_page(request, "customers/import_preview.html", context, partial="outcome")
    try:
        content = CustomerImport.objects.filter(pk=run.pk).values_list("content", flat=True).get()
        table = importing.read(bytes(content), run.filename, run.encoding, run.delimiter)
    except importing.BadFile as error:  # it was read when uploaded: only a changed rule
        messages.error(request, str(error))
        return redirect("customers:import")
    context = {
        "nav": "customers",
        "run": run,
        "choices": choices,
        "columns": [
            (index, header, run.mapping.get(str(index), ""))
            for index, header in enumerate(run.headers)
        ],
        "preview": importing.preview_of(run, table),
        "warnings": table.warnings,
        "duplicate_choices": CustomerImport.Duplicates.choices,
    }
    return render_page(request, "customers/import_preview.html", context, partial="outcome")


def import_report(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run(pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime(run.created_at).strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="import-report-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Row"), _("Name"), _("Outcome"), _("Reason")])
    outcomes = {"failed": _("Not imported"), "skipped": _("Skipped")}
    for number, name, outcome, reason in run.report:
        writer.writerow(
            [number, neutralise(name), outcomes.get(outcome, outcome), neutralise(reason)]
        )
    return response


@require_POST
def import_undo(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run(pk)
    with transaction.atomic():
        locked = CustomerImport.objects.select_for_update().get(pk=run.pk)
        if locked.state not in (CustomerImport.State.DONE, CustomerImport.State.FAILED):
            raise Http404
        locked.state = CustomerImport.State.UNDOING
        locked.save(update_fields=["state", "updated_at"])
        importing.start_job(locked)
    messages.success(request, _("The import is being undone."))
    return redirect(reverse("customers:import_detail", args=[run.pk]))
