"""`make backup` then `make restore` into a fresh database gives the same data."""

import os
import subprocess
import uuid
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def fingerprint(database_url: str) -> dict:
    """Row counts of every table, and a checksum of the orders and their lines."""
    with psycopg.connect(database_url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        orders = conn.execute(
            "SELECT md5(string_agg(o.tenant_id || ':' || o.number || ':' || o.total || ':' ||"
            " o.status || ':' || l.sku || 'x' || l.quantity, ',' ORDER BY o.id, l.id))"
            " FROM orders_order o JOIN orders_orderline l ON l.order_id = o.id"
        ).fetchone()[0]
    return {"counts": counts, "orders": orders}


def test_backup_restores_into_a_fresh_database(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("backups are of PostgreSQL")
    call_command("seed_demo", stdout=StringIO())
    source = url(connection.settings_dict["NAME"])
    env = {**os.environ, "DATABASE_URL": source, "BACKUP_DIR": str(tmp_path)}
    subprocess.run(
        ["make", "-s", "backup"], cwd=ROOT, env=env, check=True, timeout=300, capture_output=True
    )
    dump = next(tmp_path.glob("crm-*.dump"))
    fresh = f"crm_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        env = {**os.environ, "DATABASE_URL": url(fresh), "FILE": str(dump)}
        subprocess.run(
            ["make", "-s", "restore"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
            capture_output=True,
        )
        before, after = fingerprint(source), fingerprint(url(fresh))
    finally:
        with psycopg.connect(url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
    assert before["counts"]["orders_order"] > 10
    assert before["orders"] is not None
    assert after == before
