"""Limits on costly requests, per client and for everyone together, answered with a clear 429.

    throttle(request, "visit-summary-pdf")   # before the costly work; raises TooManyRequests

Each name's limits are in settings.THROTTLES. Uses are counted in PostgreSQL, in fixed windows,
by one statement that also forgets finished windows: every worker process sees the same counts,
counting stays atomic under load, and a client's address is kept no longer than its window.
The client is its address (an IPv6 address by its /64, which one home usually has to itself)."""

import ipaddress
import time

from django.conf import settings
from django.db import connection
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from healthsite.clientip import client_ip
from healthsite.models import ThrottleCount

COUNT = """
WITH forgotten AS (
    DELETE FROM {table} WHERE window_start < %(start)s AND key NOT IN (%(client)s, %(total)s)
)
INSERT INTO {table} (key, window_start, count) VALUES (%(client)s, %(start)s, 1), (%(total)s, %(start)s, 1)
ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN {table}.window_start = EXCLUDED.window_start THEN {table}.count + 1 ELSE 1 END,
    window_start = EXCLUDED.window_start
RETURNING key, count
"""


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


def throttle(request, name):
    """Count one use of `name` by this request's client; raise TooManyRequests past a limit."""
    rule = settings.THROTTLES[name]
    window = rule["window"]
    now = time.time()
    start = int(now // window) * window
    keys = {"client": f"{name}:client:{client_key(request)}"[:200], "total": f"{name}:total"}
    with connection.cursor() as cursor:
        cursor.execute(COUNT.format(table=ThrottleCount._meta.db_table), {"start": start, **keys})
        counts = dict(cursor.fetchall())
    retry_after = max(1, round(start + window - now))
    if counts[keys["client"]] > rule["per_client"]:
        raise TooManyRequests(name, retry_after, everyone=False)
    if counts[keys["total"]] > rule["total"]:
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
