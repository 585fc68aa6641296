"""crm.lib.compiled.CompiledQuery, and the membership lookup of every staff request that
uses it: the same rows and objects as the ORM's queryset, always read afresh."""

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from django_scopes import ScopeError, scope, scopes_disabled

from conftest import make_customer, make_product
from crm.core.models import Membership, Tenant
from crm.core.tenancy import membership_of
from crm.lib.compiled import REGISTRY, CompiledQuery
from orders import services as order_services  # noqa: F401  (registers its queries)


@pytest.fixture(autouse=True)
def compiled(settings):
    """These tests are of the compiling itself: on even where the suite runs without it."""
    settings.COMPILED_QUERIES = True


def fields(obj) -> dict:
    return {k: v for k, v in vars(obj).items() if k != "_state"}


def orm_membership(slug, user_id, *related):
    with scopes_disabled():
        return (
            Membership.objects.select_related("tenant", *related)
            .filter(tenant__slug=slug, tenant__is_active=True, user_id=user_id)
            .first()
        )


@pytest.mark.parametrize("related", [(), ("user",)])
def test_the_membership_lookup_gives_what_the_orm_gives(tenant_a, tenant_b, owner_a, related):
    found = membership_of("anka", owner_a.pk, *related)
    expected = orm_membership("anka", owner_a.pk, *related)
    assert fields(found) == fields(expected)
    assert fields(found.tenant) == fields(expected.tenant)  # JSON lists and dates converted
    assert found.tenant.currencies == ["EUR", "USD"]
    if related:
        assert fields(found.user) == fields(expected.user)
        assert found.user.check_password("pw-for-tests-1")
    else:
        assert not Membership.user.is_cached(found)  # read when asked for, as with the ORM
    assert not found._state.adding and found._state.db == "default"
    assert membership_of("bucur", owner_a.pk, *related) is None  # another tenant's
    assert membership_of("nobody", owner_a.pk, *related) is None
    assert membership_of("anka", str(owner_a.pk), *related).pk == found.pk  # as the ORM takes it


def test_the_membership_lookup_reads_afresh_each_time(tenant_a, owner_a):
    assert membership_of("anka", owner_a.pk).role == Membership.Role.OWNER
    with scopes_disabled():
        Membership.objects.filter(user=owner_a).update(role=Membership.Role.STAFF)
    assert membership_of("anka", owner_a.pk).role == Membership.Role.STAFF
    Tenant.objects.filter(pk=tenant_a.pk).update(is_active=False)
    assert membership_of("anka", owner_a.pk) is None
    Tenant.objects.filter(pk=tenant_a.pk).update(is_active=True)
    with scopes_disabled():
        Membership.objects.filter(user=owner_a).delete()
    assert membership_of("anka", owner_a.pk) is None


def test_it_runs_only_where_scopes_are_disabled(tenant_a, owner_a):
    query = CompiledQuery(
        lambda slug: Tenant.objects.filter(slug=slug).order_by("pk"), slug="\x00slug"
    )
    with pytest.raises(ScopeError):
        query(slug="anka")  # outside any scope
    with scope(tenant=tenant_a), pytest.raises(ScopeError):
        query(slug="anka")  # inside one: its tenant would be compiled into the SQL
    with scopes_disabled():
        assert [t.pk for t in query(slug="anka")] == [tenant_a.pk]


def test_a_tenant_owned_query_takes_its_tenant_as_a_placeholder(tenant_a, tenant_b, owner_a):
    from customers.models import ActivityEvent
    from customers.services import record_event

    with scope(tenant=tenant_a):
        customer = make_customer(tenant_a, "Ayşe")
        record_event(customer, ActivityEvent.Kind.CHANGED, owner_a, changes=[{"f": "x"}])
    query = CompiledQuery(
        lambda tenant_id: ActivityEvent.objects.filter(tenant_id=tenant_id).order_by("pk"),
        tenant_id=-1,
    )
    with scopes_disabled():
        events = query(tenant_id=tenant_a.pk)
        assert [e.data for e in events] == [{"changes": [{"f": "x"}]}]  # JSON decoded
        assert query(tenant_id=tenant_b.pk) == []


def test_a_placeholder_must_reach_the_sql_unchanged_and_once(db):
    transformed = CompiledQuery(
        lambda name: Tenant.objects.filter(name__icontains=name), name="\x00name"
    )
    unused = CompiledQuery(lambda name: Tenant.objects.all(), name="\x00name")
    twice = CompiledQuery(
        lambda name: Tenant.objects.filter(name=name) | Tenant.objects.filter(slug=name),
        name="\x00name",
    )
    same = CompiledQuery(
        lambda name, slug: Tenant.objects.filter(name=name, slug=slug), name="x", slug="x"
    )
    changed_once = CompiledQuery(
        lambda name: (
            Tenant.objects.filter(name=name) | Tenant.objects.filter(slug__startswith=name)
        ),
        name="\x00name",
    )
    with scopes_disabled():
        for query in (transformed, unused, twice, changed_once):
            with pytest.raises(ValueError, match="placeholder 'name'"):
                query(name="Anka")
        with pytest.raises(ValueError, match="same value"):
            same(name="Anka", slug="anka")
    with pytest.raises(ValueError, match="scope"):
        CompiledQuery(lambda tenant: Tenant.objects.filter(pk=tenant), tenant=-1)


def test_a_placeholder_the_field_refuses_fails_loudly(tenant_a):
    from customers.models import Customer

    query = CompiledQuery(lambda v: Customer.objects.filter(version=v), scoped=True, v=-1)
    with scope(tenant=tenant_a), pytest.raises(ValueError, match="leave the query empty"):
        query(v=1)  # not "no rows" for ever after


def test_values_the_orm_takes_its_own_way(tenant_a, products_a):
    from orders.services import ORDERED_PRODUCTS

    with scope(tenant=tenant_a):
        found = ORDERED_PRODUCTS(ids=[products_a[0].pk, None], currency="EUR")
        assert [p.pk for p in found] == [products_a[0].pk]  # None left out, as `__in` does
        assert ORDERED_PRODUCTS(ids=[10**20], currency="EUR") == []  # beyond a bigint


def orm_products(ids, currency):
    from catalog.i18n import localized_columns
    from catalog.models import Product
    from catalog.pricing import PriceBook

    columns = ("tenant_id", "sku", "unit", "price", *localized_columns("name"))
    return list(
        PriceBook.with_explicit_prices(
            Product.objects.filter(pk__in=ids, is_active=True).only(*columns), currency
        ).order_by("pk")
    )


def test_a_scoped_query_is_the_scoped_managers_query_for_the_active_tenant(
    tenant_a, tenant_b, products_a
):
    """The products of an order: a list of ids, an annotation, the tenant from the scope."""
    from catalog.models import ProductPrice
    from orders.services import ORDERED_PRODUCTS

    with scopes_disabled():
        foreign = make_product(tenant_b, "B-1", "5.00")
        ProductPrice.objects.create(tenant=tenant_a, product=products_a[0], currency="EUR", price=7)
        withdrawn = make_product(tenant_a, "OLD-1", "3.00", is_active=False)
    everything = [p.pk for p in products_a] + [withdrawn.pk, foreign.pk]
    for ids in ([products_a[0].pk], everything, [products_a[1].pk, products_a[0].pk], []):
        for currency in ("EUR", "USD"):
            with scope(tenant=tenant_a):
                found = sorted(ORDERED_PRODUCTS(ids=ids, currency=currency), key=lambda p: p.pk)
                expected = orm_products(ids, currency)
            assert [fields(p) for p in found] == [fields(p) for p in expected]
            assert {foreign.pk, withdrawn.pk}.isdisjoint(p.pk for p in found)
    with scope(tenant=tenant_a):
        (priced,) = ORDERED_PRODUCTS(ids=[products_a[0].pk], currency="EUR")
    assert priced.explicit_price == 7 and priced.get_deferred_fields() >= {"description_en"}
    with scope(tenant=tenant_b):  # compiled above in tenant A's scope: it kept no tenant
        assert [p.pk for p in ORDERED_PRODUCTS(ids=everything, currency="EUR")] == [foreign.pk]


def test_a_scoped_query_runs_only_inside_one_tenants_scope(tenant_a, tenant_b):
    from orders.services import ORDERED_PRODUCTS

    for outside in (scopes_disabled(), scope(tenant=None), scope(tenant=[tenant_a, tenant_b])):
        with outside, pytest.raises(ScopeError):
            ORDERED_PRODUCTS(ids=[1], currency="EUR")
    with pytest.raises(ScopeError):
        ORDERED_PRODUCTS(ids=[1], currency="EUR")  # no scope at all


# For each compiled query: the calls to compare with the ORM, as (scope, arguments).
def membership_calls(tenant_a, tenant_b, owner_a, products_a):
    for slug in ("anka", "bucur", "nobody"):
        for user_id in (owner_a.pk, str(owner_a.pk), -1):
            yield scopes_disabled, {"slug": slug, "user_id": user_id}


def ordered_products_calls(tenant_a, tenant_b, owner_a, products_a):
    from catalog.models import ProductPrice

    with scopes_disabled():
        foreign = make_product(tenant_b, "B-1", "5.00")
        ProductPrice.objects.create(tenant=tenant_a, product=products_a[0], currency="EUR", price=7)
        withdrawn = make_product(tenant_a, "OLD-1", "3.00", is_active=False)
    mine = [p.pk for p in products_a]
    for ids in (mine, [mine[1], mine[0]], [*mine, withdrawn.pk, foreign.pk], [], [None, mine[0]]):
        for currency in ("EUR", "USD", "TRY"):
            yield (lambda: scope(tenant=tenant_a)), {"ids": ids, "currency": currency}
    yield (lambda: scope(tenant=tenant_b)), {"ids": [foreign.pk, mine[0]], "currency": "EUR"}


CALLS = {
    "membership": membership_calls,
    "membership+user": membership_calls,
    "ordered products": ordered_products_calls,
}


def snapshot(obj) -> dict:
    """Everything an object carries: its columns, annotations and the related objects
    read with it."""
    related = {name: fields(value) for name, value in obj._state.fields_cache.items() if value}
    return {**fields(obj), "_related": related}


def test_every_compiled_query_is_registered_and_compared_with_the_orm():
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    made = sum(
        path.read_text().count("CompiledQuery(")
        for app in ("crm", "customers", "notes", "catalog", "orders", "quickorder")
        for path in (root / app).rglob("*.py")
        if "tests" not in path.parts and path.name != "compiled.py"
    )
    # _memberships() builds two: with and without the user.
    assert made + 1 == len(REGISTRY)
    assert set(REGISTRY) == set(CALLS)


@pytest.mark.parametrize("language", [code for code, _ in django_settings.LANGUAGES])
@pytest.mark.parametrize("name", sorted(CALLS))
def test_each_compiled_query_gives_what_the_orm_gives_in_every_language(
    name, language, tenant_a, tenant_b, owner_a, products_a
):
    query = REGISTRY[name]
    calls = list(CALLS[name](tenant_a, tenant_b, owner_a, products_a))
    with translation.override(language):
        for opened, arguments in calls:
            with opened():
                compiled = query(**arguments)
                expected = query.orm(**arguments)
            assert [snapshot(o) for o in compiled] == [snapshot(o) for o in expected], arguments


def test_with_compiled_queries_off_the_orm_runs_them(settings, tenant_a, owner_a, products_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.COMPILED_QUERIES = False
    with scope(tenant=tenant_a), CaptureQueriesContext(connection) as queries:
        found = REGISTRY["ordered products"](ids=[products_a[0].pk], currency="EUR")
    assert [p.pk for p in found] == [products_a[0].pk]
    assert len(queries) == 1
    with pytest.raises(ScopeError):  # the same rules about scopes
        REGISTRY["ordered products"](ids=[products_a[0].pk], currency="EUR")
