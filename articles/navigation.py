"""The header menu and the footer's links, from the pages under the site's home page: kept for
every reader of the site until a page under the home page is published, changed or moved."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.functional import SimpleLazyObject

from articles.models import ContentPage, TopicIndexPage
from healthsite import pagecache
from healthsite.sites import current_site

EDITORIAL_POLICY_SLUG = "editorial-policy"


@dataclass(frozen=True)
class Link:
    pk: int
    title: str
    link: str
    slug: str


@dataclass
class Navigation:
    menu: list = field(default_factory=list)  # the home page's children marked "Show in menus"
    footer: list = field(default_factory=list)  # its content pages: about us, policies, contact
    topics_url: str = ""  # where /topics/<slug>/ starts; "" without a topics page
    editorial_policy: Link = None  # the content page with the slug EDITORIAL_POLICY_SLUG, linked from articles


def site_navigation(request):
    """Menu, footer and topic links, kept per site; computed in one query."""
    site = current_site(request)
    if site is None:
        return Navigation()
    part = pagecache.PageParts(request).keep(f"navigation:{site.pk}", lambda: {"navigation": links_of(site, request)})
    return part["navigation"]


def links_of(site, request):
    """The links themselves, as plain values a kept part can hold."""
    # Publishing or unpublishing any page under the home page changes the menu or the footer.
    pagecache.depends_on(pagecache.section_tag(site.root_page_id))
    page_types = ContentType.objects.get_for_models(ContentPage, TopicIndexPage)
    pages = list(
        site.root_page.get_children()
        .live()
        .filter(Q(show_in_menus=True) | Q(content_type__in=page_types.values()))
        .order_by("path")
    )
    links = {page.pk: Link(page.pk, page.title, page.get_url(request), page.slug) for page in pages}
    topics = next((links[page.pk] for page in pages if page.content_type_id == page_types[TopicIndexPage].pk), None)
    footer = [links[page.pk] for page in pages if page.content_type_id == page_types[ContentPage].pk]
    return Navigation(
        menu=[links[page.pk] for page in pages if page.show_in_menus],
        footer=footer,
        topics_url=topics.link if topics else "",
        editorial_policy=next((link for link in footer if link.slug == EDITORIAL_POLICY_SLUG), None),
    )


def navigation(request):
    """Context processor: `navigation`, fetched only when a template uses it (feeds and robots.txt do not)."""
    return {"navigation": SimpleLazyObject(lambda: site_navigation(request))}
