import logging

import pytest
from django.contrib.sessions.models import Session
from django.db import connection

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
    # The outcome count, and Wagtail's cache of site root paths (no answers in it, checked above).
    assert gained <= {"triage_dailyoutcomecount", "cache"}
    assert Session.objects.count() == 0


def test_no_answer_reaches_the_cache(reader, checklist):
    """Nothing the reader typed is in the shared cache table."""
    reader.start()
    reader.answer_signs(sign_answers(checklist))
    reader.answer_questions(question_answers(checklist))
    reader.see_outcome()
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM cache")
        cached = " ".join(row[0] for row in cursor.fetchall())
    for secret in SECRETS:
        assert secret not in cached


def test_answers_are_not_in_any_url(reader, checklist):
    """Every step is a POST to the checklist's own address: no answer in a query string."""
    reader.start()
    response = reader.answer_signs(sign_answers(checklist))
    assert response.request["REQUEST_METHOD"] == "POST"
    assert response.request["QUERY_STRING"] == ""
    assert f'action="{checklist.url}"' in response.text
