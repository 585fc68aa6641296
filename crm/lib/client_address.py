"""The client's address: one function for every rate limit, the login lockout, orders and
logs.

Behind a reverse proxy `REMOTE_ADDR` is the proxy, so everyone would share one address (and
one rate limit). `X-Forwarded-For` names the client, but anyone can send that header: it is
believed only as far as it was written by proxies we trust, which are configured either by
address (`TRUSTED_PROXIES`: addresses or CIDR networks) or by number (`TRUSTED_PROXY_COUNT`:
that many proxies stand in front of every request, as on a platform whose load balancer
cannot be bypassed). With neither, the header is ignored.

Why not django-ipware: it picks an address out of the header without asking whether the
connection came from a trusted proxy, so a client that reaches the server directly could
name any address it likes. The rule here is the one nginx's realip module applies.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=4)
def trusted_networks(entries: tuple[str, ...]) -> tuple:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP address or a CIDR network."
            ) from exc
    return tuple(networks)


def parse_address(text: str) -> Address | None:
    """An address as proxies write it ("203.0.113.7", "[2001:db8::1]:443", "203.0.113.7:
    51234"), IPv4-mapped IPv6 as IPv4; None for anything else."""
    text = text.strip()
    if text.startswith("["):  # [v6] or [v6]:port
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: Address, networks) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as text, or None if the connection has none we can read."""
    remote = parse_address(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return None
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    count = settings.TRUSTED_PROXY_COUNT
    if not networks and not count:
        return str(remote)
    # The hops, nearest last: what each proxy appended, then the connection itself.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop for hop in forwarded.split(",") if hop.strip()]
    if count:
        # The client is `count` hops before the connection: everything further left was
        # written by whoever sent the request and proves nothing.
        if len(hops) < count:
            return str(remote)  # it did not come through the proxies
        return str(parse_address(hops[-count]) or remote)
    client = remote
    while _is_trusted(client, networks) and hops:
        previous = parse_address(hops.pop())
        if previous is None:  # garbage written by someone we do not trust
            break
        client = previous
    return str(client)
