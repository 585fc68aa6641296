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
