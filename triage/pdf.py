"""The visit summary as a PDF, made in memory from the submitted answers and never kept."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
SUMMARY_STYLESHEET = "triage/triage.css"


def visit_summary_pdf(summary, paper="a4"):
    # Imported here: WeasyPrint loads Pango and the system fonts, which only this needs.
    from weasyprint import CSS, HTML

    html = render_to_string("triage/visit_summary_pdf.html", {"summary": summary})
    stylesheets = [
        CSS(filename=finders.find(SUMMARY_STYLESHEET)),
        CSS(string=f"@page {{ size: {PAPER_SIZES.get(paper, 'A4')}; }}"),
    ]
    # No base URL: the document refers to nothing outside itself, so nothing is fetched.
    return HTML(string=html).write_pdf(stylesheets=stylesheets)
