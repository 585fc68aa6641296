"""Settings for the CRM, in one file: every deploy-time value comes from the environment.

DEBUG is off unless the environment turns it on; `make run`, `make test` and CI set
DEBUG=1 (crm/testing.py for pytest), and with it come development defaults: a fixed
secret key, local host names, no HTTPS redirect and plain cookies. Without DATABASE_URL
the embedded SQLite file `db.sqlite3` is used. Production sets at least SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL; docs/operations.md lists every variable. A value that
cannot be read (`DEBUG=ture`, `EMAIL_PORT=abc`) stops the start with the variable's name,
rather than being taken for off or a default.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value not in TRUE | FALSE:
        raise ImproperlyConfigured(
            f"{name}={os.environ[name]!r}: write one of {sorted(TRUE)} or {sorted(FALSE)}."
        )
    return value in TRUE


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


DEBUG = env_bool("DEBUG", default=False)

_DEV_SECRET_KEY = "django-insecure-development-key-never-used-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see docs/operations.md)."
        )
    SECRET_KEY = _DEV_SECRET_KEY
# Old keys still accepted for signatures (sessions, quick-order links) while rotating.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    "crm.core.apps.CrmAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",  # the widget templates, for the TemplatesSetting renderer below
    "django_filters",
    "axes",
    "csp",
    "django_htmx",
    "template_partials",
    "crm.core",
    "customers",
    "notes",
    "catalog",
    "orders",
    "quickorder",
    "followups",
    "django_tasks",
    "django_tasks_db",
    "jobs",
]

MIDDLEWARE = [
    "crm.lib.logging.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Control characters (NUL...) removed from query parameters before any view reads them.
    "crm.lib.query_params.QueryParamsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Cache-Control: private, no-store on every response to a logged-in user.
    "crm.core.sessions.PrivatePagesMiddleware",
    # Django's LocaleMiddleware, without its cache of every tenant's URLs (crm/core/i18n.py).
    "crm.core.i18n.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "crm.lib.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Reads the user with their membership of the requested tenant, in one query.
    "crm.core.tenancy.MemberLookupMiddleware",
    "crm.core.i18n.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Logs out a session idle or open for too long (crm/sessions.py; after htmx, so an htmx
    # request is sent to the login page as a whole window).
    "crm.core.sessions.SessionLifetimeMiddleware",
    # Counts failed logins and locks a username+IP out (after authentication middleware).
    "axes.middleware.AxesMiddleware",
    # And an address that failed too often, whatever the user names (crm/accounts.py).
    "crm.core.accounts.AddressLockoutMiddleware",
    # Last: everything below /<tenant>/ runs inside the tenant's scope.
    "crm.core.tenancy.TenantMiddleware",
]

# Django's W003 only recognises its own CSRF class by name; ours subclasses it (crm/csrf.py)
# and crm.core.checks.check_csrf_middleware makes sure it stays installed.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

ROOT_URLCONF = "crm.urls"
# Tenant URL configurations kept per process (crm/core/urlconfs.py): about 110 KB each,
# 450 KB once the tenant's admin is used; building one again costs 10-20 ms. At 64, a
# worker that served 2,000 tenants stays under 140 MB (bench/urlconf_memory.py).
TENANT_URLCONFS = env_int("TENANT_URLCONFS", 64)
WSGI_APPLICATION = "crm.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "crm.core.context_processors.tenancy",
                "followups.context_processors.today_badge",
            ],
        },
    },
    {
        # Emails are text, not HTML: rendered without escaping ("Özgür & Oğul", not
        # "Özgür &amp; Oğul"), through crm.lib.mail.render_email only.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Widgets drawn through the project's templates, so that templates/django/forms/widgets/
# can replace Django's per-option includes (crm.lib.widgets: a time-zone select was most of
# the settings page's time).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: DATABASE_URL, or an embedded SQLite file for development.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", default=True),
    )
}
# Behind PgBouncer in transaction mode (docs/operations.md).
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("DISABLE_SERVER_SIDE_CURSORS")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DB_PREPARED_STATEMENTS", default=True
):
    # psycopg prepares a statement on its 5th use in a connection (it keeps the 100 most
    # used), so PostgreSQL parses each of the app's statements once per connection instead
    # of on every request. It needs server-side parameter binding. Turn it off behind
    # PgBouncer older than 1.21 in transaction mode (docs/operations.md).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options.update(server_side_binding=True, prepare_threshold=5)
    # Django's backend, batching work to the 65,535 parameters a bound statement may have.
    DATABASES["default"]["ENGINE"] = "crm.lib.postgresql"
    # Each run is still planned for its own values: one plan made for any values could
    # suit a small tenant and not the big one, or a long search term and not a short one.
    # Transactions whose statements plan alike for any values opt out (crm.lib.compiled).
    options["options"] = " ".join(
        filter(None, [options.get("options"), "-c plan_cache_mode=force_custom_plan"])
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite connections are cheap; a persistent one only holds file locks longer.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}

# Queries compiled once per process (crm/lib/compiled.py), the one place built on Django's
# private ORM internals: off, the plain ORM runs them (to try a Django upgrade).
COMPILED_QUERIES = env_bool("COMPILED_QUERIES", default=True)
# The other two pieces built on Django's private internals for speed (docs/scaling.md):
# choice labels from a table (crm/lib/choices.py) and the user read with their membership
# (crm/core/tenancy.py). Off, Django's own code runs.
FAST_CHOICE_LABELS = env_bool("FAST_CHOICE_LABELS", default=True)
MEMBER_LOOKUP = env_bool("MEMBER_LOOKUP", default=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "crm.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "crm.core.accounts.AddressThrottleBackend",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): 5 failures for one username from one IP lock that pair out
# for 15 minutes. Attempts live in the database, so every web server counts them together.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The same client address as every other rate limit (crm/client_address.py).
AXES_CLIENT_IP_CALLABLE = "crm.lib.client_address.client_ip"
# And per address whatever the user names: one address trying many accounts is locked out
# too (crm.lib.ratelimit.LOGIN_FAILURES; higher, as an office may share one address).
LOGIN_FAILURES_PER_ADDRESS = env_int("LOGIN_FAILURES_PER_ADDRESS", 20)

# Reverse proxies whose X-Forwarded-For names the client (crm/client_address.py): their
# addresses or CIDR networks, or the number of proxies in front of every request.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Content Security Policy (django-csp): our pages need no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],  # blob: photos shown before their upload
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Background jobs: Django's Tasks API (the django-tasks backport on 5.2), stored in the
# database and run by `manage.py db_worker` on any machine (docs/operations.md). Queues:
# "email" for outgoing emails, "default" for the rest (scheduled jobs, imports).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "email"],
    }
}
# /healthz/queue answers 503 when the oldest job waiting to run is older than this.
QUEUE_MAX_AGE_SECONDS = env_int("QUEUE_MAX_AGE_SECONDS", 300)

# The address customers reach the site at, for links in emails sent by background jobs
# (an order's status page): no request there to take it from.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Quick-order rate limits: failed link lookups per IP per 10 minutes, orders per link per hour.
QUICKORDER_FAILED_LOOKUPS_PER_IP = env_int("QUICKORDER_FAILED_LOOKUPS_PER_IP", 30)
QUICKORDER_ORDERS_PER_LINK = env_int("QUICKORDER_ORDERS_PER_LINK", 20)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Cache: process memory for one process; Redis (shared by every worker and server) when
# REDIS_URL is set, which rate limits and login throttling need in production.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # One client per connection pool (crm/lib/redis_cache.py), or Django's own.
            "BACKEND": "crm.lib.redis_cache.RedisCache"
            if env_bool("REDIS_CLIENT_PER_POOL", default=True)
            else "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered fragments cached under a digest of their content (customer cards, the quick-order
# product grid): a changed input is a new key, so nothing is ever invalidated and each worker
# may keep its own copy. Process memory is faster than a round trip to Redis for them.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": 24 * 3600,
    "OPTIONS": {"MAX_ENTRIES": env_int("FRAGMENT_CACHE_ENTRIES", 5000)},
}
# Quick-order product grids the same way, apart: one is over half a megabyte at 500 products.
CACHES["grids"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "grids",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": env_int("GRID_CACHE_ENTRIES", 40)},
}
# Pages cached per tenant generation (crm/generations.py): the customers page's results and
# the whole quick-order catalog. Only with a shared cache: a generation must be one for
# every worker.
GENERATION_CACHE = env_bool("GENERATION_CACHE", default=bool(REDIS_URL))
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "TIMEOUT": 60,
    "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 200)},
}
# Sessions live in the database, so staff pages keep working while Redis is away. With
# Redis, SESSION_ENGINE=django.contrib.sessions.backends.cached_db reads them through it (one
# Redis round trip instead of a query per request; the benchmark runs that way), at the
# price of logins failing while Redis is down.
SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "django.contrib.sessions.backends.db")
# A login ends after this long without a request, and this long after it began whatever
# happens (crm/sessions.py). The cookie lives as long as the login may.
SESSION_IDLE_TIMEOUT = timedelta(minutes=env_int("SESSION_IDLE_MINUTES", 30))
SESSION_ABSOLUTE_LIFETIME = timedelta(hours=env_int("SESSION_ABSOLUTE_HOURS", 12))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_LIFETIME.total_seconds())

# Internationalisation. English is the source language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ro", _("Romanian")),
    ("ru", _("Russian")),
    ("fa", _("Persian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"

# modeltranslation: every language gets a column; empty ones fall back to English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The tabbed translation admin needs jQuery UI: served from our static files, not a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# In development whitenoise serves straight from the apps' static folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email: console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=bool(EMAIL_HOST))
# Emails are sent by the background worker (jobs/outbox.py): a mail server that accepts the
# connection and then hangs must not hold it for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CRM <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Security. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER_ENABLED=1.
if env_bool("SECURE_PROXY_SSL_HEADER_ENABLED"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
# Over HTTPS the cookies carry the __Host- prefix: browsers then accept them only if they
# are Secure, for the whole site and this host alone, so a sibling subdomain or a plain
# HTTP page cannot plant or overwrite them.
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
if CSRF_COOKIE_SECURE:
    CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "crm.lib.logging.RedactQuickOrderTokens"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "crm.lib.logging.JsonFormatter"},
        "server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_tokens"],
        },
        "server": {
            "class": "logging.StreamHandler",
            "formatter": "server",
            "filters": ["redact_tokens"],
        },
        "requests": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["redact_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # runserver's request lines, through the same redaction.
        "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # One JSON line per request on stdout (REQUEST_LOG=0 turns it off, e.g. for make run).
        "crm.request": {
            "handlers": ["requests"] if env_bool("REQUEST_LOG", default=True) else [],
            "level": "INFO",
            "propagate": False,
        },
    },
}
