"""Limits on costly requests, per client and for everyone together, answered with a clear 429.

    throttle(request, "visit-summary-pdf")   # before the costly work; raises TooManyRequests

Each name's limits are in settings.THROTTLES. Uses are counted in the shared cache, in fixed
windows, so every worker process sees the same counts. The client is its address (an IPv6
address by its /64, which one home usually has to itself)."""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from healthsite.clientip import client_ip


class TooManyRequests(Exception):
    def __init__(self, name, retry_after, everyone):
        super().__init__(f"{name}: too many requests; retry in {retry_after} s")
        self.retry_after = retry_after
        self.everyone = everyone  # the limit for all clients together was reached, not this client's


def client_key(request):
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    return str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)


def _count(key, window):
    cache.add(key, 0, timeout=window + 1)
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=window + 1)
        return 1


def throttle(request, name):
    """Count one use of `name` by this request's client; raise TooManyRequests past a limit."""
    rule = settings.THROTTLES[name]
    window = rule["window"]
    now = time.time()
    start = int(now // window) * window
    retry_after = max(1, round(start + window - now))
    if _count(f"throttle:{name}:{start}:client:{client_key(request)}", window) > rule["per_client"]:
        raise TooManyRequests(name, retry_after, everyone=False)
    if _count(f"throttle:{name}:{start}:total", window) > rule["total"]:
        raise TooManyRequests(name, retry_after, everyone=True)


class TooManyRequestsMiddleware:
    """Turns TooManyRequests from any view into the 429 page, with Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, TooManyRequests):
            return None
        context = {"retry_after": exception.retry_after, "everyone": exception.everyone}
        response = TemplateResponse(request, "429.html", context, status=429)
        response["Retry-After"] = str(exception.retry_after)
        add_never_cache_headers(response)
        return response.render()
