"""Queries compiled once per process (CompiledQuery): the one piece of the project that
builds on Django's private ORM internals, fenced here.

Two queries use it, where it pays most: the membership lookup of every staff request and
the products of an order (docs/scaling.md gives the figures). Every compiled query is in
REGISTRY, and crm/lib/tests/test_compiled_query.py compares each with the ORM's result in
every interface language, on SQLite and PostgreSQL. COMPILED_QUERIES=0 runs them all
through the plain ORM (CI runs the suite once that way), so a Django upgrade can be tried
and measured; a system check (crm.core.checks) stops the project on an untested Django
minor version while compiled queries are on.
"""

from dataclasses import dataclass

from django.conf import settings

REGISTRY: dict[str, "CompiledQuery"] = {}


@dataclass(frozen=True)
class _Compiled:
    """One shape of a CompiledQuery: its SQL, and how its rows become results."""

    sql: str
    params: list  # (slot, compiled value); the slot names the placeholder it stands for
    compiler: object
    converters: dict
    model: type
    attnames: list
    fields: slice  # the model's own columns in a row
    populators: list  # select_related objects
    annotations: list


class CompiledQuery:
    """A SELECT the ORM compiles once per process, database and shape, then runs with other
    values.

    For the few queries of the same shape that requests make all the time, where compiling
    the queryset costs more than running it. Measured on an order (bench/RESULTS.md): the
    membership lookup of every staff page (three tables, 40 columns), the customer and the
    products being ordered cost 13M of its 28M instructions, mostly in compiling.
    The queryset stays the one definition of the query; only its SQL is kept, and the rows
    become objects (with their `select_related` ones) as the ORM makes them, converters
    included.

    `build(**placeholders)` returns the queryset of model objects (annotations and
    `select_related` allowed).
    Each placeholder is a value of the type the filter takes (a str or an int that no real
    row has), or a list of one such value for a list of values (`pk__in`; compiled once per
    length). It must reach the compiled parameters unchanged (an exact or `in` lookup),
    once, or compiling fails loudly.
    Calling with the real values runs the SQL with them in its place.

    Tenancy, as the scoped managers have it: a query built with `scoped=True` runs only
    inside a tenant's scope, and the scope's filters are compiled with a placeholder for
    the tenant, filled with the active scope's at each call. Any other query runs only
    inside `scopes_disabled()` (a lookup that may cross tenants, like the membership).
    Either way a query never keeps the tenant it was first compiled for.

    Only for queries that depend on nothing else at run time: not on the language
    (modeltranslation rewrites a translated field's name to the active language's column)
    or the time.
    """

    TENANT = -(2**62) + 1  # the tenant placeholder, for scoped queries
    # Shapes kept per query (one per database and length of its lists): an order of 500
    # lines compiles its own, and is not worth keeping once a hundred are.
    MAX_SHAPES = 100

    def __init__(self, build, *, registered_as=None, scoped: bool = False, **placeholders):
        if "tenant" in placeholders:
            raise ValueError("the tenant comes from the scope: use scoped=True")
        if registered_as is not None:
            if registered_as in REGISTRY:
                raise ValueError(f"a compiled query is already named {registered_as!r}")
            REGISTRY[registered_as] = self
        self._build = build
        self._scoped = scoped
        self._placeholders = placeholders
        self._compiled = {}

    def _marks(self, name, lengths):
        mark = self._placeholders[name]
        if not isinstance(mark, list):
            return mark
        (first,) = mark
        return [
            first - i if isinstance(first, int) else f"{first}{i}" for i in range(lengths[name])
        ]

    def _compile(self, using: str, lengths: dict):
        from django.core.exceptions import EmptyResultSet
        from django.db.models.query import ModelIterable, get_related_populators
        from django_scopes import scope, scopes_disabled

        marks = {name: self._marks(name, lengths) for name in self._placeholders}
        slots = {}  # (type, value) -> (name, index in its list or None)
        for name, mark in marks.items():
            for index, value in enumerate(mark) if isinstance(mark, list) else [(None, mark)]:
                slots[type(value), value] = (name, index)
        if self._scoped:
            slots[int, self.TENANT] = ("tenant", None)
        if len(slots) != sum(len(m) if isinstance(m, list) else 1 for m in marks.values()) + (
            1 if self._scoped else 0
        ):
            raise ValueError("two placeholders have the same value")
        with scope(tenant=self.TENANT) if self._scoped else scopes_disabled():
            queryset = self._build(**marks)
            compiler = queryset.query.get_compiler(using=using)
            try:
                sql, params = compiler.as_sql()
            except EmptyResultSet:
                if 0 in lengths.values():  # `pk__in=[]`: no query, no rows, as with the ORM
                    return None
                # A placeholder the field refuses (-1 for a positive integer, say) would
                # make every call find nothing.
                raise ValueError(f"the placeholders {marks} leave the query empty") from None
        found = [slots.get((type(value), value)) for value in params]
        for slot, value in zip(found, params, strict=True):
            if slot is None and isinstance(value, str):
                for mark in (m for m in slots if m[0] is str):
                    if mark[1] in value:  # changed by its lookup (`startswith`: "mark%")
                        raise ValueError(f"placeholder {slots[mark][0]!r} is changed in {sql!r}")
        for slot in slots.values():
            count = found.count(slot)
            if count != 1 and not (slot[0] == "tenant" and count):
                raise ValueError(f"placeholder {slot[0]!r} is not one parameter of {sql!r}")
        if queryset._known_related_objects or compiler.has_extra_select:
            raise ValueError("known related objects and extra columns are not supported")
        select = compiler.select
        converters = compiler.get_converters([column[0] for column in select[: compiler.col_count]])
        arguments = [(slot, value) for slot, value in zip(found, params, strict=True)]
        if queryset._iterable_class is not ModelIterable:
            raise ValueError("only querysets of model objects are supported")
        klass_info = compiler.klass_info
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        return _Compiled(
            sql,
            arguments,
            compiler,
            converters,
            model=klass_info["model"],
            attnames=[column[0].target.attname for column in select[start:end]],
            fields=slice(start, end),
            populators=get_related_populators(klass_info, select, using),
            annotations=list((compiler.annotation_col_map or {}).items()),
        )

    def _tenant_id(self):
        from django_scopes import ScopeError, get_scope

        state = get_scope()
        if not self._scoped:
            if state.get("_enabled") is not False:
                raise ScopeError("An unscoped CompiledQuery runs only inside scopes_disabled().")
            return None
        tenant = state.get("tenant") if state.get("_enabled") else None
        if tenant is None or isinstance(tenant, list | tuple):
            raise ScopeError("A scoped CompiledQuery runs only inside one tenant's scope.")
        return getattr(tenant, "pk", tenant)

    def orm(self, **values) -> list:
        """The same query through the ORM, as COMPILED_QUERIES=0 runs it."""
        self._tenant_id()  # the same rule about scopes
        return list(self._build(**values))

    def __call__(self, *, using: str = "default", **values) -> list:
        """The objects of the query with these values."""
        from django.db import connections

        if not settings.COMPILED_QUERIES:
            return self.orm(**values)
        values["tenant"] = self._tenant_id()
        lengths = {}
        for name, mark in self._placeholders.items():
            if isinstance(mark, list):  # without None, as `__in` takes a list
                values[name] = [value for value in values[name] if value is not None]
                lengths[name] = len(values[name])
        key = (using, *lengths.values())
        compiled = self._compiled.get(key, False)
        if compiled is False:
            compiled = self._compile(using, lengths)
            if len(self._compiled) < self.MAX_SHAPES:
                self._compiled[key] = compiled
        if compiled is None:
            return []
        arguments = []
        for slot, value in compiled.params:
            if slot is not None:
                name, index = slot
                given = values[name] if index is None else values[name][index]
                value = type(value)(given)  # as the ORM takes it: an id given as a string
            arguments.append(value)
        with connections[using].cursor() as cursor:
            try:
                cursor.execute(compiled.sql, arguments)
            except OverflowError:
                # An id beyond what the database stores (SQLite refuses it before running
                # the query; PostgreSQL finds nothing): no rows, as the ORM answers it.
                return []
            rows = cursor.fetchall()
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        objects = []
        for row in rows:
            obj = compiled.model.from_db(using, compiled.attnames, row[compiled.fields])
            for populator in compiled.populators:
                populator.populate(row, obj)
            for attribute, position in compiled.annotations:
                setattr(obj, attribute, row[position])
            objects.append(obj)
        return objects
