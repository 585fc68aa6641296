"""Query parameters without control characters, for every view and the admin.

A NUL in a query parameter reaches PostgreSQL as part of a search or a lookup and fails the
query (a 500: the admin's autocomplete `term` did). No one types control characters into a
search box or a link, so they are removed before any view reads `request.GET`; forms
already refuse them in posted data (Django's ProhibitNullCharactersValidator).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.http import QueryDict

from crm.lib.text import has_control_characters, strip_control_characters

# Worth a look: a percent-escape of a C0 control, DEL or a C1 control (UTF-8 C2 80-9F), or
# a raw control character. Most query strings have none of these and are left alone.
SUSPECT = re.compile(r"%(?:[01][0-9a-f]|7f|c2%[89][0-9a-f])|[\x00-\x1f\x7f]", re.IGNORECASE)


def clean_query(query_string: str, encoding: str | None = None) -> QueryDict | None:
    """The query without control characters, or None if it had none."""
    if not SUSPECT.search(query_string):
        return None
    params = QueryDict(query_string, encoding=encoding)
    if not any(
        has_control_characters(key) or any(has_control_characters(v) for v in values)
        for key, values in params.lists()
    ):
        return None
    pairs = [
        (strip_control_characters(key), strip_control_characters(value))
        for key, values in params.lists()
        for value in values
    ]
    return QueryDict(urlencode(pairs))  # UTF-8 both ways


class QueryParamsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cleaned = clean_query(request.META.get("QUERY_STRING", ""), request.encoding)
        if cleaned is not None:
            request.GET = cleaned
            request.META["QUERY_STRING"] = cleaned.urlencode()  # get_full_path() agrees
        return self.get_response(request)
