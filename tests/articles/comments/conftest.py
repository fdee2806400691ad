import pytest
from django.urls import reverse

from articles.comments.forms import form_token
from tests.articles.factories import ArticlePageFactory


@pytest.fixture(autouse=True)
def instant_forms(settings):
    """Tests post the form the moment it is made; the minimum time is tested on its own."""
    settings.COMMENT_MIN_SECONDS = 0


@pytest.fixture
def article(article_index):
    return ArticlePageFactory(parent=article_index, title="What is muscle spasm?")


@pytest.fixture
def post_comment(client):
    """POST the comment form for an article, with valid defaults for every field not given."""

    def post(article, follow=False, **fields):
        data = {
            "name": "Maria",
            "email": "maria@example.com",
            "website": "",
            "body": "Stretching my calf helps.",
            "token": form_token(article),
            "homepage": "",
            **fields,
        }
        return client.post(reverse("post_comment", args=[article.pk]), data, follow=follow)

    return post
