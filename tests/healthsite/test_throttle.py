"""The request throttle's counting: per client and in total, a fresh count each window, and
clients' addresses forgotten once their window has passed."""

import pytest
from django.test import RequestFactory

from healthsite import throttle
from healthsite.models import ThrottleCount

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.THROTTLES = {"demo": {"per_client": 2, "total": 100, "window": 60}}


def use(address):
    throttle.throttle(RequestFactory().post("/", REMOTE_ADDR=address), "demo")


def test_counts_start_again_each_window_and_old_addresses_are_forgotten(monkeypatch):
    """Past the limit in one window; allowed again in the next, by which time the other client's row is gone."""
    monkeypatch.setattr(throttle.time, "time", lambda: 6000.0)
    use("198.51.100.7")
    use("203.0.113.9")
    use("203.0.113.9")
    with pytest.raises(throttle.TooManyRequests) as refused:
        use("203.0.113.9")
    assert refused.value.retry_after == 60 and not refused.value.everyone
    monkeypatch.setattr(throttle.time, "time", lambda: 6061.0)
    use("203.0.113.9")
    assert not ThrottleCount.objects.filter(key__contains="198.51.100.7").exists()


def test_ipv6_clients_are_counted_by_their_64(monkeypatch):
    """Two addresses in one household's /64 share one count."""
    use("2001:db8:1:2::1")
    use("2001:db8:1:2::99")
    with pytest.raises(throttle.TooManyRequests):
        use("2001:db8:1:2::abc")
