from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from articles.models import ArticlePage

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    """The newest published articles. Nothing about commenters goes in here."""

    feed_type = Rss201rev2Feed
    title = "Health Guide: latest articles"
    description = "Newly published health articles from Health Guide."

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return "/"

    def items(self):
        return ArticlePage.objects.published().newest_first()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
