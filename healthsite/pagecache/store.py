"""Where cached pages live, and the key each is stored under.

A page is keyed on its address and only the query parameters its render read: `?utm_x=1` and
`?junk=2` reach the same copy, so a flood of made-up query strings cannot push real pages out.
Each process keeps pages in memory, bounded in bytes (least recently used out first); with
Redis configured as the `pages` cache they are shared between processes too, bounded by Redis's
own `maxmemory`.
"""

import collections
import hashlib
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.http import QueryDict

ALL_PARAMETERS = "*"


class MemoryBoundedStore:
    """A thread-safe least-recently-used store that holds at most `max_bytes` of pages."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self._items = collections.OrderedDict()  # key -> (expires at, value, size)
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if item[0] < time.monotonic():
                self._remove(key)
                return None
            self._items.move_to_end(key)
            return item[1]

    def set(self, key, value, timeout, size):
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._items:
                self._remove(key)
            self._items[key] = (time.monotonic() + timeout, value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._remove(next(iter(self._items)))

    def clear(self):
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def _remove(self, key):
        self._bytes -= self._items.pop(key)[2]


local_pages = MemoryBoundedStore(settings.PAGE_CACHE_MAX_BYTES)


def shared_pages():
    return caches["pages"] if "pages" in settings.CACHES else None


def load(key, keep_for=None):
    """From this process's memory, else from the shared page store (and remembered here for
    `keep_for` seconds, by default a page's lifetime)."""
    value = local_pages.get(key)
    shared = shared_pages()
    if value is None and shared is not None:
        try:
            value = shared.get(key)
        except Exception:  # an unreachable Redis is a miss, never an error page
            return None
        if value is not None:
            local_pages.set(key, value, keep_for or settings.PAGE_CACHE_SECONDS, size_of(value))
    return value


def save(key, value, timeout):
    local_pages.set(key, value, timeout, size_of(value))
    shared = shared_pages()
    if shared is not None:
        shared.set(key, value, timeout=timeout)


def size_of(value):
    """About how many bytes a stored page, or a kept part of one (its text), takes."""
    if isinstance(value, dict):
        headers = sum(len(k) + len(v) for k, v in value.get("headers", {}).items())
        parts = value.get("value", {})
        text = sum(len(text) for text in parts.values() if isinstance(text, str)) if isinstance(parts, dict) else 0
        return len(value.get("content", b"")) + headers + text + 200
    return 200


def address_key(request):
    """The page's address without its query string: the record of which parameters it reads."""
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    return "pagecache:parameters:" + hashlib.sha256(address.encode()).hexdigest()


def page_key(request, query, parameters):
    """The address plus the values of the parameters its renders read, in a fixed order."""
    names = sorted(query) if parameters == ALL_PARAMETERS else sorted(parameters)
    used = [(name, query.getlist(name)) for name in names if name in query]
    address = f"{request.scheme}://{request.get_host()}{request.path}?{used!r}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def merge_parameters(known, read):
    if known == ALL_PARAMETERS or read == ALL_PARAMETERS:
        return ALL_PARAMETERS
    return frozenset(known or ()) | read


class ReadRecordingQueryDict(QueryDict):
    """request.GET that notes which parameters a render reads; reading all of them at once (to copy,
    iterate or re-encode the query string) makes every parameter part of the key."""

    def __init__(self, *args, **kwargs):
        self.parameters_read = set()
        super().__init__(*args, **kwargs)

    def _note(self, key):
        if isinstance(self.parameters_read, set):
            self.parameters_read.add(key)

    def _note_all(self):
        self.parameters_read = ALL_PARAMETERS

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)

    def read(self):
        return frozenset(self.parameters_read) if isinstance(self.parameters_read, set) else ALL_PARAMETERS


def _noting_all(name):
    method = getattr(QueryDict, name)

    def wrapper(self, *args, **kwargs):
        self._note_all()
        return method(self, *args, **kwargs)

    return wrapper


for _name in ("__iter__", "__len__", "keys", "items", "values", "lists", "dict", "urlencode", "copy", "__copy__"):
    setattr(ReadRecordingQueryDict, _name, _noting_all(_name))
