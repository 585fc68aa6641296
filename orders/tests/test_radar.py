"""The reorder radar: the usual interval between a customer's orders and when the next one
is due."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scope

from customers.models import Customer, ReorderState
from orders.models import Order
from orders.radar import rhythm
from orders.services import LineRequest, place_order, transition

D = date(2026, 1, 1)


def days(*offsets):
    return [D + timedelta(days=n) for n in offsets]


def test_too_few_orders_tell_nothing():
    assert rhythm(days(0, 30), []) == (ReorderState.UNKNOWN, None, None, None)


def test_same_day_orders_are_one():
    assert rhythm(days(0, 0, 0, 30), [])[0] == ReorderState.UNKNOWN  # two days only
    state, interval, due, _value = rhythm(days(0, 0, 30, 60), [])
    assert (state, interval, due) == (ReorderState.REGULAR, 30, D + timedelta(days=90))


def test_a_single_outlier_gap_does_not_move_the_interval():
    state, interval, due, _value = rhythm(days(0, 30, 60, 150, 180), [])
    assert (state, interval) == (ReorderState.REGULAR, 30)  # gaps 30, 30, 90, 30
    assert due == D + timedelta(days=210)


def test_uneven_gaps_are_irregular():
    state, interval, due, _value = rhythm(days(0, 5, 45, 135), [])  # gaps 5, 40, 90
    assert (state, interval, due) == (ReorderState.IRREGULAR, 40, None)


def test_the_usual_value_is_the_median_total():
    totals = [Decimal("100"), Decimal("300"), Decimal("120")]
    assert rhythm(days(0, 30, 60), totals)[3] == Decimal("120")


def place(customer, product, when, key):
    order = place_order(
        customer=customer,
        lines=[LineRequest(product.pk, 1)],
        address=None,
        source=Order.Source.STAFF,
        idempotency_key=key,
    )
    Order.objects.filter(pk=order.pk).update(created_at=when)
    return order


@pytest.fixture
def rhythmic(customer_a, products_a):
    """Orders on 1 March, 31 March and 30 April (Istanbul), the last placed last."""
    zone = ZoneInfo("Europe/Istanbul")
    with scope(tenant=customer_a.tenant):
        orders = [
            place(customer_a, products_a[0], datetime(2026, 3, 1, 12, tzinfo=zone), "r1"),
            place(customer_a, products_a[0], datetime(2026, 3, 31, 12, tzinfo=zone), "r2"),
        ]
        # The third, placed now, is then dated: refresh as placing would.
        orders.append(
            place(customer_a, products_a[0], datetime(2026, 4, 30, 12, tzinfo=zone), "r3")
        )
        from orders.radar import refresh

        refresh(customer_a)
    return orders


def test_placing_orders_keeps_the_rhythm_on_the_customer(customer_a, rhythmic):
    with scope(tenant=customer_a.tenant):
        customer = Customer.objects.get(pk=customer_a.pk)
    assert customer.reorder_state == ReorderState.REGULAR
    assert customer.reorder_interval_days == 30
    assert customer.reorder_due_on == date(2026, 5, 30)


def test_days_are_the_business_time_zone(customer_a, products_a):
    """01:30 on 2 March in Istanbul is still 1 March in UTC: the business's day counts."""
    zone = ZoneInfo("Europe/Istanbul")
    with scope(tenant=customer_a.tenant):
        for key, when in [
            ("z1", datetime(2026, 3, 2, 1, 30, tzinfo=zone)),
            ("z2", datetime(2026, 3, 12, 1, 30, tzinfo=zone)),
            ("z3", datetime(2026, 3, 22, 1, 30, tzinfo=zone)),
        ]:
            place(customer_a, products_a[0], when, key)
        from orders.radar import refresh

        refresh(customer_a)
        customer = Customer.objects.get(pk=customer_a.pk)
    assert customer.reorder_due_on == date(2026, 4, 1)  # 22 March + 10, not 21 March + 10


def test_a_cancelled_order_no_longer_counts(customer_a, rhythmic, owner_a):
    with scope(tenant=customer_a.tenant):
        transition(rhythmic[-1], "cancelled", by=owner_a, reason="mistake")
        customer = Customer.objects.get(pk=customer_a.pk)
    assert customer.reorder_state == ReorderState.UNKNOWN and customer.reorder_due_on is None


@pytest.mark.parametrize("change", ["archived", "blocked"])
def test_an_archived_or_blocked_customer_has_no_rhythm(customer_a, rhythmic, change):
    from orders.radar import refresh

    with scope(tenant=customer_a.tenant):
        customer = Customer.objects.get(pk=customer_a.pk)
        if change == "blocked":
            customer.is_blocked = True
        else:
            from django.utils import timezone

            customer.archived_at = timezone.now()
        customer.save()
        refresh(customer)
        customer = Customer.objects.get(pk=customer_a.pk)
    assert customer.reorder_state == ReorderState.UNKNOWN and customer.reorder_due_on is None


def test_only_the_latest_orders_count(customer_a, products_a):
    """Years ago they ordered weekly; lately monthly: the rhythm is the recent one."""
    from orders import radar

    zone = ZoneInfo("Europe/Istanbul")
    start = datetime(2020, 1, 1, 12, tzinfo=zone)
    with scope(tenant=customer_a.tenant):
        for n in range(30):
            place(customer_a, products_a[0], start + timedelta(weeks=n), f"w{n}")
        late = start + timedelta(days=1000)
        for n in range(radar.RECENT):
            place(customer_a, products_a[0], late + timedelta(days=30 * n), f"m{n}")
        radar.refresh(customer_a)
        customer = Customer.objects.get(pk=customer_a.pk)
    assert customer.reorder_interval_days == 30
