"""Which articles to suggest at the foot of an article."""


def related_articles(article, limit=3):
    """The editor's choice when there is one, else the latest articles sharing a topic."""
    chosen = [
        link.article
        for link in article.related_articles.select_related("article__hero_image").filter(
            article__live=True, article__view_restrictions__isnull=True
        )
    ]
    if chosen:
        return chosen
    topic_ids = [topic.pk for topic in article.topics.all()]
    if not topic_ids:
        return []
    return list(
        type(article)
        .objects.published()
        .filter(topics__in=topic_ids)
        .exclude(pk=article.pk)
        .distinct()
        .for_listing()
        .newest_first()[:limit]
    )
