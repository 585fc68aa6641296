"""Fault test: PostgreSQL is restarted under a steady load of quick-order submissions.

Requests during the outage must fail cleanly (503, never a 500 or a half-written order),
the servers must recover on their own, and afterwards every acknowledged order must exist
exactly once with all its lines. Run by CI (`python bench/fault_test.py`) after the suite;
it restarts the local PostgreSQL server, so nothing else may be using it at that moment.

Prints the figures (acknowledged, lost, duplicated, partial, clean failures) and exits 1 on
any lost, duplicated or partial order, or any 500.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

from common import Client, fresh_database, gunicorn, manage, new_key, psql, server_env

DURATION = float(os.environ.get("FAULT_SECONDS", "16"))
RESTART_AT = float(os.environ.get("FAULT_RESTART_AT", "5"))
THREADS = int(os.environ.get("FAULT_THREADS", "6"))
DB = "crm_fault_test"

SEED = """
import json
from decimal import Decimal
from django_scopes import scope, scopes_disabled
from crm.core.models import Tenant, User
from catalog.models import Product
from customers.models import Customer
from quickorder.services import generate_link
from quickorder.tokens import make_token
with scopes_disabled():
    tenant = Tenant.objects.create(name="Fault", slug="fault", base_currency="EUR")
    user = User.objects.create(username="fault")
    products = [Product.objects.create(tenant=tenant, sku=f"P{i}", name_en=f"P{i}",
                                       price=Decimal("9.99")) for i in range(3)]
    customers = [Customer.objects.create(tenant=tenant, name=f"C{i}", preferred_currency="EUR",
                                         preferred_language="en") for i in range(%d)]
with scope(tenant=tenant):
    tokens = [make_token(generate_link(c, by=user)) for c in customers]
print(json.dumps({"tokens": tokens, "products": [p.pk for p in products]}))
"""


def restart_postgres() -> float:
    version = sorted(Path("/etc/postgresql").iterdir())[0].name
    started = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
        capture_output=True,
    )
    for _ in range(300):
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0:
            break
        time.sleep(0.1)
    return time.monotonic() - started


def worker(base, token, products, stop, results, lock):
    client = Client(base)
    while not stop.is_set():
        key = new_key()
        try:
            client.get(f"/q/{token}/")
            status, _, _ = client.post(
                f"/q/{token}/cart/add/", {"product": products[0], "quantity": "2"}, timeout=5
            )
            if status not in (302, 200):
                with lock:
                    results["statuses"][status] += 1
                time.sleep(0.2)
                continue
            client.post(
                f"/q/{token}/cart/add/", {"product": products[1], "quantity": "1"}, timeout=5
            )
            status, headers, _ = client.post(
                f"/q/{token}/checkout/", {"address": "", "idempotency_key": key}, timeout=10
            )
        except OSError:
            with lock:
                results["statuses"]["connection error"] += 1
            time.sleep(0.2)
            continue
        with lock:
            results["statuses"][status] += 1
            if status == 302 and "/orders/" in headers.get("Location", ""):
                number = int(re.search(r"/orders/(\d+)/", headers["Location"]).group(1))
                results["acknowledged"].append((key, number))
        if status != 302:
            time.sleep(0.2)


def main() -> int:
    database_url = fresh_database(DB)
    env = server_env(
        database_url, CONN_MAX_AGE="60", CONN_HEALTH_CHECKS="1", QUICKORDER_ORDERS_PER_LINK="100000"
    )
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    seeded = json.loads(
        manage(env, "shell", "-c", SEED % THREADS, capture=True).strip().splitlines()[-1]
    )
    results = {"statuses": Counter(), "acknowledged": []}
    lock, stop = threading.Lock(), threading.Event()
    with gunicorn(env, workers=2) as (base, _process):
        threads = [
            threading.Thread(
                target=worker, args=(base, token, seeded["products"], stop, results, lock)
            )
            for token in seeded["tokens"]
        ]
        for thread in threads:
            thread.start()
        time.sleep(RESTART_AT)
        downtime = restart_postgres()
        time.sleep(max(0.0, DURATION - RESTART_AT - downtime))
        stop.set()
        for thread in threads:
            thread.join()
        healthy = Client(base).get("/healthz")[0] == 200

    acknowledged = results["acknowledged"]
    # An order is whole when it has lines and its total is the sum of its line totals.
    rows = psql(
        "SELECT o.number, o.idempotency_key, count(l.id),"
        " (o.total = coalesce(sum(l.line_total), -1))::int"
        " FROM orders_order o LEFT JOIN orders_orderline l ON l.order_id = o.id"
        " GROUP BY o.id",
        DB,
    ).split()
    stored = {}
    for row in rows:
        number, key, lines, total_matches = row.split("|")
        stored.setdefault(key, []).append((int(number), int(lines), total_matches == "1"))
    lost = [k for k, _ in acknowledged if k not in stored]
    duplicated = [k for k, v in stored.items() if len(v) > 1]
    partial = [k for k, v in stored.items() if any(not n or not ok for _, n, ok in v)]
    numbers = sorted(n for v in stored.values() for n, _, _ in v)
    gap_free = numbers == list(range(1, len(numbers) + 1))
    report = {
        "seconds": DURATION,
        "restart_downtime_s": round(downtime, 2),
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "lost": len(lost),
        "duplicated": len(duplicated),
        "partial": len(partial),
        "numbers_gap_free": gap_free,
        "recovered": healthy,
        "responses": {str(k): v for k, v in sorted(results["statuses"].items(), key=str)},
    }
    print("fault test:", json.dumps(report))
    psql(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    failed = (
        lost
        or duplicated
        or partial
        or not gap_free
        or not healthy
        or results["statuses"].get(500, 0)
        or not acknowledged
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
