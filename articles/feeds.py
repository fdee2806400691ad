from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from articles.models import ArticlePage
from healthsite.sites import base_url, current_site, site_name

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    """The newest published articles. Nothing about commenters goes in here."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.site = current_site(request)
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{site_name(self.site)}: latest articles"

    def description(self):
        return f"Newly published health articles from {site_name(self.site)}."

    def link(self):
        # From the Site, like canonical and sitemap addresses, rather than from whichever host was asked.
        return base_url(self.site) + "/"

    def feed_url(self):
        return self.link().rstrip("/") + self.request.path

    def items(self):
        return ArticlePage.objects.published().newest_first()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
