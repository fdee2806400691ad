from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from healthsite import pagecache
from healthsite.requestargs import int_param
from healthsite.routing import KnownViewRestrictions, breadcrumbs

from .pages import ARTICLES_PER_PAGE, ArticlePage
from .snippets import Topic


class TopicIndexPage(KnownViewRestrictions, RoutablePageMixin, Page):
    """Every topic (e.g. /topics/), and each topic's own page of articles (/topics/back-and-spine/).

    Topics are snippets, so editors add one without making a page; this page gives each an address."""

    intro = models.TextField(blank=True, help_text="One or two sentences under the title.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["articles.HomePage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = breadcrumbs(self)
        return context

    @path("")
    def topic_list(self, request):
        published = ArticlePage.objects.published()
        topics = Topic.objects.annotate(
            article_count=models.Count("articlepage", filter=models.Q(articlepage__in=published))
        )
        topics = list(topics)
        pagecache.depends_on(pagecache.TOPICS, *(pagecache.topic_tag(topic.pk) for topic in topics))
        return self.render(request, context_overrides={"topics": topics})

    @path("<slug:slug>/")
    def topic_page(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        pagecache.depends_on(pagecache.topic_tag(topic.pk))
        articles = ArticlePage.objects.published().filter(topics=topic).for_listing().order_by("title")
        return self.render(
            request,
            template="articles/topic_page.html",
            context_overrides={
                "topic": topic,
                "articles": Paginator(articles, ARTICLES_PER_PAGE).get_page(
                    int_param(request.GET.get("page"), 1, min_value=1)
                ),
                "canonical_url": self.get_full_url(request) + self.reverse_subpage("topic_page", args=[slug]),
                "meta_title": topic.name,
                "description": topic.description or f"Medically reviewed articles about {topic.name.lower()}.",
            },
        )

    def get_sitemap_urls(self, request=None):
        url = self.get_full_url(request)
        return [
            *super().get_sitemap_urls(request),
            *(
                {"location": url + self.reverse_subpage("topic_page", args=[slug])}
                for slug in Topic.objects.values_list("slug", flat=True)
            ),
        ]
