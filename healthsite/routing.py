"""Serving pages in fewer queries than Wagtail's defaults, with the same results.

Wagtail routes a request one level at a time: the site's home page, then each child by slug, each
fetched twice (its base row, then its specific row), then the view restrictions of the page and
its ancestors. Here the whole chain of pages on the address comes back in one query, by their
`url_path`s (Wagtail keeps each one as its parent's plus its slug), with whether each has a view
restriction; only the page served is then fetched as its own type.

The walk stops at the first page with a `route` of its own (a routable page, a checklist's steps)
and hands it the rest of the address, and at any gap in the chain it lets the page above route as
Wagtail would: so every address reaches the page, or the 404, that Wagtail's routing gives.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site

# Levels below the site's root page found in the one query; deeper, Wagtail's walk goes on from
# there, so an address of a thousand slashes costs what it costs Wagtail, not a query that size.
CHAIN_LEVELS = 12


def route_for_request(request, path):
    """What `Page.route_for_request` returns for this request (page, args, kwargs), or None; kept on
    the request where Wagtail keeps it, so its serve view and everything else asking reuse it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        site = Site.find_for_request(request)
        if site is None or getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return Page.route_for_request(request, path)  # translated trees route by locale
        try:
            request._wagtail_route_for_request = route(request, site.root_page, [c for c in path.split("/") if c])
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def route(request, root, components):
    chain = page_chain(root, components)
    if chain is None:
        return root.specific.route(request, components)
    root_at = root.depth - 1
    walked = 0
    # Follow the chain while each page routes to its children as Wagtail's Page does; at its end
    # (no such child, or deeper than CHAIN_LEVELS) the page reached routes the rest itself.
    while walked < len(components) and root_at + walked + 1 < len(chain) and routes_plainly(chain[root_at + walked]):
        walked += 1
    reached = root_at + walked
    page = specific_for_serving(chain[reached])
    if reached:
        page._cached_parent_obj = chain[reached - 1]  # treebeard reads this instead of querying
    page.route_ancestors = chain[root_at:reached]
    page.restricted_by = [above.restriction_page for above in chain[: reached + 1] if above.has_restriction]
    return page.route(request, components[walked:])


def page_chain(root, components):
    """The pages from the tree's root down along `components` below `root`, as far as they exist
    (up to CHAIN_LEVELS below it), each annotated with whether it (or, for an alias, the page it
    copies) has a view restriction."""
    slugs = [slug for slug in root.url_path.split("/") if slug] + list(components[:CHAIN_LEVELS])
    url_paths = ["/" + "".join(f"{slug}/" for slug in slugs[:depth]) for depth in range(len(slugs) + 1)]
    restrictions = PageViewRestriction.objects.filter(page=OuterRef("restriction_page"))
    candidates = (
        Page.objects.filter(url_path__in=url_paths)
        .annotate(restriction_page=Coalesce("alias_of", "pk"))
        .annotate(has_restriction=Exists(restrictions))
        .order_by("depth")
    )
    chain = []
    for page in candidates:
        # The chain is the tree's path: each page one level below, and inside, the one before it.
        above = chain[-1] if chain else None
        if page.depth == len(chain) + 1 and page.url_path == url_paths[len(chain)]:
            if above is None or page.path.startswith(above.path):
                chain.append(page)
    if len(chain) < root.depth or chain[root.depth - 1].pk != root.pk:
        return None  # the url_paths disagree with the tree: let Wagtail walk it
    return chain


def routes_plainly(page):
    """Whether this page finds its children as Wagtail's Page does (by slug, nothing else)."""
    model = page.specific_class or Page
    return model.route is Page.route


def specific_for_serving(page):
    """The page as its own type, with what its template reads at once (`serve_select_related`)."""
    model = page.specific_class
    if model is None:  # its model has gone: Wagtail serves the base page
        return page
    found = model._default_manager.select_related(*getattr(model, "serve_select_related", ())).filter(pk=page.pk)
    specific = found.first()
    if specific is None:  # deleted since the chain was read
        raise Http404
    return specific


class KnownViewRestrictions:
    """The view restrictions on this page and its ancestors as routing found them: none is no
    query, where Wagtail's check takes two on every request. Outside routing, Wagtail's own."""

    def get_view_restrictions(self):
        restricted_by = getattr(self, "restricted_by", None)
        if restricted_by is None:
            return super().get_view_restrictions()
        if not restricted_by:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=restricted_by)


def breadcrumbs(page):
    """The pages above `page` below the root, as routing found them (no query), or from the tree."""
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is None:
        ancestors = page.get_ancestors()
    return [ancestor for ancestor in ancestors if ancestor.depth > 1]
