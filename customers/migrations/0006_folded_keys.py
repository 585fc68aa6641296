"""Tag and group names unique under one case folding (crm.lib.text.fold), and emails stored in
lower case, so lookups and uniqueness agree on every database."""

from django.db import migrations, models

from crm.lib.text import fold, normalize_email


def fill_keys(model, source, key):
    """Fill `key` with fold(source). Names that were distinct under LOWER() but are one
    under fold ("Straße" and "STRASSE") keep their rows: the later ones get their id in
    the key, so nothing is merged or lost, and a new entry finds the oldest."""
    seen = set()
    rows = model._base_manager.order_by("tenant_id", "id").only("tenant_id", source)
    for row in rows.iterator(chunk_size=2000):
        value = fold(getattr(row, source))
        if (row.tenant_id, value) in seen:
            value = f"{value}#{row.pk}"
        seen.add((row.tenant_id, value))
        model._base_manager.filter(pk=row.pk).update(**{key: value})


def forwards(apps, schema_editor):
    fill_keys(apps.get_model("customers", "Tag"), "name", "name_key")
    fill_keys(apps.get_model("customers", "CustomerGroup"), "name", "name_key")
    customer = apps.get_model("customers", "Customer")
    rows = customer._base_manager.exclude(email="").only("email")
    for row in rows.iterator(chunk_size=2000):
        email = normalize_email(row.email)
        if email != row.email:
            customer._base_manager.filter(pk=row.pk).update(email=email)


class Migration(migrations.Migration):
    dependencies = [("customers", "0005_latest_note_labels")]

    operations = [
        migrations.RemoveConstraint(model_name="tag", name="tag_tenant_name_uniq"),
        migrations.RemoveConstraint(
            model_name="customergroup", name="customergroup_tenant_name_uniq"
        ),
        migrations.AddField(
            model_name="tag",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=150),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="customergroup",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=300),
            preserve_default=False,
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="tag",
            constraint=models.UniqueConstraint(
                fields=("tenant", "name_key"),
                name="tag_tenant_name_uniq",
                violation_error_message="A tag with this name already exists.",
            ),
        ),
        migrations.AddConstraint(
            model_name="customergroup",
            constraint=models.UniqueConstraint(
                fields=("tenant", "name_key"),
                name="customergroup_tenant_name_uniq",
                violation_error_message="A group with this name already exists.",
            ),
        ),
    ]
