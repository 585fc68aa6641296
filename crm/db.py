"""Database helpers shared by the apps."""

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


class CompiledQuery:
    """A SELECT the ORM compiles once per process and database, then runs with other values.

    For the few queries of the same shape that every request makes, where compiling the
    queryset costs more than running it: the membership lookup of every staff page joins
    three tables, and compiling it (40 columns, three joins) cost three times what the
    database took to answer it. The queryset stays the one definition of the query; only the
    compiled SQL is kept, and the rows become objects (with their `select_related` ones) as
    the ORM makes them, converters included.

    `build(**placeholders)` returns the queryset. Each placeholder is a value of the type
    the filter takes (a str or an int that no real row has); it must reach the compiled
    parameters unchanged (an exact lookup), exactly once, or compiling fails loudly. Calling
    with the real values runs the SQL with them in its place.

    Only for queries that depend on nothing else at run time (the language, the time), and
    never on a tenant scope: compiled inside one, the SQL would keep that tenant for every
    later call. So it runs only inside `scopes_disabled()`, and a tenant-owned query names
    its tenant with a placeholder, or is a lookup that may cross tenants (the membership).
    """

    def __init__(self, build, **placeholders):
        self._build = build
        self._placeholders = placeholders
        self._compiled = {}

    def _compile(self, using: str):
        from django.db.models.query import get_related_populators

        queryset = self._build(**self._placeholders)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        slots = []
        for value in params:
            names = [
                name
                for name, mark in self._placeholders.items()
                if type(value) is type(mark) and value == mark
            ]
            slots.append(names[0] if names else None)
        for name in self._placeholders:
            if slots.count(name) != 1:
                raise ValueError(f"placeholder {name!r} is not one parameter of {sql!r}")
        if compiler.annotation_col_map or queryset._known_related_objects:
            raise ValueError("annotations and known related objects are not supported")
        klass_info, select = compiler.klass_info, compiler.select
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        fields = [column[0] for column in select[: compiler.col_count]]
        compiled = (
            sql,
            [(slot, value) for slot, value in zip(slots, params, strict=True)],
            compiler,
            compiler.get_converters(fields),
            klass_info["model"],
            [column[0].target.attname for column in select[start:end]],
            (start, end),
            get_related_populators(klass_info, select, using),
        )
        self._compiled[using] = compiled
        return compiled

    def __call__(self, *, using: str = "default", **values) -> list:
        from django.db import connections
        from django_scopes import ScopeError, get_scope

        if get_scope().get("_enabled") is not False:
            raise ScopeError("A CompiledQuery runs only inside scopes_disabled().")
        compiled = self._compiled.get(using) or self._compile(using)
        sql, params, compiler, converters, model, attnames, (start, end), populators = compiled
        with connections[using].cursor() as cursor:
            cursor.execute(
                sql,
                [
                    value if slot is None else type(value)(values[slot])  # as the ORM's int()
                    for slot, value in params
                ],
            )
            rows = cursor.fetchall()
        if converters:
            rows = compiler.apply_converters(rows, converters)
        objects = []
        for row in rows:
            obj = model.from_db(using, attnames, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects
