"""Pages render in a constant number of queries, however much content they hold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from articles.models import RelatedArticle
from tests.articles.factories import ArticlePageFactory, ArticleReferenceFactory, TopicFactory

pytestmark = pytest.mark.django_db

# The demo article takes 14 (see tests/test_query_budgets.py); this one adds an image and its renditions.
MAX_ARTICLE_QUERIES = 16


def body_of(blocks, related, image):
    """`blocks` blocks of every kind that costs a query: headings, images, related-article cards."""
    body = []
    for n in range(blocks // 4):
        body += [
            {"type": "section_heading", "value": {"heading": f"Section {n}", "level": 2, "anchor": ""}},
            {"type": "paragraph", "value": f"<p>Paragraph {n}.</p>"},
            {"type": "image", "value": {"image": image.pk, "alt_text": "Stretch", "caption": ""}},
            {"type": "related_article", "value": {"article": related[n % len(related)].pk}},
        ]
    return body


def queries_for(client, url):
    client.get(url)  # first view makes the image renditions; readers after that only read them
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def rich_article(parent, blocks, extras):
    image = Image.objects.create(title="Stretch", file=get_test_image_file())
    related = [ArticlePageFactory(parent=parent) for _ in range(extras)]
    topics = [TopicFactory() for _ in range(extras)]
    article = ArticlePageFactory(parent=parent, body=body_of(blocks, related, image), topics=topics)
    for other in related:
        RelatedArticle.objects.create(page=article, article=other)
        ArticleReferenceFactory(page=article)
    return article


def test_article_queries_do_not_grow_with_blocks_or_related_content(client, article_index):
    """A 40-block article with many related articles, topics and sources costs no more than a 4-block one."""
    small = rich_article(article_index, blocks=4, extras=1)
    large = rich_article(article_index, blocks=40, extras=8)
    small_count = queries_for(client, small.url)
    large_count = queries_for(client, large.url)
    assert large_count <= small_count
    assert large_count <= MAX_ARTICLE_QUERIES


def test_listing_queries_do_not_grow_with_articles(client, article_index):
    """The section listing and the home page cost the same with 2 or 12 articles."""
    topic = TopicFactory()
    ArticlePageFactory.create_batch(2, parent=article_index, topics=[topic])
    few = (queries_for(client, article_index.url), queries_for(client, "/"), queries_for(client, "/search/?q=article"))
    ArticlePageFactory.create_batch(10, parent=article_index, topics=[topic])
    many = (queries_for(client, article_index.url), queries_for(client, "/"), queries_for(client, "/search/?q=article"))
    assert many == few
