"""The token in a quick-order URL: the link's (tenant id, random public id), signed.

A forged or mangled token fails the signature check before any database query. A dump of
the database alone gives no working link (the signature needs SECRET_KEY), and rotating
the key keeps old links working through SECRET_KEY_FALLBACKS.
"""

from django.core import signing

from crm.lib.validation import is_number

SALT = "quickorder.link.v1"


def make_token(link) -> str:
    return signing.Signer(salt=SALT).sign(f"{link.tenant_id}.{link.public_id}")


def parse_token(token: str) -> tuple[int, str] | None:
    """(tenant_id, public_id) of a genuine token, None for anything else."""
    if not token or len(token) > 200:
        return None
    try:
        value = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    tenant_id, _, public_id = value.partition(".")
    if not is_number(tenant_id) or not public_id:
        return None
    return int(tenant_id), public_id
