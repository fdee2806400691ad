import io

import pytest
from pypdf import PdfReader
from wagtail.models import Site

from tests.triage.conftest import question_answers, sign_answers

pytestmark = pytest.mark.django_db


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize(("paper", "width_pt"), [("a4", 595), ("letter", 612)])
def test_visit_summary_pdf_holds_the_answers(reader, checklist, paper, width_pt):
    """The PDF download is a real PDF, on the chosen paper, with the outcome and every answer."""
    reader.start()
    reader.answer_signs(sign_answers(checklist, urgent="yes"))
    reader.answer_questions(question_answers(checklist))
    response = reader.download_pdf(paper)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")
    document = PdfReader(io.BytesIO(response.content))
    assert round(float(document.pages[0].mediabox.width)) == width_pt
    text = " ".join(pdf_text(response.content).split())
    for expected in [
        "Visit summary: Cramp checklist",
        "Outcome heading for urgent",
        "zebra-kite-417",
        "quokka lantern 88",
        "17 March 2019",
        "98713",
        "7 out of 10",
        "What causes my cramp 0?",
        "Notes",
    ]:
        assert expected in text, expected


def test_pdf_needs_the_warning_signs_answered(reader, checklist):
    """Asking for a PDF before answering the warning signs returns to them, not a broken PDF."""
    response = reader.download_pdf()
    assert (response.status_code, response["Location"]) == (303, checklist.url)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pdf_is_tagged_titled_and_fits_the_essentials_on_page_one(reader, checklist, paper):
    """A screen reader can read the PDF (tagged, titled, in English); page 1 holds who made it,
    the result with its "if it gets worse" advice, the warning signs and the start of the answers."""
    reader.answer_signs(sign_answers(checklist, urgent="yes"))
    reader.answer_questions(question_answers(checklist))
    document = PdfReader(io.BytesIO(reader.download_pdf(paper).content))
    catalog = document.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"
    site_name = Site.objects.get(is_default_site=True).site_name
    assert document.metadata.title == f"Visit summary: Cramp checklist | {site_name}"
    first_page = " ".join(document.pages[0].extract_text().split())
    for expected in [
        "Health Guide",
        "http://localhost",
        f"checklist version {checklist.live_revision_id}",
        "Outcome heading for urgent",
        "If it gets worse: If it gets worse (urgent), get help.",
        "Your cramp is a routine sign 0",
        "The yes_no question 0?",
    ]:
        assert expected in first_page, expected
