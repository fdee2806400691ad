"""Security headers on every response: a Content-Security-Policy (a strict one for the public site,
a workable one for Wagtail's admin, whose templates carry inline scripts) and a Permissions-Policy.

This middleware sits outside the page cache, so a cached page gets the header afresh. Cached pages
hold no inline script or style, so they need no nonce; a nonce is sent only when a template asked
for one (`request.csp_nonce`), on pages that are never cached (errors, the editors' user bar)."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
            return PolicyParts(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], None, None, parts.nonce)
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def server_error(request):
    """Django's plain 500 page, with this response's nonce for its one inline style. No context
    processors: they may need the database, which may be what failed."""
    nonce = getattr(request, "csp_nonce", "")
    return HttpResponseServerError(loader.get_template("500.html").render({"csp_nonce": nonce}))
