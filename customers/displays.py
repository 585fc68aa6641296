"""What a customer card or a table row shows: one definition for the query and the cache.

Each way of listing customers is one `Display`: its template, the customer's columns it
reads, and whether it shows tags and the default address. The query loads exactly those
columns (a column a template reads but the query did not load would cost one more query per
row; customers.listing), and the rendered card is cached under their values
(customers.card_cache), so it can never be stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

# What paging and the sections need, whatever is shown (customers.listing).
PAGING_COLUMNS = ("id", "tenant_id", "status", "temperature_rank", "name", "archived_at")


@dataclass(frozen=True)
class Display:
    template: str
    columns: tuple[str, ...]  # the customer's, "group__name" for the group's name
    tags: bool = False
    address: bool = False
    shown: tuple[str, ...] = ()  # the table's chosen columns (TABLE_COLUMNS), in order

    @property
    def query_columns(self) -> list[str]:
        return list(dict.fromkeys([*PAGING_COLUMNS, *self.columns]))

    @property
    def related(self) -> list[str]:
        return sorted({c.split("__")[0] for c in self.columns if "__" in c})

    def values(self, customer) -> list:
        """Everything the template shows of this customer, as plain values."""
        values = []
        for column in self.columns:
            if column == "group__name":
                values.append(customer.group.name if customer.group_id else "")
            elif column == "reorder_due_on" and customer.reorder_due_on:
                # "due in 3 days" changes with the day: a card is drawn again each day.
                values.append((customer.reorder_due_on.isoformat(), customer.reorder_days_left))
            elif column == "last_order_at" and customer.last_order_at:
                values.append(timezone.localdate(customer.last_order_at).isoformat())
            elif column == "next_followup_on" and customer.next_followup_on:
                values.append(
                    (customer.next_followup_on.isoformat(), customer.next_followup_days_left)
                )
            else:
                value = getattr(customer, column)
                values.append(value.isoformat() if hasattr(value, "isoformat") else value)
        if self.tags:
            values.append([(t.pk, t.name) for t in customer.card_tags])
        if self.address:
            address = customer.default_addresses[0] if customer.default_addresses else None
            values.append(address.one_line() if address else "")
        return values


DISPLAYS = {
    "cards": Display(
        "customers/_card.html",
        (
            "name",
            "email",
            "phone",
            "contact_person",
            "temperature",
            "discount_percent",
            "is_blocked",
            "latest_note_excerpt",
            "group__name",
            "reorder_state",
            "reorder_interval_days",
            "reorder_due_on",
            "next_followup_on",
            "next_followup_time",
            "next_followup_text",
        ),
        tags=True,
        address=True,
    ),
}

# The table view's columns a person may choose (the name is always there), with the
# customer's columns each reads; a saved view keeps the choice.
TABLE_COLUMNS = {
    "email": ("email",),
    "phone": ("phone",),
    "contact": ("contact_person",),
    "group": ("group__name",),
    "status": ("status", "temperature"),
    "discount": ("discount_percent",),
    "blocked": ("is_blocked",),
    "last_order": ("last_order_at",),
    "next_followup": ("next_followup_on", "next_followup_time", "next_followup_text"),
    "last_order_ip": ("last_order_ip",),
    "added": ("created_at",),
}
DEFAULT_TABLE_COLUMNS = ("email", "group", "status", "blocked", "last_order_ip", "added")


def chosen_columns(requested: list[str]) -> tuple[str, ...]:
    """The known columns among those asked for, in the table's order; the default set when
    none is."""
    wanted = set(requested)
    found = tuple(key for key in TABLE_COLUMNS if key in wanted)
    return found or DEFAULT_TABLE_COLUMNS


def table_display(shown: tuple[str, ...]) -> Display:
    columns = ["name"]
    for key in shown:
        columns.extend(TABLE_COLUMNS[key])
    return Display("customers/_row.html", tuple(dict.fromkeys(columns)), shown=shown)


DISPLAYS["table"] = table_display(DEFAULT_TABLE_COLUMNS)


def display_for(view_mode: str, columns: tuple[str, ...] = ()) -> Display:
    if view_mode == "table":
        return table_display(columns or DEFAULT_TABLE_COLUMNS)
    return DISPLAYS["cards"]
