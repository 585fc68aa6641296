"""Small input checks shared by views that read ids, numbers and dates from the request."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def is_number(text: str) -> bool:
    """True for plain ASCII digits that fit a 64-bit id.

    str.isdigit() also accepts "²" and "٣", which int() then refuses, and a 30-digit number
    overflows PostgreSQL's bigint: both were 500s the form fuzzer found.
    """
    return bool(text) and len(text) <= 18 and text.isascii() and text.isdigit()


# The latest moment a date entered by a person may be stored as: well inside what the
# databases and Python's datetime read back in any time zone. (9999-12-31 in a zone west of
# UTC is year 10000 in UTC: PostgreSQL stores it, and every page reading it back failed.)
LATEST_STORABLE = datetime.datetime(3000, 1, 1, tzinfo=datetime.UTC)


def validate_storable_datetime(value) -> None:
    if value is not None and value >= LATEST_STORABLE:
        raise ValidationError(_("Enter a date before the year 3000."), code="too_late")
