"""What the background jobs keep: the email outbox, and which scheduled jobs have run."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from crm.core.models import TenantOwned


class OutboxEmail(TenantOwned):
    """One email to send, written in the same transaction as the event it tells of.

    `key` names the event (an order received, a status change, a digest of one day), unique
    per tenant: the same event never makes two emails. A job sends it (jobs.outbox.deliver)
    and marks it sent once the mail server has accepted it; a failure is retried with
    back-off."""

    key = models.CharField(_("event"), max_length=200)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(
        _("given up"), null=True, blank=True, help_text=_("After the last automatic retry.")
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "key"], name="outboxemail_tenant_key_uniq")
        ]
        indexes = [
            # The scheduler's sweep of emails whose job did not run (jobs.schedule).
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(sent_at__isnull=True, failed_at__isnull=True),
                name="outboxemail_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"

    @property
    def status(self) -> str:
        if self.sent_at:
            return "sent"
        return "failed" if self.failed_at else "pending"


class ScheduledRun(TenantOwned):
    """A scheduled job done for a tenant and a period (a day in the tenant's time zone):
    the unique row is what makes running the scheduler twice do nothing twice."""

    job = models.CharField(_("Job"), max_length=100)
    period = models.CharField(_("period"), max_length=20)
    created_at = models.DateTimeField(_("enqueued"), auto_now_add=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "job", "period"], name="scheduledrun_tenant_job_period_uniq"
            )
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.period}"
