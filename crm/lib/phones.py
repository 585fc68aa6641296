"""Phone numbers: parsed with the tenant's default region, stored as E.164 (phonenumbers)."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def parse_phone(raw: str, region: str) -> str:
    """E.164 form of `raw` ("+905321112233"), or ValidationError if it is not a valid number.

    A number written without a +country code is read as a number of `region`. Letters are
    refused: phonenumbers would read "0532 ABC 12 34" as a keypad number and store digits
    the person never typed.
    """
    if any(char.isalpha() for char in raw):
        raise ValidationError(
            _("Write the phone number with digits only (letters are not allowed)."),
            code="letters_in_phone",
        )
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("Enter a valid phone number."), code="invalid_phone") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a valid phone number."), code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """ "+90 532 111 22 33" for showing a stored number."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_digits(e164: str) -> str:
    """Digits of the stored number, without "+" ("905321112233"): what search matches."""
    return re.sub(r"\D", "", e164 or "")


def search_digits(query: str) -> str:
    """Digits of a search term with trunk and international-call prefixes removed.

    "+90 532 111 22 33" -> "905321112233", "0532 111 2233" -> "5321112233",
    "00 90 532..." -> "90532...": each is a substring of the stored digits.
    """
    return re.sub(r"\D", "", query).lstrip("0")
