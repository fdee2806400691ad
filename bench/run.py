"""The benchmark suite behind `make bench`. Not a test: figures depend on the machine.

    .venv/bin/python bench/run.py [--duration 10] [--wordpress] [--growth 100,1000,10000] [--quick]

It uses a database of its own (BENCH_DATABASE_URL, which must start empty, default
`healthsite_bench` on the project's cluster, made anew each run), fills it with
bench/generate.py, serves the site as in production (gunicorn, 2 sync workers, production
settings, WhiteNoise) on a free loopback port, drives it with wrk and prints a table, also
written to var/bench/latest.json:

- req/s, p50, p99 and SQL queries for the demo article with 0, 50 and 500 comments, the home
  page, an article listing, a search, a checklist step and the visit-summary PDF, uncached and
  with the page cache; the bare-WSGI "hello" ceiling; peak RSS per worker;
- 1,000 comments posted by 32 concurrent clients: posts/s, every accepted post stored exactly
  once, no 5xx;
- growth: the article page, search and the moderation queue at 100, 1,000 and 10,000 articles,
  and a Zipf mix of searches typed in different ways, as in production and cold (nothing kept);
- the cached article through Varnish (the same bytes for every reader) and the home page, against
  nginx serving the article's HTML as a file;
- a signed-in reader's article (page cache and Varnish bypassed);
- churn, after growth: Zipf-distributed reads of every article by 32 clients while a comment is
  approved every second, for 60 s: page-cache hit rate with dependency tags and with the old
  global generation, p99, and stale pages (the approved comment missing 1 s later);
- with --wordpress, ../shared/bench/wordpress.sh in the same run, for the ratios.
"""

import argparse
import json
import os
import time

from caching import measure_churn, measure_signed_in, measure_varnish
from common import OUT, bench_database_url, environment, generate, log, manage, probe
from pages import measure_growth, measure_hello, measure_pages, measure_posting
from report import table, targets, targets_table
from wordpress import run_wordpress


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--wordpress", action="store_true", help="also run ../shared/bench/wordpress.sh")
    parser.add_argument("--growth", default="100,1000,10000", help="article counts for the growth table")
    parser.add_argument("--comments-per-article", type=int, default=20)
    parser.add_argument("--churn-seconds", type=int, default=60, help="length of the churn run (default 60)")
    parser.add_argument("--no-churn", action="store_true", help="leave the churn run out")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    results = {"machine": {"cores": os.cpu_count()}, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    if args.wordpress:
        log("WordPress, 50 comments (../shared/bench/wordpress.sh)")
        results["wordpress"] = run_wordpress()
    env = environment(bench_database_url(empty=True), page_cache=False)
    log("migrate, collect static files, demo and benchmark data")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    sizes = [int(size) for size in args.growth.split(",") if size]
    held = probe(env, "article-count")
    if sizes and held > sizes[0]:
        raise SystemExit(
            f"BENCH_DATABASE_URL holds {held} articles, more than the growth table's first size ({sizes[0]}): "
            "give the benchmark an empty database"
        )
    generate(env, sizes[0] if sizes else 100, args.comments_per_article)
    log("bare WSGI hello")
    results["hello"] = measure_hello(args.duration)
    log("pages")
    results["pages"] = measure_pages(env, args.duration)
    log("Varnish against nginx serving the page as a file")
    results["varnish"] = measure_varnish(env, args.duration)
    log("signed-in reader")
    results["signed_in"] = measure_signed_in(env, args.duration)
    log("posting")
    results["posting"] = measure_posting(env)
    log("growth")
    results["growth"] = measure_growth(env, sizes, args.comments_per_article, max(3, args.duration // 2))
    if not args.no_churn:
        log(f"churn at {results['growth'][-1]['articles'] if results['growth'] else ''} articles")
        results["churn"] = measure_churn(env, args.churn_seconds)
    results["targets"] = [{"target": t, "result": r, "met": m} for t, r, m in targets(results)]
    (OUT / "latest.json").write_text(json.dumps(results, indent=2))
    print(table(results))
    print("\nissue 14 targets, from this run:\n" + targets_table(results))
    print(f"\nwritten to {OUT / 'latest.json'}")


if __name__ == "__main__":
    main()
