"""Importing 100,000 customers on PostgreSQL (part of `make bench`): a CSV of 100,000 rows
(every column the export writes, a tenth of them customers already there, some rows with
problems) through the product's own code: the upload's reading, the preview's checks and
the import job. Prints the seconds and appends them to bench/RESULTS.md.
"""

from __future__ import annotations

import json
import os

from common import ROOT, fresh_database, manage, psql, server_env

DB = "crm_bench_import"
ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))

SCRIPT = """
import csv, io, json, time
from django.db import connection
from django_scopes import scope, scopes_disabled
from crm.core.models import Membership, Tenant, User
from customers import importing
from customers.models import Customer, CustomerImport, CustomField

ROWS = %d
PROFILE = %s
with scopes_disabled():
    tenant = Tenant.objects.create(name="Import", slug="import", base_currency="TRY",
        currencies=["EUR"], default_language="tr", quickorder_languages=["tr"],
        timezone="Europe/Istanbul", default_phone_region="TR")
    owner = User.objects.create_user("importer", password="x")
    Membership.objects.create(tenant=tenant, user=owner, role="owner")
    CustomField.objects.create(tenant=tenant, label="Sector", key="sector")
    Customer.objects.bulk_create([
        Customer(tenant=tenant, name=f"Existing {i}", email=f"c{i}@import.example",
                 preferred_currency="TRY", preferred_language="tr")
        for i in range(0, ROWS, 10)
    ])
out = io.StringIO()
writer = csv.writer(out)
writer.writerow(["Name", "Email", "Phone", "Status", "Temperature", "Discount %%", "Group",
                 "Tags", "Address line 1", "City", "Country", "Sector"])
for i in range(ROWS):
    writer.writerow([
        f"Customer {i}", f"c{i}@import.example", f"+90532{i:07d}",
        ("current", "potential")[i %% 2], ("hot", "warm", "cold")[i %% 3], i %% 20,
        f"Group {i %% 5}", "VIP, Fair" if i %% 4 == 0 else "", f"Street {i}", "Istanbul",
        "TR", "Hotel" if i %% 3 else "",
    ] if i %% 50 else [f"Bad {i}", "not-an-email", "12", "gold", "", "", "", "", "", "", "", ""])
content = out.getvalue().encode()
with scope(tenant=tenant):
    started = time.perf_counter()
    table = importing.read(content, "customers.csv")
    run = CustomerImport.objects.create(
        tenant=tenant, by=owner, filename="customers.csv", content=content,
        encoding=table.encoding, delimiter=table.delimiter, headers=table.headers,
        mapping=importing.guess_mapping(table.headers, list(CustomField.objects.all())),
        total=len(table.rows), duplicates="update",
    )
    uploaded = time.perf_counter() - started
    started = time.perf_counter()
    preview = importing.preview(run, table)
    previewed = time.perf_counter() - started
    CustomerImport.objects.filter(pk=run.pk).update(state="running")
started = time.perf_counter()
if PROFILE:
    import cProfile, pstats
    profiler = cProfile.Profile()
    profiler.enable()
importing.run_import.call(run.pk)
imported = time.perf_counter() - started
if PROFILE:
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
with scopes_disabled():
    run.refresh_from_db()
    print(json.dumps({
        "rows": ROWS, "upload_s": round(uploaded, 1), "preview_s": round(previewed, 1),
        "preview_checked": preview.checked, "import_s": round(imported, 1),
        "created": run.created, "updated": run.updated, "failed": run.failed,
        "customers": Customer.objects.filter(tenant=tenant).count(), "state": run.state,
        "mb": round(len(content) / 1e6, 1),
    }))
"""


def main() -> int:
    database_url = fresh_database(DB)
    env = server_env(database_url, REQUEST_LOG="0")
    manage(env, "migrate", "--no-input", "-v0")
    out = (
        manage(
            env,
            "shell",
            "-c",
            SCRIPT % (ROWS, bool(os.environ.get("BENCH_IMPORT_PROFILE"))),
            capture=True,
        )
        .strip()
        .splitlines()[-1]
    )
    result = json.loads(out)
    total = round(result["upload_s"] + result["import_s"], 1)
    lines = [
        "",
        f"## Import of {result['rows']:,} customers",
        "",
        f"A CSV of {result['rows']:,} rows ({result['mb']} MB, every column the export writes,"
        " one row in fifty with problems, a tenth matching customers already there, updated)"
        " through the product's code on PostgreSQL: reading the upload"
        f" {result['upload_s']} s, the preview's checks of the first"
        f" {result['preview_checked']:,} rows {result['preview_s']} s, the import job"
        f" {result['import_s']} s: **{total} s** from upload to the last row (goal: under"
        f" 120 s). Created {result['created']:,}, updated {result['updated']:,}, refused"
        f" {result['failed']:,}; {result['customers']:,} customers after; state"
        f" {result['state']}.",
        "",
        "Reproduce: `make bench` (or `cd bench && ../.venv/bin/python import_100k.py`; it creates"
        " and drops its own database `crm_bench_import`).",
        "",
    ]
    print("\n".join(lines))
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text() if results.exists() else ""
    marker = "\n## Import of "
    if marker in text:
        start = text.index(marker)
        following = text.find("\n## ", start + len(marker))
        text = text[:start] + (text[following:] if following != -1 else "")
    results.write_text(text.rstrip("\n") + "\n" + "\n".join(lines))
    psql(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
