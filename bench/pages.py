"""The page, posting and growth figures: the site as readers and commenters use it."""

import json
import os
import random
import re
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from caching import zipf_script
from common import environment, generate, log, probe
from load import wrk
from servers import Server


def page_scenarios(env):
    checklist = probe(env, "checklist-url")
    return {
        "article, 0 comments": "/health-a-z/bench-comments-0/",
        "article, 50 comments": "/health-a-z/bench-comments-50/",
        "article, 500 comments": "/health-a-z/bench-comments-500/",
        "home page": "/",
        "article listing": "/health-a-z/",
        "search": "/search/?q=cramp",
        "checklist step": checklist,
    }


def measure_pages(env, duration):
    pages = page_scenarios(env)
    queries = probe(env, "queries", *pages.values())
    pdf = probe(env, "pdf-form")
    results = {}
    for cached in (False, True):
        server = Server(environment(env["DATABASE_URL"], page_cache=cached))
        try:
            for name, path in pages.items():
                wrk(server.url + path, 2)  # warm up: renditions, caches, connections
                figures = wrk(server.url + path, duration)
                results[f"{name} ({'cached' if cached else 'uncached'})"] = {
                    **figures,
                    "queries": queries[path]["queries"],
                    "status": queries[path]["status"],
                }
                log(f"{name} {'cached' if cached else 'uncached'}: {figures}")
            if not cached:
                figures = wrk(server.url + pdf["url"], duration, connections=4, headers=[f"Cookie: {pdf['cookie']}"])
                results["visit-summary PDF"] = {**figures, "queries": None}
                log(f"visit-summary PDF: {figures}")
            rss = server.peak_rss_mb()
        finally:
            server.stop()
        results[f"peak RSS per worker, MB ({'cached' if cached else 'uncached'})"] = rss
    return results


def measure_hello(duration):
    server = Server({**os.environ}, app="bench.hello:app")
    try:
        wrk(server.url, 2)
        return wrk(server.url, duration)
    finally:
        server.stop()


def measure_posting(env, total=1000, clients=32):
    """1,000 comments from 32 concurrent clients against the cached site; each accepted once, no 5xx."""
    server = Server(environment(env["DATABASE_URL"], page_cache=True))
    marker = f"bench-post-{secrets.token_hex(4)}"
    try:
        article = urllib.request.urlopen(server.url + "/health-a-z/bench-comments-50/").read().decode()
        action = re.search(r'<form class="comment-form" action="([^"#]+)', article).group(1)

        def post(number):
            # Tokens are single-use: each poster asks for one as the form's script does.
            token = json.loads(urllib.request.urlopen(f"{server.url}{action}token/").read())["token"]
            data = urllib.parse.urlencode(
                {
                    "name": f"Poster {number}",
                    "email": f"poster{number}@bench.example",
                    "website": "",
                    "body": f"{marker} comment {number}",
                    "token": token,
                    "homepage": "",
                }
            ).encode()
            request = urllib.request.Request(server.url + action, data=data, headers={"Origin": server.url})
            opener = urllib.request.build_opener(NoRedirect)
            try:
                return opener.open(request, timeout=30).status
            except urllib.error.HTTPError as error:
                return error.code

        started = time.monotonic()
        with ThreadPoolExecutor(clients) as pool:
            statuses = list(pool.map(post, range(total)))
        seconds = time.monotonic() - started
    finally:
        server.stop()
    accepted = statuses.count(302)
    stored = probe(env, "count-comments", marker)
    return {
        "posts": total,
        "clients": clients,
        "posts_per_s": round(total / seconds, 1),
        "accepted": accepted,
        "stored": stored,
        "server_errors": sum(1 for status in statuses if status >= 500),
        "each_accepted_post_stored_once": stored == accepted,
    }


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# How readers type a query, and how often: mostly as it is, else capitalised, in capitals or with
# stray spaces. All of them normalise to the same query; each is its own address.
TYPINGS = {(lambda query: query): 6, str.capitalize: 2, str.upper: 1, (lambda query: f" {query}  "): 1}


def typed(query):
    [typing] = random.choices(list(TYPINGS), weights=list(TYPINGS.values()))  # noqa: S311 - load, not security
    return "/search/?" + urllib.parse.urlencode({"q": typing(query)})


def measure_search_mix(env, duration):
    """Searches from 32 clients, the queries Zipf-distributed over the words of the articles and
    typed in different ways: as in production (page cache and kept rankings on), and cold (both
    off: every search ranked and rendered). Each run starts with no kept ranking fresh."""
    script = zipf_script(probe(env, "search-queries"), vary=typed)
    cold = {"PAGE_CACHE_SECONDS": "0", "SEARCH_RESULTS_SECONDS": "0"}
    results = {}
    for name, overrides in {"search mix": {}, "search mix, cold": cold}.items():
        probe(env, "forget-searches")
        server = Server({**environment(env["DATABASE_URL"], page_cache=True), **overrides})
        try:
            # Production: warm each worker's memory as a running site's is (as the churn run does).
            wrk(server.url + "/", 2 if overrides else 20, script=script)
            since = time.time_ns()
            figures = wrk(server.url + "/", duration, script=script)
        finally:
            server.stop()
        if not overrides:
            # Every page-cache miss reaches the view; those that find no kept ranking rank the query.
            rankings = probe(env, "search-rankings", str(since))
            figures["rankings"] = rankings
            figures["ranking_hit_rate"] = round(1 - rankings / max(1, figures["page_cache_misses"]), 4)
        results[name] = figures
        log(f"{name}: {figures}")
    return results


def measure_growth(env, sizes, comments_per_article, duration):
    session = probe(env, "session")
    rows = []
    for size in sizes:
        started = time.monotonic()
        generate(env, size, comments_per_article)
        generated = round(time.monotonic() - started, 1)
        paths = {"article": "/health-a-z/bench-comments-50/", "search": "/search/?q=cramp"}
        queries = probe(env, "queries", *paths.values())
        server = Server(environment(env["DATABASE_URL"], page_cache=False))
        try:
            row = {"articles": size, "generate_s": generated}
            for name, path in paths.items():
                wrk(server.url + path, 2)
                figures = wrk(server.url + path, duration)
                row[name] = {**figures, "queries": queries[path]["queries"]}
            # Latency as one reader sees it, without 31 others queued ahead on two workers.
            row["search, 1 client"] = wrk(server.url + paths["search"], duration, connections=1, threads=1)
            queue = "/admin/comments/"
            figures = wrk(server.url + queue, duration, headers=[f"Cookie: sessionid={session}"])
            row["moderation queue"] = {**figures, "queries": probe(env, "admin-queries", session, queue)}
            row["comments"] = probe(env, "comment-total")
        finally:
            server.stop()
        row.update(measure_search_mix(env, duration))
        log(f"growth {size}: {row}")
        rows.append(row)
    return rows
