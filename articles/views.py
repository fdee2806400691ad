import hashlib
import re
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page as WagtailPage

from articles.models import HomePage
from healthsite.pagecache import SEARCH, remembered
from healthsite.requestargs import int_param

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
SEARCH_RESULTS_SECONDS = 60 * 60
# NUL and other control characters: PostgreSQL cannot store or search them, and no word has them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


@require_GET
def search(request):
    """Full-text search over published articles, on PostgreSQL."""
    query = CONTROL_CHARACTERS.sub(" ", request.GET.get("q", "")).strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        results = search_results(query, int_param(request.GET.get("page"), 1, min_value=1))
    return render(
        request,
        "articles/search.html",
        {"search_query": query, "results": results, "pagination_query": urlencode({"q": query}) + "&"},
    )


def search_results(query, page_number):
    """One page of results. Ranking is the expensive part, so which articles a query finds is kept
    per normalised query and page until any page is published, unpublished, moved or deleted."""
    normalised = " ".join(query.lower().split())
    key = "search:" + hashlib.sha256(f"{normalised}\n{page_number}".encode()).hexdigest()

    def rank():
        # The search backend accepts plain filters only, hence live().public() over published(). Any
        # page type with search fields is found (checklists too), except the home page.
        matches = WagtailPage.objects.live().public().not_type(HomePage).search(query)
        page = Paginator(matches, RESULTS_PER_PAGE).get_page(page_number)
        return {"ids": [found.pk for found in page], "number": page.number, "count": page.paginator.count}

    found = remembered(key, [SEARCH], rank, timeout=SEARCH_RESULTS_SECONDS)
    by_id = {page.pk: page for page in WagtailPage.objects.filter(pk__in=found["ids"]).specific()}
    articles = [by_id[pk] for pk in found["ids"] if pk in by_id]
    return Page(articles, found["number"], Paginator(range(found["count"]), RESULTS_PER_PAGE))
