"""Profile one page in one process: where a request's time goes, before optimising it.

Calls the WSGI application directly (no server, no network), as the given user, against
the database of DATABASE_URL (the benchmark's `crm_bench` after `make bench`, say):

    export DEBUG=0 SECRET_KEY=x ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0
    export DATABASE_URL=postgres://postgres@127.0.0.1/crm_bench REQUEST_LOG=0
    export REDIS_URL=redis://127.0.0.1:6379/14 \
        SESSION_ENGINE=django.contrib.sessions.backends.cached_db  # as `make bench` runs
    .venv/bin/python bench/profile_view.py /big/customers/ --user bench

Prints milliseconds per request (and, for a local PostgreSQL, the CPU its server process
spent per request), the queries of one request with their times, and a
pyinstrument call tree (`--profile`) or cProfile's costliest functions (`--cprofile`, by
own time; `--cprofile cumulative` by time inside). `--post` sends a form instead, with a
CSRF token. `{n}` in the form or the query string becomes the request's number, for fields
that must differ (an idempotency key) or a page no cache may answer (`?fresh={n}`):

    .venv/bin/python bench/profile_view.py /big/orders/new/1/ --user bench \
        --post 'qty_1=1&qty_2=1&idempotency_key=profile-{n}'
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crm.settings")


def server_cpu_reader(connection):
    """A function giving the CPU seconds used so far by this connection's PostgreSQL backend
    (a local server only: it reads /proc), or None."""
    if connection.vendor != "postgresql":
        return lambda: None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cursor.fetchone()[0]}/stat")
    if not stat.exists():
        return lambda: None
    ticks = os.sysconf("SC_CLK_TCK")

    def read() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime

    return read


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", help="e.g. /big/customers/?q=term")
    parser.add_argument("--user", help="username to be logged in as")
    parser.add_argument("--post", metavar="BODY", help="a urlencoded form to POST")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument tree")
    parser.add_argument(
        "--cprofile",
        nargs="?",
        const="tottime",
        metavar="SORT",
        help="print cProfile's 40 costliest functions, by own time or by SORT (cumulative)",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.middleware.csrf import _get_new_csrf_string
    from django.utils.module_loading import import_string

    from crm.core.models import User
    from crm.core.sessions import LOGIN_AT, SEEN_AT

    application = get_wsgi_application()

    cookie = ""
    if args.user:
        user = User.objects.get(username=args.user)
        store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = next(
            path
            for path in settings.AUTHENTICATION_BACKENDS
            if hasattr(import_string(path), "get_user")
        )
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store[LOGIN_AT] = store[SEEN_AT] = int(time.time())  # a login that has not expired
        store.save()
        cookie = f"{settings.SESSION_COOKIE_NAME}={store.session_key}"
    csrf = _get_new_csrf_string()
    cookie = "; ".join(filter(None, [cookie, f"{settings.CSRF_COOKIE_NAME}={csrf}"]))
    path, _, query = args.path.partition("?")
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "127.0.0.1"
    sent = 0

    def request() -> str:
        nonlocal sent
        sent += 1
        unique = f"{os.getpid()}-{time.time_ns()}-{sent}"
        body = (args.post or "").replace("{n}", unique)
        environ = {
            "REQUEST_METHOD": "POST" if args.post else "GET",
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(len(body)),
            "HTTP_X_CSRFTOKEN": csrf,
            "PATH_INFO": path,
            "QUERY_STRING": query.replace("{n}", unique),
            "SERVER_NAME": host,
            "SERVER_PORT": "80",
            "HTTP_HOST": host,
            "HTTP_COOKIE": cookie,
            "wsgi.input": io.BytesIO(body.encode()),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        status = []
        b"".join(application(environ, lambda s, headers, exc=None: status.append(s)))
        return status[0]

    for _ in range(10):  # warm: connections, templates, caches
        status = request()
    print(f"{args.path}: {status}")
    # What start-up and warming made lives for the whole run: moved out of the garbage
    # collector's reach, so that a full collection of it (hundreds of millions of
    # instructions, at a moment that shifts with the heap) does not land in one count and
    # not another (bench/instructions.sh subtracts two runs of different lengths).
    gc.collect()
    gc.freeze()

    queries = []

    def log(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - started) * 1000, sql))

    with connection.execute_wrapper(log):
        request()
    for ms, sql in queries:
        print(f"  {ms:6.2f} ms  {sql[:110]}")
    print(f"{len(queries)} queries, {sum(ms for ms, _ in queries):.2f} ms in the database")

    server = server_cpu_reader(connection)
    started, cpu, server_cpu = time.perf_counter(), time.process_time(), server()
    for _ in range(args.requests):
        request()
    print(
        f"{(time.perf_counter() - started) / args.requests * 1000:.2f} ms per request, "
        f"{(time.process_time() - cpu) / args.requests * 1000:.2f} ms of it in Python"
        + (
            f"; PostgreSQL's own CPU: {(server() - server_cpu) / args.requests * 1000:.2f} ms"
            if server_cpu is not None
            else ""
        )
    )

    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(args.requests):
                request()
        print(profiler.output_text(color=False, unicode=False))
    if args.cprofile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        with profiler:
            for _ in range(args.requests):
                request()
        pstats.Stats(profiler).sort_stats(args.cprofile).print_stats(40)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
