"""Shared fixtures: two tenants with an owner and a staff member each, and an outsider.

Fixtures run with scopes disabled (as pretix's conftest does), so they can build data
for any tenant; the tests themselves must open a scope to query tenant-owned models.
"""

import pytest
from django_scopes import scopes_disabled

from crm.core.models import Membership, Tenant, User


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    with scopes_disabled():
        yield


def make_user(username: str, *, is_staff: bool = False, **extra) -> User:
    return User.objects.create_user(
        username=username,
        password="pw-for-tests-1",
        email=f"{username}@example.com",
        is_staff=is_staff,
        **extra,
    )


def make_member(tenant: Tenant, username: str, role: str = Membership.Role.STAFF, **extra):
    user = make_user(username, is_staff=role == Membership.Role.OWNER, **extra)
    with scopes_disabled():  # test data, like the fixtures' (called from test bodies too)
        Membership.objects.create(tenant=tenant, user=user, role=role)
    return user


@pytest.fixture
def tenant_a(db) -> Tenant:
    return Tenant.objects.create(
        name="Anka Tekstil",
        slug="anka",
        base_currency="TRY",
        currencies=["EUR", "USD"],
        default_language="tr",
        quickorder_languages=["tr", "en"],
        timezone="Europe/Istanbul",
        default_phone_region="TR",
    )


@pytest.fixture
def tenant_b(db) -> Tenant:
    return Tenant.objects.create(
        name="Brutăria Bucur",
        slug="bucur",
        base_currency="RON",
        currencies=["EUR"],
        default_language="ro",
        quickorder_languages=["ro", "en"],
        timezone="Europe/Bucharest",
        default_phone_region="RO",
    )


@pytest.fixture
def owner_a(tenant_a) -> User:
    return make_member(tenant_a, "owner_a", Membership.Role.OWNER)


@pytest.fixture
def staff_a(tenant_a) -> User:
    return make_member(tenant_a, "staff_a")


@pytest.fixture
def owner_b(tenant_b) -> User:
    return make_member(tenant_b, "owner_b", Membership.Role.OWNER)


@pytest.fixture
def outsider(db) -> User:
    """A logged-in user who belongs to no tenant: must see nothing."""
    return make_user("outsider")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("root", "root@example.com", "pw-for-tests-1")


@pytest.fixture
def client_a(client, owner_a):
    client.force_login(owner_a)
    return client


@pytest.fixture
def staff_client_a(client, staff_a):
    client.force_login(staff_a)
    return client


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: ids repeat across tests, cached values would not."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(autouse=True)
def english_to_begin_with():
    """A request leaves its language active in the thread (as Django's own locale middleware
    does): each test starts in the default language, whatever the one before it read."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def uploads_go_to_a_temporary_folder(settings, media_dir):
    """Logos and photos written by tests (and by seed_demo) never land in the project's
    media folder."""
    settings.MEDIA_ROOT = media_dir
    settings.DEMO_PHOTOS = False  # seed_demo's photos: on in the tests that look at them


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # PBKDF2's deliberate slowness protects real passwords, not test fixtures.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_customer(tenant, name="Customer", **fields):
    """A customer of `tenant` (call from a fixture, or inside a scope)."""
    from customers.models import Customer

    fields.setdefault("preferred_currency", tenant.base_currency)
    fields.setdefault("preferred_language", tenant.default_language)
    return Customer.objects.create(tenant=tenant, name=name, **fields)


@pytest.fixture
def customer_a(tenant_a):
    return make_customer(
        tenant_a,
        "Yıldız Ev Tekstili",
        email="info@yildiz.example",
        phone="+905321112233",
        status="current",
        temperature="hot",
    )


@pytest.fixture
def customer_b(tenant_b):
    return make_customer(
        tenant_b,
        "Cafeneaua Verde",
        email="info@verde.example",
        phone="+40721234567",
        status="potential",
        temperature="warm",
    )


def make_product(tenant, sku, price, **fields):
    from catalog.models import Product

    fields.setdefault("name_en", f"Product {sku}")
    return Product.objects.create(tenant=tenant, sku=sku, price=price, **fields)


@pytest.fixture
def products_a(tenant_a):
    """Two products of tenant A priced in TRY, with an EUR rate of 0.0265."""
    from decimal import Decimal

    from catalog.models import ExchangeRate

    ExchangeRate.objects.create(
        tenant=tenant_a, currency="EUR", rate=Decimal("0.0265"), set_on="2026-11-25"
    )
    return [
        make_product(tenant_a, "TWL-1", Decimal("1000.00"), name_tr="Havlu"),
        make_product(tenant_a, "PST-1", Decimal("450.00"), name_tr="Peştemal", unit="m"),
    ]


@pytest.fixture
def link_a(tenant_a, customer_a, owner_a, products_a):
    """An active quick-order link of customer A (10% off, EUR, Turkish) and its token."""
    from decimal import Decimal

    from customers.models import Customer
    from quickorder.services import generate_link
    from quickorder.tokens import make_token

    Customer.objects.filter(pk=customer_a.pk).update(
        discount_percent=Decimal("10"),
        preferred_currency="EUR",
        preferred_language="tr",
        status="potential",
    )
    customer_a.refresh_from_db()
    customer_a.addresses.create(
        tenant=tenant_a, title="Work", line1="Kordon 1", city="İzmir", country="TR", is_default=True
    )
    link = generate_link(customer_a, by=owner_a)
    return link, make_token(link)


def staff_page_queries(own: int, *, sidebar: bool = True) -> int:
    """The queries of a staff page: the session, the user with their membership (two
    queries when MEMBER_LOOKUP is off: Django reads the user, then the membership), the
    sidebar's count of my follow-ups due (kept in the shared cache in production, read
    every time in tests; `sidebar=False` for a response that draws no page, a redirect),
    and the page's `own`."""
    from django.conf import settings

    return 2 + (0 if settings.MEMBER_LOOKUP else 1) + (1 if sidebar else 0) + own
