from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.db.models.functions import Upper

from crm.lib.migration_ops import PostgresOnlyIndex

# Django's icontains compiles to UPPER(col) LIKE UPPER(%term%): index Upper(col).
SEARCH_INDEXES = [
    GinIndex(OpClass(Upper(column), name="gin_trgm_ops"), name=f"customer_trgm_{column}")
    for column in ("name", "email", "contact_person", "tax_number")
] + [GinIndex(OpClass("phone_digits", name="gin_trgm_ops"), name="customer_trgm_phone_digits")]


class Migration(migrations.Migration):
    dependencies = [("customers", "0001_initial")]

    operations = [
        TrigramExtension(),  # a no-op on SQLite
        *[PostgresOnlyIndex(model_name="customer", index=index) for index in SEARCH_INDEXES],
    ]
