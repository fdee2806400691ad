import base64
import logging
import pickle

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection

from healthsite.pagecache.store import local_pages
from tests.triage.conftest import SECRETS, question_answers, sign_answers
from triage.visit import COOKIE_NAME

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
        reader.answer_questions(question_answers(checklist, **{"bad": "x"}))
        reader.answer_signs(sign_answers(checklist, urgent="yes"))
        assert reader.see_summary().status_code == 200
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


def test_no_answer_reaches_the_page_cache(reader, checklist, page_cache_on):
    """With the page cache on, as in production, no step is served from or stored in it, and
    nothing the reader typed (nor their cookie) is in the shared cache or a worker's copy of pages."""
    assert reader.client.get(checklist.get_parent().url)["X-Page-Cache"] == "miss"
    reader.start()
    reader.answer_signs(sign_answers(checklist, urgent="yes"))
    reader.answer_questions(question_answers(checklist))
    for step in ("", "result/", "prepare/", "summary/", "pdf/", "fhir-answers/"):
        for _ in range(2):
            response = reader.client.get(checklist.url + step)
            assert "X-Page-Cache" not in response, step
            assert "no-store" in response["Cache-Control"], step

    keys, cached = cached_bytes()
    assert any("pagecache:page:" in key for key in keys), "the page cache is on: it stored the checklists page"
    for secret in SECRETS:
        assert secret.encode() not in cached, secret
    for name, morsel in reader.client.cookies.items():
        if name.startswith(COOKIE_NAME):
            assert morsel.value.encode() not in cached


def test_answers_are_kept_only_in_an_encrypted_cookie_for_this_checklist(reader, checklist):
    """The answers live in an HttpOnly, SameSite=Lax cookie sent only to this checklist's pages,
    forgotten after six hours, and unreadable without the site's key."""
    response = reader.answer_signs(sign_answers(checklist), follow=False)
    reader.answer_questions(question_answers(checklist))
    cookie = response.cookies[f"{COOKIE_NAME}_0"]
    assert cookie["path"] == checklist.url
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 6 * 60 * 60
    held = "".join(morsel.value for name, morsel in reader.client.cookies.items() if name.startswith(COOKIE_NAME))
    for secret in SECRETS:
        assert secret not in held
        assert secret not in base64.urlsafe_b64decode(held + "==").decode("latin-1")


def test_the_cookie_is_secure_in_production(reader, checklist, settings):
    """Over HTTPS in production the browser sends the answers nowhere else."""
    settings.SESSION_COOKIE_SECURE = True
    response = reader.answer_signs(sign_answers(checklist), follow=False)
    assert response.cookies[f"{COOKIE_NAME}_0"]["secure"] is True


def test_answers_are_not_in_any_url(reader, checklist):
    """Every step posts to its own address and is redirected to a plain one: no answer in a URL."""
    reader.start()
    signs = reader.answer_signs(sign_answers(checklist))
    prepared = reader.answer_questions(question_answers(checklist))
    for url, _ in [*signs.redirect_chain, *prepared.redirect_chain]:
        assert "?" not in url
    assert f'action="{checklist.url}prepare/"' in reader.client.get(checklist.url + "prepare/").text
