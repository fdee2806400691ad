"""The visit-summary PDF is costly to make: each client, and everyone together, may ask for only so
many a minute, and past that gets a clear 429 page instead of slowing the site for all."""

import pytest

from healthsite import throttle
from tests.triage.conftest import Reader, question_answers, sign_answers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_limits(settings, monkeypatch):
    settings.THROTTLES = {"visit-summary-pdf": {"per_client": 2, "total": 3, "window": 60}}
    # Inside one window: a test that crossed a minute's end would start counting again.
    monkeypatch.setattr(throttle.time, "time", lambda: 6000.0)


def reader_at_outcome(client, checklist, address):
    reader = Reader(client, checklist)
    client.defaults["REMOTE_ADDR"] = address
    reader.start()
    reader.answer_signs(sign_answers(checklist, urgent="yes"))
    reader.answer_questions(question_answers(checklist))
    return reader


def test_a_client_past_its_limit_gets_a_clear_429(client, checklist):
    """The third PDF in a minute from one reader is refused, saying when to try again."""
    reader = reader_at_outcome(client, checklist, "203.0.113.9")
    assert [reader.download_pdf().status_code for _ in range(2)] == [200, 200]
    refused = reader.download_pdf()
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "You asked for this several times in a short time" in refused.text
    assert "no-store" in refused["Cache-Control"]


def test_everyone_together_has_a_limit_too(client, checklist):
    """Once all readers together have used the minute's PDFs, a new reader is refused too."""
    first = reader_at_outcome(client, checklist, "203.0.113.9")
    assert [first.download_pdf().status_code for _ in range(2)] == [200, 200]
    second = reader_at_outcome(client, checklist, "198.51.100.7")
    assert second.download_pdf().status_code == 200
    refused = second.download_pdf()
    assert refused.status_code == 429
    assert "Many people are asking for this at the same time" in refused.text
