from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from crm.core.models import TenantOwned
from customers.models import Customer

MAX_NOTE_LENGTH = 5000


class Note(TenantOwned):
    class Priority(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        NONE = "none", _("None")

    # High first, then Medium, then None: the rank makes that an index order.
    PRIORITY_RANK = {"high": 0, "medium": 1, "none": 2}

    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField(_("note"), max_length=MAX_NOTE_LENGTH)
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NONE
    )
    priority_rank = models.PositiveSmallIntegerField(default=2, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["priority_rank", "-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["tenant", "customer", "priority_rank", "-created_at"],
                name="note_customer_order",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def save(self, *args, **kwargs):
        self.priority_rank = self.PRIORITY_RANK.get(self.priority, 2)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "priority_rank"}
        super().save(*args, **kwargs)
