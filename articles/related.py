"""Which articles to suggest at the foot of an article."""

from django.db.models import Exists, F, OuterRef, Subquery

MOST_CHOSEN = 4  # the editor's panel allows this many


def related_articles(article, limit=3):
    """The editor's choice when there is one, else the latest articles sharing a topic, in one query:
    chosen articles and topic matches come back together, chosen first, in the editor's order."""
    model = type(article)
    # Reached through the page model, because this module is imported by the models themselves.
    links = model.related_articles.rel.related_model.objects.filter(page=article)
    chosen_links = links.filter(article=OuterRef("pk"))
    article_topics = model.topics.through.objects.filter(articlepage=article).values("topic")
    # Candidates by id, from the small link and topic tables, so the cost does not grow with the
    # number of articles (a per-article EXISTS here took half a second at 10,000 articles).
    same_topic_ids = model.topics.through.objects.filter(topic__in=article_topics).values("articlepage")
    candidates = list(
        model.objects.filter(pk__in=links.values("article").union(same_topic_ids))
        .published()
        .for_listing()
        .annotate(is_chosen=Exists(chosen_links), chosen_order=Subquery(chosen_links.values("sort_order")[:1]))
        .exclude(pk=article.pk)
        .order_by("-is_chosen", F("chosen_order").asc(nulls_last=True), "-first_published_at", "-pk")[
            : MOST_CHOSEN + limit
        ]
    )
    chosen = [candidate for candidate in candidates if candidate.is_chosen]
    return chosen or candidates[:limit]
