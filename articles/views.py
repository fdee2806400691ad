import hashlib
import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page as WagtailPage

from articles.models import HomePage
from healthsite.pagecache import SEARCH, remembered
from healthsite.requestargs import int_param

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
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
    """One page of results. Ranking is the expensive part, so which pages a query finds is kept
    per normalised query and page until any page is published, unpublished, moved or deleted
    (settings.SEARCH_RESULTS_SECONDS at most)."""
    normalised = " ".join(query.lower().split())
    # Renamed whenever what is kept changes shape, so a deploy never reads the old shape.
    key = "search-results:" + hashlib.sha256(f"{normalised}\n{page_number}".encode()).hexdigest()

    def rank():
        page = Paginator(matching(normalised), RESULTS_PER_PAGE).get_page(page_number)
        return {
            # Each page's type too, so the cards are fetched straight from each type's table.
            "found": [(found.pk, found.content_type_id) for found in page],
            "number": page.number,
            "count": page.paginator.count,
        }

    if settings.SEARCH_RESULTS_SECONDS:
        found = remembered(key, [SEARCH], rank, timeout=settings.SEARCH_RESULTS_SECONDS)
    else:
        found = rank()
    ids_by_type = {}
    for pk, content_type_id in found["found"]:
        ids_by_type.setdefault(content_type_id, []).append(pk)
    by_id = {}
    for content_type_id, ids in ids_by_type.items():
        by_id.update(ContentType.objects.get_for_id(content_type_id).model_class().objects.in_bulk(ids))
    cards = [by_id[pk] for pk, _ in found["found"] if pk in by_id]
    return Page(cards, found["number"], Paginator(range(found["count"]), RESULTS_PER_PAGE))


def matching(query):
    """Published pages matching `query`, best first. The search backend accepts plain filters only,
    hence live().public() over published(). Any page type with search fields is found (checklists
    too), except the home page."""
    return WagtailPage.objects.live().public().not_type(HomePage).search(query)
