"""Query plans on PostgreSQL: letting a transaction reuse them (crm/settings.py explains why
connections plan every run for its own values)."""

from django.db import connection

GENERIC_PLANS_SQL = "SET LOCAL plan_cache_mode = auto"


def allow_generic_plans() -> None:
    """Let PostgreSQL reuse one plan for each prepared statement until the transaction ends.

    Connections plan every run of a prepared statement for its own values (crm/settings.py),
    because a plan made for any values can be badly wrong for some (a big tenant, a short
    search term). A transaction whose statements plan alike for any values (lookups by key,
    inserts, updates of one row) calls this to skip that planning: PostgreSQL then plans a
    statement once it has seen a few runs of it, and reuses that plan.

    Only the outermost `atomic` block may allow it: the setting lasts until the whole
    transaction ends, so inside a caller's transaction it would reach statements this code
    does not know. There it does nothing.
    """
    if (
        connection.vendor == "postgresql"
        and connection.in_atomic_block
        and not connection.savepoint_ids  # the outermost block: its transaction is ours
        and connection.settings_dict["OPTIONS"].get("prepare_threshold") is not None
    ):
        with connection.cursor() as cursor:
            cursor.execute(GENERIC_PLANS_SQL)
