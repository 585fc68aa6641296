"""Log hygiene: quick-order tokens are secrets and never reach a log line."""

import logging
import re

TOKEN_IN_PATH = re.compile(r"/q/[^/\s\"'?]+")
REDACTED = "/q/[redacted]"


def redact(text: str) -> str:
    return TOKEN_IN_PATH.sub(REDACTED, text)


class RedactQuickOrderTokens(logging.Filter):
    """Rewrites every record (message, arguments, request path) before a handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        if "/q/" in message:
            record.msg = redact(message)
            record.args = ()
        request = getattr(record, "request", None)
        if request is not None and "/q/" in getattr(request, "path", ""):
            record.request = None  # the error email/report would print the full path
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: what log collectors parse without configuration."""

    def format(self, record: logging.LogRecord) -> str:
        import json

        data = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        data.update(getattr(record, "fields", {}))
        if record.exc_info:
            data["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(data, ensure_ascii=False, default=str)


request_log = logging.getLogger("crm.request")


class RequestLogMiddleware:
    """A structured line per request: method, path (tokens redacted), status, duration,
    client address, tenant and user. First in the middleware list, so it times everything."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        from crm.lib.client_address import client_ip

        started = time.perf_counter()
        response = self.get_response(request)
        tenant = getattr(request, "tenant", None)
        # Only a user already loaded: looking one up now could hit a database that is down.
        user = getattr(request, "_cached_user", None)
        request_log.info(
            "request",
            extra={
                "fields": {
                    "method": request.method,
                    "path": redact(request.path),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "ip": client_ip(request),
                    "tenant": tenant.slug if tenant else None,
                    "user": user.pk if user is not None and user.is_authenticated else None,
                }
            },
        )
        return response
