"""Bulk seed for the benchmark with PostgreSQL COPY (no per-row saves).

10 tenants: one with BIG customers (100,000 by default), the others SMALL each (10,000);
per customer 3 notes and 2 addresses; 500 translated products per tenant; ORDERS orders
(20,000) with 3 lines each, spread over the tenants' customers; FOLLOWUPS (200,000) in the
big tenant, a fifth of them open. Prints the seconds taken.

Usage: python bench/seed.py DATABASE_URL   (the schema must be migrated)
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import psycopg

BIG = int(os.environ.get("BENCH_BIG", "100000"))
SMALL = int(os.environ.get("BENCH_SMALL", "10000"))
TENANTS = int(os.environ.get("BENCH_TENANTS", "10"))
PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "500"))
ORDERS = int(os.environ.get("BENCH_ORDERS", "20000"))
FOLLOWUPS = int(os.environ.get("BENCH_FOLLOWUPS", "200000"))
FOLLOWUP_TEXTS = ["Call back", "Send the price list", "Ask about the spring order", "Visit"]
LANGS = ["en", "tr", "ro", "ru", "fa"]

FIRST = [
    "Ayşe",
    "Mehmet",
    "Elena",
    "Ivan",
    "Maria",
    "Ali",
    "Zeynep",
    "Andrei",
    "Olga",
    "Reza",
    "Can",
    "Ioana",
    "Dmitri",
    "Sara",
    "Emre",
    "Vlad",
    "Nina",
    "Omid",
    "Deniz",
    "Irina",
]
LAST = [
    "Yılmaz",
    "Popescu",
    "Ivanov",
    "Demir",
    "Kaya",
    "Ionescu",
    "Petrov",
    "Karimi",
    "Şahin",
    "Stan",
    "Smirnov",
    "Ahmadi",
    "Çelik",
    "Dumitru",
    "Volkov",
    "Rahimi",
    "Aydın",
    "Marin",
]
TRADE = [
    "Tekstil",
    "Otel",
    "Cafe",
    "Market",
    "Bistro",
    "Hamam",
    "Spa",
    "Butik",
    "Atelier",
    "Magazin",
    "Lavka",
    "Forushgah",
]
TEMPS = [("hot", 0), ("warm", 1), ("cold", 2), ("not_interested", 3)]
NOTE = "Called about the spring order; wants samples of the new colours before deciding."


def copy(cur, table: str, columns: list[str], rows) -> None:
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy_:
        for row in rows:
            copy_.write_row(row)


def ids(cur, sql: str, *params) -> list[int]:
    cur.execute(sql, params)
    return [row[0] for row in cur.fetchall()]


def main(database_url: str) -> None:
    started = time.monotonic()
    rng = random.Random(42)
    now = datetime.now(UTC)
    with psycopg.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute("SET synchronous_commit = off")
        tenants = []
        for t in range(TENANTS):
            cur.execute(
                "INSERT INTO crm_tenant (name, slug, base_currency, currencies, default_language,"
                " quickorder_languages, logo, accent_colour, brand_description,"
                " notification_email, timezone, default_phone_region, is_active, created_at,"
                " customer_emails)"
                " VALUES (%s, %s, 'EUR', %s, 'en', %s, '', '#2563eb', '', '', 'UTC', 'TR',"
                ' true, now(), \'["new", "confirmed", "shipped"]\') RETURNING id',
                (
                    f"Bench {t}",
                    "big" if t == 0 else f"small{t}",
                    json.dumps(["USD"]),
                    json.dumps(LANGS),
                ),
            )
            tenants.append(cur.fetchone()[0])
        cur.execute(
            "INSERT INTO crm_user (password, is_superuser, username, first_name, last_name,"
            " email, is_staff, is_active, date_joined, language) VALUES"
            " (%s, true, 'bench', '', '', '', true, true, now(), 'en') RETURNING id",
            (os.environ["BENCH_PASSWORD_HASH"],),
        )
        user = cur.fetchone()[0]
        for tenant in tenants:
            cur.execute(
                "INSERT INTO crm_membership (tenant_id, user_id, role, created_at, reorder_digest,"
                " followup_digest) VALUES (%s, %s, 'owner', now(), false, false)",
                (tenant, user),
            )
            cur.execute(
                "INSERT INTO catalog_exchangerate (tenant_id, currency, rate, set_on)"
                " VALUES (%s, 'USD', 1.08, now())",
                (tenant,),
            )
            cur.execute(
                "INSERT INTO orders_ordercounter (tenant_id, last_number) VALUES (%s, 0)", (tenant,)
            )

        # Products, with names and descriptions in every language.
        for tenant in tenants:
            cur.execute(
                "INSERT INTO catalog_category (tenant_id, name, name_en, name_tr, name_ro,"
                " name_ru, name_fa, position) VALUES (%s, 'Goods', 'Goods', 'Ürünler',"
                " 'Produse', 'Товары', 'کالاها', 0) RETURNING id",
                (tenant,),
            )
            category = cur.fetchone()[0]
            copy(
                cur,
                "catalog_product",
                [
                    "tenant_id",
                    "sku",
                    "sku_key",
                    "name",
                    *[f"name_{x}" for x in LANGS],
                    "description",
                    *[f"description_{x}" for x in LANGS],
                    "category_id",
                    "unit",
                    "price",
                    "is_active",
                    "image",
                    "position",
                    "created_at",
                    "updated_at",
                ],
                (
                    (
                        tenant,
                        f"SKU-{i:04d}",
                        f"sku-{i:04d}",  # crm.lib.text.fold of the SKU
                        f"Product {i}",
                        *[f"Product {i} ({x})" for x in LANGS],
                        "Fine goods.",
                        *[f"Fine goods ({x})." for x in LANGS],
                        category,
                        "piece",
                        Decimal(rng.randint(100, 50000)) / 100,
                        True,
                        "",
                        i,
                        now,
                        now,
                    )
                    for i in range(PRODUCTS)
                ),
            )

        # Customers: current and potential, every temperature, a latest-note preview.
        for t, tenant in enumerate(tenants):
            count = BIG if t == 0 else SMALL
            rows = []
            for i in range(count):
                temp, rank = TEMPS[i % 4]
                name = (
                    f"{rng.choice(LAST)} {rng.choice(TRADE)} {i}"
                    if i % 3
                    else f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
                )
                phone = f"+90532{i:07d}"
                rows.append(
                    (
                        tenant,
                        name,
                        f"TR{i:010d}",
                        rng.choice(FIRST),
                        f"c{i}@t{t}.example",
                        phone,
                        phone[1:],
                        "current" if i % 5 < 3 else "potential",
                        temp,
                        rank,
                        Decimal(i % 20),
                        "EUR",
                        LANGS[i % 5],
                        "{}",
                        i % 7 == 0,
                        False,
                        "manual",
                        NOTE[:120],
                        now,
                        now - timedelta(minutes=i),
                        now,
                        1,
                        "",
                        "",
                        "",
                    )
                )
            copy(
                cur,
                "customers_customer",
                [
                    "tenant_id",
                    "name",
                    "tax_number",
                    "contact_person",
                    "email",
                    "phone",
                    "phone_digits",
                    "status",
                    "temperature",
                    "temperature_rank",
                    "discount_percent",
                    "preferred_currency",
                    "preferred_language",
                    "custom_data",
                    "email_marketing_consent",
                    "is_blocked",
                    "source",
                    "latest_note_excerpt",
                    "latest_note_at",
                    "created_at",
                    "updated_at",
                    "version",
                    "reorder_state",
                    "reorder_currency",
                    "next_followup_text",
                ],
                rows,
            )
        for tenant in tenants:
            customer_ids = ids(
                cur, "SELECT id FROM customers_customer WHERE tenant_id = %s", tenant
            )
            copy(
                cur,
                "customers_address",
                [
                    "tenant_id",
                    "customer_id",
                    "title",
                    "recipient",
                    "line1",
                    "line2",
                    "city",
                    "region",
                    "postal_code",
                    "country",
                    "phone",
                    "is_default",
                    "created_at",
                ],
                (
                    (
                        tenant,
                        c,
                        title,
                        "",
                        f"Street {c} No {k}",
                        "",
                        "İstanbul",
                        "",
                        "34000",
                        "TR",
                        "",
                        k == 0,
                        now,
                    )
                    for c in customer_ids
                    for k, title in enumerate(("Work", "Home"))
                ),
            )
            copy(
                cur,
                "notes_note",
                [
                    "tenant_id",
                    "customer_id",
                    "text",
                    "priority",
                    "priority_rank",
                    "created_at",
                    "updated_at",
                ],
                (
                    (tenant, c, NOTE, p, r, now - timedelta(hours=k), now)
                    for c in customer_ids
                    for k, (p, r) in enumerate((("high", 0), ("medium", 1), ("none", 2)))
                ),
            )

        # Follow-ups in the big tenant: FOLLOWUPS over a year around today, most of them
        # done; the open ones are the Today page's (all the bench user's, so "mine" and
        # "everyone's" read the same rows). The customers keep their next open one.
        customer_ids = ids(
            cur, "SELECT id FROM customers_customer WHERE tenant_id = %s", tenants[0]
        )
        today = now.date()
        copy(
            cur,
            "followups_followup",
            [
                "tenant_id",
                "customer_id",
                "text",
                "due_on",
                "due_time",
                "due_minute",
                "assignee_id",
                "created_by_id",
                "done_at",
                "done_by_id",
                "created_at",
                "updated_at",
            ],
            (
                (
                    tenants[0],
                    customer_ids[(i * 7) % len(customer_ids)],
                    FOLLOWUP_TEXTS[i % len(FOLLOWUP_TEXTS)],
                    today + timedelta(days=i % 365 - 182),
                    None if i % 3 else f"{9 + i % 8:02d}:30",
                    0 if i % 3 else (9 + i % 8) * 60 + 30,
                    user,
                    user,
                    None if i % 5 == 0 else now - timedelta(days=1),
                    None if i % 5 == 0 else user,
                    now - timedelta(days=200),
                    now,
                )
                for i in range(FOLLOWUPS)
            ),
        )
        cur.execute(
            "UPDATE customers_customer c SET next_followup_on = f.due_on,"
            " next_followup_time = f.due_time, next_followup_text = f.text"
            " FROM (SELECT DISTINCT ON (customer_id) customer_id, due_on, due_time, text"
            "       FROM followups_followup WHERE tenant_id = %s AND done_at IS NULL"
            "       ORDER BY customer_id, due_on, due_minute, id) f"
            " WHERE c.id = f.customer_id",
            (tenants[0],),
        )

        # Orders, mostly in the big tenant, 3 lines each, numbered per tenant.
        per_tenant = {tenants[0]: ORDERS // 2}
        for tenant in tenants[1:]:
            per_tenant[tenant] = (ORDERS - ORDERS // 2) // (TENANTS - 1)
        for tenant, count in per_tenant.items():
            customer_ids = ids(
                cur,
                "SELECT id FROM customers_customer WHERE tenant_id = %s ORDER BY id LIMIT 5000",
                tenant,
            )
            products = ids(cur, "SELECT id FROM catalog_product WHERE tenant_id = %s", tenant)
            copy(
                cur,
                "orders_order",
                [
                    "tenant_id",
                    "number",
                    "customer_id",
                    "status",
                    "currency",
                    "language",
                    "discount_percent",
                    "subtotal",
                    "discount_total",
                    "total",
                    "shipping_address",
                    "customer_note",
                    "source",
                    "idempotency_key",
                    "tracking",
                    "cancel_reason",
                    "created_at",
                    "updated_at",
                ],
                (
                    (
                        tenant,
                        n,
                        customer_ids[n % len(customer_ids)],
                        ("new", "confirmed", "in_production", "shipped", "delivered")[n % 5],
                        "EUR",
                        "en",
                        0,
                        Decimal("30.00"),
                        0,
                        Decimal("30.00"),
                        "{}",
                        "",
                        "staff",
                        f"seed-{n}",
                        "",
                        "",
                        now - timedelta(minutes=n),
                        now,
                    )
                    for n in range(1, count + 1)
                ),
            )
            cur.execute(
                "UPDATE orders_ordercounter SET last_number = %s WHERE tenant_id = %s",
                (count, tenant),
            )
            order_ids = ids(cur, "SELECT id FROM orders_order WHERE tenant_id = %s", tenant)
            copy(
                cur,
                "orders_orderline",
                [
                    "tenant_id",
                    "order_id",
                    "product_id",
                    "sku",
                    "name",
                    "unit",
                    "quantity",
                    "unit_price",
                    "discounted_unit_price",
                    "line_total",
                    "position",
                ],
                (
                    (
                        tenant,
                        o,
                        products[(o + k) % len(products)],
                        f"SKU-{k}",
                        f"Product {k}",
                        "piece",
                        1,
                        Decimal("10.00"),
                        Decimal("10.00"),
                        Decimal("10.00"),
                        k,
                    )
                    for o in order_ids
                    for k in range(3)
                ),
            )
        conn.commit()
        cur.execute("ANALYZE")
    print(
        json.dumps(
            {
                "seed_seconds": round(time.monotonic() - started, 1),
                "tenants": TENANTS,
                "big": BIG,
                "small": SMALL,
                "orders": ORDERS,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
