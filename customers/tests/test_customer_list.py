import re

import pytest
from django_scopes import scopes_disabled

from conftest import make_customer
from customers import listing
from customers.models import Customer, CustomerGroup, Tag

URL = "/anka/customers/"


SECTION = re.compile(
    r'<section class="customer-section" aria-labelledby="section-(\w+)">(.*?)</section>', re.S
)
CARD_NAME = re.compile(r'<h3 class="customer-card__name"><a [^>]*>([^<]*)</a>')


def sections(response) -> dict[str, str]:
    """The sections of the page as shown: {key: their HTML}."""
    return dict(SECTION.findall(response.content.decode()))


def names(response, section):
    """The customers a section shows, in order."""
    from html import unescape

    return [unescape(name) for name in CARD_NAME.findall(sections(response)[section])]


def next_cursor(response, section) -> str:
    return re.search(rf"after_{section}=([^\"&]+)", sections(response)[section]).group(1)


@pytest.fixture
def mixed(tenant_a, tenant_b):
    for name, status, temp in [
        ("Zeta", "current", "cold"),
        ("Alpha", "current", "hot"),
        ("Lead Cold", "potential", "cold"),
        ("Lead Hot B", "potential", "hot"),
        ("Lead Hot A", "potential", "hot"),
        ("Lead Warm", "potential", "warm"),
        ("Lead Not", "potential", "not_interested"),
    ]:
        make_customer(tenant_a, name, status=status, temperature=temp)
    make_customer(tenant_b, "Other Tenant Lead", status="potential", temperature="hot")


def test_two_sections_current_by_name_potential_by_temperature(client_a, mixed):
    response = client_a.get(URL)
    assert response.status_code == 200
    assert names(response, "current") == ["Alpha", "Zeta"]
    assert names(response, "potential") == [
        "Lead Hot A",
        "Lead Hot B",
        "Lead Warm",
        "Lead Cold",
        "Lead Not",
    ]
    body = response.content.decode()
    assert body.index("Current customers") < body.index("Potential customers")
    assert "Other Tenant Lead" not in body


def test_filter_potential_and_hot_shows_the_best_leads_only(client_a, mixed):
    response = client_a.get(URL, {"status": "potential", "temperature": "hot"})
    assert list(sections(response)) == ["potential"]
    assert names(response, "potential") == ["Lead Hot A", "Lead Hot B"]


@pytest.mark.parametrize(
    "term",
    ["+90 532 111 22 33", "0532 111 2233", "5321112233", "532 111", "yildiz.example", "yıldız"],
    ids=["international", "national", "digits", "partial", "email", "name"],
)
def test_search_finds_customer_by_name_email_or_phone_in_any_format(client_a, customer_a, term):
    response = client_a.get(URL, {"q": term})
    assert names(response, "current") == ["Yıldız Ev Tekstili"]


def test_search_never_finds_other_tenants_customers(client_a, customer_a, customer_b):
    response = client_a.get(URL, {"q": "verde"})
    assert names(response, "current") == [] and names(response, "potential") == []
    response = client_a.get(URL, {"q": "0721 234 567"})
    assert names(response, "potential") == []


def test_filter_by_tag_and_group(client_a, tenant_a, tenant_b):
    with scopes_disabled():
        vip = Tag.objects.create(tenant=tenant_a, name="VIP")
        hotels = CustomerGroup.objects.create(tenant=tenant_a, name="Hotels")
        tagged = make_customer(tenant_a, "Tagged", status="current", group=hotels)
        tagged.tags.add(vip)
        make_customer(tenant_a, "Plain", status="current")
    assert names(client_a.get(URL, {"tag": vip.pk}), "current") == ["Tagged"]
    assert names(client_a.get(URL, {"group": hotels.pk}), "current") == ["Tagged"]


def test_filter_by_another_tenants_tag_is_a_validation_error_not_a_leak(client_a, tenant_b, mixed):
    with scopes_disabled():
        foreign = Tag.objects.create(tenant=tenant_b, name="Foreign")
    response = client_a.get(URL, {"tag": foreign.pk})
    assert response.status_code == 200
    assert "Other Tenant Lead" not in response.content.decode()


def test_archived_customers_are_hidden_and_listed_under_archived(client_a, tenant_a):
    from django.utils import timezone

    with scopes_disabled():
        make_customer(tenant_a, "Gone", status="current", archived_at=timezone.now())
        make_customer(tenant_a, "Here", status="current")
    assert names(client_a.get(URL), "current") == ["Here"]
    assert names(client_a.get(URL, {"archived": "true"}), "archived") == ["Gone"]


def test_keyset_pages_cover_every_customer_once(client_a, tenant_a):
    import re

    with scopes_disabled():
        for i in range(listing.PAGE_SIZE * 2 + 5):
            make_customer(tenant_a, f"C{i:03d}", status="current")
    seen, after = [], ""
    for _ in range(5):
        body = client_a.get(
            URL, {"section": "current", "after": after}, HTTP_HX_REQUEST="true"
        ).content.decode()
        assert "<html" not in body  # the "Show more" fragment only
        seen += re.findall(r'class="customer-card__name"><a [^>]*>([^<]+)</a>', body)
        more = re.search(r"section=current&amp;after=([\w-]+)", body)
        if not more:
            break
        after = more.group(1)
    assert seen == [f"C{i:03d}" for i in range(listing.PAGE_SIZE * 2 + 5)]


def test_cached_cards_follow_every_change(client_a, tenant_a, customer_a):
    from customers.models import Address

    client_a.get(URL)  # fills the card cache
    with scopes_disabled():
        Customer.objects.filter(pk=customer_a.pk).update(latest_note_excerpt="Fresh note")
        Address.objects.create(
            tenant=tenant_a,
            customer=customer_a,
            title="W",
            line1="New St 9",
            city="Bursa",
            country="TR",
            is_default=True,
        )
        customer_a.tags.add(Tag.objects.create(tenant=tenant_a, name="Brand-new tag"))
    body = client_a.get(URL).content.decode()
    assert "Fresh note" in body and "New St 9" in body and "Brand-new tag" in body


def test_show_more_without_javascript_is_a_plain_link(client_a, tenant_a):
    with scopes_disabled():
        for i in range(listing.PAGE_SIZE + 1):
            make_customer(tenant_a, f"C{i:03d}", status="current")
    first = client_a.get(URL)
    cursor = next_cursor(first, "current")
    assert f"after_current={cursor}" in first.content.decode()
    second = client_a.get(URL, {"after_current": cursor})
    assert names(second, "current") == [f"C{listing.PAGE_SIZE:03d}"]


def test_mangled_cursor_starts_from_the_beginning(client_a, mixed):
    response = client_a.get(URL, {"after_current": "!!not-a-cursor"})
    assert names(response, "current") == ["Alpha", "Zeta"]


def test_htmx_search_returns_only_the_results_partial(client_a, mixed):
    response = client_a.get(URL, {"q": "Alpha"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body
    assert "Alpha" in body
    assert response["Vary"].find("HX-Request") >= 0


def test_table_view_is_remembered(client_a, mixed):
    client_a.get(URL, {"view": "table"})
    response = client_a.get(URL)
    assert response.context["view_mode"] == "table"
    assert "<table" in response.content.decode()


def test_empty_tenant_shows_empty_state(client_a):
    body = client_a.get(URL).content.decode()
    assert "No customers yet" in body
    assert "/anka/customers/new/" in body


def test_card_shows_contact_discount_address_and_tags(client_a, tenant_a):
    from decimal import Decimal

    with scopes_disabled():
        c = make_customer(
            tenant_a,
            "Card Co",
            status="current",
            email="a@b.example",
            phone="+905321112233",
            discount_percent=Decimal("12.50"),
        )
        c.addresses.create(
            tenant=tenant_a,
            title="Work",
            line1="Atatürk Cad. 5",
            city="Bursa",
            country="TR",
            is_default=True,
        )
        c.tags.add(Tag.objects.create(tenant=tenant_a, name="VIP"))
        Customer.objects.filter(pk=c.pk).update(latest_note_excerpt="Call back on Monday")
    body = client_a.get(URL).content.decode()
    for text in [
        "Card Co",
        "a@b.example",
        "+90 532 111 22 33",
        "Atatürk Cad. 5",
        "12.50% discount",
        "VIP",
        "Call back on Monday",
    ]:
        assert text in body


@pytest.mark.parametrize(
    ("term", "columns"),
    [
        ("ayse@example.com", {"email"}),
        ("0532 111 22 33", {"tax_number", "phone_digits"}),
        ("Yıldız Ev", {"name", "contact_person"}),
        ("yildiz.example", {"name", "contact_person", "email"}),
        ("TR1234", {"name", "contact_person", "email", "tax_number"}),
        ("ab 12", {"name", "contact_person", "tax_number"}),
    ],
)
def test_search_probes_only_the_columns_the_term_can_match(term, columns):
    from customers.services import search_filter

    def lookups(q):
        for child in q.children:
            yield from lookups(child) if hasattr(child, "children") else [child[0]]

    probed = {lookup.split("__")[0] for lookup in lookups(search_filter(term))}
    assert probed == columns


@pytest.mark.parametrize(
    ("term", "field", "value"),
    [("example.com", "email", "owner@example.com"), ("RO 1234", "tax_number", "RO 12345678")],
)
def test_search_still_finds_emails_and_tax_numbers(client_a, tenant_a, term, field, value):
    with scopes_disabled():
        make_customer(tenant_a, "Plain Name", status="current", **{field: value})
    assert names(client_a.get(URL, {"q": term}), "current") == ["Plain Name"]


def test_filter_options_follow_tag_and_group_changes(client_a, tenant_a, tenant_b):
    """The options are cached per tenant; a change shows on the next page."""

    def options():
        body = client_a.get(URL).content.decode()
        return re.findall(r'<option value="\d+">([^<]+)</option>', body)

    assert options() == []
    with scopes_disabled():
        vip = Tag.objects.create(tenant=tenant_a, name="VIP")
        CustomerGroup.objects.create(tenant=tenant_a, name="Hotels")
        Tag.objects.create(tenant=tenant_b, name="Other tenant's tag")
    assert options() == ["VIP", "Hotels"]
    with scopes_disabled():
        vip.name = "Gold"
        vip.save()
    assert options() == ["Gold", "Hotels"]
    with scopes_disabled():
        vip.delete()
    assert options() == ["Hotels"]


def page_queries(view: str) -> int:
    """Session, user with membership, the sections (one UNION on PostgreSQL, one query per
    section on SQLite); for cards also the tags and the default addresses, for the table
    the bulk actions still running; the saved views (kept in the shared cache in
    production)."""
    from django.db import connection

    from conftest import staff_page_queries

    sections = 1 if connection.features.supports_slicing_ordering_in_compound else 2
    return staff_page_queries(sections + (2 if view == "cards" else 1) + 1)


@pytest.mark.parametrize("view", ["cards", "table"])
@pytest.mark.parametrize("count", [3, 40])
def test_exact_queries_of_each_view_at_two_sizes(
    client_a, tenant_a, django_assert_num_queries, view, count
):
    with scopes_disabled():
        vip = Tag.objects.create(tenant=tenant_a, name="VIP")
        for i in range(count):
            c = make_customer(
                tenant_a,
                f"C{i}",
                status="current" if i % 2 else "potential",
                last_order_ip="198.51.100.7",
            )
            c.tags.add(vip)
            c.addresses.create(
                tenant=tenant_a, title="Work", line1="x", city="y", country="TR", is_default=True
            )
    client_a.get(f"{URL}?view={view}")  # remember the view, warm the session
    with django_assert_num_queries(page_queries(view)):
        response = client_a.get(URL)
    body = response.content.decode()
    assert body.count("/anka/customers/") >= min(count, listing.PAGE_SIZE)
    if view == "table":
        assert "198.51.100.7" in body


def test_a_new_order_ip_shows_in_the_table_at_once(client_a, tenant_a, customer_a):
    client_a.get(f"{URL}?view=table")
    assert "203.0.113.9" not in client_a.get(URL).content.decode()
    with scopes_disabled():
        customer_a.last_order_ip = "203.0.113.9"
        customer_a.save(update_fields=["last_order_ip"])
    assert "203.0.113.9" in client_a.get(URL).content.decode()


def test_every_column_a_view_shows_is_in_its_query_and_its_key():
    """The one definition: the table row's template reads nothing the query leaves out."""
    import re
    from pathlib import Path

    from customers.displays import DISPLAYS, TABLE_COLUMNS, table_display

    root = Path(__file__).resolve().parents[2] / "templates"
    every_column = table_display(tuple(TABLE_COLUMNS))
    # The table reads each column only when chosen: checked with every one chosen.
    for display in [DISPLAYS["cards"], every_column]:
        source = (root / display.template).read_text()
        for included in re.findall(r'{% include "([^"]+)"', source):
            source += (root / included).read_text()
        read = set(re.findall(r"customer\.(\w+)", source))
        derived = {
            "pk": "id",
            "get_status_display": "status",
            "get_temperature_display": "temperature",
            "phone_display": "phone",
            "group": "group__name",
            "default_address": "address",
            "card_tags": "tags",
            "next_followup_days_left": "next_followup_on",
            "reorder_days_left": "reorder_due_on",
            "reorder_overdue_by": "reorder_due_on",
        }
        needed = {derived.get(name, name) for name in read}
        shown = set(display.query_columns)
        shown |= {"tags"} if display.tags else set()
        shown |= {"address"} if display.address else set()
        assert needed <= shown, (display.template, needed - shown)
