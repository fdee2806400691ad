import base64
import logging
import pickle

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection

from healthsite.pagecache.store import local_pages
from tests.triage.conftest import SECRETS, question_answers, sign_answers

pytestmark = pytest.mark.django_db


def table_rows():
    """Row counts of every table in the database."""
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 (names from the catalogue)
            counts[table] = cursor.fetchone()[0]
        return counts


def tables_holding(text):
    """Tables with a row whose text contains `text`."""
    with connection.cursor() as cursor:
        found = []
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT count(*) FROM "{table}" AS r WHERE r::text ILIKE %s', [f"%{text}%"])  # noqa: S608
            if cursor.fetchone()[0]:
                found.append(table)
        return found


def test_no_answer_is_written_to_the_database_or_a_log(reader, checklist, caplog, settings):
    """A whole checklist, PDF included, leaves no answer in any table or log record, and no session."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    caplog.set_level(logging.DEBUG, logger="django.db.backends")
    # Log every SQL statement too, so the check covers what is sent to the database.
    connection.force_debug_cursor = True
    before = table_rows()
    try:
        reader.start()
        reader.answer_signs(sign_answers(checklist, urgent="yes", routine="not-sure"))
        reader.answer_questions(question_answers(checklist))
        reader.post({"change": checklist.warning_signs.first().key})
        reader.post({"action": "signs", "returning": "1", **sign_answers(checklist, urgent="yes")})
        assert reader.see_outcome().status_code == 200
        assert reader.download_pdf().status_code == 200
    finally:
        connection.force_debug_cursor = False
    after = table_rows()

    for secret in SECRETS:
        assert tables_holding(secret) == [], secret
        assert not [record for record in caplog.records if secret in record.getMessage()], secret
    assert any("triage_dailyoutcomecount" in record.getMessage() for record in caplog.records)
    gained = {table for table in after if after[table] > before[table]}
    # The outcome count, Wagtail's cache of site root paths, and the PDF rate limit's counts (the
    # client's address for a minute): no answers in any of them, checked above.
    assert gained <= {"triage_dailyoutcomecount", "cache", "healthsite_throttlecount"}
    assert Session.objects.count() == 0


def cached_bytes():
    """Every entry of the shared cache table, decoded from its base64 pickle, and of this process's page copies."""
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT cache_key, value FROM "{settings.CACHES["default"]["LOCATION"]}"')  # noqa: S608
        rows = cursor.fetchall()
    local = b"".join(pickle.dumps(value) for _, value, _ in local_pages._items.values())
    keys = [key for key, _ in rows] + list(local_pages._items)
    return keys, b"".join(base64.b64decode(value) for _, value in rows) + local


def test_no_answer_reaches_the_cache(reader, checklist, page_cache_on):
    """With the page cache on, as in production, nothing the reader typed is in the shared cache or a
    worker's copy of pages."""
    assert reader.client.get(checklist.get_parent().url)["X-Page-Cache"] == "miss"
    states = []
    for step in (
        reader.start,
        lambda: reader.answer_signs(sign_answers(checklist, urgent="yes")),
        lambda: reader.answer_questions(question_answers(checklist)),
        reader.see_outcome,
    ):
        assert step().status_code == 200
        states.append(reader.state)
    assert reader.download_pdf().status_code == 200

    keys, cached = cached_bytes()
    assert any("pagecache:page:" in key for key in keys), "the page cache is on: it stored the checklists page"
    for secret in SECRETS:
        assert secret.encode() not in cached, secret
    # The signed state holds the answers compressed, where the words above cannot be seen.
    for state in filter(None, states):
        assert state.encode() not in cached


def test_answers_are_not_in_any_url(reader, checklist):
    """Every step is a POST to the checklist's own address: no answer in a query string."""
    reader.start()
    response = reader.answer_signs(sign_answers(checklist))
    assert response.request["REQUEST_METHOD"] == "POST"
    assert response.request["QUERY_STRING"] == ""
    assert f'action="{checklist.url}"' in response.text
