"""Login throttling, session rotation, security headers."""

import pytest

from crm.tests.test_settings import PRODUCTION_ENV, run_manage


@pytest.fixture
def wrong(client, owner_a):
    def attempt(password="wrong-password", **extra):
        return client.post(
            "/accounts/login/", {"username": "owner_a", "password": password}, **extra
        )

    return attempt


def test_repeated_failures_lock_the_username_and_ip_out(client, wrong, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert wrong().status_code == 200  # the login form again, with an error
    locked = wrong()
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    # Even the right password is refused during the cool-off.
    assert wrong(password="pw-for-tests-1").status_code == 429


def test_lockout_page_is_translated(client, wrong, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = wrong(HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 429
    assert "Too many failed logins" not in response.content.decode()
    assert '<html lang="ru"' in response.content.decode()


def test_lockout_is_per_username_and_ip(client, wrong, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        wrong()
    other_ip = client.post(
        "/accounts/login/",
        {"username": "owner_a", "password": "pw-for-tests-1"},
        REMOTE_ADDR="10.1.2.3",
    )
    assert other_ip.status_code == 302


def test_session_key_rotates_on_login(client, owner_a):
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key
    client.post("/accounts/login/", {"username": "owner_a", "password": "pw-for-tests-1"})
    assert client.session.session_key != before


def test_logout_is_post_only(client_a):
    assert client_a.get("/accounts/logout/").status_code == 405


def test_security_headers_on_pages(client_a):
    response = client_a.get("/anka/customers/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "style-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_templates_have_no_inline_script_or_style():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "templates"
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=")
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if inline.search(path.read_text())
    ]
    assert offenders == []


def test_production_settings_make_cookies_secure_and_send_hsts():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0,"
        " s.SECURE_SSL_REDIRECT)"
    )
    result = run_manage("shell", "-c", code, env_overrides=PRODUCTION_ENV)
    assert result.stdout.strip().splitlines()[-1] == "True True True True"


def test_one_address_trying_many_user_names_is_locked_out(client, owner_a, settings):
    answers = [
        client.post("/accounts/login/", {"username": f"guess{i}", "password": "x"}).status_code
        for i in range(50)
    ]
    limit = settings.LOGIN_FAILURES_PER_ADDRESS
    assert answers[:limit] == [200] * limit
    assert set(answers[limit:]) == {429}
    locked = client.post("/accounts/login/", {"username": "owner_a", "password": "pw-for-tests-1"})
    assert locked.status_code == 429
    assert "logging in from your address is blocked" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    other = client.post(
        "/accounts/login/",
        {"username": "owner_a", "password": "pw-for-tests-1"},
        REMOTE_ADDR="10.1.2.3",
    )
    assert other.status_code == 302


def test_the_admin_login_counts_and_refuses_by_address_too(client, superuser, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 3
    for i in range(3):
        client.post("/admin/login/", {"username": f"guess{i}", "password": "x"})
    response = client.post("/admin/login/", {"username": "root", "password": "pw-for-tests-1"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_secure_cookies_carry_the_host_prefix():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_PATH,"
        " s.CSRF_COOKIE_PATH, s.SESSION_COOKIE_DOMAIN, s.CSRF_COOKIE_DOMAIN)"
    )
    result = run_manage("shell", "-c", code, env_overrides=PRODUCTION_ENV)
    assert (
        result.stdout.strip().splitlines()[-1] == "__Host-sessionid __Host-csrftoken / / None None"
    )


def test_the_host_prefixed_cookies_are_set_as_browsers_require(client, owner_a, settings):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    client.get("/accounts/login/", secure=True)
    response = client.post(
        "/accounts/login/",
        {"username": "owner_a", "password": "pw-for-tests-1"},
        secure=True,
    )
    for name in ("__Host-sessionid", "__Host-csrftoken"):
        cookie = response.cookies.get(name) or client.cookies[name]
        assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]
