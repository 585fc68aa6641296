"""Search at 1,000,000 customers (`make bench-search`): the query alone, for selective terms.

Seeds a database of its own (`crm_bench_million`) with one tenant of 1,000,000 customers
(and a small second tenant, so the tenant filter has something to exclude), then times
the customers-page search query through the ORM for terms that match a handful of rows,
and prints the plan of the slowest. Appends its table to bench/RESULTS.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from common import ROOT, fresh_database, manage, psql, server_env

DB = "crm_bench_million"
SIZE = int(os.environ.get("BENCH_MILLION", "1000000"))

TIMING = """
import json, time
from django_scopes import scope
from crm.core.models import Tenant
from customers.models import Customer
from customers.services import search_filter
tenant = Tenant.objects.get(slug="big")
timings, plans = {}, {}
with scope(tenant=tenant):
    # Customer 777,121 of the seed is a current one; each term finds it and only it.
    name = Customer.objects.get(email="c777121@t0.example").name
    terms = {
        "whole name": name,
        "number in a name": "777121",
        "email": "c777121@t0",
        "phone, other format": "0532 077 7121",
        "tax number": "TR0000777121",
        "last name (many rows)": name.split()[0],
    }
    total = Customer.objects.count()
    for label, term in terms.items():
        qs = (Customer.objects.active().filter(search_filter(term)).filter(status="current")
              .order_by("name", "id")[:25])
        rows = len(list(qs.all()))
        started = time.perf_counter()
        for _ in range(20):
            list(qs.all())
        timings[label] = (term, rows, round((time.perf_counter() - started) / 20 * 1000, 2))
        plans[label] = qs.explain(analyze=True)
slowest = max(timings, key=lambda k: timings[k][2])
print(json.dumps({"customers": total, "timings": timings, "slowest": slowest,
                  "plan": plans[slowest]}))
"""


def main() -> int:
    database_url = fresh_database(DB)
    env = server_env(database_url)
    manage(env, "migrate", "--no-input", "-v0")
    started = time.monotonic()
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "seed.py"), database_url],
        env={
            **env,
            "BENCH_PASSWORD_HASH": "!",
            "BENCH_BIG": str(SIZE),
            "BENCH_SMALL": "1000",
            "BENCH_TENANTS": "2",
            "BENCH_PRODUCTS": "10",
            "BENCH_ORDERS": "100",
        },
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = round(time.monotonic() - started, 1)
    subprocess.run(["psql", database_url, "-qc", "VACUUM ANALYZE"], check=True)
    out = manage(env, "shell", "-c", TIMING, capture=True).strip().splitlines()[-1]
    result = json.loads(out)
    lines = [
        "",
        f"## Search at {result['customers']:,} customers",
        "",
        f"One tenant of {SIZE:,} customers (seeded in {seconds} s, with notes and addresses), "
        "the customers-page search query alone through the ORM (current section, first 25), "
        "20 runs each:",
        "",
        "| term | searched for | rows | ms per query |",
        "|---|---|---:|---:|",
    ]
    for label, (term, rows, ms) in result["timings"].items():
        lines.append(f"| {label} | `{term}` | {rows} | {ms} |")
    lines += [
        "",
        f"Plan of the slowest ({result['slowest']}):",
        "",
        "```",
        result["plan"],
        "```",
        "",
        "Reproduce: `make bench-search` (creates and drops its own database `crm_bench_million`).",
        "",
    ]
    print("\n".join(lines))
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text() if results.exists() else ""
    marker = "\n## Search at "
    if marker in text:
        text = text[: text.index(marker)]
    results.write_text(text.rstrip("\n") + "\n" + "\n".join(lines))
    psql(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')  # leave nothing big behind
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
