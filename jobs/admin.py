"""Jobs in the superusers' admin: the queue (queued, running, failed and finished jobs, each
failed one can be run again) and the outgoing emails. Emails hold customers' personal data
and the queue is the whole installation's, so neither is on a tenant's admin."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks import TaskResultStatus
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from crm.core.admin_base import TenantOwnedAdmin, register_tenant_model
from jobs import outbox
from jobs.models import OutboxEmail, ScheduledRun


@admin.action(description=_("Run the selected failed jobs again"))
def run_again(modeladmin, request, queryset):
    failed = list(queryset.filter(status=TaskResultStatus.FAILED))
    with transaction.atomic():
        for result in failed:
            task_result = result.task_result
            result.task.using(run_after=None).enqueue(*task_result.args, **task_result.kwargs)
    modeladmin.message_user(
        request,
        ngettext("%(count)d job enqueued again.", "%(count)d jobs enqueued again.", len(failed))
        % {"count": len(failed)},
        messages.SUCCESS,
    )


class JobAdmin(DBTaskResultAdmin):
    """django-tasks-db's view of the queue, with a way to run a failed job again."""

    actions = [run_again]
    search_fields = ["task_path", "id"]


admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, JobAdmin)


@admin.action(description=_("Send the selected emails again"))
def send_again(modeladmin, request, queryset):
    unsent = list(queryset.filter(sent_at__isnull=True))
    for email in unsent:
        outbox.retry(email)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d email will be sent again.",
            "%(count)d emails will be sent again.",
            len(unsent),
        )
        % {"count": len(unsent)},
        messages.SUCCESS,
    )


@register_tenant_model(OutboxEmail, tenant_site=False)
class OutboxEmailAdmin(TenantOwnedAdmin):
    list_display = ["subject", "to", "status_label", "attempts", "created_at", "sent_at"]
    list_filter = [
        ("sent_at", admin.EmptyFieldListFilter),
        ("failed_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["to", "subject", "key"]
    readonly_fields = [f.name for f in OutboxEmail._meta.fields if f.name != "tenant"]
    actions = [send_again]

    @admin.display(description=_("status"))
    def status_label(self, email):
        return {"sent": _("Sent"), "failed": _("Given up"), "pending": _("Waiting")}[email.status]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@register_tenant_model(ScheduledRun, tenant_site=False)
class ScheduledRunAdmin(TenantOwnedAdmin):
    read_only = True
    list_display = ["job", "period", "created_at"]
    list_filter = ["job"]
