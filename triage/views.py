"""The reader's pass through a checklist, answer first: the warning signs, then the result at
once, then the questions the doctor may ask, offered, then the visit summary.

Every form posts and is answered with a redirect (POST-redirect-GET), so the browser's Back and
Forward only ever revisit GET pages and never ask to resend a form. The answers travel in an
encrypted cookie only the reader's browser holds (triage/visit.py).
"""

from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.models import Site

from healthsite.routing import breadcrumbs
from healthsite.throttle import throttle
from triage.fhir import questionnaire, questionnaire_response
from triage.pdf import visit_summary_pdf
from triage.visit import (
    Checklist,
    InvalidState,
    SavedAnswers,
    StateTooLarge,
    forget_answers,
    read_answers,
    summarise,
    write_answers,
)

# The steps, by the last part of their address, and the checklist and answers for health software.
SIGNS, RESULT, PREPARE, SUMMARY, PDF = "", "result", "prepare", "summary", "pdf"
QUESTIONNAIRE, RESPONSE = "questionnaire", "fhir-answers"
STEPS = (SIGNS, RESULT, PREPARE, SUMMARY, PDF, QUESTIONNAIRE, RESPONSE)
FHIR_JSON = "application/fhir+json"
STATE_PROBLEM = (
    "We could not read your earlier answers: they are forgotten six hours after you start, or the checklist "
    "was changed. Please start again."
)
TOO_LONG = "Your answers are too long for your browser to keep. Please shorten your longest answers."


class Visit:
    """One request's view of the reader's pass: the checklist, their saved answers, the forms."""

    def __init__(self, request, page, saved):
        self.request, self.page, self.saved = request, page, saved
        self.checklist = Checklist.load(page)

    def url(self, step):
        return self.page.get_url(self.request) + (f"{step}/" if step else "")

    def form(self, step, data=None):
        make = self.checklist.signs_form if step == SIGNS else self.checklist.preparation_form
        return make(data) if data is not None else make(initial=self.saved.answers)

    def step_form(self, step):
        """The step's form: holding the last problem sent, or filled in with the saved answers."""
        if self.saved.draft_step == step:
            return self.form(step, self.saved.draft)
        return self.form(step)

    def checked_forms(self):
        """Both forms, checked against the saved answers: the checklist may have changed since."""
        signs, preparation = self.form(SIGNS, self.saved.answers), self.form(PREPARE, self.saved.answers)
        signs.is_valid()
        preparation.is_valid()
        return signs, preparation

    def render(self, template, status=200, **context):
        """A page holding answers, which no shared or browser cache may keep."""
        context = {
            "page": self.page,
            "checklist": self.checklist,
            "urls": self.urls(),
            "breadcrumbs": breadcrumbs(self.page),
            **context,
        }
        response = TemplateResponse(self.request, template, context, status=status)
        return private(response)

    def urls(self):
        steps = {"signs": SIGNS, "result": RESULT, "prepare": PREPARE, "summary": SUMMARY, "pdf": PDF}
        steps |= {"questionnaire": QUESTIONNAIRE, "fhir_answers": RESPONSE}
        return {name: self.url(step) for name, step in steps.items()}

    def redirect(self, step, saved=None):
        response = HttpResponseRedirect(self.url(step), status=303)
        if saved is not None:
            write_answers(response, self.request, self.page, saved)
        return private(response)


def private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def serve_checklist(request, page, step=SIGNS):
    if step not in STEPS:
        raise Http404
    if step == QUESTIONNAIRE:
        return questionnaire_view(request, page)
    try:
        saved = read_answers(request, page)
    except InvalidState:
        visit = Visit(request, page, SavedAnswers())
        response = visit.render("triage/checklist_page.html", status=400, form=visit.form(SIGNS), problem=STATE_PROBLEM)
        forget_answers(response, request, page)
        return response
    visit = Visit(request, page, saved)
    if request.method == "POST":
        if request.POST.get("action") == "restart":
            response = visit.redirect(SIGNS)
            forget_answers(response, request, page)
            return response
        if step in (SIGNS, PREPARE):
            return submit(visit, step)
        return visit.redirect(step)
    return VIEWS[step](visit)


def submit(visit, step):
    """Save a step's answers and go on; with a problem, save what was sent and show it again."""
    form = visit.form(step, visit.request.POST)
    before = visit.checklist.assess(visit.saved.answers).level
    if form.is_valid():
        answers = {key: value for key, value in visit.saved.answers.items() if key not in form.fields}
        saved = SavedAnswers(answers=answers | form.raw_answers())
        assessment = visit.checklist.assess(saved.answers)
        # A preparation answer that changes the result (a red flag) is shown at once, before the summary.
        raised = step == PREPARE and assessment.level != before and assessment.questions
        next_step = RESULT if step == SIGNS or raised else SUMMARY
        if next_step == RESULT:
            visit.page.record_outcome(assessment.level)
    else:
        saved = SavedAnswers(answers=visit.saved.answers, draft_step=step, draft=form.raw_answers())
        next_step = step
    try:
        return visit.redirect(next_step, saved)
    except StateTooLarge:
        form.add_error(None, TOO_LONG)
        template = "triage/checklist_page.html" if step == SIGNS else "triage/steps/prepare.html"
        return visit.render(template, form=form)


def signs_step(visit):
    return visit.render("triage/checklist_page.html", form=visit.step_form(SIGNS))


def prepare_step(visit):
    signs, _ = visit.checked_forms()
    if not signs.is_valid():
        return visit.redirect(SIGNS)
    return visit.render("triage/steps/prepare.html", form=visit.step_form(PREPARE))


def result_step(visit):
    signs, preparation = visit.checked_forms()
    if not signs.is_valid():
        return visit.redirect(SIGNS)
    summary = summarise(visit.checklist, signs, preparation, Site.find_for_request(visit.request))
    prepared = any(row.key in visit.saved.answers for row in summary.preparation)
    return visit.render("triage/steps/outcome.html", summary=summary, prepared=prepared)


def needs_all_answers(step):
    """A view of the finished checklist: reached with a question the summary needs unanswered,
    it asks that question, saying what is missing."""

    def view(visit):
        signs, preparation = visit.checked_forms()
        if not signs.is_valid():
            return visit.redirect(SIGNS)
        if not preparation.is_valid():
            return visit.redirect(PREPARE, SavedAnswers(visit.saved.answers, PREPARE, visit.saved.answers))
        return step(visit, signs, preparation)

    return view


@needs_all_answers
def summary_step(visit, signs, preparation):
    summary = summarise(visit.checklist, signs, preparation, Site.find_for_request(visit.request))
    return visit.render("triage/steps/summary.html", summary=summary)


@needs_all_answers
def pdf_step(visit, signs, preparation):
    throttle(visit.request, "visit-summary-pdf")
    summary = summarise(visit.checklist, signs, preparation, Site.find_for_request(visit.request))
    pdf = visit_summary_pdf(summary, visit.request.GET.get("paper", "a4"))
    return attachment(HttpResponse(pdf, content_type="application/pdf"), "visit-summary.pdf")


@needs_all_answers
def fhir_answers_step(visit, signs, preparation):
    url = visit.request.build_absolute_uri(visit.url(QUESTIONNAIRE))
    answers = questionnaire_response(visit.checklist, url, signs, preparation)
    return attachment(JsonResponse(answers, content_type=FHIR_JSON), "visit-answers.fhir.json")


def attachment(response, filename):
    """A download made in memory from the reader's answers, which nothing may keep."""
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return private(response)


def questionnaire_view(request, page):
    """The checklist for health software: the same for everyone, and holding no answer."""
    checklist = Checklist.load(page)
    url = request.build_absolute_uri(page.get_url(request) + f"{QUESTIONNAIRE}/")
    site = Site.find_for_request(request)
    return JsonResponse(questionnaire(checklist, url, site.site_name if site else ""), content_type=FHIR_JSON)


VIEWS = {
    SIGNS: signs_step,
    RESULT: result_step,
    PREPARE: prepare_step,
    SUMMARY: summary_step,
    PDF: pdf_step,
    RESPONSE: fhir_answers_step,
}
