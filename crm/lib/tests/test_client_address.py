"""One client address for every rate limit, the login lockout, orders and logs; the
X-Forwarded-For header is believed only as far as trusted proxies wrote it."""

import json

import pytest
from django.test import RequestFactory
from django_scopes import scopes_disabled

from conftest import make_member
from crm.lib.client_address import client_ip
from orders.models import Order

PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "2001:db8::/32"]
    settings.TRUSTED_PROXY_COUNT = 0
    return settings


def address(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **meta))


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        pytest.param(PROXY, "203.0.113.7", "203.0.113.7", id="through-the-proxy"),
        pytest.param(PROXY, "198.51.100.1, 203.0.113.7", "203.0.113.7", id="left-part-forged"),
        pytest.param(PROXY, "203.0.113.7, 10.0.0.9", "203.0.113.7", id="two-trusted-proxies"),
        pytest.param("203.0.113.9", "1.2.3.4", "203.0.113.9", id="direct-client-forging"),
        pytest.param(PROXY, None, PROXY, id="the-proxy-itself"),
        pytest.param(PROXY, "not-an-ip", PROXY, id="garbage"),
        pytest.param(PROXY, "203.0.113.7:51234", "203.0.113.7", id="with-port"),
        pytest.param(PROXY, "[2001:db9::1]:443", "2001:db9::1", id="ipv6-with-port"),
        pytest.param("2001:db8::5", "203.0.113.7", "203.0.113.7", id="ipv6-proxy"),
        pytest.param("::ffff:10.0.0.5", "203.0.113.7", "203.0.113.7", id="ipv4-mapped"),
    ],
)
def test_forwarded_for_is_believed_only_from_trusted_proxies(
    behind_proxy, remote, forwarded, expected
):
    assert address(remote, forwarded) == expected


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    settings.TRUSTED_PROXY_COUNT = 0
    assert address("203.0.113.9", "1.2.3.4") == "203.0.113.9"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        (2, "198.51.100.1, 203.0.113.7, 10.1.1.1", "203.0.113.7"),
        (2, "203.0.113.7", PROXY),  # fewer hops than proxies: not through them
    ],
)
def test_a_count_of_proxies_takes_the_hop_that_many_from_the_end(
    settings, count, forwarded, expected
):
    settings.TRUSTED_PROXIES = []
    settings.TRUSTED_PROXY_COUNT = count
    assert address(PROXY, forwarded) == expected


def test_a_bad_trusted_proxies_setting_fails_loudly(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.TRUSTED_PROXIES = ["10.0.0.0/33"]
    with pytest.raises(ImproperlyConfigured):
        address(PROXY, "203.0.113.7")


def test_one_guesser_behind_the_proxy_does_not_lock_out_other_customers(
    client, behind_proxy, link_a
):
    _link, token = link_a
    guesser = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(31):
        client.get("/q/not-a-real-token/", **guesser)
    assert client.get("/q/not-a-real-token/", **guesser).status_code == 429
    customer = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    assert client.get(f"/q/{token}/", **customer).status_code == 200


def test_the_order_records_the_clients_address_not_the_proxys(
    client, behind_proxy, link_a, products_a
):
    _link, token = link_a
    product = products_a[0]
    headers = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    client.post(f"/q/{token}/cart/add/", {"product": product.pk, "quantity": "1"}, **headers)
    client.post(f"/q/{token}/checkout/", {"address": "", "idempotency_key": "k-proxy"}, **headers)
    with scopes_disabled():
        order = Order.objects.get()
        assert order.placed_ip == "198.51.100.20"
        assert order.customer.last_order_ip == "198.51.100.20"


def test_login_lockout_counts_the_client_behind_the_proxy(client, behind_proxy, tenant_a, settings):
    make_member(tenant_a, "kemal")
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "kemal", "password": "x"}, **attacker)
    assert (
        client.post("/accounts/login/", {"username": "kemal", "password": "x"}, **attacker)
    ).status_code == 429
    colleague = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    response = client.post(
        "/accounts/login/", {"username": "kemal", "password": "pw-for-tests-1"}, **colleague
    )
    assert response.status_code == 302


def test_the_request_log_carries_the_client_address(client, behind_proxy, caplog, db):
    import logging

    with caplog.at_level(logging.INFO, logger="crm.request"):
        client.get("/healthz", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.20")
    line = next(r for r in caplog.records if r.name == "crm.request")
    assert line.fields["ip"] == "198.51.100.20"
    assert json.dumps(line.fields)  # one JSON-serialisable line
