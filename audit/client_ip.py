"""Who is calling: the client's IP address, trusting X-Forwarded-For only from our proxies."""

import ipaddress
from functools import cache

from django.conf import settings


@cache
def trusted_proxies() -> tuple:
    return tuple(ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES)


def is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted_proxies())


def client_ip(request) -> str | None:
    """The address of the client that sent `request`, or None if it is not an IP address.

    X-Forwarded-For can be written by anyone, so it is read only when the direct peer is a
    proxy named in TRUSTED_PROXIES, and then from the right: the first address that is not
    one of our proxies is the client (addresses further left are the client's own claims).
    """
    address = request.META.get("REMOTE_ADDR", "")
    if is_trusted_proxy(address):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
            address = hop
            if not is_trusted_proxy(hop):
                break
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_ip_for_axes(request, *args, **kwargs):
    """AXES_CLIENT_IP_CALLABLE: lockouts count the same address the audit trail records."""
    return client_ip(request)
