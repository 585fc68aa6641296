"""Django's PostgreSQL backend, for server-side parameter binding (crm/settings.py).

With the parameters sent apart from the statement, PostgreSQL's protocol takes at most
65,535 of them per statement, a limit Django 5.2 does not know for PostgreSQL. Deleting or
bulk-creating more rows than that at once (an admin deleting every note of a big business,
say) would fail. Here Django splits such work into batches that fit, as it does on SQLite.
"""

from django.db.backends.postgresql import base, features, operations

MAX_QUERY_PARAMS = 65535


class DatabaseFeatures(features.DatabaseFeatures):
    max_query_params = MAX_QUERY_PARAMS


class DatabaseOperations(operations.DatabaseOperations):
    def bulk_batch_size(self, fields, objs):
        per_row = max(len(fields), 1)
        return max(min(len(objs), MAX_QUERY_PARAMS // per_row), 1)


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
    ops_class = DatabaseOperations
