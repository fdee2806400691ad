"""Every page of the tree (Wagtail's view, routed in fewer queries), and files browsers and
crawlers ask for at fixed addresses: /favicon.ico and the web app manifest."""

from django.contrib.staticfiles import finders
from django.http import FileResponse, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views

from healthsite.routing import route_for_request
from healthsite.sites import current_site, site_name

THEME_COLOUR = "#005a4e"  # --color-brand in site.css


def serve_page(request, path):
    """Wagtail's page view, the page found by healthsite.routing first (Wagtail reuses the route)."""
    route_for_request(request, path)
    return wagtail_views.serve(request, path)


@require_GET
@cache_control(public=True, max_age=60 * 60 * 24)
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: the static icon, at that address."""
    return FileResponse(open(finders.find("favicon.ico"), "rb"), content_type="image/x-icon")


@require_GET
def web_manifest(request):
    """What a phone needs to add the site to its home screen, named after the Site."""
    name = site_name(current_site(request))
    return JsonResponse(
        {
            "name": name,
            "short_name": name,
            "start_url": "/",
            "display": "browser",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": [
                {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            ],
        },
        content_type="application/manifest+json",
    )
