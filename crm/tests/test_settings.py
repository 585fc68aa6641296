import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "crm.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://crm.example.com",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_manage(*args, env_overrides):
    # A clean environment: nothing of the test process (DEBUG, the browser tests' async
    # allowance) may leak into the production check.
    dropped = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_refuses_to_start_in_production_without_secret_key():
    env = dict(PRODUCTION_ENV)
    env["SECRET_KEY"] = ""
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_csrf_middleware_is_djangos_subclass_and_installed(settings):
    from django.middleware.csrf import CsrfViewMiddleware

    from crm.core.checks import check_csrf_middleware
    from crm.lib.csrf import CsrfViewMiddleware as Ours

    assert issubclass(Ours, CsrfViewMiddleware)
    assert check_csrf_middleware() == []
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "crm.lib.csrf.CsrfViewMiddleware"]
    assert [e.id for e in check_csrf_middleware()] == ["crm.E002"]


def database_options(**overrides) -> dict:
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://crm@db.example.com/crm", **overrides}
    code = "import json; from django.conf import settings as s; "
    code += "d = s.DATABASES['default']; print(json.dumps({**d.get('OPTIONS', {}), "
    code += "'ENGINE': d['ENGINE']}))"
    result = run_manage("shell", "-c", code, env_overrides=env)
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgresql_uses_prepared_statements_unless_turned_off():
    assert database_options() == {
        "server_side_binding": True,
        "prepare_threshold": 5,
        "options": "-c plan_cache_mode=force_custom_plan",
        "ENGINE": "crm.lib.postgresql",
    }
    # Behind an old PgBouncer in transaction mode (docs/operations.md).
    assert database_options(DB_PREPARED_STATEMENTS="0") == {
        "ENGINE": "django.db.backends.postgresql"
    }


@pytest.mark.parametrize(
    ("variable", "value"),
    [("DEBUG", "ture"), ("SESSION_COOKIE_SECURE", "maybe"), ("EMAIL_PORT", "abc")],
)
def test_a_value_that_cannot_be_read_stops_the_start(variable, value):
    result = run_manage("check", env_overrides={**PRODUCTION_ENV, variable: value})
    assert result.returncode != 0
    assert f"{variable}={value!r}" in result.stderr


@pytest.mark.parametrize(("value", "expected"), [("OFF", "False"), (" yes ", "True"), ("", "True")])
def test_every_spelling_of_a_switch_is_read(value, expected):
    code = "from django.conf import settings as s; print(s.COMPILED_QUERIES)"
    result = run_manage(
        "shell", "-c", code, env_overrides={**PRODUCTION_ENV, "COMPILED_QUERIES": value}
    )
    assert result.stdout.strip().splitlines()[-1] == expected
