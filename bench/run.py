"""The benchmark suite behind `make bench`. Not a test: figures depend on the machine.

    .venv/bin/python bench/run.py [--duration 10] [--wordpress] [--growth 100,1000,10000] [--quick]

It uses a database of its own (BENCH_DATABASE_URL, default `healthsite_bench` on the project's
cluster), fills it with `generate_bench_data`, serves the site as in production (gunicorn, 2 sync
workers, production settings, WhiteNoise) on a free loopback port, drives it with wrk and prints
a table, also written to var/bench/latest.json:

- req/s, p50, p99 and SQL queries for the demo article with 0, 50 and 500 comments, the home
  page, an article listing, a search, a checklist step and the visit-summary PDF, uncached and
  with the page cache; the bare-WSGI "hello" ceiling; peak RSS per worker;
- 1,000 comments posted by 32 concurrent clients: posts/s, every accepted post stored exactly
  once, no 5xx;
- growth: the article page, search and the moderation queue at 100, 1,000 and 10,000 articles;
- with --wordpress, ../shared/bench/wordpress.sh in the same run, for the ratios.
"""

import argparse
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
OUT = ROOT / "var" / "bench"
WORDPRESS = ROOT.parent / "shared" / "bench" / "wordpress.sh"
sys.path.insert(0, str(ROOT / "scripts"))


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def bench_database_url():
    """BENCH_DATABASE_URL, else a `healthsite_bench` database beside the project's own."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    import localdb

    localdb.start()
    bindir = localdb.find_bindir()
    exists = subprocess.run(
        [
            str(bindir / "psql"),
            "-h",
            str(localdb.SOCKET_DIR),
            "-U",
            localdb.DB_USER,
            "-d",
            "postgres",
            "-tAc",
            "SELECT 1 FROM pg_database WHERE datname = 'healthsite_bench'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if exists != "1":
        subprocess.run(
            [str(bindir / "createdb"), "-h", str(localdb.SOCKET_DIR), "-U", localdb.DB_USER, "healthsite_bench"],
            check=True,
        )
    return localdb.url().rsplit("/", 1)[0] + "/healthsite_bench"


# One key for the whole run: probes sign form state that the servers must accept.
SECRET_KEY = os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50)


def environment(database_url, page_cache):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "healthsite.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": SECRET_KEY,
        "SECURE_SSL_REDIRECT": "false",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "STATIC_ROOT": str(OUT / "static"),
        "PAGE_CACHE_SECONDS": "300" if page_cache else "0",
        # The posting run comes from one address: only the rate limit is raised, nothing else.
        "COMMENT_RATE_LIMIT": "1000000",
        "COMMENT_MIN_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def probe(env, *args):
    result = subprocess.run(
        [PYTHON, "bench/probe.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn as `make serve` runs it, on a free loopback port."""

    def __init__(self, env, app="healthsite.wsgi", workers=2):
        self.port = free_port()
        self.process = subprocess.Popen(
            [GUNICORN, app, "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), "--chdir", str(ROOT)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/robots.txt" if app == "healthsite.wsgi" else self.url, timeout=2)
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        raise RuntimeError("the server did not start")

    def peak_rss_mb(self):
        """Peak resident memory of each worker (VmHWM), in MB."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        peaks = []
        for pid in children:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(round(int(line.split()[1]) / 1024, 1))
        return peaks

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, connections=32, threads=2, script=None, headers=()):
    """Drive one URL; req/s and p50/p99 latency in ms."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        return round(float(match.group(1)) * UNITS[match.group(2)], 2) if match else None

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def post_script(fields, cookie=""):
    """A wrk Lua script that POSTs these form fields (with -s, wrk ignores -H headers: set them here)."""
    body = urllib.parse.urlencode(fields, doseq=True)
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, dir=OUT)
    handle.write(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(body)}\n"
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        f'wrk.headers["Cookie"] = {json.dumps(cookie)}\n'
    )
    handle.close()
    return handle.name


def csrf_pair(url):
    """The CSRF cookie and form token a reader's browser gets with the checklist's first step."""
    with urllib.request.urlopen(url) as response:
        cookie = response.headers["Set-Cookie"].split(";", 1)[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)
    return cookie, token


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
                cookie, csrf = csrf_pair(server.url + pdf["url"])
                pdf_script = post_script({**pdf["fields"], "csrfmiddlewaretoken": csrf}, cookie=cookie)
                figures = wrk(server.url + pdf["url"], duration, connections=4, script=pdf_script)
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
        token = re.search(r'name="token" value="([^"]+)"', article).group(1)
        action = re.search(r'<form class="comment-form" action="([^"#]+)', article).group(1)

        def post(number):
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


def measure_growth(env, sizes, comments_per_article, duration):
    session = probe(env, "session")
    rows = []
    for size in sizes:
        started = time.monotonic()
        manage(env, "generate_bench_data", "--articles", str(size), "--comments-per-article", str(comments_per_article))
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
            row["moderation queue"] = {**figures, "queries": probe_admin_queries(env, session, queue)}
            row["comments"] = probe_comment_total(env)
        finally:
            server.stop()
        log(f"growth {size}: {row}")
        rows.append(row)
    return rows


def probe_admin_queries(env, session, path):
    code = (
        "import django, json; django.setup();"
        "from django.test import Client; from django.db import connection;"
        "from django.test.utils import CaptureQueriesContext;"
        f"c = Client(); c.cookies['sessionid'] = {session!r}; c.get({path!r}, secure=True);"
        "ctx = CaptureQueriesContext(connection);"
        f"ctx.__enter__(); r = c.get({path!r}, secure=True); ctx.__exit__(None, None, None);"
        "print(json.dumps(len(ctx)))"
    )
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def probe_comment_total(env):
    code = "import django; django.setup(); from articles.comments.models import Comment; print(Comment.objects.count())"
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return int(result.stdout.strip().splitlines()[-1])


def run_wordpress():
    """Stock WordPress on this machine, through the shared script. Debian's wordpress package only
    recommends a theme, and without one every page is empty: install the default theme first."""
    theme = Path("/usr/share/wordpress/wp-content/themes/twentytwentythree")
    if not theme.exists() and os.geteuid() == 0:
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wordpress-theme-twentytwentythree"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            capture_output=True,
        )
    result = subprocess.run(["bash", str(WORDPRESS), "--comments", "50"], capture_output=True, text=True)
    (OUT / "wordpress.txt").write_text(result.stdout + result.stderr)
    figures = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in {"wordpress", "wordpress-c1"} and len(parts) >= 5:
            figures[parts[0]] = {
                "rps": float(parts[2]),
                "p50_ms": milliseconds(parts[3]),
                "p99_ms": milliseconds(parts[4]),
            }
        elif parts and parts[0] == "wordpress-sql":
            fields = dict(part.split("=", 1) for part in parts[1:])
            figures["queries"] = int(fields["queries/request"])
            figures["html_bytes"] = int(fields["html_bytes"])
    if not figures:
        figures["error"] = (result.stderr.strip().splitlines() or ["no output"])[-1]
    return figures


def milliseconds(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    return round(float(match.group(1)) * UNITS[match.group(2)], 2)


def table(results):
    lines = [f"{'page':<40} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} {'errors':>7}"]
    for name, figures in results["pages"].items():
        if isinstance(figures, dict):
            queries = figures.get("queries")
            lines.append(
                f"{name:<40} {figures['rps']:>9.1f} {figures['p50_ms'] or 0:>8.2f} {figures['p99_ms'] or 0:>8.2f} "
                f"{'' if queries is None else queries:>8} {figures['non_2xx']:>7}"
            )
        else:
            lines.append(f"{name:<40} {', '.join(map(str, figures))}")
    hello = results["hello"]
    lines.append(
        f"{'bare WSGI hello (ceiling)':<40} {hello['rps']:>9.1f} {hello['p50_ms']:>8.2f} {hello['p99_ms']:>8.2f}"
    )
    if results.get("wordpress", {}).get("wordpress"):
        wp = results["wordpress"]["wordpress"]
        lines.append(
            f"{'WordPress 6.1, 50 comments':<40} {wp['rps']:>9.1f} {wp['p50_ms']:>8.2f} {wp['p99_ms']:>8.2f} "
            f"{results['wordpress'].get('queries', ''):>8}"
        )
    posting = results["posting"]
    lines.append(
        f"\nposting: {posting['posts']} comments from {posting['clients']} clients at {posting['posts_per_s']}/s; "
        f"accepted {posting['accepted']}, stored {posting['stored']}, 5xx {posting['server_errors']}"
    )
    if results.get("growth"):
        lines.append(
            f"\n{'articles':>9} {'comments':>9} | {'article q':>9} {'p50':>7} | {'search q':>8} {'p50':>7} | "
            f"{'1-client p50':>12} | {'queue q':>7} {'p50':>7}"
        )
        for row in results["growth"]:
            lines.append(
                f"{row['articles']:>9} {row['comments']:>9} | {row['article']['queries']:>9} "
                f"{row['article']['p50_ms']:>7} | {row['search']['queries']:>8} {row['search']['p50_ms']:>7} | "
                f"{row['search, 1 client']['p50_ms']:>12} | "
                f"{row['moderation queue']['queries']:>7} {row['moderation queue']['p50_ms']:>7}"
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--wordpress", action="store_true", help="also run ../shared/bench/wordpress.sh")
    parser.add_argument("--growth", default="100,1000,10000", help="article counts for the growth table")
    parser.add_argument("--comments-per-article", type=int, default=20)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    results = {"machine": {"cores": os.cpu_count()}, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    if args.wordpress:
        log("WordPress, 50 comments (../shared/bench/wordpress.sh)")
        results["wordpress"] = run_wordpress()
    env = environment(bench_database_url(), page_cache=False)
    log("migrate, collect static files, demo and benchmark data")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    sizes = [int(size) for size in args.growth.split(",") if size]
    manage(
        env,
        "generate_bench_data",
        "--articles",
        str(sizes[0] if sizes else 100),
        "--comments-per-article",
        str(args.comments_per_article),
    )
    log("bare WSGI hello")
    results["hello"] = measure_hello(args.duration)
    log("pages")
    results["pages"] = measure_pages(env, args.duration)
    log("posting")
    results["posting"] = measure_posting(env)
    log("growth")
    results["growth"] = measure_growth(env, sizes, args.comments_per_article, max(3, args.duration // 2))
    (OUT / "latest.json").write_text(json.dumps(results, indent=2))
    print(table(results))
    print(f"\nwritten to {OUT / 'latest.json'}")


if __name__ == "__main__":
    main()
