import threading
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test import TestCase
from django_scopes import scope, scopes_disabled

from catalog.models import ProductPrice
from conftest import make_customer, make_product
from customers.models import Address, Customer
from jobs.testing import committed_and_sent
from orders.models import Order, OrderLine, OrderStatusChange
from orders.services import LineRequest, OrderError, place_order, transition


@pytest.fixture
def buyer(tenant_a):
    with scopes_disabled():
        customer = make_customer(
            tenant_a,
            "Ege Spa",
            email="spa@example.com",
            status="potential",
            discount_percent=Decimal("10"),
            preferred_currency="EUR",
            preferred_language="tr",
        )
        Address.objects.create(
            tenant=tenant_a,
            customer=customer,
            title="Work",
            line1="Kordon 1",
            city="İzmir",
            country="TR",
            is_default=True,
        )
    return customer


def place(customer, lines, key="k1", **kw):
    with scope(tenant=customer.tenant):
        kw.setdefault("address", customer.addresses.first())
        return place_order(
            customer=customer,
            lines=[LineRequest(p.pk, q) for p, q in lines],
            source="staff",
            idempotency_key=key,
            **kw,
        )


def test_prices_come_from_the_database_in_the_customers_currency(buyer, products_a, owner_a):
    towel, pestemal = products_a
    order = place(buyer, [(towel, 2), (pestemal, 3)], by=owner_a)
    with scope(tenant=buyer.tenant):
        lines = list(order.lines.all())
    # 1000 TRY * 0.0265 = 26.50 EUR, -10% = 23.85; 450 * 0.0265 = 11.925 -> 11.93, -10% = 10.74
    assert [
        (x.sku, x.quantity, x.unit_price, x.discounted_unit_price, x.line_total) for x in lines
    ] == [
        ("TWL-1", 2, Decimal("26.50"), Decimal("23.85"), Decimal("47.70")),
        ("PST-1", 3, Decimal("11.93"), Decimal("10.74"), Decimal("32.22")),
    ]
    assert (order.currency, order.subtotal, order.total) == (
        "EUR",
        Decimal("88.79"),
        Decimal("79.92"),
    )
    assert order.discount_total == Decimal("8.87")
    assert lines[0].name == "Havlu"  # the customer's language
    assert order.shipping_address["city"] == "İzmir"


def test_an_explicit_price_in_the_currency_beats_the_converted_one(buyer, products_a):
    towel, pestemal = products_a
    with scopes_disabled():
        ProductPrice.objects.create(
            tenant=buyer.tenant, product=towel, currency="EUR", price=Decimal("30.00")
        )
        ProductPrice.objects.create(  # another currency's price plays no part
            tenant=buyer.tenant, product=pestemal, currency="USD", price=Decimal("99.00")
        )
    order = place(buyer, [(towel, 1), (pestemal, 1)])
    with scope(tenant=buyer.tenant):
        lines = list(order.lines.all())
    # towel: 30.00 EUR, -10% = 27.00; pestemal converted: 11.93, -10% = 10.74
    assert [(x.unit_price, x.discounted_unit_price) for x in lines] == [
        (Decimal("30.00"), Decimal("27.00")),
        (Decimal("11.93"), Decimal("10.74")),
    ]
    assert order.total == Decimal("37.74")


def test_a_currency_the_business_stopped_selling_in_falls_back_to_the_base(buyer, products_a):
    """The customer prefers EUR; the business then drops EUR: the order is in TRY."""
    tenant = buyer.tenant
    tenant.currencies = ["USD"]
    tenant.save()
    order = place(buyer, [(products_a[0], 1)])
    # 1000 TRY, -10% = 900.00
    assert (order.currency, order.total) == ("TRY", Decimal("900.00"))


def test_numbers_are_sequential_per_tenant(buyer, products_a, tenant_b, customer_b):
    towel, _ = products_a
    first = place(buyer, [(towel, 1)], key="a")
    second = place(buyer, [(towel, 1)], key="b")
    with scopes_disabled():
        bread = make_product(tenant_b, "BR-1", Decimal("5"))
    other = place(customer_b, [(bread, 1)], key="a", address=None)
    assert (first.number, second.number, other.number) == (1, 2, 1)


def test_same_idempotency_key_returns_the_same_order(buyer, products_a):
    towel, _ = products_a
    first = place(buyer, [(towel, 1)], key="same")
    again = place(buyer, [(towel, 5)], key="same")
    assert again.pk == first.pk
    with scopes_disabled():
        assert Order.objects.count() == 1 and OrderLine.objects.count() == 1


def test_a_retry_takes_no_number_and_writes_nothing(buyer, products_a):
    towel, _ = products_a
    first = place(buyer, [(towel, 1)], key="one")
    place(buyer, [(towel, 1)], key="one")
    second = place(buyer, [(towel, 1)], key="two")
    assert (first.number, second.number) == (1, 2)
    with scopes_disabled():
        assert buyer.events.filter(kind="order_placed").count() == 2
        assert OrderStatusChange.objects.count() == 2


def test_a_retry_returns_the_order_even_if_it_could_not_be_placed_now(buyer, products_a):
    """The first attempt went through; the customer was blocked and the product withdrawn
    before the retry arrived: the retry still answers with the order, not an error."""
    towel, _ = products_a
    first = place(buyer, [(towel, 1)], key="late")
    with scopes_disabled():
        Customer.objects.filter(pk=buyer.pk).update(is_blocked=True)
        type(towel).objects.filter(pk=towel.pk).update(is_active=False)
    buyer.refresh_from_db()
    assert place(buyer, [(towel, 1)], key="late").pk == first.pk
    with pytest.raises(OrderError):  # a new order is still refused
        place(buyer, [(towel, 1)], key="new")


def test_snapshots_survive_catalog_and_address_edits(buyer, products_a):
    towel, _ = products_a
    order = place(buyer, [(towel, 1)])
    with scopes_disabled():
        towel.sku, towel.name_en, towel.name_tr, towel.price = "X", "X", "X", Decimal("1")
        towel.save()
        buyer.addresses.update(city="Ankara")
        line = order.lines.get()
        order.refresh_from_db()
    assert (line.sku, line.name, line.unit_price) == ("TWL-1", "Havlu", Decimal("26.50"))
    assert order.shipping_address["city"] == "İzmir"


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "The order is empty"),
        ([("towel", 0)], "Quantities go from 1 to 10,000."),
        ([("towel", 10001)], "Quantities go from 1 to 10,000."),
        ([("towel", -1)], "Enter a whole number of items."),
        ([("towel", "1e3")], "Enter a whole number of items."),
        ([("towel", "٣")], "Enter a whole number of items."),
        ([("inactive", 1)], "no longer available"),
        ([("foreign", 1)], "no longer available"),
    ],
    ids=[
        "empty",
        "zero",
        "too-many",
        "negative",
        "exponent",
        "arabic-digit",
        "inactive",
        "other-tenant",
    ],
)
def test_bad_orders_are_refused_and_nothing_is_written(buyer, products_a, tenant_b, lines, message):
    with scopes_disabled():
        products = {
            "towel": products_a[0],
            "inactive": make_product(buyer.tenant, "OLD", Decimal("1"), is_active=False),
            "foreign": make_product(tenant_b, "B-1", Decimal("1")),
        }
    with scope(tenant=buyer.tenant), pytest.raises(OrderError) as error:
        place_order(
            customer=buyer,
            lines=[LineRequest(products[n].pk, q) for n, q in lines],
            address=None,
            source="staff",
            idempotency_key="x",
        )
    assert message in error.value.messages[0]
    with scopes_disabled():
        assert Order.objects.count() == OrderLine.objects.count() == 0
        assert not buyer.events.filter(kind="order_placed").exists()


def test_blocked_customer_cannot_order(buyer, products_a):
    with scopes_disabled():
        Customer.objects.filter(pk=buyer.pk).update(is_blocked=True)
    buyer.refresh_from_db()
    with pytest.raises(OrderError):
        place(buyer, [(products_a[0], 1)])


def test_an_order_keeps_an_edit_made_to_the_customer_while_it_was_placed(buyer, products_a):
    """The order writes the customer's last-order fields only: a phone or temperature that
    staff changed meanwhile keeps its derived search and sort columns."""
    with scope(tenant=buyer.tenant):
        edited = Customer.objects.get(pk=buyer.pk)
        edited.phone, edited.temperature = "+90 532 111 22 33", "cold"
        edited.save()
    place(buyer, [(products_a[0], 1)])  # from a copy read before the edit
    with scopes_disabled():
        row = Customer.objects.values("phone", "phone_digits", "temperature", "temperature_rank")
        row = row.get(pk=buyer.pk)
    assert row == {
        "phone": "+90 532 111 22 33",
        "phone_digits": "905321112233",
        "temperature": "cold",
        "temperature_rank": Customer.TEMPERATURE_RANK["cold"],
    }


def test_potential_customer_becomes_current_and_timeline_shows_it(buyer, products_a, owner_a):
    order = place(buyer, [(products_a[0], 1)], by=owner_a)
    buyer.refresh_from_db()
    assert buyer.status == "current"
    with scope(tenant=buyer.tenant):
        kinds = list(buyer.events.values_list("kind", flat=True))
    assert kinds[:2] == ["changed", "order_placed"]
    assert order.status == "new"


def test_emails_in_the_customers_language_after_commit(buyer, products_a, tenant_a):
    tenant_a.notification_email = "orders@anka.example"
    tenant_a.save()
    with committed_and_sent():
        order = place(buyer, [(products_a[0], 1)])
    to_customer = next(m for m in mail.outbox if m.to == ["spa@example.com"])
    assert f"#{order.number}" in to_customer.subject
    assert "Havlu" in to_customer.body
    assert any(m.to == ["orders@anka.example"] for m in mail.outbox)
    assert "we received" not in to_customer.subject  # Turkish, not English


def test_no_email_when_the_order_is_refused(buyer):
    with committed_and_sent(), pytest.raises(OrderError):
        place(buyer, [])
    assert mail.outbox == []


def test_workflow_to_delivered_with_history(buyer, products_a, owner_a):
    order = place(buyer, [(products_a[0], 1)])
    with scope(tenant=buyer.tenant), committed_and_sent():
        for step in ("confirmed", "in_production"):
            transition(order, step, by=owner_a)
        transition(order, "shipped", by=owner_a, tracking="TRK123")
        transition(order, "delivered", by=owner_a)
        history = [(h.from_status, h.to_status) for h in order.history.all()]
    assert history == [
        ("", "new"),
        ("new", "confirmed"),
        ("confirmed", "in_production"),
        ("in_production", "shipped"),
        ("shipped", "delivered"),
    ]
    assert order.tracking == "TRK123"
    assert any("TRK123" in m.body for m in mail.outbox)


@pytest.mark.parametrize(
    ("path", "to"),
    [
        ([], "shipped"),
        ([], "delivered"),
        (["confirmed"], "new"),
        (["confirmed", "in_production", "shipped"], "cancelled"),
        ([], "bogus"),
    ],
    ids=["new->shipped", "new->delivered", "back-to-new", "cancel-after-shipping", "unknown"],
)
def test_refused_transitions_change_nothing(buyer, products_a, owner_a, path, to):
    order = place(buyer, [(products_a[0], 1)])
    with scope(tenant=buyer.tenant):
        for step in path:
            order = transition(order, step, by=owner_a)
        before = (order.status, order.history.count(), buyer.events.count())
        with pytest.raises(OrderError):
            transition(order, to, by=owner_a, reason="r")
        order.refresh_from_db()
        assert (order.status, order.history.count(), buyer.events.count()) == before


def test_cancelling_needs_a_reason(buyer, products_a, owner_a):
    order = place(buyer, [(products_a[0], 1)])
    with scope(tenant=buyer.tenant):
        with pytest.raises(OrderError):
            transition(order, "cancelled", by=owner_a, reason="  ")
        transition(order, "cancelled", by=owner_a, reason="Customer changed their mind")
    order.refresh_from_db()
    assert (order.status, order.cancel_reason) == ("cancelled", "Customer changed their mind")


@pytest.mark.django_db(transaction=True)
def test_concurrent_orders_get_distinct_gap_free_numbers(tenant_a):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    with scopes_disabled():
        customer = make_customer(tenant_a, "C")
        product = make_product(tenant_a, "P", Decimal("10"))
    errors, numbers = [], []

    def worker(i):
        try:
            with scope(tenant=tenant_a):
                order = place_order(
                    customer=customer,
                    lines=[LineRequest(product.pk, 1)],
                    address=None,
                    source="staff",
                    idempotency_key=f"t{i}",
                )
                numbers.append(order.number)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, 17))


@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_with_one_key_create_one_order(tenant_a):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    with scopes_disabled():
        customer = make_customer(tenant_a, "C")
        product = make_product(tenant_a, "P", Decimal("10"))
    results = []

    def worker():
        try:
            with scope(tenant=tenant_a):
                results.append(
                    place_order(
                        customer=customer,
                        lines=[LineRequest(product.pk, 1)],
                        address=None,
                        source="staff",
                        idempotency_key="double-click",
                    ).pk
                )
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and len(set(results)) == 1
    with scopes_disabled():
        assert Order.objects.count() == 1
        assert Order.objects.get().number == 1


@pytest.mark.parametrize("key", ["", "\x00", "a b", "x" * 65, "ключ"])
def test_malformed_idempotency_keys_are_refused(buyer, products_a, key):
    with pytest.raises(OrderError):
        place(buyer, [(products_a[0], 1)], key=key)


def test_nul_characters_are_dropped_from_the_note(buyer, products_a):
    order = place(buyer, [(products_a[0], 1)], note="Kapı\x00ya")
    assert order.customer_note == "Kapıya"


def test_a_hanging_mail_server_never_delays_an_order(buyer, products_a, settings, caplog):
    """A mail server that accepts the connection and never answers: the order is placed at
    once (its emails are a job's), and the job waits EMAIL_TIMEOUT, then schedules a retry."""
    import socket
    import time

    from jobs.models import OutboxEmail
    from jobs.testing import run_jobs

    assert 0 < settings.EMAIL_TIMEOUT <= 30  # the project's default bounds the wait
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.getsockname()[1]
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 1
    try:
        started = time.monotonic()
        with TestCase.captureOnCommitCallbacks(execute=True):
            order = place(buyer, [(products_a[0], 1)])
        assert time.monotonic() - started < 0.5  # no mail server in the request
        started = time.monotonic()
        run_jobs()
        assert time.monotonic() - started < 5  # the job waited the timeout, not for ever
    finally:
        server.close()
    with scopes_disabled():
        assert Order.objects.filter(pk=order.pk).exists()
        email = OutboxEmail.objects.get(key=f"order:{order.pk}:received")
    assert email.sent_at is None and email.attempts == 1 and email.next_attempt_at
    assert "not sent" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_an_order_of_its_own_lets_postgresql_reuse_plans_until_it_ends(tenant_a):
    """Placing an order (a transaction of its own) allows generic plans for its statements
    (crm.lib.compiled.allow_generic_plans); the setting ends with it."""
    if connection.vendor != "postgresql":
        pytest.skip("plan_cache_mode is PostgreSQL's")
    from django.test.utils import CaptureQueriesContext

    from crm.lib.plans import GENERIC_PLANS_SQL

    with scopes_disabled():
        customer = make_customer(tenant_a, "C")
        product = make_product(tenant_a, "P", Decimal("10"))
    with CaptureQueriesContext(connection) as captured:
        place(customer, [(product, 1)], key="own", address=None)
    statements = [q["sql"] for q in captured.captured_queries]
    assert statements.count(GENERIC_PLANS_SQL) == 1
    assert statements.index(GENERIC_PLANS_SQL) < next(
        i for i, sql in enumerate(statements) if "orders_ordercounter" in sql
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_custom_plan"
