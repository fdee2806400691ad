import datetime

import factory
import wagtail_factories
from django.utils import timezone

from articles.comments.models import Comment
from articles.models import ArticleIndexPage, ArticlePage, ArticleReference, HomePage, Person, Topic


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Dr Reviewer {n}")
    credentials = "MBBS"

    class Meta:
        model = Person


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Health Guide"
    slug = "home"

    class Meta:
        model = HomePage


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Health A to Z"
    slug = "health-a-z"

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "What this condition is, and when to see a doctor."
    author = factory.SubFactory(PersonFactory)
    reviewer = factory.SubFactory(PersonFactory)
    last_reviewed = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    next_review_due = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=355))
    first_published_at = factory.LazyFunction(timezone.now)
    body = factory.LazyFunction(
        lambda: [
            {"type": "section_heading", "value": {"heading": "Symptoms", "level": 2, "anchor": ""}},
            {"type": "paragraph", "value": "<p>Sudden pain in a muscle.</p>"},
        ]
    )

    class Meta:
        model = ArticlePage


class ArticleReferenceFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ArticlePageFactory)
    title = factory.Sequence(lambda n: f"Source {n}")
    publisher = "NHS"
    url = "https://www.nhs.uk/"

    class Meta:
        model = ArticleReference


class CommentFactory(factory.django.DjangoModelFactory):
    article = factory.SubFactory(ArticlePageFactory)
    name = factory.Sequence(lambda n: f"Reader {n}")
    email = factory.Sequence(lambda n: f"reader{n}@example.com")
    body = factory.Sequence(lambda n: f"Stretching helped me, comment {n}.")
    status = Comment.Status.APPROVED

    class Meta:
        model = Comment

    @classmethod
    def reply_to(cls, parent, **kwargs):
        """A reply in the parent's thread, one level deeper."""
        reply = cls.build(article=parent.article, **kwargs)
        reply.place_under(parent)
        reply.save()
        return reply
