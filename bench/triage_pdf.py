"""How long the server takes to make the demo checklist's visit-summary PDF.

    .venv/bin/python bench/triage_pdf.py [runs]

Loads the demo content into the development database (idempotent), fills in every answer of the
muscle-spasm checklist and times the PDF: the first one (WeasyPrint loads fonts) and the median
of the rest. Not a test: timings depend on the machine and its load.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "healthsite.settings.dev")


def main(runs):
    import django

    django.setup()
    from articles.demo import load_demo_content
    from triage.models import ChecklistPage
    from triage.pdf import visit_summary_pdf
    from triage.visit import Checklist, summarise

    load_demo_content()
    checklist = Checklist.load(ChecklistPage.objects.get(slug="muscle-spasm"))
    answers = {sign.key: "no" for sign in checklist.signs} | {checklist.signs[2].key: "yes"}
    sample = {"yes_no": "yes", "short_text": "A sample answer", "long_text": "Sharp pain in the calf, twice a week."}
    sample |= {"date": "2024-01-15", "number": "3", "scale": "6"}
    for question in checklist.questions:
        answers[question.key] = question.option_list[0] if question.option_list else sample[question.answer_type]
    answers["ask"] = [str(item.pk) for item in checklist.questions_to_ask[:3]]
    signs_form, preparation_form = checklist.signs_form(answers), checklist.preparation_form(answers)
    if not (signs_form.is_valid() and preparation_form.is_valid()):
        sys.exit(f"the sample answers do not fit the demo checklist: {signs_form.errors} {preparation_form.errors}")
    summary = summarise(checklist, signs_form, preparation_form)

    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        pdf = visit_summary_pdf(summary)
        timings.append(time.perf_counter() - start)
    print(f"PDF size: {len(pdf):,} bytes")
    print(f"first: {timings[0] * 1000:.0f} ms (loads fonts)")
    if runs > 1:
        rest = timings[1:]
        print(f"median of next {len(rest)}: {statistics.median(rest) * 1000:.0f} ms, max {max(rest) * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
