import hashlib
import math
import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page as WagtailPage

from articles.models import HomePage
from healthsite.pagecache import SEARCH, remembered
from healthsite.requestargs import int_param

RESULTS_PER_PAGE = 10
LAST_ASKABLE_PAGE = (2**63 - 1) // RESULTS_PER_PAGE  # PostgreSQL's OFFSET is a bigint
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
        return ranked(normalised, page_number)

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


def ranked(query, page_number):
    """The matches on one page of results, best first, with each page's type (so the cards are
    fetched straight from each type's table), the page's number and how many match in all, as
    Paginator.get_page gives them. The total is a window count over the ranked matches, in the
    same query: counting them apart joins every match with its page a second time."""
    matches = matching(query).get_queryset().annotate(total=Window(Count("*")))
    number = min(page_number, LAST_ASKABLE_PAGE)
    rows = list(page_of(matches, number))
    if not rows and number > 1:  # past the last page: the last page, or the first if none match
        count = matching(query).count()
        number = max(1, math.ceil(count / RESULTS_PER_PAGE))
        rows = list(page_of(matches, number))
    return {
        "found": [(pk, content_type_id) for pk, content_type_id, _ in rows],
        "number": number,
        "count": rows[0][2] if rows else 0,
    }


def page_of(matches, number):
    start = (number - 1) * RESULTS_PER_PAGE
    return matches.values_list("pk", "content_type_id", "total")[start : start + RESULTS_PER_PAGE]


def matching(query):
    """Published pages matching `query`, best first. The search backend accepts plain filters only,
    hence live().public() over published(). Any page type with search fields is found (checklists
    too), except the home page."""
    return WagtailPage.objects.live().public().not_type(HomePage).search(query)
