"""Export: the customers the list selects, every field, as CSV or XLSX; nothing runs as a
formula; another business's customers never appear."""

import csv
import io

import pytest
from django_scopes import scopes_disabled

from conftest import make_customer
from customers.models import CustomerGroup, CustomField, Tag


@pytest.fixture
def listed(tenant_a, customer_a):
    with scopes_disabled():
        group = CustomerGroup.objects.create(tenant=tenant_a, name="Toptan")
        vip = Tag.objects.create(tenant=tenant_a, name="VIP")
        CustomField.objects.create(tenant=tenant_a, label="Sector", key="sector")
        customer_a.group = group
        customer_a.custom_data = {"sector": "Otel"}
        customer_a.discount_percent = 12.5
        customer_a.save()
        customer_a.tags.add(vip)
        customer_a.addresses.create(
            tenant=tenant_a,
            title="Depo",
            line1="Kordon 1",
            city="İzmir",
            country="TR",
            is_default=True,
        )
        make_customer(tenant_a, '=HYPERLINK("http://evil")', status="potential")
        make_customer(tenant_a, "Lead Ltd", status="potential", temperature="cold")
    return customer_a


def read_csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_has_every_field_the_address_and_custom_fields(client_a, listed, customer_b):
    response = client_a.get("/anka/customers/export/?format=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="customers-')
    rows = read_csv(response)
    by_name = {row["Name"]: row for row in rows}
    assert "Cafeneaua Verde" not in by_name  # another business's
    row = by_name["Yıldız Ev Tekstili"]
    assert row["Email"] == "info@yildiz.example"
    assert row["Phone"] == "'+905321112233"  # starts like a formula: neutralised
    assert (row["Status"], row["Temperature"], row["Discount %"]) == ("current", "hot", "12.5")
    assert (row["Group"], row["Tags"], row["Sector"]) == ("Toptan", "VIP", "Otel")
    assert (row["Address title"], row["City"], row["Country"]) == ("Depo", "İzmir", "TR")
    assert row["Blocked"] == "no"
    assert '\'=HYPERLINK("http://evil")' in by_name


def test_the_export_follows_the_search_and_filters(client_a, listed):
    rows = read_csv(client_a.get("/anka/customers/export/?status=potential&temperature=cold"))
    assert [row["Name"] for row in rows] == ["Lead Ltd"]
    rows = read_csv(client_a.get("/anka/customers/export/?q=yildiz"))
    assert [row["Name"] for row in rows] == ["Yıldız Ev Tekstili"]


def test_headers_are_in_the_reader_s_language(client_a, listed):
    client_a.post("/i18n/language/", {"language": "tr", "next": "/anka/customers/"})
    rows = read_csv(client_a.get("/anka/customers/export/"))
    assert "Ad" in rows[0] or "İsim" in rows[0] or "Adı" in rows[0]


def test_xlsx_cells_are_text_never_formulas(client_a, listed):
    from openpyxl import load_workbook

    response = client_a.get("/anka/customers/export/?format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = values[0]
    names = [row[header.index("Name")] for row in values[1:]]
    assert '=HYPERLINK("http://evil")' in names
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert cells and all(cell.data_type == "s" for cell in cells)
    phone = values[1 + names.index("Yıldız Ev Tekstili")][header.index("Phone")]
    assert phone == "+905321112233"


def test_too_many_for_xlsx_says_so_and_offers_csv(client_a, listed, monkeypatch):
    from customers import exporting

    monkeypatch.setattr(exporting, "XLSX_MAX_ROWS", 1)
    response = client_a.get("/anka/customers/export/?format=xlsx&status=potential", follow=True)
    html = response.content.decode()
    assert "too many for one Excel file" in html
    assert response.redirect_chain[-1][0] == "/anka/customers/?status=potential"


def test_the_export_makes_the_same_queries_for_few_or_many(client_a, tenant_a, listed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            read_csv(client_a.get("/anka/customers/export/"))
        return len(queries)

    few = count()
    with scopes_disabled():
        for i in range(30):
            make_customer(tenant_a, f"More {i}").tags.add(Tag.objects.get(name="VIP"))
    assert count() == few


def test_xlsx_leaves_out_what_a_spreadsheet_cannot_hold(client_a, listed):
    from openpyxl import load_workbook

    with scopes_disabled():
        listed.contact_person = "Bob\x0b\x01"
        listed.save()
    response = client_a.get("/anka/customers/export/?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert "Bob" in [cell.value for row in sheet.iter_rows() for cell in row]
