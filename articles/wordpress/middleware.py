from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_ID_PARAMETERS = {"p", "page_id", "attachment_id"}


class WordPressIdRedirectMiddleware:
    """Follows WordPress's id links (/?p=123, /?page_id=7, /?attachment_id=5) to the imported pages.

    Those links reach the home page, which answers 200, and Wagtail's own redirect middleware only
    looks for a redirect when a page is not found."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and WORDPRESS_ID_PARAMETERS & request.GET.keys():
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                return HttpResponsePermanentRedirect(redirect.link)
        return self.get_response(request)
