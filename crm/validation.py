"""Small input checks shared by views that read ids and numbers from the request."""


def is_number(text: str) -> bool:
    """True for plain ASCII digits that fit a 64-bit id.

    str.isdigit() also accepts "²" and "٣", which int() then refuses, and a 30-digit number
    overflows PostgreSQL's bigint: both were 500s the form fuzzer found.
    """
    return bool(text) and len(text) <= 18 and text.isascii() and text.isdigit()
