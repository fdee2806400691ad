"""Routing a page in one query finds what Wagtail's routing finds, for any address: pages of every
type, routable pages and checklist steps, drafts, restricted sections, aliases, moved pages, a
second site, and addresses nobody made."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction, Site

from articles.models import ContentPage
from healthsite import routing
from tests.articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.triage.factories import ChecklistIndexPageFactory, build_checklist

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page, article_index, topics_page):
    """A site with a page of each type, a draft section with a live page under it, a section behind a
    password, an alias of a restricted page and a second site rooted below the first one's home."""
    ArticlePageFactory(parent=article_index, slug="cramp")
    draft = ArticlePageFactory(parent=article_index, slug="draft-article")
    draft.unpublish()
    about = home_page.add_child(instance=ContentPage(title="About us", slug="about"))
    team = about.add_child(instance=ContentPage(title="Our team", slug="team"))
    hidden = home_page.add_child(instance=ContentPage(title="Unpublished section", slug="hidden", live=False))
    hidden.add_child(instance=ContentPage(title="Live below a draft", slug="below"))
    members = home_page.add_child(instance=ContentPage(title="Members", slug="members"))
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.PASSWORD, password="x")
    members.add_child(instance=ContentPage(title="Members' news", slug="news"))
    members.create_alias(parent=about, update_slug="members-copy")
    # A routable page's own routes come before its children, as in Wagtail.
    topics_page.add_child(instance=ContentPage(title="Under the topics", slug="under-topics"))
    ArticleIndexPageFactory(parent=home_page, slug="other-section")
    build_checklist(ChecklistIndexPageFactory(parent=home_page))
    Site.objects.create(hostname="team.example", port=80, root_page=team, site_name="Team")
    return home_page


SLUGS = [
    "health-a-z", "cramp", "draft-article", "about", "team", "hidden", "below", "members", "news",
    "members-copy", "topics", "other-section", "checklists", "cramp-0", "under-topics",
    "result", "prepare", "summary", "pdf", "nothing", "home", "",
]  # fmt: skip


def wagtail_route(path, host="localhost"):
    return resolved(Page.route_for_request(request_for(path, host), path))


def our_route(path, host="localhost"):
    return resolved(routing.route_for_request(request_for(path, host), path))


def request_for(path, host):
    request = RequestFactory().get(path, HTTP_HOST=host)
    request.user = AnonymousUser()
    return request


def resolved(result):
    """What a route decides: which page, as which type, with which arguments, behind which restrictions."""
    if result is None:
        return None
    page, args, kwargs = result
    restrictions = sorted(page.get_view_restrictions().values_list("pk", flat=True))
    # A routable page's route names its view as a method bound to the page found.
    args = tuple(getattr(arg, "__func__", arg) for arg in args)
    return page.pk, type(page), args, dict(kwargs), restrictions


def test_every_page_routes_as_wagtail_routes_it(tree):
    """Each page of the tree, and the checklist's steps, at the address Wagtail gives it."""

    def address(page):
        return page.url_path[len(tree.url_path) - 1 :]

    checklist = address(Page.objects.get(slug__startswith="cramp-"))
    paths = [address(page) for page in Page.objects.live().descendant_of(tree, inclusive=True)]
    paths += [checklist + "summary/", checklist + "pdf/", "/topics/back-pain/", "/hidden/below/"]
    for path in paths:
        assert our_route(path) == wagtail_route(path) is not None, path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(slugs=st.lists(st.sampled_from(SLUGS) | st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True), max_size=16))
def test_any_address_routes_as_wagtail_routes_it(tree, slugs):
    """Made-up addresses, deeper than the one query looks, give the same page or the same 404."""
    path = "/" + "".join(f"{slug}/" for slug in slugs if slug)
    assert our_route(path) == wagtail_route(path), path
    assert our_route(path, "team.example") == wagtail_route(path, "team.example"), path


def test_a_moved_page_is_found_at_its_new_address_only(tree, article_index):
    """Wagtail rewrites the address of a page it moves; routing by address follows it."""
    article = Page.objects.get(slug="cramp")
    article.move(Page.objects.get(slug="other-section"), pos="last-child")
    assert our_route("/health-a-z/cramp/") is None
    assert our_route("/other-section/cramp/")[0] == article.pk


def test_a_page_in_a_restricted_section_still_asks_for_the_password(client, tree):
    response = client.get("/members/news/")
    assert response.status_code == 200
    assert 'name="password"' in response.text and "Members' news" not in response.text


def test_an_address_of_a_thousand_slashes_costs_what_one_level_costs(client, tree):
    """Past the levels the one query looks at, the walk goes on as Wagtail's, stopping at the first gap."""

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 404
        return len(captured)

    queries("/a/")  # the first 404 fills Wagtail's cache of site addresses
    assert queries("/" + "a/" * 1000) == queries("/a/")


def test_a_page_deleted_while_it_is_routed_is_a_404_not_an_error(tree):
    """Between the chain's query and the page's own, an editor may delete it."""
    chain_row = Page.objects.get(slug="cramp")
    Page.objects.get(pk=chain_row.pk).delete()
    with pytest.raises(Http404):
        routing.specific_for_serving(chain_row)
