import pytest
from django.db import connection


@pytest.mark.django_db
def test_trigram_indexes_exist_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("trigram indexes are PostgreSQL-only")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customers_customer'"
        )
        indexes = dict(cursor.fetchall())
    for column in ("name", "email", "contact_person", "tax_number"):
        definition = indexes[f"customer_trgm_{column}"]
        assert "gin" in definition and "upper" in definition and "gin_trgm_ops" in definition
    assert "gin_trgm_ops" in indexes["customer_trgm_phone_digits"]
