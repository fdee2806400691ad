"""/healthz: whether this site can serve readers and send its email, for a load balancer or monitor.
It names what is wrong but never how (no hosts, errors or settings)."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from healthsite.worker import seconds_since_beat


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def cache_ok():
    probe = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(probe, "ok", timeout=10)
        found = cache.get(probe) == "ok"
        cache.delete(probe)
        return found
    except Exception:
        return False


def worker_ok():
    try:
        age = seconds_since_beat()
    except Exception:
        return False
    return age is not None and age <= settings.WORKER_HEARTBEAT_MAX_AGE


@never_cache
@require_GET
def healthz(request):
    checks = {"database": database_ok(), "cache": cache_ok(), "worker": worker_ok()}
    healthy = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "checks": {k: "ok" if v else "failing" for k, v in checks.items()},
        },
        status=200 if healthy else 503,
    )
