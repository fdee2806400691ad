"""Uncached fragments inside cached pages, such as a form's single-use token.

A template writes `<esi:include src="/fragment/url/"/>` where the fragment goes. A front cache
that does ESI (Varnish announces it in `Surrogate-Capability`) fetches the fragment for every
reader itself; for anyone else the page cache stitches it in on every response, hit or miss, so
each reader gets a fragment made when they asked for the page. No JavaScript is involved.
"""

import functools
import re
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers, patch_cache_control

ESI_INCLUDE = re.compile(rb'<esi:include src="([^"]+)"\s*/>')


def fragment(view):
    """Marks a view as a fragment pages may include; its responses are never cached anywhere."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    wrapper.is_page_fragment = True
    return wrapper


def front_cache_does_esi(request):
    return "ESI/1.0" in request.headers.get("Surrogate-Capability", "")


def stitch(request, response):
    """Fill in the page's fragments, or leave them to a front cache that does ESI."""
    if response.streaming or b"<esi:include" not in response.content:
        return response
    if front_cache_does_esi(request):
        response["Surrogate-Control"] = 'content="ESI/1.0"'
        return response
    response.content = ESI_INCLUDE.sub(lambda match: _render(request, match.group(1).decode()), response.content)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return response


def _render(request, src):
    try:
        match = resolve(urlsplit(src).path)
    except Resolver404:
        return b""
    if not getattr(match.func, "is_page_fragment", False):
        return b""  # only views made to be fragments: never an arbitrary URL named in a page
    return match.func(request, *match.args, **match.kwargs).content
