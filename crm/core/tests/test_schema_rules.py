"""The rules that keep the scaling path open (docs/scaling.md): every tenant-owned table has
its own tenant column, and every unique constraint starts with it."""

import pytest
from django.apps import apps
from django.db import connection, models

from crm.core.models import Tenant, TenantOwned

OUR_APPS = {"crm", "customers", "notes", "catalog", "orders", "quickorder"}


def tenant_owned_models():
    return [
        m
        for m in apps.get_models()
        if m._meta.app_label in OUR_APPS and m is not Tenant and m._meta.model_name != "user"
    ]


@pytest.mark.parametrize("model", tenant_owned_models(), ids=lambda m: m._meta.label)
def test_every_tenant_owned_table_has_a_direct_tenant_column(model):
    assert issubclass(model, TenantOwned)
    field = model._meta.get_field("tenant")
    assert isinstance(field, models.ForeignKey) and field.related_model is Tenant


@pytest.mark.parametrize("model", tenant_owned_models(), ids=lambda m: m._meta.label)
def test_every_unique_constraint_starts_with_the_tenant(model):
    for constraint in model._meta.constraints:
        if not isinstance(constraint, models.UniqueConstraint):
            continue
        # Field constraints name the field; expression ones start with F("tenant").
        first = constraint.fields[0] if constraint.fields else constraint.expressions[0].name
        assert first == "tenant", constraint.name
    for field in model._meta.local_fields:
        assert not field.unique or field.primary_key, f"{field.name} is unique on its own"
    assert not model._meta.unique_together


@pytest.mark.django_db
def test_the_database_agrees():
    """Every unique index of a tenant-owned table (but the primary key) leads with tenant_id."""
    tables = {m._meta.db_table for m in tenant_owned_models()}
    with connection.cursor() as cursor:
        for table in tables:
            constraints = connection.introspection.get_constraints(cursor, table)
            for name, info in constraints.items():
                if info["unique"] and not info["primary_key"] and info["columns"]:
                    assert info["columns"][0] == "tenant_id", (table, name, info["columns"])
