"""The visit summary as a PDF, made in memory from the submitted answers and never kept."""

import functools

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
# The site's stylesheet first: it defines the colours and care cards the summary uses.
SUMMARY_STYLESHEETS = ("css/site.css", "triage/triage.css")


@functools.cache
def stylesheets(paper):
    """Parsed once per process and paper size: parsing the site stylesheet costs more than the PDF."""
    # Imported here: WeasyPrint loads Pango and the system fonts, which only this needs.
    from weasyprint import CSS

    return [
        *(CSS(filename=finders.find(name)) for name in SUMMARY_STYLESHEETS),
        CSS(string=f"@page {{ size: {PAPER_SIZES.get(paper, 'A4')}; }}"),
    ]


def visit_summary_pdf(summary, paper="a4"):
    from weasyprint import HTML

    html = render_to_string("triage/visit_summary_pdf.html", {"summary": summary})
    # No base URL: the document refers to nothing outside itself, so nothing is fetched. Tagged
    # (PDF/UA), so screen readers can read it in order, with its title and language.
    return HTML(string=html).write_pdf(
        stylesheets=stylesheets(paper if paper in PAPER_SIZES else "a4"), pdf_variant="pdf/ua-1"
    )
