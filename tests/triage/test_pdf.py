import io

import pytest
from pypdf import PdfReader

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


def test_pdf_needs_complete_answers(reader, checklist):
    """Asking for a PDF before answering everything returns to the form, not a broken PDF."""
    reader.start()
    response = reader.download_pdf()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "There is a problem" in response.text
