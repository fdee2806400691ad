"""The issue-14 figures: Varnish against nginx serving the same page as a file, hit rate and
staleness under churn (tags against the old global generation), and a signed-in reader."""

import json
import random
import subprocess
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from common import OUT, PYTHON, ROOT, environment, log, probe
from load import wrk
from servers import Redis, Server, free_port

ARTICLE = "/health-a-z/bench-comments-50/"
ZIPF_EXPONENT = 1.0
ZIPF_SAMPLES = 100_000

NGINX_CONF = """daemon off;
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {prefix}/www;
    }}
}}
"""


class Front:
    """A process on a free port, stopped on exit."""

    def __init__(self, command):
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def start_varnish(backend_port):
    port = free_port()
    front = Front([PYTHON, str(ROOT / "scripts" / "varnish.py"), str(port), str(backend_port)])  # as `make serve`
    front.url = f"http://127.0.0.1:{port}"
    wait_until_up(front.url + "/robots.txt")
    return front


def start_nginx(html):
    """nginx serving `html` as /article.html: the ceiling for a cached page."""
    prefix = OUT / "nginx"
    (prefix / "www").mkdir(parents=True, exist_ok=True)
    (prefix / "www" / "article.html").write_text(html)
    port = free_port()
    (prefix / "nginx.conf").write_text(NGINX_CONF.format(prefix=prefix, port=port))
    front = Front(["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf")])
    front.url = f"http://127.0.0.1:{port}"
    wait_until_up(front.url + "/article.html")
    return front


def wait_until_up(url):
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def measure_varnish(env, duration):
    """The cached article with 50 comments through Varnish (nothing in it per reader: the form asks
    for its token only when a reader starts on it) and the home page, against nginx serving the
    article's HTML as a file."""
    server = Server(environment(env["DATABASE_URL"], page_cache=True))
    front = start_varnish(server.port)
    try:
        html = urllib.request.urlopen(front.url + ARTICLE).read().decode()
        static = start_nginx(html)
        try:
            results = {}
            for name, url in {
                "article, 50 comments, through Varnish": front.url + ARTICLE,
                "home page, through Varnish": front.url + "/",
                "article, 50 comments, nginx static file": static.url + "/article.html",
            }.items():
                wrk(url, 2)
                results[name] = wrk(url, duration)
                log(f"{name}: {results[name]}")
        finally:
            static.stop()
    finally:
        front.stop()
        server.stop()
    return results


def zipf_script(paths, vary=None):
    """A wrk script reading `paths` by Zipf's law (the first most often), counting page-cache hits.
    `vary`, if given, turns each drawn item into the path requested (a query as a reader types it)."""
    weights = [1 / (rank**ZIPF_EXPONENT) for rank in range(1, len(paths) + 1)]
    sample = random.choices(paths, weights=weights, k=ZIPF_SAMPLES)  # noqa: S311 - load, not security
    if vary:
        sample = [vary(item) for item in sample]
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, dir=OUT)
    handle.write(
        f"local paths = {{{', '.join(json.dumps(path) for path in sample)}}}\n"
        """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) hits = 0; misses = 0 end
function request() return wrk.format("GET", paths[math.random(#paths)]) end
function response(status, headers, body)
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 else misses = misses + 1 end
end
function done(summary, latency, requests)
  local h, m = 0, 0
  for _, thread in ipairs(threads) do h = h + thread:get("hits"); m = m + thread:get("misses") end
  io.write(string.format("page-cache hits=%d misses=%d\\n", h, m))
end
"""
    )
    handle.close()
    return handle.name


def warm(base_url, paths):
    """Read every page once, as a site that has been running a while has them: the churn run then
    counts the misses its invalidations cause, not the first reads of 10,000 articles."""

    def read(path):
        urllib.request.urlopen(base_url + path, timeout=60).read()

    with ThreadPoolExecutor(4) as readers:
        list(readers.map(read, ["/", *paths]))


def measure_churn(env, seconds=60):
    """Zipf-distributed reads of every article by 32 clients while a comment is approved every second;
    with dependency tags, then with every approval emptying every page (the old global generation).
    Both workers share their pages through Redis, as a site with several workers is run, and both
    runs start from a cache holding every article."""
    paths = probe(env, "article-paths")
    script = zipf_script(paths)
    results = {"articles": len(paths)}
    with Redis() as redis_url:
        shared = {**environment(env["DATABASE_URL"], page_cache=True), "REDIS_URL": redis_url}
        for mode in ("tags", "global generation"):
            server = Server(shared)
            try:
                if mode == "tags":
                    started = time.monotonic()
                    warm(server.url, paths)
                    results["warm_up_seconds"] = round(time.monotonic() - started, 1)
                flags = ["--global"] if mode != "tags" else []
                with ThreadPoolExecutor(1) as approver:
                    churn = approver.submit(probe, shared, "churn", str(seconds), server.url, *flags)
                    figures = wrk(server.url + "/", seconds, script=script)
                    churn = churn.result()
            finally:
                server.stop()
            results[mode] = {**figures, **churn}
            log(f"churn, {mode}: {results[mode]}")
    return results


def measure_signed_in(env, duration):
    """A signed-in article with 50 comments, the page cache and Varnish bypassed: for a superuser
    (the target's figures, with Wagtail's user bar) and, under "reader", a plain account."""
    sessions = {"superuser": probe(env, "session"), "reader": probe(env, "session", "--reader")}
    # Counted as served: with kept parts on, as the server runs (the uncached env has them off).
    served = environment(env["DATABASE_URL"], page_cache=True)
    server = Server(served)
    figures = {}
    try:
        for who, session in sessions.items():
            headers = [f"Cookie: sessionid={session}"]
            wrk(server.url + ARTICLE, 2, headers=headers)
            figures[who] = wrk(server.url + ARTICLE, duration, headers=headers)
    finally:
        server.stop()
    for who, session in sessions.items():
        figures[who]["queries"] = probe(served, "admin-queries", session, ARTICLE)
    return {**figures["superuser"], "reader": figures["reader"]}
