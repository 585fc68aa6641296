"""SKUs unique under one case folding (crm.lib.text.fold), on every database alike."""

from django.db import migrations, models

from crm.lib.text import fold


def forwards(apps, schema_editor):
    """Fill sku_key. SKUs that were distinct under LOWER() but are one under fold keep
    their rows: the later ones get their id in the key (orders refer to them)."""
    product = apps.get_model("catalog", "Product")
    seen = set()
    rows = product._base_manager.order_by("tenant_id", "id").only("tenant_id", "sku")
    for row in rows.iterator(chunk_size=2000):
        value = fold(row.sku)
        if (row.tenant_id, value) in seen:
            value = f"{value}#{row.pk}"
        seen.add((row.tenant_id, value))
        product._base_manager.filter(pk=row.pk).update(sku_key=value)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="product", name="product_tenant_sku_uniq"),
        migrations.AddField(
            model_name="product",
            name="sku_key",
            field=models.CharField(default="", editable=False, max_length=150),
            preserve_default=False,
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="product",
            constraint=models.UniqueConstraint(
                fields=("tenant", "sku_key"),
                name="product_tenant_sku_uniq",
                violation_error_message="A product with this SKU already exists.",
            ),
        ),
    ]
