"""Which articles to suggest at the foot of an article."""


def related_articles(article, limit=3):
    """The editor's choice when there is one, else the latest articles sharing a topic."""
    articles = type(article).objects.published().for_listing()
    chosen = list(articles.filter(related_from__page=article).order_by("related_from__sort_order"))
    if chosen:
        return chosen
    topic_ids = [topic.pk for topic in article.topics.all()]
    if not topic_ids:
        return []
    return list(articles.filter(topics__in=topic_ids).exclude(pk=article.pk).distinct().newest_first()[:limit])
