"""A database that is down or restarting gives a clean 503, not a stack trace."""

import logging

from django.db import InterfaceError, OperationalError
from django.shortcuts import render

log = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            log.warning("database unavailable: %s", exception.__class__.__name__)
            response = render(request, "503.html", status=503)
            response["Retry-After"] = "5"
            return response
        return None
