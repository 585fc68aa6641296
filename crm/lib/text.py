"""One normalisation for every case-insensitive rule: tag, group and SKU uniqueness, the
lookups that find an existing one, and email addresses.

The databases disagree about case: SQLite's LOWER() folds ASCII only, PostgreSQL's
follows its collation, and Django's `iexact` compares UPPER() while a unique index may use
LOWER(). Where two of those met, "İnstagram" next to an existing "Instagram" passed the
lookup and failed the unique index (a 500, the edit lost). So the folding is done once, in
Python, and stored: a `*_key` column holds `fold(value)`, uniqueness is on that column and
lookups compare it exactly (crm.core.models.TenantOwned.folded_keys).
"""

from __future__ import annotations

import unicodedata

# Every i of Turkish and English is one letter here: a Turkish keyboard writes "İnstagram"
# and the dotless "\u0131nstagram" for what an English one writes "Instagram", "instagram".
_DOTS = str.maketrans({"\u0131": "i"})


def fold(text: str) -> str:
    """The form under which two names are the same name.

    Unicode case folding (German "Straße" = "STRASSE", Greek final sigma "ΟΔΟΣ" = "οδος"),
    compatibility forms (full-width letters, ligatures), Turkish dotted and dotless i taken
    as i, and runs of whitespace as one space.
    """
    text = unicodedata.normalize("NFKC", text or "").casefold()
    # casefold() writes İ as i + COMBINING DOT ABOVE; drop the dot, as Turkish does.
    text = unicodedata.normalize("NFD", text).replace("i\u0307", "i").translate(_DOTS)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def normalize_email(value: str) -> str:
    """An email address as stored and compared: trimmed and in lower case. (Mail servers
    treat the local part case-insensitively in practice; folding it further, "ß" to "ss",
    would change the address.)"""
    return (value or "").strip().lower()


def is_control(char: str) -> bool:
    """A control character other than tab and line breaks (NUL, ESC, DEL, C1 codes...)."""
    return unicodedata.category(char) == "Cc" and char not in "\t\n\r"


def strip_control_characters(text: str) -> str:
    return "".join(char for char in text if not is_control(char))


def has_control_characters(text: str) -> bool:
    return any(is_control(char) for char in text)


MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """A database id from text the browser sent ("12"), or None for anything else: other
    digits ("²", "١٢"), signs, spaces, or a number beyond a 64-bit id."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None
