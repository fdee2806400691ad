import datetime
import string
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.template.loader import render_to_string
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet, PageViewRestriction
from wagtail.search import index

from articles.blocks import ArticleBodyBlock
from articles.comments.display import comment_section
from articles.comments.models import Comment
from articles.content import duplicate_anchors, heading_level_jump, reading_minutes, table_of_contents
from articles.structured_data import article_structured_data
from healthsite import pagecache
from healthsite.review import MedicallyReviewed
from healthsite.routing import KnownViewRestrictions, breadcrumbs

from .snippets import Person, Topic

ARTICLES_PER_PAGE = 12
MOST_CHOSEN_RELATED = 4  # the editor's panel allows this many


class ArticlePageQuerySet(PageQuerySet):
    def published(self):
        """What readers may see: live, and not under a page with a view restriction.

        Wagtail's public() fetches every restriction in a query of its own each time; this is
        the same rule as a subquery, so it costs nothing extra."""
        restrictions_above = PageViewRestriction.objects.annotate(
            page_path=models.ExpressionWrapper(models.OuterRef("path"), output_field=models.CharField())
        ).filter(page_path__startswith=models.F("page__path"))
        return self.live().exclude(models.Exists(restrictions_above))

    def for_listing(self):
        """Everything a listing card shows, in the one query that fetches the pages."""
        return self.annotate(comment_count=Comment.objects.approved_count_for(models.OuterRef("pk")))

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")

    def review_due(self, within_days=30):
        """Pages whose medical review is overdue or due within `within_days` days, most overdue first."""
        horizon = timezone.localdate() + datetime.timedelta(days=within_days)
        return self.filter(next_review_due__lte=horizon).order_by("next_review_due", "pk")


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class HomePage(KnownViewRestrictions, Page):
    """The site's front page: articles chosen by editors, the latest articles and the topics."""

    intro = models.TextField(blank=True, help_text="One or two sentences under the site name.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("featured_articles", label="Featured article", max_num=6),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "triage.ChecklistIndexPage",
        "articles.TopicIndexPage",
        "articles.ContentPage",
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = list(
            ArticlePage.objects.published()
            .for_listing()
            .filter(featured_on__page=self)
            .order_by("featured_on__sort_order")
        )
        context["featured_articles"] = featured
        context["latest_articles"] = (
            ArticlePage.objects.published().exclude(pk__in=[a.pk for a in featured]).for_listing().newest_first()[:6]
        )
        context["topics"] = Topic.objects.all()
        pagecache.depends_on(pagecache.HOME, pagecache.TOPICS)
        return context


class HomePageFeaturedArticle(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="featured_on")

    panels = [PageChooserPanel("article")]


class ArticleIndexPage(KnownViewRestrictions, Page):
    """A section of articles, e.g. “Health A to Z”: every article under its first letter."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Names and slugs only: the section lists every article, and links are built from the slug.
        # Listed by the condition's name when there is one, as readers look up "Scoliosis", not "How to…".
        articles = (
            ArticlePage.objects.child_of(self)
            .published()
            .annotate(a_to_z_name=Coalesce(NullIf("condition_name", Value("")), "title"))
            .only("title", "slug", "condition_name")
            .order_by(Lower("a_to_z_name"), "pk")
        )
        context["letters"] = letter_sections(articles)
        return context


def letter_sections(articles):
    """(letter, articles) for A to Z, in order, empty letters included; titles starting with anything
    else (a digit, a quote) come last under “0–9”, when there are any."""
    sections = {letter: [] for letter in string.ascii_uppercase}
    other = []
    for article in articles:
        initial = unicodedata.normalize("NFKD", article.a_to_z_name.lstrip())[:1].upper()
        sections.get(initial, other).append(article)
    return [*sections.items(), *([("0–9", other)] if other else [])]


class ContentPage(KnownViewRestrictions, Page):
    """A plain page of text, such as “About us” or the editorial policy."""

    intro = models.TextField(blank=True, help_text="One or two sentences under the title.")
    body = StreamField(ArticleBodyBlock(), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["articles.HomePage", "articles.ContentPage"]
    subpage_types = ["articles.ContentPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = breadcrumbs(self)
        return context


class ArticlePage(KnownViewRestrictions, MedicallyReviewed, Page):
    """A health article: what a condition is, its symptoms and causes, when to get help."""

    summary = models.TextField(
        max_length=300, help_text="The lead paragraph: what the reader will learn, in plain words."
    )
    condition_name = models.CharField(
        max_length=120, blank=True, help_text="The condition this article is about, for search engines."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe what the image shows. Required when there is an image.",
    )
    topics = ParentalManyToManyField(Topic, blank=True)
    author = models.ForeignKey("articles.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    comments_open = models.BooleanField(default=True, help_text="Readers can leave comments under the article.")
    body = StreamField(ArticleBodyBlock())

    objects = ArticlePageManager()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("condition_name", boost=2),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Hero image"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("author"),
    ]
    review_panels = [
        *MedicallyReviewed.review_panels,
        InlinePanel("references", label="Reference", heading="Sources"),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("condition_name"),
        InlinePanel(
            "related_articles",
            label="Related article",
            heading="Related articles",
            help_text="Leave empty to show the latest articles on the same topics.",
            max_num=MOST_CHOSEN_RELATED,
        ),
        FieldPanel("comments_open"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(review_panels, heading="Review and sources"),
            ObjectList(promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    serve_select_related = ("author", "reviewer")  # the byline, fetched with the page (healthsite.routing)

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": "Describe the hero image for people who cannot see it."})
        jump = heading_level_jump(self.body)
        if jump is not None:
            heading, allowed = jump
            raise ValidationError(
                {"body": f"The heading “{heading['heading']}” skips a level: make it level {allowed} or lower."}
            )
        duplicates = duplicate_anchors(self.body)
        if duplicates:
            raise ValidationError(
                {"body": f"Two sections would share the link #{duplicates[0]}: give one of them its own anchor."}
            )

    def get_context(self, request, *args, comment_form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Kept for every reader per revision (and comment version): declared together, so the
        # first use looks them all up at once.
        parts = pagecache.PageParts(request)
        revision = f"{self.pk}:{self.live_revision_id}"
        context["article_body"] = body = parts.keep(f"article-body:{revision}", lambda: self.body_part(request))
        context["related_articles"] = parts.keep(
            f"related-articles:{revision}", lambda: self.related_part(request, body["topics"])
        )
        context["comments"] = comments = comment_section(self, request, comment_form, parts)
        context["breadcrumbs"] = trail = breadcrumbs(self)
        context["structured_data"] = article_structured_data(
            self,
            trail,
            request,
            comments=comments.structured_data(),
            comment_count=comments.count,
        )
        # The byline credits them (outside any kept part: their names come with the page's row).
        people = [pk for pk in (self.author_id, self.reviewer_id) if pk]
        pagecache.depends_on(*(pagecache.snippet_tag(Person, pk) for pk in people))
        return context

    def body_part(self, request):
        """What the body shows every reader: its contents list and blocks, reading time, topics and sources."""
        topics = list(self.topics.all())
        pagecache.depends_on(*(pagecache.topic_tag(topic.pk) for topic in topics))  # their names
        context = {"page": self, "request": request, "table_of_contents": table_of_contents(self.body)}
        return {
            "html": render_to_string("articles/article_body.html", context),
            "reading_minutes": reading_minutes(self),
            "topics": topics,
            "references": list(self.references.all()),
        }

    def related_part(self, request, topics):
        """The related articles' cards; they change when an article on the same topics is published."""
        pagecache.depends_on(*(pagecache.topic_tag(topic.pk) for topic in topics))
        context = {"related_articles": self.related_articles_to_show(), "request": request}
        return {"html": render_to_string("articles/related_articles.html", context)}

    def related_articles_to_show(self, limit=3):
        """The editor's choice when there is one, else the latest articles sharing a topic, in one query:
        chosen articles and topic matches come back together, chosen first, in the editor's order."""
        links = RelatedArticle.objects.filter(page=self)
        chosen_links = links.filter(article=OuterRef("pk"))
        article_topics = ArticlePage.topics.through.objects.filter(articlepage=self).values("topic")
        # Candidates by id, from the small link and topic tables, so the cost does not grow with the
        # number of articles (a per-article EXISTS here took half a second at 10,000 articles).
        same_topic_ids = ArticlePage.topics.through.objects.filter(topic__in=article_topics).values("articlepage")
        candidates = list(
            ArticlePage.objects.filter(pk__in=links.values("article").union(same_topic_ids))
            .published()
            .for_listing()
            .annotate(is_chosen=Exists(chosen_links), chosen_order=Subquery(chosen_links.values("sort_order")[:1]))
            .exclude(pk=self.pk)
            .order_by("-is_chosen", F("chosen_order").asc(nulls_last=True), "-first_published_at", "-pk")[
                : MOST_CHOSEN_RELATED + limit
            ]
        )
        chosen = [candidate for candidate in candidates if candidate.is_chosen]
        return chosen or candidates[:limit]

    def changed_tags(self):
        """A change shows in the related articles of every article on its topics."""
        return [pagecache.topic_tag(topic.pk) for topic in self.topics.all()]


class ArticleReference(Orderable):
    """A source the article relies on."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="references")
    title = models.CharField(max_length=250)
    publisher = models.CharField(max_length=150, blank=True)
    url = models.URLField("URL", blank=True)
    accessed = models.DateField("date accessed", null=True, blank=True)

    panels = [FieldPanel("title"), FieldPanel("publisher"), FieldPanel("url"), FieldPanel("accessed")]

    def __str__(self):
        return self.title


class RelatedArticle(Orderable):
    """An article the editor links from the foot of another."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="related_from")

    panels = [PageChooserPanel("article")]
