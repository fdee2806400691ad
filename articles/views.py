import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from articles.models import ArticlePage
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
        # The search backend accepts plain filters only, hence live().public() over published().
        matches = ArticlePage.objects.live().public().search(query)
        results = Paginator(matches, RESULTS_PER_PAGE).get_page(int_param(request.GET.get("page"), 1, min_value=1))
    return render(
        request,
        "articles/search.html",
        {"search_query": query, "results": results, "pagination_query": urlencode({"q": query}) + "&"},
    )
