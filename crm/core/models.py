"""Accounts and tenancy: User, Tenant, Membership, and the TenantOwned base of every
tenant-owned model."""

import phonenumbers
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager, ScopeError, get_scope

from crm.lib.choices import QuickChoiceDisplay
from crm.lib.countries import time_zones
from crm.lib.images import validate_image
from crm.lib.money import validate_currency
from crm.lib.text import fold

# First path segments that belong to the site, not to a tenant (see crm/urls.py).
RESERVED_SLUGS = frozenset(
    {
        "accounts",
        "admin",
        "api",
        "favicon.ico",
        "healthz",
        "i18n",
        "media",
        "q",
        "robots.txt",
        "static",
    }
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def validate_tenant_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is reserved; choose another."), code="reserved")


def validate_timezone(value: str) -> None:
    if value not in time_zones():
        raise ValidationError(_("Unknown time zone."), code="unknown_timezone")


def validate_phone_region(value: str) -> None:
    if value not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError(_("Unknown phone region."), code="unknown_region")


def validate_language(value: str) -> None:
    if value not in LANGUAGE_CODES:
        raise ValidationError(_("Unsupported language."), code="unknown_language")


def validate_language_list(value) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("Expected a list of languages."), code="invalid")
    for code in value:
        validate_language(code)


CUSTOMER_EMAIL_MOVES = ("new", "confirmed", "in_production", "shipped", "delivered", "cancelled")


def validate_customer_emails(value) -> None:
    """The order moves a business emails its customers about (Order.Status values)."""
    if not isinstance(value, list) or any(move not in CUSTOMER_EMAIL_MOVES for move in value):
        raise ValidationError(
            _("Choose among: %(moves)s.") % {"moves": ", ".join(CUSTOMER_EMAIL_MOVES)},
            code="invalid",
        )


def validate_currency_list(value) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("Expected a list of currencies."), code="invalid")
    for code in value:
        validate_currency(code)


hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."), code="invalid_colour"
)


class User(AbstractUser):
    """A person who logs in. Belongs to tenants through Membership."""

    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        validators=[validate_language],
        help_text=_("The interface language; empty follows the browser."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


def default_customer_emails() -> list[str]:
    return ["new", "confirmed", "shipped"]


class Tenant(models.Model):
    """A business using the CRM. Owns every row of every tenant-owned table."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=50,
        unique=True,
        validators=[validate_tenant_slug],
        help_text=_("Used in the web address of the tenant's pages."),
    )
    base_currency = models.CharField(
        _("base currency"), max_length=3, default="EUR", validators=[validate_currency]
    )
    currencies = models.JSONField(
        _("currencies"),
        default=list,
        blank=True,
        validators=[validate_currency_list],
        help_text=_("Other ISO currencies the business sells in."),
    )
    default_language = models.CharField(
        _("default language"), max_length=8, default="en", validators=[validate_language]
    )
    quickorder_languages = models.JSONField(
        _("quick-order languages"),
        default=list,
        blank=True,
        validators=[validate_language_list],
        help_text=_("Languages offered on the quick-order page."),
    )
    logo = models.ImageField(
        _("logo"), upload_to="tenant-logos/", blank=True, validators=[validate_image]
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#2563eb", validators=[hex_colour]
    )
    brand_description = models.TextField(_("description"), blank=True, max_length=2000)
    notification_email = models.EmailField(_("notification email"), blank=True)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_timezone]
    )
    default_phone_region = models.CharField(
        _("default phone region"),
        max_length=2,
        default="TR",
        validators=[validate_phone_region],
        help_text=_(
            "The business's country: phone numbers written without +country code are read"
            " as this country's, and amounts are written the way it writes them."
        ),
    )
    # The moves of an order the customer is emailed about (Order.Status values; "new" is
    # the order received). Set on the settings page.
    customer_emails = models.JSONField(
        _("Emails to the customer"),
        default=default_customer_emails,
        blank=True,
        validators=[validate_customer_emails],
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("tenant")
        verbose_name_plural = _("tenants")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def country(self) -> str:
        """The business's country (ISO 3166), for phone numbers and money."""
        return self.default_phone_region

    @property
    def all_currencies(self) -> list[str]:
        """The base currency first, then the other enabled ones."""
        return [self.base_currency] + [c for c in self.currencies if c != self.base_currency]

    def selling_currency(self, preferred: str) -> str:
        """The currency to price in for a customer who prefers `preferred`: it while the
        business still sells in it, else the base currency."""
        return preferred if preferred in self.all_currencies else self.base_currency

    @property
    def offered_languages(self) -> list[str]:
        return self.quickorder_languages or [self.default_language]


def tenant_key(value):
    """A tenant (instance or id, in any form reads accept) as its primary key."""
    return Tenant._meta.pk.to_python(getattr(value, "pk", value))


def check_new_rows_in_scope(model, tenants, override=None) -> None:
    """Raise ScopeError unless rows of `tenants` may be created in the active scope (or in
    `override`, a manager's with_scope()): the scope's tenant, any tenant inside
    scopes_disabled() or scope(tenant=None), never outside a scope."""
    current = override or get_scope()
    if not current.get("_enabled", True):
        return
    if "tenant" not in current:
        raise ScopeError("A scope on dimension(s) tenant needs to be active to create rows.")
    allowed = current["tenant"]
    if allowed is None:  # scope(tenant=None): every tenant, as for reads
        return
    allowed = {
        tenant_key(t) for t in (allowed if isinstance(allowed, (list, tuple)) else [allowed])
    }
    outside = {None if t is None else tenant_key(t) for t in tenants} - allowed
    if None in outside:
        raise ScopeError(f"Creating {model.__name__} rows without a tenant.")
    if outside:
        raise ScopeError(
            f"Creating {model.__name__} rows of tenant(s) {sorted(outside)}"
            f" outside the active scope {sorted(allowed)}."
        )


class TenantOwnedQuerySet(models.QuerySet):
    """Queries of tenant-owned rows. Every way of creating rows (`create`, and so
    `get_or_create`, `update_or_create`, `acreate`; `bulk_create`) checks that the new rows
    belong to the active scope's tenant: django-scopes filters reads but lets any write
    through."""

    _scope_override = None  # a manager's with_scope() / with_scopes_disabled()

    def _clone(self):
        clone = super()._clone()
        clone._scope_override = self._scope_override
        return clone

    def create(self, **kwargs):
        # Both keys count: the model applies `tenant_id` after `tenant`.
        given = [kwargs[key] for key in ("tenant", "tenant_id") if key in kwargs]
        check_new_rows_in_scope(self.model, given or [None], self._scope_override)
        return super().create(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        check_new_rows_in_scope(self.model, [obj.tenant_id for obj in objs], self._scope_override)
        for obj in objs:  # save() is not called
            obj.fill_folded_keys()
        return super().bulk_create(objs, *args, **kwargs)


class TenantOwnedManager(models.Manager.from_queryset(TenantOwnedQuerySet)):
    """The manager class under every tenant-owned model's ScopedManager.

    Reads are filtered by the scope (ScopedManager). Creating rows reads nothing, so
    `create` and `bulk_create` skip building that filter (outside a scope, django-scopes'
    stand-in queryset would let them through unchecked); the queryset checks the new rows'
    tenant instead."""

    def get_queryset(self):
        return self._with_override(super().get_queryset())

    def create(self, **kwargs):
        return self._unfiltered().create(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        return self._unfiltered().bulk_create(objs, *args, **kwargs)

    def _unfiltered(self):
        queryset = models.Manager.get_queryset(self)  # without the scope's filter
        patch = getattr(self, "_patch_queryset", None)  # django-modeltranslation's managers
        return self._with_override(patch(queryset) if patch else queryset)

    def _with_override(self, queryset):
        queryset._scope_override = getattr(self, "_override_scope", None)
        return queryset


class TenantOwned(QuickChoiceDisplay, models.Model):
    """Base of every tenant-owned model.

    The direct `tenant` column is there even when the tenant is reachable through a parent:
    the scoped manager filters on it, every unique constraint starts with it, and it is the
    distribution key should the data ever move to Citus. `objects` refuses to query unless
    a scope is active (django-scopes), so a forgotten filter fails loudly.
    """

    tenant = models.ForeignKey(
        Tenant,
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        editable=False,
        related_name="+",
    )

    objects = ScopedManager(tenant="tenant", _manager_class=TenantOwnedManager)

    # Case-insensitive rules: {key column: the column it folds}. The key holds
    # crm.lib.text.fold(value), written on every save; unique constraints and lookups use it.
    folded_keys: dict[str, str] = {}

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_folded_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and self.folded_keys:
            kwargs["update_fields"] = {
                *update_fields,
                *(key for key, source in self.folded_keys.items() if source in update_fields),
            }
        super().save(*args, **kwargs)

    def fill_folded_keys(self) -> None:
        for key, source in self.folded_keys.items():
            setattr(self, key, fold(getattr(self, source)))

    def validate_constraints(self, exclude=None):
        # Forms never show `tenant`, so Django would skip every (tenant, ...) unique
        # constraint and let the database answer with an IntegrityError. Once the tenant
        # is known, validate them, so a duplicate is a form error rather than a 500. The
        # same for a folded key, which no form shows either: it goes with its source.
        exclude = set(exclude or ())
        if "tenant" in exclude and self.tenant_id is not None:
            exclude.discard("tenant")
        self.fill_folded_keys()
        for key, source in self.folded_keys.items():
            if source not in exclude:
                exclude.discard(key)
        super().validate_constraints(exclude=exclude)


class Membership(TenantOwned):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        STAFF = "staff", _("Staff")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.STAFF)
    # An owner's choice: an email each morning with the customers who became due to reorder.
    reorder_digest = models.BooleanField(_("Morning email of who is due to reorder"), default=False)
    # A member's choice: an email each morning with their follow-ups due today and overdue.
    followup_digest = models.BooleanField(_("Morning email of my follow-ups"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "user"], name="membership_tenant_user_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.tenant} ({self.get_role_display()})"

    @property
    def is_owner(self) -> bool:
        return self.role == self.Role.OWNER
