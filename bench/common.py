"""Shared pieces of the benchmark and the fault test: a scratch PostgreSQL database, a
gunicorn server with production settings, and a tiny HTTP client with cookies."""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql: str, database: str = "postgres") -> str:
    return subprocess.run(
        ["psql", f"{PG}/{database}", "-qtAc", sql], check=True, capture_output=True, text=True
    ).stdout


def fresh_database(name: str) -> str:
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{name}"')
    return f"{PG}/{name}"


def server_env(database_url: str, **extra) -> dict:
    static_root = ROOT / "bench" / "out" / "static"
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", "bench-" + "k" * 50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "REQUEST_LOG": "0",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        **extra,
    }


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else ""


@contextlib.contextmanager
def gunicorn(env: dict, workers: int = 2, port: int | None = None):
    port = port or free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "crm.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=30)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "")

    def request(self, method: str, path: str, data: dict | None = None, timeout: float = 10):
        body = None
        headers = {"Referer": self.base + path}
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.cookie("csrftoken")}
            body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers=headers, method=method
        )
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")

    def get(self, path: str, **kw):
        return self.request("GET", path, **kw)

    def post(self, path: str, data: dict, **kw):
        return self.request("POST", path, data, **kw)

    def login(self, username: str, password: str) -> None:
        self.get("/accounts/login/")
        status, _, _ = self.post("/accounts/login/", {"username": username, "password": password})
        if status != 302:
            raise RuntimeError(f"login failed: {status}")


def new_key() -> str:
    return secrets.token_urlsafe(24)


@contextlib.contextmanager
def job_worker(env: dict, **extra):
    """A background worker (`manage.py db_worker`), as production runs beside the web."""
    process = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2", "--no-reload"],
        cwd=ROOT,
        env={**env, **extra},
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


class _Mailbox:
    def __init__(self, delay: float):
        self.delay = delay
        self.received = 0

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        await asyncio.sleep(self.delay)
        self.received += 1
        return "250 OK"


@contextlib.contextmanager
def smtp_server(delay: float = 0.0):
    """A real SMTP server on loopback (aiosmtpd) that takes `delay` seconds per message."""
    from aiosmtpd.controller import Controller

    mailbox, port = _Mailbox(delay), free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    mailbox.env = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "0",
    }
    try:
        yield mailbox
    finally:
        controller.stop()
