"""Customers and leads, their addresses, tags, groups, custom fields and timeline."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from crm.core.models import TenantOwned, TenantOwnedManager, TenantOwnedQuerySet, validate_language
from crm.lib.money import validate_currency
from crm.lib.phones import display_phone, phone_digits
from crm.lib.text import normalize_email


class CustomerGroup(TenantOwned):
    name = models.CharField(_("name"), max_length=100)
    name_key = models.CharField(max_length=300, editable=False)  # crm.lib.text.fold(name)
    is_default = models.BooleanField(
        _("default group"), default=False, help_text=_("New customers start in this group.")
    )

    folded_keys = {"name_key": "name"}

    class Meta:
        verbose_name = _("customer group")
        verbose_name_plural = _("customer groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "name_key"],
                name="customergroup_tenant_name_uniq",
                violation_error_message=_("A group with this name already exists."),
            ),
            models.UniqueConstraint(
                fields=["tenant"],
                condition=Q(is_default=True),
                name="customergroup_one_default_per_tenant",
                violation_error_message=_("Another group is already the default."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Tag(TenantOwned):
    name = models.CharField(_("name"), max_length=50)
    name_key = models.CharField(max_length=150, editable=False)  # crm.lib.text.fold(name)

    folded_keys = {"name_key": "name"}

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "name_key"],
                name="tag_tenant_name_uniq",
                violation_error_message=_("A tag with this name already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class CustomField(TenantOwned):
    """A field the tenant adds to every customer; values live in Customer.custom_data."""

    class Type(models.TextChoices):
        TEXT = "text", _("Text")
        NUMBER = "number", _("Number")
        DATE = "date", _("Date")
        BOOLEAN = "boolean", _("Yes/no")
        CHOICE = "choice", _("Choice")

    label = models.CharField(_("label"), max_length=100)
    key = models.SlugField(
        _("key"), max_length=50, help_text=_("Stable name the value is stored under.")
    )
    field_type = models.CharField(_("type"), max_length=10, choices=Type.choices, default=Type.TEXT)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For the Choice type: one option per line.")
    )
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("custom field")
        verbose_name_plural = _("custom fields")
        ordering = ["position", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "key"],
                name="customfield_tenant_key_uniq",
                violation_error_message=_("A custom field with this key already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        if self.field_type == self.Type.CHOICE and not self.choice_list:
            raise ValidationError({"choices": _("Give at least one option.")})


class CustomerQuerySet(TenantOwnedQuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)


class ReorderState(models.TextChoices):
    UNKNOWN = "", _("Too few orders")
    REGULAR = "regular", _("Regular")
    IRREGULAR = "irregular", _("Irregular")


class Customer(TenantOwned):
    class Status(models.TextChoices):
        CURRENT = "current", _("Current")
        POTENTIAL = "potential", _("Potential")

    class Temperature(models.TextChoices):
        HOT = "hot", _("Hot")
        WARM = "warm", _("Warm")
        COLD = "cold", _("Cold")
        NOT_INTERESTED = "not_interested", _("Not interested")

    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by staff")
        QUICK_ORDER = "quick_order", _("Quick-order link")
        IMPORT = "import", _("Import")

    # Potential customers are listed hottest first; the rank makes that an index scan.
    TEMPERATURE_RANK = {"hot": 0, "warm": 1, "cold": 2, "not_interested": 3}

    name = models.CharField(_("name"), max_length=200, help_text=_("Company or person."))
    tax_number = models.CharField(_("tax/VAT number"), max_length=50, blank=True)
    contact_person = models.CharField(_("Contact person"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, help_text=_("E.164"))
    phone_digits = models.CharField(max_length=20, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.POTENTIAL
    )
    temperature = models.CharField(
        _("temperature"), max_length=15, choices=Temperature.choices, default=Temperature.WARM
    )
    temperature_rank = models.PositiveSmallIntegerField(default=1, editable=False)
    discount_percent = models.DecimalField(
        _("Discount %"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    preferred_currency = models.CharField(
        _("preferred currency"), max_length=3, validators=[validate_currency]
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, validators=[validate_language]
    )
    group = models.ForeignKey(
        CustomerGroup,
        verbose_name=_("group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="customers",
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="customers")
    custom_data = models.JSONField(_("custom fields"), default=dict, blank=True)
    email_marketing_consent = models.BooleanField(_("email marketing consent"), default=False)
    email_marketing_consent_at = models.DateTimeField(
        _("Consent changed"), null=True, blank=True, editable=False
    )
    is_blocked = models.BooleanField(_("blocked"), default=False)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True, editable=False)
    source = models.CharField(
        _("source"), max_length=15, choices=Source.choices, default=Source.MANUAL, editable=False
    )
    # Written by the notes app whenever a note changes, so the cards need no subquery.
    latest_note_excerpt = models.CharField(
        _("latest note"), max_length=160, blank=True, editable=False
    )
    latest_note_at = models.DateTimeField(
        _("latest note date"), null=True, blank=True, editable=False
    )
    # Written by the orders app when an order is placed (the table view's "last order").
    last_order_at = models.DateTimeField(_("last order"), null=True, blank=True, editable=False)
    last_order_ip = models.GenericIPAddressField(
        _("last order IP"), null=True, blank=True, editable=False
    )
    # The reorder radar, written by the orders app whenever an order is placed or
    # cancelled (orders/radar.py): how often the customer orders and when the next is due.
    reorder_state = models.CharField(
        _("Reorder rhythm"),
        max_length=10,
        choices=ReorderState.choices,
        default=ReorderState.UNKNOWN,
        blank=True,
        editable=False,
    )
    reorder_interval_days = models.PositiveIntegerField(
        _("Usual interval (days)"), null=True, blank=True, editable=False
    )
    reorder_due_on = models.DateField(_("Next order due"), null=True, blank=True, editable=False)
    reorder_usual_value = models.DecimalField(
        _("Usual order value"),
        max_digits=16,
        decimal_places=3,
        null=True,
        blank=True,
        editable=False,
    )
    reorder_currency = models.CharField(max_length=3, blank=True, editable=False)
    reorder_snoozed_until = models.DateField(
        _("Snoozed until"), null=True, blank=True, editable=False
    )
    # The next open follow-up, written by the followups app whenever one changes (the
    # card shows it and the filters use it; customers never imports followups).
    next_followup_on = models.DateField(_("Next follow-up"), null=True, blank=True, editable=False)
    next_followup_time = models.TimeField(null=True, blank=True, editable=False)
    next_followup_text = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Optimistic locking: an edit based on an older version is refused, not merged blindly.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager(
        tenant="tenant", _manager_class=TenantOwnedManager.from_queryset(CustomerQuerySet)
    )

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["name", "id"]
        indexes = [
            # The Due to reorder page: customers with a rhythm, by the day they are due.
            models.Index(
                fields=["tenant", "reorder_due_on", "id"],
                name="customer_reorder_due",
                condition=Q(reorder_due_on__isnull=False, archived_at__isnull=True),
            ),
            # Its irregular section, newest last order first.
            models.Index(
                fields=["tenant", "-last_order_at", "id"],
                name="customer_reorder_irregular",
                condition=Q(reorder_state="irregular", archived_at__isnull=True),
            ),
            # Keyset pagination of the two sections of the customers page.
            models.Index(
                fields=["tenant", "status", "name", "id"],
                condition=Q(archived_at__isnull=True),
                name="customer_section_by_name",
            ),
            models.Index(
                fields=["tenant", "status", "temperature_rank", "name", "id"],
                condition=Q(archived_at__isnull=True),
                name="customer_section_by_temp",
            ),
            models.Index(fields=["tenant", "email"], name="customer_tenant_email"),
            models.Index(fields=["tenant", "phone"], name="customer_tenant_phone"),
            models.Index(fields=["tenant", "tax_number"], name="customer_tenant_tax"),
            # The "follow-up overdue" filter.
            models.Index(
                fields=["tenant", "next_followup_on"],
                name="customer_next_followup",
                condition=Q(next_followup_on__isnull=False, archived_at__isnull=True),
            ),
        ]

    @property
    def next_followup_days_left(self) -> int | None:
        """Days until the next follow-up is due (negative: overdue), in the active zone."""
        if self.next_followup_on is None:
            return None
        return (self.next_followup_on - timezone.localdate()).days

    @property
    def reorder_days_left(self) -> int | None:
        """Days until the next order is due (negative: overdue), in the active time zone."""
        if self.reorder_due_on is None:
            return None
        return (self.reorder_due_on - timezone.localdate()).days

    @property
    def reorder_overdue_by(self) -> int:
        left = self.reorder_days_left
        return -left if left is not None and left < 0 else 0

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        self.phone_digits = phone_digits(self.phone)
        self.temperature_rank = self.TEMPERATURE_RANK.get(self.temperature, 9)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            # The derived columns go with their sources only: a save of other fields (an
            # order's last_order_at) must not write them from a copy read before someone
            # else changed the phone or the temperature.
            derived = {"phone": "phone_digits", "temperature": "temperature_rank"}
            kwargs["update_fields"] = {
                *update_fields,
                *(column for source, column in derived.items() if source in update_fields),
            }
        super().save(*args, **kwargs)

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)

    def default_address(self):
        """The default address (prefetched as `default_addresses` on list pages)."""
        cached = getattr(self, "default_addresses", None)
        if cached is not None:
            return cached[0] if cached else None
        return self.addresses.filter(is_default=True).first()


# The search box's trigram indexes are PostgreSQL-only: migrations/0002_search_indexes.py.


class Address(TenantOwned):
    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="addresses"
    )
    title = models.CharField(_("title"), max_length=50, help_text=_('e.g. "Home", "Work"'))
    recipient = models.CharField(_("recipient"), max_length=200, blank=True)
    line1 = models.CharField(_("address line 1"), max_length=200)
    line2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    region = models.CharField(_("region"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    is_default = models.BooleanField(_("default"), default=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["-is_default", "title", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "customer"],
                condition=Q(is_default=True),
                name="address_one_default_per_customer",
                violation_error_message=_("The customer already has a default address."),
            )
        ]
        indexes = [models.Index(fields=["tenant", "customer"], name="address_tenant_customer")]

    def __str__(self) -> str:
        return f"{self.title}: {self.one_line()}"

    def one_line(self) -> str:
        from crm.lib.countries import country_name

        parts = [self.line1, self.line2, self.postal_code, self.city, self.region]
        text = ", ".join(p for p in parts if p)
        return f"{text}, {country_name(self.country)}" if self.country else text

    def snapshot(self) -> dict:
        """The address as plain data, kept on orders so later edits never change them."""
        fields = ["title", "recipient", "line1", "line2", "city", "region", "postal_code"]
        data = {name: getattr(self, name) for name in fields}
        data.update(country=self.country, phone=self.phone)
        return data


class ActivityEvent(TenantOwned):
    """One entry of a customer's timeline and of the audit trail."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        ARCHIVED = "archived", _("Archived")
        RESTORED = "restored", _("Restored")
        BLOCKED = "blocked", _("Blocked")
        UNBLOCKED = "unblocked", _("Unblocked")
        ADDRESS_ADDED = "address_added", _("Address added")
        ADDRESS_CHANGED = "address_changed", _("Address changed")
        ADDRESS_DELETED = "address_deleted", _("Address deleted")
        NOTE_ADDED = "note_added", _("Note added")
        NOTE_EDITED = "note_edited", _("Note edited")
        NOTE_DELETED = "note_deleted", _("Note deleted")
        LINK_CREATED = "link_created", _("Quick-order link created")
        LINK_REVOKED = "link_revoked", _("Quick-order link revoked")
        LINK_SENT = "link_sent", _("Quick-order link sent")
        ORDER_PLACED = "order_placed", _("Order placed")
        ORDER_STATUS = "order_status", _("Order status changed")
        FOLLOWUP_ADDED = "followup_added", _("Follow-up set")
        FOLLOWUP_CHANGED = "followup_changed", _("Follow-up changed")
        FOLLOWUP_DONE = "followup_done", _("Follow-up done")
        FOLLOWUP_REOPENED = "followup_reopened", _("Follow-up reopened")
        FOLLOWUP_SNOOZED = "followup_snoozed", _("Follow-up snoozed")
        FOLLOWUP_REASSIGNED = "followup_reassigned", _("Follow-up reassigned")
        FOLLOWUP_DELETED = "followup_deleted", _("Follow-up deleted")
        MERGED = "merged", _("Merged with another customer")

    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=False)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["tenant", "customer", "-created_at", "-id"], name="event_timeline")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.customer_id}"


class SavedView(TenantOwned):
    """A way of looking at the customers list kept under a name: search, filters, cards or
    table and the table's columns. Its owner's alone, or shared with the business."""

    # The list's parameters a view keeps (paging and one-off parameters are not).
    KEPT_PARAMETERS = ("q", "status", "temperature", "tag", "group", "followup", "archived", "cols")

    name = models.CharField(_("name"), max_length=60)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    is_shared = models.BooleanField(_("Shared with the business"), default=False)
    query = models.CharField(_("search and filters"), max_length=2000, blank=True)
    view_mode = models.CharField(
        _("view"),
        max_length=10,
        choices=[("cards", _("Cards")), ("table", _("Table"))],
        default="cards",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "owner", "name"],
                name="savedview_owner_name_uniq",
                violation_error_message=_("You already have a view with this name."),
            )
        ]
        indexes = [models.Index(fields=["tenant", "owner"], name="savedview_owner")]

    def __str__(self) -> str:
        return self.name

    def url_query(self) -> str:
        """The customers page's query string of this view."""
        from django.http import QueryDict

        params = QueryDict(self.query, mutable=True)
        params["view"] = self.view_mode
        params["saved"] = str(self.pk)
        return params.urlencode()


class BulkRun(TenantOwned):
    """A bulk action over more customers than a request should handle, run by a job in
    chunks; the page that started it shows its progress."""

    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    action = models.CharField(_("Action"), max_length=30)
    params = models.JSONField(_("Details"), default=dict)
    query = models.CharField(_("Search and filters"), max_length=2000, blank=True)
    # The chosen customers, when chosen one by one (else all that `query` selects).
    ids = models.JSONField(_("Chosen customers"), default=list)
    total = models.PositiveIntegerField(_("Customers"), default=0)
    done = models.PositiveIntegerField(_("Handled"), default=0)  # so far
    changed = models.PositiveIntegerField(_("Changed"), default=0)  # of those handled
    failed = models.PositiveIntegerField(_("Failed"), default=0)  # customers it could not change
    errors = models.JSONField(_("Errors"), default=list)  # the first few: [id, name, reason]
    # The chunks go in id order: where a stopped run goes on.
    last_pk = models.BigIntegerField(_("Last customer handled"), default=0)
    # The form's one-time key: a second click, or the same form sent again, is this run.
    key = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    finished_at = models.DateTimeField(_("Finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("bulk action")
        verbose_name_plural = _("bulk actions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "key"], condition=~Q(key=""), name="bulkrun_tenant_key_uniq"
            )
        ]
        indexes = [
            models.Index(
                fields=["updated_at"],
                condition=Q(finished_at__isnull=True),
                name="bulkrun_unfinished",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} ({self.done}/{self.total})"

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, round(100 * self.done / self.total))


class CustomerImport(TenantOwned):
    """A spreadsheet of customers being imported (customers.importing): the file, how its
    columns map to fields, what to do with a customer who is already there, and, once run,
    what happened to each row."""

    class Duplicates(models.TextChoices):
        SKIP = "skip", _("Skip them")
        UPDATE = "update", _("Update them with the file's values")
        CREATE = "create", _("Create them anyway")

    class State(models.TextChoices):
        MAPPING = "mapping", _("Being prepared")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        UNDOING = "undoing", _("Being undone")
        UNDONE = "undone", _("Undone")
        FAILED = "failed", _("Stopped by an error")

    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    filename = models.CharField(_("File"), max_length=200)
    content = models.BinaryField(editable=False)
    encoding = models.CharField(_("Encoding"), max_length=20, blank=True)
    # The language of the person who checked it: the job reads the rows as the preview did.
    language = models.CharField(max_length=8, blank=True, editable=False)
    delimiter = models.CharField(max_length=1, blank=True, editable=False)
    headers = models.JSONField(default=list, editable=False)
    mapping = models.JSONField(default=dict, editable=False)  # column index -> field code
    duplicates = models.CharField(
        _("Customers already here"),
        max_length=10,
        choices=Duplicates.choices,
        default=Duplicates.SKIP,
    )
    state = models.CharField(
        _("State"), max_length=10, choices=State.choices, default=State.MAPPING
    )
    total = models.PositiveIntegerField(_("Rows"), default=0)
    done = models.PositiveIntegerField(_("Handled"), default=0)
    created = models.PositiveIntegerField(_("Created"), default=0)
    updated = models.PositiveIntegerField(_("Updated"), default=0)
    skipped = models.PositiveIntegerField(_("Skipped"), default=0)
    failed = models.PositiveIntegerField(_("Failed"), default=0)
    # [row number, name, outcome, reason] for every row not created or updated.
    report = models.JSONField(default=list, editable=False)
    # A big file's check of every row, by a job (customers.importing.check_every_row).
    full_check = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    finished_at = models.DateTimeField(_("Finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("customer import")
        verbose_name_plural = _("customer imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, round(100 * self.done / self.total))


class ImportChange(TenantOwned):
    """What an import did, to undo it: a customer it updated (with what it was), or the
    customers one chunk created (their ids in `before["created"]`)."""

    run = models.ForeignKey(CustomerImport, on_delete=models.CASCADE, related_name="changes")
    customer = models.ForeignKey(Customer, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.BooleanField(default=False)
    before = models.JSONField(default=dict)  # the earlier values, or {"created": [ids]}

    class Meta:
        verbose_name = _("imported customer")
        verbose_name_plural = _("imported customers")
        indexes = [models.Index(fields=["tenant", "run", "id"], name="importchange_run")]
