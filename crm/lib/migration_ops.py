"""Migration operations that only touch PostgreSQL (SQLite has no trigram indexes)."""

from django.db import migrations


class PostgresOnlyIndex(migrations.AddIndex):
    """AddIndex that runs on PostgreSQL and is skipped elsewhere.

    It leaves the model state alone: the index is a database-side accelerator of the
    search box, not part of the model, so SQLite and PostgreSQL share one set of models.
    """

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.add_index(model, self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            schema_editor.remove_index(model, self.index)

    def describe(self):
        return f"Create index {self.index.name} on PostgreSQL"
