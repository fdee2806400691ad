import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.triage.conftest import Reader, question_answers, sign_answers
from tests.triage.factories import build_checklist

pytestmark = pytest.mark.django_db


def queries_per_step(client, page):
    """The number of queries each step of a complete pass takes."""
    reader = Reader(client, page)
    signs, questions = sign_answers(page, urgent="yes"), question_answers(page)
    changed = page.preparation_questions.first().key
    steps = {
        "start": reader.start,
        "signs": lambda: reader.answer_signs(signs),
        "questions": lambda: reader.answer_questions(questions),
        "change": lambda: reader.post({"change": changed}),
        "outcome": reader.see_outcome,
        "pdf": reader.download_pdf,
    }
    counts = {}
    for name, step in steps.items():
        with CaptureQueriesContext(connection) as queries:
            response = step()
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_each_step_takes_the_same_queries_whatever_the_checklist_size(client, checklist_index):
    """A checklist with five times the questions takes no more queries on any step."""
    small, large = build_checklist(checklist_index, copies=1), build_checklist(checklist_index, copies=5)
    for page in (small, large):  # warm Wagtail's site cache and create today's outcome counts
        queries_per_step(client, page)
    small_counts, large_counts = queries_per_step(client, small), queries_per_step(client, large)
    assert small_counts == large_counts
    # Wagtail finds the page in about eight; the checklist adds four, the outcome count one or two.
    assert max(small_counts.values()) <= 15
