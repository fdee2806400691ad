"""Load the demo content: `manage.py load_demo_content`. Idempotent: what exists is left alone,
so an editor's changes to the demo pages survive a second `make run`."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from articles.editorial import set_up_editorial_workflow
from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticleReference,
    ContentPage,
    HomePage,
    HomePageFeaturedArticle,
    Person,
    Topic,
    TopicIndexPage,
)
from triage.demo import ensure_demo_checklist, link_outcomes_to_article

from . import content
from .comments import load_demo_comments


@transaction.atomic
def load_demo_content():
    home = ensure_home_page()
    index = _ensure_child(home, ArticleIndexPage, **content.INDEX)
    people = {
        role: Person.objects.get_or_create(name=data["name"], defaults=data)[0] for role, data in content.PEOPLE.items()
    }
    topics = {data["slug"]: Topic.objects.get_or_create(slug=data["slug"], defaults=data)[0] for data in content.TOPICS}
    checklist = ensure_demo_checklist(home, people["reviewer"])
    if not TopicIndexPage.objects.exists():
        # The sections made before the site had a menu join it once, when the topics page arrives.
        for section in (index, checklist.get_parent().specific):
            section.show_in_menus = True
            section.save_revision().publish()
        _ensure_child(home, TopicIndexPage, **content.TOPICS_PAGE)
    for page in content.TRUST_PAGES:
        _ensure_child(home, ContentPage, **{**page, "body": _raw_body(page["body"], checklist)})
    for article in content.ARTICLES:
        _ensure_article(index, article, people, topics, checklist)
    link_outcomes_to_article(checklist, ArticlePage.objects.get(slug="muscle-spasm"))
    if not home.featured_articles.exists():
        for slug in content.FEATURED:
            HomePageFeaturedArticle.objects.create(page=home, article=ArticlePage.objects.get(slug=slug))
    load_demo_comments(ArticlePage.objects.get(slug="muscle-spasm"))
    set_up_editorial_workflow()
    return home


def ensure_home_page() -> HomePage:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a plain "Welcome" page that nobody edited.
        welcome = root.get_children().filter(slug="home").exact_type(Page).first()
        if welcome is not None:
            welcome.delete()
        home = root.add_child(instance=HomePage(title=content.SITE_NAME, slug="home", intro=content.HOME_INTRO))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=content.SITE_NAME
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def _ensure_child(parent, model, **fields):
    existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing
    page = parent.add_child(instance=model(**fields))
    page.save_revision().publish()
    return page


def _raw_body(body, checklist):
    """Stream data in the stored JSON form, with article slugs turned into page ids and the demo
    checklist's block pointing at it."""
    raw = []
    for block_type, value in body:
        if block_type == "related_article":
            value = {"article": ArticlePage.objects.get(slug=value["article"]).pk}
        if block_type == "doctor_visit_checklist":
            value = {**value, "checklist": checklist.pk}
        raw.append({"type": block_type, "value": value})
    return raw


def _ensure_article(index, data, people, topics, checklist):
    if ArticlePage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return
    today = timezone.localdate()
    article = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        seo_title=data.get("seo_title", ""),
        search_description=data.get("search_description", ""),
        summary=data["summary"],
        condition_name=data["condition_name"],
        author=people["author"],
        reviewer=people["reviewer"],
        # Written and reviewed a while ago, as a real article would have been.
        first_published_at=timezone.now() - datetime.timedelta(days=90),
        last_reviewed=today - datetime.timedelta(days=30),
        next_review_due=today + datetime.timedelta(days=335),
        body=_raw_body(data["body"], checklist),
    )
    article.topics = [topics[slug] for slug in data["topics"]]
    article.references = [
        ArticleReference(accessed=today - datetime.timedelta(days=30), **reference)
        for reference in data.get("references", [])
    ]
    index.add_child(instance=article)
    article.save_revision().publish()
