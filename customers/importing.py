"""Importing customers from a spreadsheet (CSV or XLSX).

Reading: openpyxl for XLSX (Excel dates become dates; a formula is refused), Python's csv
module for CSV after the encoding is chosen or guessed (UTF-8 with or without BOM,
Windows-1254/1250/1251 by charset-normalizer) and the delimiter sniffed. Columns are matched
to fields by their headers in every language of the product (the export's headers, so an
export imports back unchanged), and the mapping can be changed by hand.

Every row is checked before anything is written (the preview); the import itself runs as a
job, in chunks of CHUNK rows, each chunk with its progress in one transaction, so a worker
that stops goes on where it was. Customers are matched to existing ones by normalised
email, phone (E.164) or tax number; per import, a match is skipped, updated or created
anyway. What an import created and what it changed is recorded (ImportChange), so the
whole import can be undone.
"""

from __future__ import annotations

import csv
import datetime
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from crm.lib.countries import country_name
from crm.lib.phones import parse_phone, phone_digits
from crm.lib.text import fold, normalize_email, strip_control_characters
from customers.exporting import FIELDS
from customers.models import Customer, CustomField
from jobs.outbox import enqueue_with_transaction

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 200
CHUNK = 2500  # rows a chunk: each chunk is one transaction (and its progress)
STALLED_AFTER = datetime.timedelta(minutes=10)
log = logging.getLogger(__name__)
# What an import may change on a customer already there.
UPDATED_COLUMNS = [
    "email_marketing_consent_at",
    "name",
    "contact_person",
    "email",
    "phone",
    "tax_number",
    "status",
    "temperature",
    "discount_percent",
    "preferred_currency",
    "preferred_language",
    "group",
    "custom_data",
    "email_marketing_consent",
    "is_blocked",
    "version",
    "updated_at",
]
ENCODINGS = ["utf-8", "cp1254", "cp1250", "cp1251"]
DELIMITERS = ",;\t|"
NOT_IMPORTED = {"archived_at", "source", "created_at"}  # the export's, kept by the system
TRUE = {"yes", "true", "1", "y", "x", "evet", "e", "da", "да", "بله", "on"}
FALSE = {"no", "false", "0", "n", "hayır", "hayir", "nu", "нет", "خیر", "off", ""}


class BadFile(Exception):
    """A file that cannot be read: the message says why, for the person."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list]  # each row's cells as read (str, int, float, date, None)
    warnings: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""


def read(content: bytes, filename: str, encoding: str = "", delimiter: str = "") -> Table:
    if not content.strip():
        raise BadFile(_("The file is empty."))
    if len(content) > MAX_BYTES:
        raise BadFile(
            _("The file is larger than %(size)s MB: split it, or save it as CSV.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    if content[:4] == b"PK\x03\x04" or filename.lower().endswith((".xlsx", ".xlsm")):
        table = read_xlsx(content)
    elif content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BadFile(
            _("This is an old Excel file (.xls): save it as .xlsx or CSV, then try again.")
        )
    else:
        table = read_csv(content, encoding, delimiter)
    while table.rows and not any(cell not in (None, "") for cell in table.rows[-1]):
        table.rows.pop()
    if not any(h for h in table.headers):
        raise BadFile(_("The first row must hold the column names; it is empty."))
    if not table.rows:
        raise BadFile(_("The file has column names but no customers."))
    if len(table.rows) > MAX_ROWS:
        raise BadFile(
            _("The file has more than %(count)s rows: split it into smaller files.")
            % {"count": f"{MAX_ROWS:,}"}
        )
    return table


def read_xlsx(content: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        # Formulas as written ("=..."), not their last values: a row with one is refused
        # with a clear message (a value may be pasted instead), never run or half-read.
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        sheet = book.worksheets[0]
        if (sheet.max_row or 0) > MAX_ROWS + 1:
            raise BadFile(
                _("The file has more than %(count)s rows: split it into smaller files.")
                % {"count": f"{MAX_ROWS:,}"}
            )
        rows = []
        for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            rows.append(trimmed(list(row)))
            if len(rows) > MAX_ROWS + 1:
                break
        book.close()
    except BadFile:
        raise
    except Exception as error:  # zip, XML or openpyxl's own: one message
        raise BadFile(
            _("The Excel file cannot be read: is it an .xlsx file saved by a spreadsheet program?")
        ) from error
    if not rows:
        raise BadFile(_("The file is empty."))
    warnings = []
    merged = merged_ranges(content)
    if merged:
        warnings.append(
            _(
                "The sheet has merged cells (%(ranges)s): only the first cell of each holds "
                "the value, so the rows below it have that column empty."
            )
            % {"ranges": ", ".join(merged[:5])}
        )
    headers = ["" if h is None else str(h).strip() for h in rows[0]]
    return Table(headers, rows[1:], warnings)


def trimmed(row: list) -> list:
    """A row without its trailing empty cells (a sheet may say it is 16,384 columns wide)."""
    while row and row[-1] in (None, ""):
        row.pop()
    return row


def merged_ranges(content: bytes) -> list[str]:
    """The merged cells of the first sheet (read-only openpyxl does not say)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
            if not names:
                return []
            with archive.open(names[0]) as sheet:
                xml = sheet.read(64 * 1024 * 1024)
    except (zipfile.BadZipFile, KeyError, OSError):
        return []
    return [m.decode() for m in re.findall(rb'<mergeCell ref="([A-Z0-9:]+)"', xml)]


def decode(content: bytes, encoding: str) -> tuple[str, str]:
    if content.startswith(b"\xef\xbb\xbf"):
        try:
            return content[3:].decode("utf-8"), "utf-8"
        except UnicodeDecodeError as error:
            raise BadFile(
                _("The file is not written in %(encoding)s: choose another encoding.")
                % {"encoding": "UTF-8"}
            ) from error
    if encoding:
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError as error:
            raise BadFile(
                _("The file is not written in %(encoding)s: choose another encoding.")
                % {"encoding": encoding}
            ) from error
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(content[:200_000], cp_isolation=ENCODINGS[1:]).best()
    if best is None:
        raise BadFile(_("The file's encoding cannot be recognised: choose it in the list."))
    try:
        return content.decode(best.encoding), best.encoding
    except UnicodeDecodeError as error:
        raise BadFile(
            _("The file's encoding cannot be recognised: choose it in the list.")
        ) from error


def read_csv(content: bytes, encoding: str, delimiter: str) -> Table:
    if b"\x00" in content[:4096]:
        raise BadFile(_("This is not a CSV or Excel file."))
    text, used = decode(content, encoding)
    if not delimiter:
        sample = text[:4096]  # the sniffer's time grows fast with the sample
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
        except csv.Error:
            delimiter = ","
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(trimmed(row[:MAX_COLUMNS]))
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error as error:
        raise BadFile(
            _("The CSV file cannot be read at line %(line)s: check its quotes.")
            % {"line": len(rows) + 1}
        ) from error
    if not rows:
        raise BadFile(_("The file is empty."))
    return Table([h.strip() for h in rows[0]], rows[1:], [], used, delimiter)


# Matching columns to fields.


def field_choices(definitions: list[CustomField]) -> list[tuple[str, str]]:
    """What a column can be imported as: (code, label in the active language)."""
    fields = [(code, str(label)) for code, label in FIELDS if code not in NOT_IMPORTED]
    return fields + [(f"custom:{d.key}", d.label) for d in definitions]


def header_names(definitions: list[CustomField]) -> dict[str, str]:
    """Folded header text -> field code, in every language of the product."""
    names = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in FIELDS:
                if code not in NOT_IMPORTED:
                    names.setdefault(fold(str(label)), code)
    for code, _label in FIELDS:
        names.setdefault(fold(code), code)
    for definition in definitions:
        names[fold(definition.label)] = f"custom:{definition.key}"
        names.setdefault(fold(definition.key), f"custom:{definition.key}")
    return names


def guess_mapping(headers: list[str], definitions: list[CustomField]) -> dict[str, str]:
    names = header_names(definitions)
    mapping, used = {}, set()
    for index, header in enumerate(headers):
        code = names.get(fold(header), "")
        if code and code not in used:
            mapping[str(index)] = code
            used.add(code)
    return mapping


# Checking a row.


def choice_names(choices) -> dict[str, str]:
    """Folded code or label, in every language -> code."""
    names = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in choices:
                names[fold(str(label))] = code
    for code, _label in choices:
        names[fold(code)] = code
    return names


def text(value) -> str:
    """A cell as text: dates as ISO dates, whole numbers without ".0", a leading apostrophe
    (the export's guard against formulas) left out."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    value = strip_control_characters(str(value)).strip()
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value


SCALARS = (str, int, float, Decimal, datetime.date, datetime.time, bool)


@dataclass
class Checked:
    """A row ready to be written, or its errors."""

    number: int  # the row's line in the file (the header is line 1)
    values: dict = field(default_factory=dict)  # Customer fields
    tags: list[str] = field(default_factory=list)
    group: str = ""
    address: dict = field(default_factory=dict)
    custom: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.values.get("name", "")


class RowChecker:
    """The rules of the customer form, for rows: one instance per import, read once."""

    def __init__(self, tenant, mapping: dict[str, str]):
        from customers.forms import custom_form_field

        self.tenant = tenant
        self.mapping = {int(k): v for k, v in mapping.items() if v}
        self.labels = dict(field_choices([]))
        self.definitions = {d.key: d for d in CustomField.objects.filter(is_active=True)}
        self.custom_fields = {k: custom_form_field(d) for k, d in self.definitions.items()}
        self.labels.update({f"custom:{k}": d.label for k, d in self.definitions.items()})
        self.statuses = choice_names(Customer.Status.choices)
        self.temperatures = choice_names(Customer.Temperature.choices)
        self.languages = choice_names(settings.LANGUAGES)
        self.currencies = set(tenant.all_currencies)

    def check(self, number: int, cells: list) -> Checked:
        row = Checked(number)
        values = {code: cells[i] if i < len(cells) else None for i, code in self.mapping.items()}
        for code, raw in values.items():
            if (raw is not None and not isinstance(raw, SCALARS)) or (
                isinstance(raw, str) and raw.lstrip()[:1] == "="
            ):
                row.errors.append(
                    _("%(field)s holds a formula (%(start)s…): write the value itself.")
                    % {"field": self.labels.get(code, code), "start": str(raw).strip()[:12]}
                )
                values[code] = None
        got = {code: text(raw) for code, raw in values.items()}
        self.check_fields(row, got)
        self.check_address(row, got)
        self.check_custom(row, got, values)
        return row

    def error(self, row, code, message):
        row.errors.append(f"{self.labels.get(code, code)}: {message}")

    def check_fields(self, row: Checked, got: dict) -> None:
        name = " ".join(got.get("name", "").split())
        if not name:
            self.error(row, "name", _("This field is required."))
        elif len(name) > 200:
            self.error(row, "name", _("At most 200 characters."))
        row.values["name"] = name[:200]
        for code, size in (("contact_person", 200), ("tax_number", 50)):
            if got.get(code):
                row.values[code] = got[code][:size]
        if got.get("email"):
            email = normalize_email(got["email"])
            try:
                if len(email) > 254:
                    raise ValidationError("too long")
                validate_email(email)
                row.values["email"] = email
            except ValidationError:
                self.error(row, "email", _("Enter a valid email address."))
        if got.get("phone"):
            try:
                row.values["phone"] = parse_phone(got["phone"], self.tenant.default_phone_region)
            except ValidationError as error:
                self.error(row, "phone", error.messages[0])
        for code, names in (("status", self.statuses), ("temperature", self.temperatures)):
            if got.get(code):
                if fold(got[code]) in names:
                    row.values[code] = names[fold(got[code])]
                else:
                    self.error(row, code, _("Unknown value “%(value)s”.") % {"value": got[code]})
        if got.get("discount_percent"):
            try:
                written = got["discount_percent"].replace(",", ".").rstrip("%").strip()
                if "_" in written:
                    raise InvalidOperation
                discount = Decimal(written)
                if not Decimal(0) <= discount <= Decimal(100):
                    raise InvalidOperation
                row.values["discount_percent"] = discount.quantize(Decimal("0.01"))
            except (InvalidOperation, ValueError):
                self.error(row, "discount_percent", _("Enter a discount between 0 and 100."))
        if got.get("preferred_currency"):
            currency = got["preferred_currency"].upper()
            if currency in self.currencies:
                row.values["preferred_currency"] = currency
            else:
                self.error(
                    row,
                    "preferred_currency",
                    _("%(currency)s is not a currency you sell in.") % {"currency": currency},
                )
        if got.get("preferred_language"):
            language = self.languages.get(fold(got["preferred_language"]))
            if language:
                row.values["preferred_language"] = language
            else:
                self.error(
                    row,
                    "preferred_language",
                    _("Unknown value “%(value)s”.") % {"value": got["preferred_language"]},
                )
        for code in ("email_marketing_consent", "is_blocked"):
            if got.get(code):
                value = fold(got[code])
                if value in TRUE or value == fold(_("Yes")):
                    row.values[code] = True
                elif value in FALSE or value == fold(_("No")):
                    row.values[code] = False
                else:
                    self.error(row, code, _("Write yes or no."))
        row.group = got.get("group", "")[:100]
        if len(fold(row.group)) > 300:
            self.error(row, "group", _("At most 100 characters."))
        tags = re.split(r"[,;]", got.get("tags", ""))
        row.tags = [t.strip()[:50] for t in tags if t.strip()]
        if any(len(fold(tag)) > 150 for tag in row.tags):
            self.error(row, "tags", _("A tag can be at most 50 characters long."))

    def check_address(self, row: Checked, got: dict) -> None:
        parts = {
            name: got.get(f"address_{name}", "")
            for name in (
                "title",
                "recipient",
                "line1",
                "line2",
                "city",
                "region",
                "postal_code",
                "country",
                "phone",
            )
        }
        if not any(parts.values()):
            return
        if not parts["line1"] or not parts["city"]:
            self.error(row, "address_line1", _("An address needs its first line and city."))
            return
        country = (parts["country"] or self.tenant.default_phone_region).upper()
        if len(country) != 2 or country_name(country) == country:
            self.error(row, "address_country", _("Write the country as a two-letter code (TR)."))
            return
        phone = ""
        if parts["phone"]:
            try:
                phone = parse_phone(parts["phone"], country)
            except ValidationError as error:
                self.error(row, "address_phone", error.messages[0])
        row.address = {
            "title": (parts["title"] or _("Address"))[:50],
            "recipient": parts["recipient"][:200],
            "line1": parts["line1"][:200],
            "line2": parts["line2"][:200],
            "city": parts["city"][:100],
            "region": parts["region"][:100],
            "postal_code": parts["postal_code"][:20],
            "country": country,
            "phone": phone,
        }

    def check_custom(self, row: Checked, got: dict, raw: dict) -> None:
        from customers.forms import to_json_value

        for key, form_field in self.custom_fields.items():
            code = f"custom:{key}"
            if code not in got or got[code] == "":
                if self.definitions[key].required:
                    self.error(row, code, _("This field is required."))
                continue
            value = raw[code]
            definition = self.definitions[key]
            if definition.field_type == CustomField.Type.BOOLEAN:
                folded = fold(got[code])
                value = folded in TRUE or folded == fold(_("Yes"))
            elif isinstance(value, datetime.datetime):
                value = value.date()
            else:
                value = got[code]
            try:
                row.custom[key] = to_json_value(form_field.clean(value))
            except ValidationError as error:
                self.error(row, code, error.messages[0])


# Writing.


class Existing:
    """The business's customers by normalised email, phone and tax number: a row matching
    one of them is "already here". Rows the import creates are added as it goes, so a file
    that lists a customer twice does not create them twice."""

    def __init__(self):
        self.by = {"email": {}, "phone": {}, "tax_number": {}}
        for pk, email, phone, tax in Customer.objects.values_list(
            "pk", "email", "phone", "tax_number"
        ).iterator(chunk_size=5000):
            self.add(pk, {"email": email, "phone": phone, "tax_number": tax})

    @staticmethod
    def keys(values: dict):
        for name in ("email", "phone", "tax_number"):
            value = (values.get(name) or "").strip()
            if name == "tax_number":
                value = re.sub(r"[\s./-]", "", fold(value))  # "TR 123-456" is "tr123456"
            elif name == "email":
                value = value.lower()
            if value:
                yield name, value

    def find(self, values: dict) -> int | None:
        for name, key in self.keys(values):
            if key in self.by[name]:
                return self.by[name][key]
        return None

    def add(self, pk: int, values: dict) -> None:
        for name, key in self.keys(values):
            self.by[name].setdefault(key, pk)


def report(run, checked: Checked, outcome: str, reason: str) -> None:
    if len(run.report) < 20_000:
        run.report.append([checked.number, checked.name, outcome, reason])


class Writer:
    """Writes checked rows for one run: new customers in bulk (with their tags, address,
    timeline entry), updates one by one (each with its timeline entry)."""

    def __init__(self, run, by):
        from customers.models import CustomerGroup

        self.run, self.by, self.tenant = run, by, run.tenant
        self.existing = Existing()
        self.groups = {g.name_key: g for g in CustomerGroup.objects.all()}
        self.default_group = next((g for g in self.groups.values() if g.is_default), None)

    def group(self, name: str):
        from customers.models import CustomerGroup

        if not name:
            return None
        key = fold(name)
        if key not in self.groups:
            self.groups[key], _made = CustomerGroup.objects.get_or_create(
                name_key=key, defaults={"name": name, "tenant": self.tenant}
            )
        return self.groups[key]

    def write(self, rows: list[Checked]) -> None:
        from customers.models import CustomerImport

        new, pending, updates = [], {}, []
        for checked in rows:
            run = self.run
            if checked.errors:
                run.failed += 1
                report(run, checked, "failed", "; ".join(checked.errors))
                continue
            keys = set(Existing.keys(checked.values))
            if new and keys & pending.keys():
                # The file lists this customer twice in one chunk: write what is waiting,
                # so the second one finds the first.
                self.create(new)
                run.created += len(new)
                new, pending = [], {}
            match = self.existing.find(checked.values)
            if match and run.duplicates == CustomerImport.Duplicates.SKIP:
                run.skipped += 1
                report(run, checked, "skipped", _("The customer is already here."))
            elif match and run.duplicates == CustomerImport.Duplicates.UPDATE:
                updates.append((match, checked))
            else:
                new.append(checked)
                pending.update(dict.fromkeys(keys))
        if new:
            self.create(new)
            self.run.created += len(new)
        if updates:
            self.update_many(updates)

    def create(self, rows: list[Checked]) -> None:
        from customers import results_cache
        from customers.models import ActivityEvent, Address, ImportChange
        from customers.services import resolve_tags

        tenant = self.tenant
        customers = []
        now = timezone.now()
        for checked in rows:
            values = {
                "status": Customer.Status.POTENTIAL,
                "temperature": Customer.Temperature.WARM,
                "preferred_currency": tenant.base_currency,
                "preferred_language": tenant.default_language,
                **checked.values,
            }
            customer = Customer(
                tenant=tenant,
                source=Customer.Source.IMPORT,
                group=self.group(checked.group) or self.default_group,
                custom_data=checked.custom,
                **values,
            )
            if customer.email_marketing_consent:
                customer.email_marketing_consent_at = now
            # What Customer.save() would derive (bulk_create does not call it).
            customer.phone_digits = phone_digits(customer.phone)
            customer.temperature_rank = Customer.TEMPERATURE_RANK.get(customer.temperature, 9)
            customers.append(customer)
        Customer.objects.bulk_create(customers)
        names = {fold(n): n for c in rows for n in c.tags}
        tags = {fold(t.name): t for t in resolve_tags(tenant, names.values())} if names else {}
        through = Customer.tags.through
        links, addresses, events = [], [], []
        for customer, checked in zip(customers, rows, strict=True):
            self.existing.add(customer.pk, checked.values)
            for key in dict.fromkeys(fold(n) for n in checked.tags):
                links.append(through(customer_id=customer.pk, tag_id=tags[key].pk))
            if checked.address:
                addresses.append(
                    Address(tenant=tenant, customer=customer, is_default=True, **checked.address)
                )
            events.append(
                ActivityEvent(
                    tenant=tenant,
                    customer=customer,
                    kind=ActivityEvent.Kind.CREATED,
                    actor=self.by,
                    data={"import": self.run.pk, "file": self.run.filename, "row": checked.number},
                )
            )
        through.objects.bulk_create(links, ignore_conflicts=True)
        Address.objects.bulk_create(addresses)
        ActivityEvent.objects.bulk_create(events)
        # One row for the chunk's new customers (one per customer cost a tenth of the time).
        ImportChange.objects.create(
            tenant=tenant, run=self.run, created=True, before={"created": [c.pk for c in customers]}
        )
        results_cache.new_generation(tenant.pk)

    def update_many(self, pairs: list[tuple[int, Checked]]) -> None:
        """Customers already here, updated with the file's values: read in one query,
        written in one per table (each change on the customer's timeline)."""
        from customers import results_cache
        from customers.models import ActivityEvent, Address, ImportChange
        from customers.services import audit_value, resolve_tags

        tenant = self.tenant
        customers = Customer.objects.select_related("group").in_bulk([pk for pk, _c in pairs])
        through = Customer.tags.through
        tag_rows = through.objects.filter(customer_id__in=customers).values_list(
            "customer_id", "tag_id", "tag__name"
        )
        tags_of: dict[int, dict[int, str]] = {pk: {} for pk in customers}
        for customer_id, tag_id, name in tag_rows:
            tags_of[customer_id][tag_id] = name
        known_addresses = set(
            Address.objects.filter(customer_id__in=customers).values_list(
                "customer_id", "line1", "city"
            )
        )
        has_default = set(
            Address.objects.filter(customer_id__in=customers, is_default=True).values_list(
                "customer_id", flat=True
            )
        )
        names = {fold(n): n for _pk, c in pairs for n in c.tags}
        tags = {fold(t.name): t for t in resolve_tags(tenant, names.values())} if names else {}
        changed_customers, events, links, addresses, changes_rows = [], [], [], [], []
        now = timezone.now()
        for pk, checked in pairs:
            customer = customers.get(pk)
            if customer is None:  # deleted since the file was checked
                self.run.failed += 1
                report(self.run, checked, "failed", _("The customer was deleted meanwhile."))
                continue
            before, changes = {}, []
            for name, value in checked.values.items():
                if getattr(customer, name) != value:
                    before[name] = audit_value(customer, name)
                    old = before[name]
                    setattr(customer, name, value)
                    changes.append({"field": name, "old": old, "new": audit_value(customer, name)})
                    if name == "email_marketing_consent":
                        customer.email_marketing_consent_at = now
                        before["email_marketing_consent_at"] = None
            group = self.group(checked.group)
            if group is not None and customer.group_id != group.pk:
                before["group"] = customer.group_id
                changes.append(
                    {"field": "group", "old": audit_value(customer, "group"), "new": group.name}
                )
                customer.group = group
            merged = {**customer.custom_data, **checked.custom}
            if merged != customer.custom_data:
                before["custom_data"] = customer.custom_data
                changes.append({"field": "custom_data", "old": customer.custom_data, "new": merged})
                customer.custom_data = merged
            had = tags_of[pk]
            added = [tags[key] for key in dict.fromkeys(fold(n) for n in checked.tags)]
            added = [t for t in added if t.pk not in had]
            if added:
                before["tags_added"] = [t.pk for t in added]
                changes.append(
                    {
                        "field": "tags",
                        "old": sorted(had.values()),
                        "new": sorted([*had.values(), *(t.name for t in added)]),
                    }
                )
                links += [through(customer_id=pk, tag_id=t.pk) for t in added]
            address = checked.address
            if address and (pk, address["line1"], address["city"]) not in known_addresses:
                addresses.append(
                    Address(
                        tenant=tenant,
                        customer=customer,
                        is_default=pk not in has_default,
                        **address,
                    )
                )
                # Two rows for one customer in a chunk: one new default, one of each place.
                known_addresses.add((pk, address["line1"], address["city"]))
                has_default.add(pk)
                before["address_added"] = len(addresses) - 1  # its id once it is written
            if changes:
                customer.version += 1
                customer.updated_at = now
                customer.phone_digits = phone_digits(customer.phone)
                customer.temperature_rank = Customer.TEMPERATURE_RANK.get(customer.temperature, 9)
                fields = {"version", "updated_at"} | {
                    name for name in before if name in UPDATED_COLUMNS
                }
                fields |= {"phone_digits"} if "phone" in fields else set()
                fields |= {"temperature_rank"} if "temperature" in fields else set()
                changed_customers.append((customer, fields))
                events.append(
                    ActivityEvent(
                        tenant=tenant,
                        customer=customer,
                        kind=ActivityEvent.Kind.CHANGED,
                        actor=self.by,
                        data={"changes": changes, "import": self.run.pk},
                    )
                )
            changes_rows.append(
                ImportChange(tenant=tenant, run=self.run, customer=customer, before=before)
            )
            self.run.updated += 1
        for customer, fields in changed_customers:
            # Only what changed (bulk_update's CASE over every column cost ten times more).
            Customer.objects.filter(pk=customer.pk).update(
                **{name: getattr(customer, name) for name in fields}
            )
        through.objects.bulk_create(links, ignore_conflicts=True)
        made = Address.objects.bulk_create(addresses)
        ActivityEvent.objects.bulk_create(events)
        for row in changes_rows:
            if "address_added" in row.before:
                row.before["address_added"] = made[row.before["address_added"]].pk
        ImportChange.objects.bulk_create(changes_rows)
        results_cache.new_generation(tenant.pk)


def undo(run, by) -> dict:
    """Take an import back: customers it created are deleted (archived if they have orders
    since), the fields it changed get their earlier values again, and the tags and
    addresses it added are removed, each on the customer's timeline. Returns the counts."""
    from customers.models import ActivityEvent, Address, CustomerGroup, ImportChange
    from customers.services import audit_value, delete_or_archive_customer, record_event

    counts = {"deleted": 0, "archived": 0, "restored": 0}
    # Newest first: a customer the file listed twice gets back what it was before both.
    changes_made = ImportChange.objects.filter(run=run).select_related("customer").order_by("-id")
    for change in changes_made.iterator(chunk_size=500):
        if change.created:
            for customer in Customer.objects.filter(pk__in=change.before.get("created", [])):
                deleted = delete_or_archive_customer(customer, by=by)
                counts["deleted" if deleted else "archived"] += 1
            continue
        customer = change.customer
        if customer is None:
            continue
        before = dict(change.before)
        tags_added = before.pop("tags_added", [])
        address_added = before.pop("address_added", None)
        changes = []
        for name, value in before.items():
            old = audit_value(customer, name if name != "group" else "group")
            if name == "group":
                if value and not CustomerGroup.objects.filter(pk=value).exists():
                    value = None  # the group was deleted since
                customer.group_id = value
            elif name == "discount_percent":
                customer.discount_percent = Decimal(str(value))
            else:
                setattr(customer, name, value)
            changes.append({"field": name, "old": old, "new": value})
        if tags_added:
            old_tags = sorted(customer.tags.values_list("name", flat=True))
            customer.tags.remove(*tags_added)
            new_tags = sorted(customer.tags.values_list("name", flat=True))
            changes.append({"field": "tags", "old": old_tags, "new": new_tags})
        if before:
            customer.version += 1
            fields = [name for name in before if name in UPDATED_COLUMNS]
            customer.save(update_fields=[*fields, "version", "updated_at"])
        if address_added:
            Address.objects.filter(pk=address_added, customer=customer).delete()
        if changes:
            record_event(customer, ActivityEvent.Kind.CHANGED, by, changes=changes)
        counts["restored"] += 1
    return counts


@task()
def run_import(run_id: int) -> str:
    """The job of an import (or of its undoing): the file is read once, then chunk after
    chunk, each with its progress in one transaction; a run that stopped goes on from the
    row after the last chunk written."""
    from django_scopes import scope, scopes_disabled

    from customers.models import CustomerImport

    with scopes_disabled():
        run = CustomerImport.objects.select_related("tenant", "by").get(pk=run_id)
    language = run.language or run.tenant.default_language
    with (
        scope(tenant=run.tenant),
        timezone.override(run.tenant.timezone),
        translation.override(language),  # the preview's, so the rows read as they did there
    ):
        if run.state == CustomerImport.State.UNDOING:
            with transaction.atomic():
                run = CustomerImport.objects.select_for_update().defer("content").get(pk=run_id)
                if run.state != CustomerImport.State.UNDOING:
                    return "not undoing"
                counts = undo(run, run.by)
                run.state = CustomerImport.State.UNDONE
                run.save()
            return f"undone: {counts}"
        if run.state != CustomerImport.State.RUNNING:
            return f"nothing to do ({run.state})"
        table = read(bytes(run.content), run.filename, run.encoding, run.delimiter)
        checker = RowChecker(run.tenant, run.mapping)
        writer = Writer(run, run.by)
        while True:
            with transaction.atomic():
                relaxed_commit()
                run = CustomerImport.objects.select_for_update().defer("content").get(pk=run_id)
                if run.state != CustomerImport.State.RUNNING:
                    return "stopped"
                start = run.done
                chunk = table.rows[start : start + CHUNK]
                if not chunk:
                    run.state = CustomerImport.State.DONE
                    run.finished_at = timezone.now()
                    run.save()
                    return f"{run.created} created, {run.updated} updated"
                writer.run = run
                checked = [checker.check(start + i + 2, cells) for i, cells in enumerate(chunk)]
                try:
                    with transaction.atomic():
                        writer.write(checked)
                except Exception as error:
                    log.exception("import %s failed at row %s", run.pk, start + 2)
                    run.refresh_from_db()
                    run.state = CustomerImport.State.FAILED
                    run.report = [
                        *run.report,
                        [start + 2, "", "failed", f"{type(error).__name__}: {error}"[:300]],
                    ]
                    run.save()
                    return "failed"
                run.done = start + len(chunk)
                run.save()


def relaxed_commit() -> None:
    """On PostgreSQL, this transaction's commit does not wait for the disk (a quarter of an
    import's time went to it). Safe here: should the server stop, the last chunks are lost
    together with their progress, all or nothing, and the job writes them again."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")


def start_job(run) -> None:
    """Enqueue the run's job with the transaction that changed its state."""
    enqueue_with_transaction(run_import, run.pk)


def resume_stalled_imports(now: datetime.datetime) -> int:
    """The scheduler's sweep (jobs.schedule.SWEEPS): an import that has not moved for a while
    lost its job: enqueue it again (it goes on where it stopped)."""
    from django_scopes import scopes_disabled

    from customers.models import CustomerImport

    with scopes_disabled():
        stalled = list(
            CustomerImport.objects.filter(
                state__in=[CustomerImport.State.RUNNING, CustomerImport.State.UNDOING],
                updated_at__lt=now - STALLED_AFTER,
            ).values_list("pk", flat=True)[:50]
        )
        CustomerImport.objects.filter(pk__in=stalled).update(updated_at=now)
    for run_id in stalled:
        run_import.enqueue(run_id)
    return len(stalled)


PREVIEW_CHECKED = 20_000  # rows checked on the preview page (all of them, up to this)


@dataclass
class Preview:
    rows: list  # the first rows, as read, for the table
    checked: int
    errors: list  # Checked rows with errors (the first PREVIEW_ERRORS)
    error_count: int
    duplicates: int
    total: int
    checking: bool = False  # every row is being checked by a job (a big file)


PREVIEW_ERRORS = 200


def preview(run, table: Table) -> Preview:
    checker = RowChecker(run.tenant, run.mapping)
    existing = Existing()
    errors, error_count, duplicates = [], 0, 0
    checked_rows = table.rows[:PREVIEW_CHECKED]
    for i, cells in enumerate(checked_rows):
        checked = checker.check(i + 2, cells)
        if checked.errors:
            error_count += 1
            if len(errors) < PREVIEW_ERRORS:
                errors.append(checked)
        elif existing.find(checked.values):
            duplicates += 1
    return Preview(
        table.rows[:10], len(checked_rows), errors, error_count, duplicates, len(table.rows)
    )


def full_check_of(run) -> dict | None:
    """The job's check of every row for the run's current mapping, if there is one."""
    check = run.full_check or {}
    return check if check.get("mapping") == run.mapping else None


def preview_of(run, table: Table | None) -> Preview:
    """The preview page's numbers: every row checked here for a file of up to
    PREVIEW_CHECKED rows; for a bigger one, what the job checking every row has found so
    far (`table` may then be None: the page's polling needs only the numbers)."""
    check = full_check_of(run)
    if run.total <= PREVIEW_CHECKED or check is None:
        if table is None:
            return Preview([], 0, [], 0, 0, run.total, checking=True)
        return preview(run, table)
    errors = [
        Checked(number, values={"name": name}, errors=problems)
        for number, name, problems in check["errors"]
    ]
    return Preview(
        table.rows[:10] if table else [],
        check["checked"],
        errors,
        check["error_count"],
        check["duplicates"],
        run.total,
        checking=not check["done"],
    )


def start_full_check(run) -> None:
    """A file too big to check in a request: a job checks every row (for this mapping)."""
    from customers.models import CustomerImport

    run.full_check = {
        "mapping": dict(run.mapping),
        "checked": 0,
        "errors": [],
        "error_count": 0,
        "duplicates": 0,
        "done": False,
    }
    CustomerImport.objects.filter(pk=run.pk).update(full_check=run.full_check)
    enqueue_with_transaction(check_every_row, run.pk)


@task()
def check_every_row(run_id: int) -> str:
    """Every row of a big file checked with the run's mapping, the findings stored on the
    run as they come (every PROGRESS_EVERY rows), for the preview page."""
    from django_scopes import scope, scopes_disabled

    from customers.models import CustomerImport

    with scopes_disabled():
        run = CustomerImport.objects.select_related("tenant").get(pk=run_id)
    language = run.language or run.tenant.default_language
    with (
        scope(tenant=run.tenant),
        timezone.override(run.tenant.timezone),
        translation.override(language),
    ):
        if run.state != CustomerImport.State.MAPPING:
            return "not being prepared"
        table = read(bytes(run.content), run.filename, run.encoding, run.delimiter)
        mapping = dict(run.mapping)
        checker, existing = RowChecker(run.tenant, mapping), Existing()
        found = {
            "mapping": mapping,
            "checked": 0,
            "errors": [],
            "error_count": 0,
            "duplicates": 0,
            "done": False,
        }
        for i, cells in enumerate(table.rows):
            checked = checker.check(i + 2, cells)
            if checked.errors:
                found["error_count"] += 1
                if len(found["errors"]) < PREVIEW_ERRORS:
                    found["errors"].append([checked.number, checked.name, checked.errors])
            elif existing.find(checked.values):
                found["duplicates"] += 1
            found["checked"] = i + 1
            progress = found["checked"] % PROGRESS_EVERY == 0
            if progress and not CustomerImport.objects.filter(pk=run_id, mapping=mapping).update(
                full_check=found
            ):
                return "the mapping changed"
        found["done"] = True
        CustomerImport.objects.filter(pk=run_id, mapping=mapping).update(full_check=found)
        return f"{found['error_count']} rows with problems"


PROGRESS_EVERY = 5000
