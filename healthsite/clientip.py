"""The reader's IP address, also behind reverse proxies, without trusting what readers can forge.

With TRUSTED_PROXY_COUNT = 0 (the default) the address is the connection's peer (REMOTE_ADDR) and
X-Forwarded-For is ignored: anyone can send that header. With N trusted proxies in front, each
appends the address it received the request from, so the reader's address is the Nth entry from
the right; entries further left were written by the reader and are ignored. The header is read
only when the peer is one of the proxies (TRUSTED_PROXY_NETWORKS): a reader connecting directly
cannot choose their own address."""

import ipaddress

from django.conf import settings


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def from_trusted_proxy(peer):
    return peer is not None and any(
        peer in ipaddress.ip_network(network, strict=False) for network in settings.TRUSTED_PROXY_NETWORKS
    )


def client_ip(request):
    """The reader's address as text; empty when there is none to be had."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0 or not from_trusted_proxy(_address(remote)):
        return remote
    forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(forwarded) < count:
        return remote  # a proxy in the chain did not add its entry: nothing trustworthy to read
    client = _address(forwarded[-count])
    return str(client) if client is not None else remote
