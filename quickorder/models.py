"""Quick-order links: a customer orders through a signed, revocable link, no account."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crm.core.models import TenantOwned
from crm.lib.validation import LATEST_STORABLE, validate_storable_datetime
from customers.models import Customer


def new_public_id() -> str:
    return secrets.token_urlsafe(24)  # 192 random bits


class QuickOrderLink(TenantOwned):
    customer = models.ForeignKey(
        Customer,
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="quick_order_links",
    )
    # Random and secret; the token in the URL signs (tenant_id, public_id), so lookups are
    # by the tenant-led unique key like every other one (see quickorder/tokens.py).
    public_id = models.CharField(max_length=64, default=new_public_id, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(
        _("expires"), null=True, blank=True, validators=[validate_storable_datetime]
    )
    revoked_at = models.DateTimeField(_("Revoked"), null=True, blank=True, editable=False)
    last_opened_at = models.DateTimeField(_("last opened"), null=True, blank=True, editable=False)
    open_count = models.PositiveIntegerField(_("times opened"), default=0, editable=False)

    class Meta:
        verbose_name = _("quick-order link")
        verbose_name_plural = _("quick-order links")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "public_id"], name="quickorderlink_tenant_public_id_uniq"
            ),
            models.UniqueConstraint(
                fields=["tenant", "customer"],
                condition=Q(revoked_at__isnull=True),
                name="quickorderlink_one_active_per_customer",
            ),
            # Nothing stored may be a date that cannot be read back (crm/lib/validation.py).
            models.CheckConstraint(
                condition=Q(expires_at__lt=LATEST_STORABLE),
                name="quickorderlink_expiry_storable",
                violation_error_message=_("Enter a date before the year 3000."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.customer} ({self.created_at:%Y-%m-%d})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and not self.is_expired
