from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from articles.models import ArticlePage

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    """Full-text search over published articles, on PostgreSQL."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        matches = ArticlePage.objects.published().for_listing().search(query)
        results = Paginator(matches, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "articles/search.html", {"search_query": query, "results": results})
