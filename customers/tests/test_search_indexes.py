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


@pytest.mark.django_db
def test_searches_stay_right_and_scoped_once_prepared(tenant_a, tenant_b):
    """PostgreSQL plans a prepared statement once for any parameters (crm/settings.py): the
    same search, repeated past psycopg's threshold with other terms and another tenant, must
    still find exactly each tenant's matches."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    from django_scopes import scope

    from conftest import make_customer
    from customers.models import Customer
    from customers.services import search_filter

    with scope(tenant=tenant_a):
        for n in range(8):
            make_customer(tenant_a, f"Anka Kumaş {n}", email=f"k{n}@anka.example")
    with scope(tenant=tenant_b):
        for n in range(8):
            make_customer(tenant_b, f"Birch Kumaş {n}", email=f"k{n}@birch.example")

    def search(tenant, term):
        with scope(tenant=tenant):
            query = Customer.objects.active().filter(search_filter(term)).order_by("name")
            return list(query.values_list("name", flat=True))

    for n in range(8):
        assert search(tenant_a, f"kumaş {n}") == [f"Anka Kumaş {n}"]
        assert search(tenant_b, f"KUMAŞ {n}") == [f"Birch Kumaş {n}"]
    assert search(tenant_a, "kumaş") == [f"Anka Kumaş {n}" for n in range(8)]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%customers_customer%UPPER%LIKE%"],
        )
        assert cursor.fetchone()[0] >= 1


@pytest.mark.django_db(transaction=True)
def test_statements_are_planned_for_their_values_except_where_allowed():
    """A search is planned for its own term (crm/settings.py); an order's transaction lets
    PostgreSQL reuse plans until it ends (crm.lib.compiled.allow_generic_plans)."""
    if connection.vendor != "postgresql":
        pytest.skip("plan_cache_mode is PostgreSQL's")
    from django.db import transaction

    from crm.lib.plans import allow_generic_plans

    def mode():
        with connection.cursor() as cursor:
            cursor.execute("SHOW plan_cache_mode")
            return cursor.fetchone()[0]

    assert mode() == "force_custom_plan"
    allow_generic_plans()  # outside a transaction: nothing to allow it for
    assert mode() == "force_custom_plan"
    with transaction.atomic():
        with transaction.atomic():  # a caller's transaction: not this code's to change
            allow_generic_plans()
            assert mode() == "force_custom_plan"
        allow_generic_plans()
        assert mode() == "auto"
    assert mode() == "force_custom_plan"


@pytest.mark.django_db
def test_more_rows_than_a_bound_statement_takes_parameters_for(tenant_a):
    """Bound parameters are limited to 65,535 a statement (crm/postgresql): bulk-creating
    and deleting more rows than that at once is split into statements that fit."""
    if connection.vendor != "postgresql":
        pytest.skip("the limit is PostgreSQL's protocol's")
    from django_scopes import scope

    from customers.models import Tag

    count = 70_000  # two parameters a row to create, one to delete: both over the limit
    with scope(tenant=tenant_a):
        Tag.objects.bulk_create(Tag(tenant=tenant_a, name=f"t{n}") for n in range(count))
        assert Tag.objects.count() == count
        deleted, _ = Tag.objects.all().delete()  # Tag has delete signals: ids are listed
        assert deleted == count
        assert not Tag.objects.exists()
