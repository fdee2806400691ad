"""What every part of the benchmark shares: paths, its own database, the servers' environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
OUT = ROOT / "var" / "bench"
sys.path.insert(0, str(ROOT / "scripts"))


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def bench_database_url(empty=False):
    """BENCH_DATABASE_URL, else a `healthsite_bench` database beside the project's own; `empty`
    makes that one anew (a run's growth table starts from its first size, and earlier runs'
    posted comments would change the counts)."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    import localdb

    localdb.start()
    bindir = localdb.find_bindir()
    if empty:
        dropdb = [str(bindir / "dropdb"), "-h", str(localdb.SOCKET_DIR), "-U", localdb.DB_USER]
        subprocess.run([*dropdb, "--if-exists", "healthsite_bench"], check=True)
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
        # "Uncached" means the whole render: kept parts of pages are off with the page cache.
        "FRAGMENT_CACHE_SECONDS": "300" if page_cache else "0",
        # The posting and PDF runs come from one address: only their rate limits are raised, so
        # the figures are of the work itself (the limits have tests of their own).
        "COMMENT_RATE_LIMIT": "1000000",
        "PDF_RENDERS_PER_CLIENT": "1000000",
        "PDF_RENDERS_TOTAL": "1000000",
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


def generate(env, articles, comments_per_article):
    """Top the benchmark database up to `articles` articles (bench/generate.py)."""
    subprocess.run(
        [PYTHON, "bench/generate.py", "--articles", str(articles), "--comments-per-article", str(comments_per_article)],
        cwd=ROOT,
        env=env,
        check=True,
    )
