"""The reader's pass through a checklist: every step is a POST whose answers travel in the
forms themselves, so the server keeps none of them."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from healthsite.throttle import throttle
from triage.pdf import visit_summary_pdf
from triage.visit import Checklist, InvalidState, dump_state, load_state, summarise

# What the reader's button asks for: submit a step, see the result, download the PDF.
SIGNS, QUESTIONS, OUTCOME, PDF = "signs", "questions", "outcome", "pdf"
STEP_TEMPLATES = {SIGNS: "triage/checklist_page.html", QUESTIONS: "triage/steps/questions.html"}
STATE_PROBLEM = (
    "We could not read your earlier answers: the page may have been open for more than six hours, "
    "or it was changed. Please start again."
)


def _render(request, checklist, template, answers, status=200, **context):
    """A page holding answers, which no shared or browser cache may keep."""
    context = {"page": checklist.page, "checklist": checklist, "state": dump_state(checklist.page, answers), **context}
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _step(request, checklist, step, answers, form=None, returning=False, problem="", status=200):
    """A form step; without `form`, one filled in with the answers given so far."""
    if form is None:
        form = (checklist.signs_form if step == SIGNS else checklist.preparation_form)(initial=answers)
    context = {"form": form, "step": step, "returning": returning, "problem": problem}
    return _render(request, checklist, STEP_TEMPLATES[step], answers, status=status, **context)


def _start_again(request, checklist):
    return _step(request, checklist, SIGNS, {}, problem=STATE_PROBLEM, status=400)


def serve_checklist(request, page):
    checklist = Checklist.load(page)
    if request.method != "POST":
        return _step(request, checklist, SIGNS, {})
    try:
        answers = load_state(page, request.POST.get("state", ""))
    except InvalidState:
        return _start_again(request, checklist)

    if "change" in request.POST:
        step = QUESTIONS if request.POST["change"] in checklist.preparation_form().fields else SIGNS
        return _step(request, checklist, step, answers, returning=True)

    action = request.POST.get("action")
    if action in (SIGNS, QUESTIONS):
        returning = request.POST.get("returning") == "1"
        form = (checklist.signs_form if action == SIGNS else checklist.preparation_form)(request.POST)
        if not form.is_valid():
            return _step(request, checklist, action, answers, form=form, returning=returning)
        answers = {key: value for key, value in answers.items() if key not in form.fields} | form.raw_answers()
        if action == SIGNS and not returning:
            return _step(request, checklist, QUESTIONS, answers)
    elif action not in (OUTCOME, PDF):
        return _start_again(request, checklist)

    # Every answer is checked again on every later step: the checklist may have changed since.
    signs_form, preparation_form = checklist.signs_form(answers), checklist.preparation_form(answers)
    for step, form in ((SIGNS, signs_form), (QUESTIONS, preparation_form)):
        if not form.is_valid():
            return _step(request, checklist, step, answers, form=form, returning=True)
    summary = summarise(checklist, signs_form, preparation_form)

    if action == OUTCOME:
        page.record_outcome(summary.level)
        return _render(request, checklist, "triage/steps/outcome.html", answers, summary=summary)
    if action == PDF:
        throttle(request, "visit-summary-pdf")
        response = HttpResponse(visit_summary_pdf(summary, request.POST.get("paper")), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="visit-summary.pdf"'
        add_never_cache_headers(response)
        return response
    return _render(request, checklist, "triage/steps/check.html", answers, summary=summary)
