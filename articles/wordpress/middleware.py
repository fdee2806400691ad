import re
from urllib.parse import urlsplit

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_ID_PARAMETERS = {"p", "page_id", "attachment_id"}
# What WordPress serves below a post's own address: its comment pages, feeds, AMP and embed
# versions, trackback address, and the pages of a post split with <!--nextpage-->.
BELOW_A_POST = re.compile(r"^(?P<post>/.+?)/(?:comment-page-\d+|feed(?:/[a-z0-9]+)?|amp|embed|trackback|\d+)/?$")


class WordPressRedirectMiddleware:
    """Old WordPress addresses that Wagtail's redirects alone would miss.

    - Id links (/?p=123, /?page_id=7, /?attachment_id=5) reach the home page, which answers 200,
      and Wagtail's redirect middleware only looks for a redirect when a page is not found.
    - Addresses below an imported post (/post/comment-page-2/, /post/feed/, /post/amp/) lead to
      the post: their own redirects were never in the export. Placed before Wagtail's middleware
      in MIDDLEWARE, so this sees the 404 that found no redirect of its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and WORDPRESS_ID_PARAMETERS & request.GET.keys():
            redirect = get_redirect(request, Redirect.normalise_path(request.get_full_path(), decode_unicode=False))
            if redirect is not None and redirect.link:
                return HttpResponsePermanentRedirect(redirect.link)
        response = self.get_response(request)
        if response.status_code == 404:
            below = BELOW_A_POST.match(urlsplit(request.get_full_path()).path)
            redirect = below and get_redirect(request, Redirect.normalise_path(below["post"], decode_unicode=False))
            if redirect and redirect.link:
                return HttpResponsePermanentRedirect(redirect.link)
        return response
