"""Follow-ups: "call Ayşe about the spring order on Monday". A dated reminder about one
customer, for one member of the business, open until someone marks it done."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crm.core.models import TenantOwned
from customers.models import Customer

MAX_TEXT_LENGTH = 200


class FollowUp(TenantOwned):
    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="followups"
    )
    text = models.CharField(_("What to do"), max_length=MAX_TEXT_LENGTH)
    # The day and the time of day in the business's time zone: "Monday at 10:00" stays
    # Monday at 10:00 for the business, whatever the server's zone.
    due_on = models.DateField(_("Due"))
    due_time = models.TimeField(_("Time"), null=True, blank=True)
    # The minute of the day it is due (0 without a time: those come first in their day),
    # so the lists sort and page on non-null columns only: (due_on, due_minute, id).
    due_minute = models.PositiveSmallIntegerField(default=0, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # The note it was made from, if any.
    note = models.ForeignKey(
        "notes.Note",
        verbose_name=_("note"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    done_at = models.DateTimeField(_("Done"), null=True, blank=True, editable=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    ORDER = ("due_on", "due_minute", "id")

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "due_minute", "id"]
        indexes = [
            # The Today page, someone's: open follow-ups by due day and minute.
            models.Index(
                fields=["tenant", "assignee", "due_on", "due_minute", "id"],
                name="followup_open_mine",
                condition=Q(done_at__isnull=True),
            ),
            # The Today page, everyone's; and the daily digest.
            models.Index(
                fields=["tenant", "due_on", "due_minute", "id"],
                name="followup_open_all",
                condition=Q(done_at__isnull=True),
            ),
            # A customer's follow-ups, the next open one first.
            models.Index(
                fields=["tenant", "customer", "due_on", "due_minute", "id"],
                name="followup_customer",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def save(self, *args, **kwargs):
        self.due_minute = self.due_time.hour * 60 + self.due_time.minute if self.due_time else 0
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "due_minute"}
        super().save(*args, **kwargs)

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def days_left(self) -> int:
        """Days until it is due (negative: overdue), in the active (the business's) zone."""
        return (self.due_on - timezone.localdate()).days

    @property
    def overdue_by(self) -> int:
        """Days it is overdue (0 when it is not)."""
        return 0 if self.is_done else max(0, -self.days_left)
