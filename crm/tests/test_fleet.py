"""Two gunicorn servers on two loopback ports, one PostgreSQL database and one Redis, as two
machines behind a load balancer: requests alternate between them and nothing breaks. Two
background workers (`db_worker`) in processes of their own send the emails to a real SMTP
server (aiosmtpd), each once.

Runs only on PostgreSQL with Redis at REDIS_URL (default redis://127.0.0.1:6379/15); CI's
PostgreSQL pass runs it.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django_scopes import scope, scopes_disabled

from conftest import make_customer, make_product
from crm.core.models import Membership, Tenant, User
from customers.models import Customer
from orders.models import Order
from quickorder.services import generate_link
from quickorder.tokens import make_token

pytestmark = [pytest.mark.fleet, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("FLEET_REDIS_URL", "redis://127.0.0.1:6379/15")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_available() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False
    return True


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "collect",
        "STATIC_ROOT": str(root),
        "DATABASE_URL": "sqlite:///:memory:",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    return root


class Mailbox:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


@pytest.fixture
def mailbox():
    from aiosmtpd.controller import Controller

    box, port = Mailbox(), free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    box.port = port
    yield box
    controller.stop()


@pytest.fixture
def servers(static_root, mailbox):
    if connection.vendor != "postgresql":
        pytest.skip("the fleet test needs PostgreSQL")
    if not redis_available():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is needed at {REDIS_URL}")
        pytest.skip("Redis is not running")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DEBUG": "0",
        # The same key as this process, which signs the links the servers must accept.
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "STATIC_ROOT": str(static_root),
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "REQUEST_LOG": "0",
        "AXES_FAILURE_LIMIT": "5",
    }
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "crm.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    mail_env = {
        **env,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mailbox.port),
        "EMAIL_USE_TLS": "0",
    }
    for _ in range(2):  # the workers: as many as one likes, on any machine
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "db_worker",
                    "--queue-name",
                    "*",
                    "--interval",
                    "0.2",
                    "--no-reload",
                ],
                cwd=ROOT,
                env=mail_env,
            )
        )
    try:
        # A booting server accepts connections before its workers answer them, so a
        # probe can time out as well as be refused (seen on a slow machine).
        deadline = time.monotonic() + 60
        for url in urls:
            while True:
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=2)
                    break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    if time.monotonic() > deadline:
                        pytest.fail(f"{url} did not start within a minute")
                    time.sleep(0.1)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


class Browser:
    """A cookie jar shared by requests sent to either server."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def get(self, url):
        return self._open(urllib.request.Request(url))

    def post(self, url, data):
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        return self._open(urllib.request.Request(url, data=body, headers={"Referer": url}))

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def shop():
    with scopes_disabled():
        tenant = Tenant.objects.create(name="Fleet", slug="fleet", base_currency="EUR")
        # Hashed with a hasher the servers know (the tests' own hasher is a fast one).
        user = User.objects.create(
            username="fleet_owner",
            password=PBKDF2PasswordHasher().encode("fleet-pass-123456", "fleetsalt1234"),
        )
        Membership.objects.create(tenant=tenant, user=user, role="owner")
        tenant.notification_email = "orders@fleet.example"
        tenant.save()
        product = make_product(tenant, "F-1", Decimal("10"))
        customers = [make_customer(tenant, f"C{i}", email=f"c{i}@example.com") for i in range(8)]
    with scope(tenant=tenant):
        tokens = [make_token(generate_link(c, by=user)) for c in customers]
    return tenant, product, tokens


def login(browser, url):
    browser.get(url + "/accounts/login/")
    return browser.post(
        url + "/accounts/login/", {"username": "fleet_owner", "password": "fleet-pass-123456"}
    )


def test_a_login_on_one_server_is_valid_on_the_other(servers, shop):
    a, b = servers
    browser = Browser()
    status, headers, _ = login(browser, a)
    assert status == 302 and headers["Location"] == "/"
    status, _, body = browser.get(b + "/fleet/customers/")
    assert status == 200 and "C0" in body


def test_a_note_added_on_one_server_shows_in_the_other_servers_cached_list(servers, shop):
    """The customers page is cached per worker; the generation that keys it is shared."""
    a, b = servers
    tenant = shop[0]
    browser = Browser()
    login(browser, a)
    for _ in range(2):  # drawn, then answered from the cache
        status, _, body = browser.get(a + "/fleet/customers/")
    assert status == 200 and "Called about the blue towels" not in body
    with scopes_disabled():
        customer = Customer.objects.filter(tenant=tenant).order_by("name").first()
    status, _, _ = browser.post(
        f"{b}/fleet/customers/{customer.pk}/notes/new/",
        {"text": "Called about the blue towels", "priority": "high"},
    )
    assert status == 302
    _, _, body = browser.get(a + "/fleet/customers/")
    assert "Called about the blue towels" in body


def order_through(browser, first, second, token, product):
    """Cart on one server, checkout on the other; returns the order number."""
    browser.get(f"{first}/q/{token}/")
    browser.post(f"{second}/q/{token}/cart/add/", {"product": product.pk, "quantity": "2"})
    status, _, page = browser.get(f"{first}/q/{token}/checkout/")
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page).group(1)
    status, headers, _ = browser.post(
        f"{second}/q/{token}/checkout/", {"address": "", "idempotency_key": key}
    )
    assert status == 302, status
    return int(re.search(r"/orders/(\d+)/$", headers["Location"]).group(1))


def test_cart_and_checkout_started_on_one_finish_on_the_other(servers, shop):
    a, b = servers
    _tenant, product, tokens = shop
    number = order_through(Browser(), a, b, tokens[0], product)
    with scopes_disabled():
        order = Order.objects.get(number=number, tenant=shop[0])
        assert order.lines.get().quantity == 2


def test_rate_limits_and_lockouts_count_across_both(servers, shop):
    a, b = servers
    browser = Browser()
    statuses = [browser.get(f"{(a, b)[i % 2]}/q/bogus-{i}/")[0] for i in range(31)]
    assert statuses[:30] == [404] * 30 and statuses[30] == 429
    other = Browser()
    for i in range(5):
        url = (a, b)[i % 2]
        other.get(url + "/accounts/login/")
        other.post(url + "/accounts/login/", {"username": "fleet_owner", "password": "wrong"})
    status, _, _ = login(other, a)
    assert status == 429


def test_orders_through_both_servers_at_once_get_distinct_gap_free_numbers(servers, shop):
    a, b = servers
    _tenant, product, tokens = shop
    numbers, errors = [], []

    def worker(i):
        try:
            first, second = (a, b) if i % 2 else (b, a)
            numbers.append(order_through(Browser(), first, second, tokens[i], product))
        except Exception as exc:
            errors.append(repr(exc))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(tokens))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, len(tokens) + 1))


def test_the_workers_send_every_order_email_once(servers, shop, mailbox):
    a, b = servers
    _tenant, product, tokens = shop
    numbers = [
        order_through(Browser(), *((a, b) if i % 2 else (b, a)), tokens[i], product)
        for i in range(4)
    ]
    deadline = time.monotonic() + 60
    while len(mailbox.received) < 2 * len(numbers) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1)  # a second sending would have arrived by now
    to_customers = sorted(r[0][0] for r in mailbox.received if r[0][0] != "orders@fleet.example")
    assert to_customers == [f"c{i}@example.com" for i in range(4)]
    assert sum(r[0] == ["orders@fleet.example"] for r in mailbox.received) == len(numbers)
    message_ids = [re.search(r"Message-ID: (\S+)", r[1]).group(1) for r in mailbox.received]
    assert len(set(message_ids)) == len(message_ids) == 2 * len(numbers)
