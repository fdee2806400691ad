"""Parts of a page kept rendered until what they show changes: an article's body, its comment
thread, its related articles. A render the page cache cannot serve (a signed-in reader, an
editor, a miss) then skips most of its queries and template work.

A view declares its parts first (`PageParts.keep`) and reads them afterwards; the first read
looks every declared part up at once, in this process's memory (and in the shared page store
with Redis), and checks all their tags' versions in one `get_many`, so freshness costs no query
per part. A part is fresh under the same rule as a page: every tag it shows has a version older
than the moment its computation began, and a tag without a version (a lost cache) is a miss.
A part keeps the tags recorded while it was computed (the cards, the blocks it shows) and hands
them to the response around it on a hit as on a miss, so the page cache and Varnish still
invalidate pages built from kept parts.

Parts are shared by every reader: nothing personal (a reader's pending comment, a bound form, the
user bar, messages) may go into one. Callers compute personal content without a part.
"""

import time

from django.conf import settings
from django.core.cache import cache

from . import store
from .tags import depends_on, fresh_in, give_versions_from, recording_part, version_keys

KEY_PREFIX = "pagecache:part:"
_NOT_YET = object()


class PageParts:
    """The kept parts of one response, looked up together the first time one is read."""

    def __init__(self, request):
        # A preview shows a draft: it neither uses parts kept from the live page nor keeps its own.
        self.keeping = settings.FRAGMENT_CACHE_SECONDS > 0 and not getattr(request, "is_preview", False)
        self._waiting = []

    def keep(self, key, compute, tags=()):
        """A part whose value is compute()'s (a dict, such as {"html": ...}), kept under `key`
        until any tag it shows changes; `key` names everything else it depends on (a revision,
        a page number)."""
        part = Part(self, key, compute, tags)
        self._waiting.append(part)
        return part

    def _look_up(self):
        waiting, self._waiting = self._waiting, []
        if not self.keeping:
            for part in waiting:
                part.compute(keep=False)
            return
        found = [(part, store.load(KEY_PREFIX + part.key, settings.FRAGMENT_CACHE_SECONDS)) for part in waiting]
        tags = {tag for _, entry in found if entry is not None for tag in entry["tags"]}
        try:
            versions = cache.get_many(version_keys(tags)) if tags else {}
        except Exception:  # the shared cache is unreachable: nothing can be known fresh, or kept
            versions, keep = {}, False
        else:
            keep = True
        for part, entry in found:
            if entry is not None and fresh_in(versions, entry["tags"], entry["at"]):
                part.use(entry)
            else:
                part.compute(keep=keep)


class Part:
    """One kept part: read it as its value's items (`part["html"]`, `{{ part.html }}`)."""

    def __init__(self, parts, key, compute, tags):
        self.parts, self.key, self._compute, self.tags = parts, key, compute, tags
        self._value = _NOT_YET

    @property
    def value(self):
        if self._value is _NOT_YET:
            self.parts._look_up()
        return self._value

    def __getitem__(self, name):
        return self.value[name]

    def use(self, entry):
        depends_on(*entry["tags"])
        self._value = entry["value"]

    def compute(self, keep):
        started = time.time_ns()
        with recording_part(started) as shown:
            depends_on(*self.tags)
            self._value = self._compute()
        if keep:
            give_versions_from(shown, started)
            entry = {"at": started, "tags": sorted(shown), "value": self._value}
            store.save(KEY_PREFIX + self.key, entry, settings.FRAGMENT_CACHE_SECONDS)
