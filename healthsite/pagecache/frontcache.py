"""Purging a front cache (Varnish with xkey) by the same tags as the page cache."""

import logging
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)
PURGE_TIMEOUT_SECONDS = 2


def purge_tags(tags):
    """One PURGE request naming every tag; a front cache that cannot be reached is logged, never
    an error for the editor or moderator who made the change."""
    if not settings.VARNISH_PURGE_URL:
        return
    request = urllib.request.Request(  # noqa: S310 - the operator's own Varnish, from settings
        settings.VARNISH_PURGE_URL, method="PURGE", headers={"xkey-purge": " ".join(sorted(tags))}
    )
    try:
        with urllib.request.urlopen(request, timeout=PURGE_TIMEOUT_SECONDS):  # noqa: S310
            pass
    except OSError as error:
        logger.warning("Could not purge %s from Varnish at %s: %s", " ".join(sorted(tags)), request.full_url, error)
