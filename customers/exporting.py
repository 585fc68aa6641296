"""The customers list as a spreadsheet (CSV or XLSX): the customers the list's search and
filters select, every field, the default address and every custom field, one row each.

Headers are the fields' names in the reader's language; values are written to be read
back: codes for choices ("current", "hot"), ISO dates, "yes"/"no", the phone in E.164,
tags separated by commas. No cell can run as a formula in a spreadsheet program: XLSX cells
are typed as text, and a CSV value that starts like a formula gets an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from customers.models import Address, Customer, CustomField

# Beyond this an XLSX file would take longer to build than a request may: CSV streams any
# number of rows.
XLSX_MAX_ROWS = 20_000
CHUNK = 2_000

FIELDS = [
    ("name", _("Name")),
    ("contact_person", _("Contact person")),
    ("email", _("Email")),
    ("phone", _("Phone")),
    ("tax_number", _("Tax/VAT number")),
    ("status", _("Status")),
    ("temperature", _("Temperature")),
    ("discount_percent", _("Discount %")),
    ("preferred_currency", _("Preferred currency")),
    ("preferred_language", _("Preferred language")),
    ("group", _("Group")),
    ("tags", _("Tags")),
    ("email_marketing_consent", _("Email marketing consent")),
    ("is_blocked", _("Blocked")),
    ("archived_at", _("Archived")),
    ("source", _("Source")),
    ("created_at", _("Added")),
    ("address_title", _("Address title")),
    ("address_recipient", _("Recipient")),
    ("address_line1", _("Address line 1")),
    ("address_line2", _("Address line 2")),
    ("address_city", _("City")),
    ("address_region", _("Region")),
    ("address_postal_code", _("Postal code")),
    ("address_country", _("Country")),
    ("address_phone", _("Address phone")),
]
ADDRESS_FIELDS = ["title", "recipient", "line1", "line2", "city", "region", "postal_code"]


def neutralise(value) -> str:
    """Text no spreadsheet runs as a formula (CSV injection): a leading =, +, -, @, tab or
    carriage return gets an apostrophe in front, as spreadsheet programs do themselves."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def headers(definitions: list[CustomField]) -> list[str]:
    return [str(label) for _code, label in FIELDS] + [d.label for d in definitions]


def customers_of(queryset):
    return (
        queryset.select_related("group")
        .prefetch_related(
            "tags",
            Prefetch(
                "addresses", queryset=Address.objects.filter(is_default=True), to_attr="default"
            ),
        )
        .order_by("name", "id")
    )


def row(customer: Customer, definitions: list[CustomField]) -> list:
    address = customer.default[0] if customer.default else None
    values = [
        customer.name,
        customer.contact_person,
        customer.email,
        customer.phone,
        customer.tax_number,
        customer.status,
        customer.temperature,
        format(customer.discount_percent.normalize(), "f"),
        customer.preferred_currency,
        customer.preferred_language,
        customer.group.name if customer.group_id else "",
        ", ".join(sorted(tag.name for tag in customer.tags.all())),
        yes_no(customer.email_marketing_consent),
        yes_no(customer.is_blocked),
        timezone.localdate(customer.archived_at).isoformat() if customer.archived_at else "",
        customer.source,
        timezone.localtime(customer.created_at).strftime("%Y-%m-%d %H:%M"),
        *(getattr(address, name) if address else "" for name in ADDRESS_FIELDS),
        address.country if address else "",
        address.phone if address else "",
    ]
    for definition in definitions:
        value = customer.custom_data.get(definition.key)
        if isinstance(value, bool):
            value = yes_no(value)
        values.append("" if value is None else value)
    return values


def rows(queryset, definitions: list[CustomField]) -> Iterator[list]:
    for customer in customers_of(queryset).iterator(chunk_size=CHUNK):
        yield row(customer, definitions)


def definitions() -> list[CustomField]:
    return list(CustomField.objects.filter(is_active=True).order_by("position", "label"))


class Echo:
    """A file that hands back what is written (for a streamed CSV)."""

    def write(self, value):
        return value


def csv_lines(queryset, fields: list[CustomField]) -> Iterator[str]:
    writer = csv.writer(Echo())
    yield "\ufeff"  # so spreadsheet programs read UTF-8
    yield writer.writerow(headers(fields))
    for values in rows(queryset, fields):
        yield writer.writerow([neutralise(value) for value in values])


def xlsx_bytes(queryset, fields: list[CustomField]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(_("Customers"))[:31])
    sheet.append(headers(fields))
    for values in rows(queryset, fields):
        cells = []
        for value in values:
            # XLSX cannot hold most control characters (CSV can): they are left out.
            cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
            cell.data_type = "s"  # text, never a formula (so no apostrophe is needed)
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
