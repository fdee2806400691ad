"""In-process measurements for bench/run.py, run with the benchmark's environment:

python bench/probe.py queries URL [URL ...]   -> {"URL": queries per request, ...}
python bench/probe.py session                 -> a logged-in superuser's session key
python bench/probe.py pdf-form                -> the form fields that ask for the demo visit-summary PDF
python bench/probe.py count-comments MARKER   -> comments whose text contains MARKER
python bench/probe.py checklist-url           -> the demo checklist's address
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def queries(urls):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for url in urls:
        client.get(url)  # warm per-process caches, as a running server has them
        with CaptureQueriesContext(connection) as captured:
            status = client.get(url).status_code
        counts[url] = {"queries": len(captured), "status": status}
    return counts


def session():
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.filter(username="bench").first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench", "bench@example.com", None)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def checklist():
    from triage.models import ChecklistPage

    return ChecklistPage.objects.live().get(slug="muscle-spasm")


# A plausible answer for each preparation question type.
SAMPLE_ANSWERS = {
    "yes_no": "yes",
    "scale": "6",
    "date": "2026-10-01",
    "number": "3",
    "long_text": "Mostly at night, after long walks.",
    "short_text": "Two weeks ago",
}


def pdf_form():
    """Every question answered, one warning sign urgent: what the “Download PDF” button sends."""
    from triage.visit import Checklist, dump_state

    page = checklist()
    loaded = Checklist.load(page)
    answers = dict.fromkeys(loaded.signs_form().fields, "no")
    answers[next(iter(answers))] = "yes"
    for question in loaded.questions:
        if question.answer_type == "choice":
            answers[question.key] = question.option_list[0]
        else:
            answers[question.key] = SAMPLE_ANSWERS.get(question.answer_type, "Two weeks ago")
    return {"url": page.url, "fields": {"state": dump_state(page, answers), "action": "pdf", "paper": "a4"}}


def count_comments(marker):
    from articles.comments.models import Comment

    return Comment.objects.filter(body__contains=marker).count()


def main(argv):
    import django

    django.setup()
    command, args = argv[1], argv[2:]
    if command == "queries":
        result = queries(args)
    elif command == "session":
        result = session()
    elif command == "pdf-form":
        result = pdf_form()
    elif command == "count-comments":
        result = count_comments(args[0])
    elif command == "checklist-url":
        result = checklist().url
    else:
        raise SystemExit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
