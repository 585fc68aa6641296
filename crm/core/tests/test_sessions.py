"""A login ends after 30 idle minutes or 12 hours in all; the user is sent to the login
page and back to where they were."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY

from crm.core.sessions import LOGIN_AT, SEEN_AT

PAGE = "/anka/customers/?q=ay"


def age(client, *, idle=0, logged_in=0):
    """Pretend the last request was `idle` seconds ago and the login `logged_in` ago."""
    session = client.session
    now = int(time.time())
    session[SEEN_AT] = now - idle
    session[LOGIN_AT] = now - max(idle, logged_in)
    session.save()


@pytest.mark.parametrize(
    ("idle", "logged_in"),
    [pytest.param(31 * 60, 0, id="idle"), pytest.param(0, 12 * 3600 + 1, id="absolute")],
)
def test_an_expired_login_goes_to_the_login_page_and_back(client_a, idle, logged_in):
    age(client_a, idle=idle, logged_in=logged_in)
    response = client_a.get(PAGE)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/anka/customers/%3Fq%3Day"
    assert SESSION_KEY not in client_a.session
    login = client_a.get(response["Location"])
    assert "Your session has ended. Please log in again." in login.content.decode()
    back = client_a.post(
        response["Location"],
        {"username": "owner_a", "password": "pw-for-tests-1", "next": "/anka/customers/?q=ay"},
    )
    assert back["Location"] == PAGE
    assert client_a.get(PAGE).status_code == 200


def test_an_htmx_request_after_expiry_sends_the_whole_window(client_a):
    age(client_a, idle=31 * 60)
    response = client_a.get(
        "/anka/customers/?section=current",
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/anka/customers/",
    )
    assert response["HX-Redirect"] == "/accounts/login/?next=/anka/customers/"


def test_a_user_at_work_stays_logged_in(client_a):
    age(client_a, idle=29 * 60, logged_in=11 * 3600)
    assert client_a.get(PAGE).status_code == 200
    seen = client_a.session[SEEN_AT]
    assert time.time() - seen < 5  # the clock restarted
    # Within a minute it is not written again (no session write per request).
    age(client_a, idle=10, logged_in=3600)
    before = client_a.session[SEEN_AT]
    client_a.get(PAGE)
    assert client_a.session[SEEN_AT] == before


def test_the_limits_come_from_settings(client_a, settings):
    settings.SESSION_IDLE_TIMEOUT = timedelta(minutes=5)
    age(client_a, idle=6 * 60)
    assert client_a.get(PAGE).status_code == 302


def test_a_session_without_a_clock_is_not_trusted(client_a):
    session = client_a.session
    del session[LOGIN_AT]
    session.save()
    assert client_a.get(PAGE).status_code == 302


def test_the_admin_ends_too(client, superuser):
    client.force_login(superuser)
    age(client, idle=31 * 60)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_cookie_lasts_no_longer_than_a_login(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/anka/customers/",
        "/anka/customers/?view=table",
        "/anka/orders/",
        "/anka/orders/export.csv",
        "/anka/catalog/",
        "/anka/settings/",
        "/anka/admin/customers/customer/",
    ],
)
def test_staff_pages_and_exports_are_never_stored(client_a, url):
    response = client_a.get(url)
    assert response.status_code in (200, 302)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
