from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from articles import views as article_views
from articles.feeds import LatestArticlesFeed
from healthsite import two_factor
from healthsite import views as site_views
from healthsite.health import healthz
from healthsite.pagecache import FEED, SEARCH, SITEMAP, shows

urlpatterns = [
    path("admin/two-factor/setup/", two_factor.setup, name="two_factor_setup"),
    path("admin/two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("search/", shows(SEARCH)(article_views.search), name="search"),
    path("comments/", include("articles.comments.urls")),
    path("feed/", shows(FEED)(LatestArticlesFeed()), name="article_feed"),
    path("sitemap.xml", shows(SITEMAP)(sitemap), name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("favicon.ico", site_views.favicon, name="favicon"),
    path("manifest.webmanifest", site_views.web_manifest, name="web_manifest"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's page view, its page found in fewer queries (healthsite/routing.py); first, so it wins.
    re_path(wagtail_urls.serve_pattern, site_views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

handler500 = "healthsite.security.server_error"
