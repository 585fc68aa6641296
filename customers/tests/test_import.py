"""Import: CSV in any common encoding and delimiter or XLSX, columns matched by their
headers in every language, every row checked before anything is written, duplicates
skipped, updated or created, run as a job, a report, undone as a whole; bad files get a
clear message; an export imports back unchanged."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django_scopes import scope, scopes_disabled

from conftest import make_customer
from customers import importing
from customers.models import (
    ActivityEvent,
    Customer,
    CustomerGroup,
    CustomerImport,
    CustomField,
    Tag,
)
from jobs.testing import run_jobs


def csv_bytes(rows, *, delimiter=",", encoding="utf-8", bom=False) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    data = out.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" if bom else b"") + data


def upload(client, content: bytes, name="customers.csv", encoding=""):
    return client.post(
        "/anka/customers/import/",
        {"file": SimpleUploadedFile(name, content), "encoding": encoding},
    )


def the_run(tenant) -> CustomerImport:
    with scope(tenant=tenant):
        return CustomerImport.objects.get()


def start(client, run, **mapping):
    data = {"start": "yes", "duplicates": mapping.pop("duplicates", run.duplicates)}
    for index, code in {**run.mapping, **mapping}.items():
        data[f"column_{index}"] = code
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/anka/customers/import/{run.pk}/", data)
    run_jobs()
    return response


TURKISH = [
    [
        "Ad",
        "E-posta",
        "Telefon",
        "Durum",
        "Sıcaklık",
        "Etiketler",
        "Grup",
        "Şehir",
        "Adres satırı 1",
        "Sector",
    ],
    [
        "Çınar Otel",
        "info@cinar.example",
        "0532 111 22 33",
        "Mevcut",
        "Sıcak",
        "VIP; Fuar",
        "Toptan",
        "İzmir",
        "Kordon 5",
        "Otel",
    ],
    ["Deniz Spa", "deniz@example", "12", "gold", "", "", "", "", "", ""],
]


@pytest.fixture
def sector(tenant_a):
    with scopes_disabled():
        CustomField.objects.create(tenant=tenant_a, label="Sector", key="sector")


def test_a_csv_is_matched_checked_and_imported(client_a, tenant_a, owner_a, sector):
    content = csv_bytes(TURKISH, delimiter=";", bom=True)
    response = upload(client_a, content)
    run = the_run(tenant_a)
    assert response["Location"] == f"/anka/customers/import/{run.pk}/"
    assert run.mapping == {
        "0": "name",
        "1": "email",
        "2": "phone",
        "3": "status",
        "4": "temperature",
        "5": "tags",
        "6": "group",
        "7": "address_city",
        "8": "address_line1",
        "9": "custom:sector",
    }
    page = client_a.get(response["Location"]).content.decode()
    assert "2 of 2 rows checked: 1 with problems" in page
    assert "Enter a valid email address." in page and "Unknown value “gold”." in page
    with scope(tenant=tenant_a):
        assert not Customer.objects.exists()  # nothing written before the import runs
    start(client_a, run)
    run = the_run(tenant_a)
    assert (run.state, run.created, run.failed, run.done) == ("done", 1, 1, 2)
    with scope(tenant=tenant_a):
        customer = Customer.objects.get()
        assert (customer.name, customer.phone, customer.status, customer.temperature) == (
            "Çınar Otel",
            "+905321112233",
            "current",
            "hot",
        )
        assert customer.source == "import" and customer.custom_data == {"sector": "Otel"}
        assert sorted(customer.tags.values_list("name", flat=True)) == ["Fuar", "VIP"]
        assert customer.group.name == "Toptan"
        assert customer.addresses.get().one_line().startswith("Kordon 5, İzmir")
        assert ActivityEvent.objects.get(customer=customer).kind == "created"
    report = client_a.get(f"/anka/customers/import/{run.pk}/report.csv").content.decode()
    assert "Deniz Spa" in report and "Enter a valid email address." in report


@pytest.mark.parametrize("encoding", ["cp1254", "cp1251", "cp1250"])
def test_windows_encodings_are_recognised(client_a, tenant_a, encoding):
    # A few rows, as a real file has: one name says little about its encoding.
    rows = {
        "cp1250": [
            ["Łódź Żółć Spółka", "Kraków"],
            ["Piekarnia Świętokrzyska", "Łódź"],
            ["Zakład Ślusarski Mańczak", "Gdańsk"],
            ["Kwiaciarnia Różana", "Wrocław"],
        ],
        "cp1254": [
            ["Işık Ağaç Şirketi", "İzmir"],
            ["Güneş Tekstil", "İstanbul"],
            ["Çınar Otel", "Muğla"],
            ["Özdemir Ticaret", "Şanlıurfa"],
        ],
        "cp1251": [
            ["Иван Петров и сыновья", "Москва"],
            ["Пекарня Хлеб", "Казань"],
            ["Текстиль Опт", "Новосибирск"],
        ],
    }[encoding]
    name = rows[0][0]
    content = csv_bytes([["Name", "Contact person"], *rows], encoding=encoding)
    upload(client_a, content)
    run = the_run(tenant_a)
    start(client_a, run)
    with scope(tenant=tenant_a):
        assert Customer.objects.filter(name=name).exists()


def test_a_wrong_encoding_chosen_says_so(client_a, tenant_a):
    content = csv_bytes([["Name"], ["Işık Ağaç Şirketi"]], encoding="cp1254")
    response = upload(client_a, content, encoding="utf-8")
    assert "The file is not written in utf-8" in response.content.decode()


def xlsx_bytes(rows, merge=None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_with_excel_dates_formulas_and_merged_cells(client_a, tenant_a):
    with scopes_disabled():
        CustomField.objects.create(
            tenant=tenant_a, label="Since", key="since", field_type=CustomField.Type.DATE
        )
    content = xlsx_bytes(
        [
            ["Name", "Since", "Contact person"],
            ["Excel Ltd", datetime.datetime(2024, 3, 1), "Ayla"],
            ["=cmd|' /C calc'!A0", datetime.datetime(2024, 3, 2), ""],
            ["Merged Ltd", None, "Can"],
            ["", None, ""],
        ],
        merge="C4:C5",
    )
    response = upload(client_a, content, name="customers.xlsx")
    page = client_a.get(response["Location"]).content.decode()
    assert "merged cells (C4:C5)" in page
    assert "holds a formula" in page
    start(client_a, the_run(tenant_a))
    with scope(tenant=tenant_a):
        assert Customer.objects.get(name="Excel Ltd").custom_data == {"since": "2024-03-01"}
        assert not Customer.objects.filter(name__startswith="=").exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "a.csv", "The file is empty."),
        (b"   \n", "a.csv", "The file is empty."),
        (b"Name,Email\n", "a.csv", "The file has column names but no customers."),
        (b"%PDF-1.4\x00\x00binary", "a.csv", "This is not a CSV or Excel file."),
        (b"PK\x03\x04broken zip", "a.xlsx", "The Excel file cannot be read"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "a.xls", "old Excel file (.xls)"),
    ],
    ids=["no-file", "blank", "headers-only", "binary", "broken-xlsx", "old-xls"],
)
def test_bad_files_get_a_clear_message(client_a, tenant_a, content, name, message):
    response = upload(client_a, content, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    with scope(tenant=tenant_a):
        assert not CustomerImport.objects.exists()


def test_a_50_mb_file_is_refused(client_a, tenant_a):
    content = b"Name\n" + b"x" * (50 * 1024 * 1024)
    response = upload(client_a, content)
    assert "larger than 20 MB" in response.content.decode()


@pytest.mark.parametrize(
    ("mode", "names", "emails"),
    [
        ("skip", ["Old Name"], ["old@example.com"]),
        ("update", ["New Name"], ["old@example.com"]),
        ("create", ["New Name", "Old Name"], ["old@example.com", "old@example.com"]),
    ],
)
def test_customers_already_here_are_skipped_updated_or_created(
    client_a, tenant_a, mode, names, emails
):
    with scopes_disabled():
        make_customer(tenant_a, "Old Name", email="old@example.com")
    upload(client_a, csv_bytes([["Name", "Email"], ["New Name", "OLD@example.com"]]))
    start(client_a, the_run(tenant_a), duplicates=mode)
    with scope(tenant=tenant_a):
        found = Customer.objects.order_by("name")
        assert sorted(found.values_list("name", flat=True)) == sorted(names)
        assert sorted(found.values_list("email", flat=True)) == emails


def test_a_file_listing_a_customer_twice_creates_one(client_a, tenant_a):
    rows = [["Name", "Phone"], ["Twice Ltd", "+905321112233"], ["Twice Ltd.", "0532 111 2233"]]
    upload(client_a, csv_bytes(rows))
    start(client_a, the_run(tenant_a), duplicates="skip")
    with scope(tenant=tenant_a):
        assert Customer.objects.count() == 1


def test_undo_takes_the_whole_import_back(client_a, tenant_a, customer_a):
    rows = [
        ["Name", "Email", "Tags"],
        ["Fresh Ltd", "fresh@example.com", "New tag"],
        ["Yıldız renamed", "info@yildiz.example", "VIP"],
    ]
    upload(client_a, csv_bytes(rows))
    start(client_a, the_run(tenant_a), duplicates="update")
    with scope(tenant=tenant_a):
        assert Customer.objects.get(pk=customer_a.pk).name == "Yıldız renamed"
    run = the_run(tenant_a)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_a.post(f"/anka/customers/import/{run.pk}/undo/")
    run_jobs()
    with scope(tenant=tenant_a):
        assert the_run(tenant_a).state == "undone"
        assert list(Customer.objects.values_list("name", flat=True)) == ["Yıldız Ev Tekstili"]
        assert not Customer.objects.get().tags.exists()
    assert client_a.post(f"/anka/customers/import/{run.pk}/undo/").status_code == 404


def test_an_export_imports_into_an_empty_business_unchanged(
    client, tenant_a, tenant_b, owner_a, owner_b, customer_a
):
    with scopes_disabled():
        for tenant in (tenant_a, tenant_b):
            CustomField.objects.create(tenant=tenant, label="Sector", key="sector")
        group = CustomerGroup.objects.create(tenant=tenant_a, name="Toptan")
        other = make_customer(
            tenant_a,
            "İkinci Ltd",
            status="potential",
            temperature="cold",
            email="iki@example.com",
            phone="+905551234567",
            contact_person="Ece",
            tax_number="TR123",
            group=group,
            discount_percent=7.5,
            preferred_currency="EUR",
            preferred_language="en",
            custom_data={"sector": "Kafe"},
            email_marketing_consent=True,
        )
        other.tags.add(Tag.objects.create(tenant=tenant_a, name="VIP"))
        other.addresses.create(
            tenant=tenant_a,
            title="Depo",
            line1="Sokak 1",
            city="Bursa",
            country="TR",
            postal_code="16000",
            is_default=True,
        )
        tenant_b.currencies = ["EUR"]
        tenant_b.base_currency = "TRY"
        tenant_b.save()
    client.force_login(owner_a)
    exported = b"".join(client.get("/anka/customers/export/").streaming_content)
    client.force_login(owner_b)
    response = client.post(
        "/bucur/customers/import/", {"file": SimpleUploadedFile("export.csv", exported)}
    )
    with scope(tenant=tenant_b):
        run = CustomerImport.objects.get()
    assert response["Location"] == f"/bucur/customers/import/{run.pk}/"
    assert "custom:sector" in run.mapping.values() and "address_postal_code" in run.mapping.values()
    data = {"start": "yes", "duplicates": "skip"}
    data.update({f"column_{i}": code for i, code in run.mapping.items()})
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"/bucur/customers/import/{run.pk}/", data)
    run_jobs()

    def described(tenant):
        with scope(tenant=tenant):
            return sorted(
                (
                    c.name,
                    c.email,
                    c.phone,
                    c.contact_person,
                    c.tax_number,
                    c.status,
                    c.temperature,
                    str(c.discount_percent),
                    c.preferred_currency,
                    c.preferred_language,
                    c.group.name if c.group else "",
                    sorted(c.tags.values_list("name", flat=True)),
                    c.custom_data,
                    c.email_marketing_consent,
                    c.is_blocked,
                    [a.one_line() for a in c.addresses.all()],
                )
                for c in Customer.objects.select_related("group")
            )

    assert described(tenant_b) == described(tenant_a)


def test_another_business_s_imports_give_404(client_a, tenant_b, owner_b):
    with scopes_disabled():
        run = CustomerImport.objects.create(
            tenant=tenant_b,
            by=owner_b,
            filename="b.csv",
            content=b"Name\nB\n",
            headers=["Name"],
            mapping={"0": "name"},
            state="done",
            total=1,
        )
    for method, path in [("get", ""), ("post", ""), ("get", "report.csv"), ("post", "undo/")]:
        response = getattr(client_a, method)(f"/anka/customers/import/{run.pk}/{path}")
        assert response.status_code == 404, path
    with scopes_disabled():
        assert CustomerImport.objects.get(pk=run.pk).state == "done"


def test_a_stopped_import_goes_on_where_it_was(client_a, tenant_a, monkeypatch):
    monkeypatch.setattr(importing, "CHUNK", 2)
    rows = [["Name"]] + [[f"Row {i}"] for i in range(5)]
    upload(client_a, csv_bytes(rows))
    run = the_run(tenant_a)
    with scope(tenant=tenant_a):
        CustomerImport.objects.filter(pk=run.pk).update(state="running")
        run.refresh_from_db()
        table = importing.read(bytes(run.content), run.filename)
        writer = importing.Writer(run, run.by)
        checker = importing.RowChecker(tenant_a, run.mapping)
        writer.write([checker.check(i + 2, cells) for i, cells in enumerate(table.rows[:2])])
        run.done = 2
        run.save()  # ...and the worker stopped here
    importing.run_import.call(run.pk)
    with scope(tenant=tenant_a):
        assert Customer.objects.count() == 5
        assert the_run(tenant_a).state == "done"


def test_mapping_needs_a_name_and_each_field_once(client_a, tenant_a):
    upload(client_a, csv_bytes([["Name", "Email"], ["A", "a@example.com"]]))
    run = the_run(tenant_a)
    response = client_a.post(
        f"/anka/customers/import/{run.pk}/",
        {"column_0": "email", "column_1": "email", "start": "yes"},
        follow=True,
    )
    assert "Two columns are matched to one field" in response.content.decode()
    response = client_a.post(
        f"/anka/customers/import/{run.pk}/", {"column_1": "email", "start": "yes"}, follow=True
    )
    assert "Match a column to Name" in response.content.decode()
    assert the_run(tenant_a).state == "mapping"


def test_a_failure_while_writing_stops_the_import_clearly(client_a, tenant_a, monkeypatch):
    upload(client_a, csv_bytes([["Name"], ["First"], ["Second"]]))
    run = the_run(tenant_a)

    def broken(self, rows):
        raise RuntimeError("the database said no")

    monkeypatch.setattr(importing.Writer, "create", broken)
    start(client_a, run)
    run = the_run(tenant_a)
    assert run.state == "failed"
    assert "the database said no" in run.report[-1][3]
    page = client_a.get(f"/anka/customers/import/{run.pk}/").content.decode()
    assert "The import stopped at an error" in page and "every 2s" not in page
    with scope(tenant=tenant_a):
        assert not Customer.objects.exists()


def test_an_email_too_long_for_the_field_is_a_row_error(client_a, tenant_a):
    long_email = "a" * 60 + "@" + "b" * 200 + ".example"
    upload(client_a, csv_bytes([["Name", "Email"], ["Long", long_email], ["Fine", ""]]))
    start(client_a, the_run(tenant_a))
    run = the_run(tenant_a)
    assert (run.state, run.created, run.failed) == ("done", 1, 1)


def test_odd_files_from_the_review_never_give_500(client_a, tenant_a):
    import zipfile

    # A BOM, then bytes that are not UTF-8.
    response = upload(client_a, b"\xef\xbb\xbfName\nI\xfe\xfdk\n")
    assert "The file is not written in UTF-8" in response.content.decode()
    # A worksheet whose XML is broken.
    good = xlsx_bytes([["Name"], ["A"]])
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"<row", b"<row <<", 1)
            target.writestr(item, data)
    response = upload(client_a, broken.getvalue(), name="broken.xlsx")
    assert "The Excel file cannot be read" in response.content.decode()
    # One cell far out: the sheet says it is 16,384 columns wide.
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "Name"
    book.active["A2"] = "Far Ltd"
    book.active["XFD3000"] = "x"
    out = io.BytesIO()
    book.save(out)
    response = upload(client_a, out.getvalue(), name="far.xlsx")
    assert response.status_code == 302


def test_control_characters_are_left_out(client_a, tenant_a):
    content = b"Name,Contact person\n" + b"A" * 5000 + b",x\nNul\x00Ltd,Ay\x1bla\n"
    upload(client_a, content)
    start(client_a, the_run(tenant_a))
    with scope(tenant=tenant_a):
        assert Customer.objects.get(name="NulLtd").contact_person == "Ayla"


def test_undo_of_a_customer_updated_twice_gives_back_the_original(client_a, tenant_a):
    with scopes_disabled():
        make_customer(tenant_a, "Orig", email="o@example.com", phone="+905321112233")
    rows = [
        ["Name", "Email", "Phone"],
        ["First", "o@example.com", ""],
        ["Second", "", "+905321112233"],
    ]
    upload(client_a, csv_bytes(rows))
    start(client_a, the_run(tenant_a), duplicates="update")
    with scope(tenant=tenant_a):
        assert Customer.objects.get().name == "Second"
    run = the_run(tenant_a)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_a.post(f"/anka/customers/import/{run.pk}/undo/")
    run_jobs()
    with scope(tenant=tenant_a):
        assert Customer.objects.get().name == "Orig"


def test_undo_when_the_old_group_was_deleted_since(client_a, tenant_a):
    with scopes_disabled():
        old = CustomerGroup.objects.create(tenant=tenant_a, name="Old")
        make_customer(tenant_a, "Grouped", email="g@example.com", group=old)
    upload(client_a, csv_bytes([["Name", "Email", "Group"], ["Grouped", "g@example.com", "New"]]))
    start(client_a, the_run(tenant_a), duplicates="update")
    with scopes_disabled():
        CustomerGroup.objects.filter(name="Old").delete()
    run = the_run(tenant_a)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_a.post(f"/anka/customers/import/{run.pk}/undo/")
    run_jobs()
    with scope(tenant=tenant_a):
        assert the_run(tenant_a).state == "undone"
        assert Customer.objects.get().group is None


def test_consent_time_default_group_tax_numbers_and_required_fields(client_a, tenant_a):
    with scopes_disabled():
        CustomerGroup.objects.create(tenant=tenant_a, name="Retail", is_default=True)
        CustomField.objects.create(tenant=tenant_a, label="Region code", key="rc", required=True)
        make_customer(tenant_a, "Taxed", tax_number="TR123456")
    rows = [
        ["Name", "Email marketing consent", "Tax/VAT number", "Region code"],
        ["Consenting", "yes", "", "34"],
        ["Same tax", "", "tr 123-456", "34"],
        ["No region", "", "", ""],
    ]
    upload(client_a, csv_bytes(rows))
    start(client_a, the_run(tenant_a), duplicates="skip")
    run = the_run(tenant_a)
    assert (run.created, run.skipped, run.failed) == (1, 1, 1)
    with scope(tenant=tenant_a):
        customer = Customer.objects.get(name="Consenting")
        assert customer.email_marketing_consent_at is not None
        assert customer.group.name == "Retail"


def test_a_big_file_has_every_row_checked_by_a_job(client_a, tenant_a, monkeypatch):
    monkeypatch.setattr(importing, "PREVIEW_CHECKED", 2)
    monkeypatch.setattr(importing, "PROGRESS_EVERY", 2)
    rows = [["Name", "Email"]] + [[f"Row {i}", f"r{i}@example.com"] for i in range(4)]
    rows.append(["Bad", "not-an-email"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = upload(client_a, csv_bytes(rows))
    page = client_a.get(response["Location"]).content.decode()
    assert "is being checked" in page and 'hx-trigger="every 3s"' in page
    run_jobs()
    run = the_run(tenant_a)
    assert run.full_check["done"] and run.full_check["checked"] == 5
    page = client_a.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert "5 of 5 rows checked: 1 with problems" in page and "every 3s" not in page
    assert "Enter a valid email address." in page
    # Another mapping: every row again.
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_a.post(response["Location"], {"column_0": "name"})
    assert the_run(tenant_a).full_check["checked"] == 0
    run_jobs()
    page = client_a.get(response["Location"]).content.decode()
    assert "5 of 5 rows checked: 0 with problems" in page
