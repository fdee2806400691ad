"""Arbitrary text, from every Unicode category, sent to every public parameter and form field:
the site never answers 500, and every comment it accepts is stored as docs/comments.md says."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from articles.comments.forms import form_token
from articles.comments.models import Comment
from articles.comments.text import has_visible_character, normalised_body, normalised_name, without_control_characters
from articles.models import ArticlePage

pytestmark = pytest.mark.django_db

# Surrogates cannot arrive: Django decodes requests as UTF-8, which has none.
every_category = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
# Weighted towards what broke the site before: digits that are not ASCII, and characters that show nothing.
numberish = st.text(st.characters(categories=("Nd", "No", "Nl")), min_size=1, max_size=6)
invisible = st.text(st.characters(categories=("Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me")), min_size=1, max_size=6)
any_text = st.one_of(every_category, numberish, invisible, st.tuples(every_category, invisible).map("".join))
bounded = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
GET_PARAMETERS = ["page", "comments-page", "replyto", "q", "topic"]
COMMENT_FIELDS = ["name", "email", "website", "body", "parent", "notify", "save_details", "token", "homepage"]
CHECKLIST_FIELDS = ["state", "action", "change", "returning", "paper", "signs", "questions"]


@pytest.fixture
def demo(db, settings):
    settings.COMMENT_MIN_SECONDS = 0
    settings.COMMENT_RATE_LIMIT = 10**6
    call_command("load_demo_content")
    return ArticlePage.objects.get(slug="muscle-spasm")


def public_urls():
    """One page of each type, and the views that are not pages."""
    pages = {page.content_type_id: page for page in Page.objects.live().public().exclude(depth=1).order_by("-path")}
    return ["/search/", "/feed/", *(page.url for page in pages.values())]


@bounded
@given(choice=st.data(), values=st.fixed_dictionaries(dict.fromkeys(GET_PARAMETERS, any_text)), extra=any_text)
def test_no_query_parameter_makes_a_500(client, demo, choice, values, extra):
    """Every kind of public page answers any value of every parameter it reads, and of one it does not."""
    url = choice.draw(st.sampled_from(public_urls()))
    assert client.get(url, {**values, extra[:50] or "y": extra}).status_code < 500


@bounded
@given(fields=st.fixed_dictionaries({}, optional=dict.fromkeys(CHECKLIST_FIELDS, any_text)))
def test_no_checklist_post_makes_a_500(client, demo, fields):
    """Checklist steps answer any form data with a page, never a 500."""
    checklists = [page.url for page in Page.objects.live().filter(content_type__model="checklistpage")]
    assert checklists
    for url in checklists:
        assert client.post(url, fields).status_code < 500


def post(client, article, **fields):
    data = {"homepage": "", "token": form_token(article.pk), **fields}
    return client.post(reverse("post_comment", args=[article.pk]), data)


@bounded
@given(fields=st.fixed_dictionaries({}, optional=dict.fromkeys(COMMENT_FIELDS, any_text)))
def test_no_comment_form_makes_a_500(client, demo, fields):
    """Any comment form data, however odd, is answered with a page or a redirect."""
    assert post(client, demo, **fields).status_code in (302, 400, 429)


@bounded
@given(name=any_text, body=any_text, email=st.emails(), website=st.sampled_from(["", "https://example.com/"]))
def test_accepted_comments_are_stored_as_documented(client, demo, name, body, email, website):
    """A comment the site accepts is stored normalised exactly as docs/comments.md says, and shows something."""
    before = set(Comment.objects.values_list("pk", flat=True))
    response = post(client, demo, name=name, email=email, website=website, body=body)
    new = Comment.objects.exclude(pk__in=before)
    if response.status_code != 302:
        assert not new.exists()
        return
    comment = new.get()
    assert comment.name == normalised_name(name)
    assert comment.body == normalised_body(body)
    assert has_visible_character(comment.name) and has_visible_character(comment.body)
    assert comment.email == without_control_characters(email).strip()
