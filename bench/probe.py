"""In-process measurements for bench/run.py, run with the benchmark's environment:

python bench/probe.py queries URL [URL ...]   -> {"URL": queries per request, ...}
python bench/probe.py session [--reader]      -> a logged-in superuser's (or plain reader's) session key
python bench/probe.py pdf-form                -> the demo visit-summary PDF's address and answer cookie
python bench/probe.py count-comments MARKER   -> comments whose text contains MARKER
python bench/probe.py checklist-url           -> the demo checklist's address
python bench/probe.py admin-queries SESSION URL -> queries a signed-in admin page takes
python bench/probe.py profile SESSION URL [N]   -> CPU ms per request and the top functions (cProfile)
python bench/probe.py comment-total             -> how many comments there are
python bench/probe.py article-count             -> how many articles the database holds
python bench/probe.py article-paths             -> every published article's address, newest first
python bench/probe.py churn SECONDS BASE_URL [--global] -> approve a comment a second; count stale pages
python bench/probe.py search-queries            -> what readers search for, most popular first
python bench/probe.py forget-searches           -> every kept search ranking goes stale (a page was published)
python bench/probe.py search-rankings SINCE_NS  -> how many searches were ranked (kept) since then
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def queries(urls):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for url in urls:
        client.get(url)  # warm per-process caches, as a running server has them
        with CaptureQueriesContext(connection) as captured:
            status = client.get(url).status_code
        counts[url] = {"queries": len(captured), "status": status}
    return counts


def session(reader=False):
    """A session for the superuser "bench", or with reader=True for "bench-reader", a plain account
    (no staff rights: no user bar)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    users = get_user_model().objects
    username = "bench-reader" if reader else "bench"
    user = users.filter(username=username).first()
    if user is None:
        create = users.create_user if reader else users.create_superuser
        user = create(username, f"{username}@example.com", None)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "healthsite.accounts.UserWithProfileBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def checklist():
    from triage.models import ChecklistPage

    return ChecklistPage.objects.live().get(slug="muscle-spasm")


# A plausible answer for each preparation question type.
SAMPLE_ANSWERS = {
    "yes_no": "yes",
    "scale": "6",
    "date": "2026-10-01",
    "number": "3",
    "long_text": "Mostly at night, after long walks.",
    "short_text": "Two weeks ago",
}


def pdf_form():
    """Every question answered, one warning sign urgent: the address of the PDF and the answer
    cookie the reader's browser sends with it."""
    from triage.visit import Checklist, SavedAnswers, answer_cookies

    page = checklist()
    loaded = Checklist.load(page)
    answers = dict.fromkeys(loaded.signs_form().fields, "no")
    answers[next(iter(answers))] = "yes"
    for question in loaded.questions:
        if question.answer_type == "choice":
            answers[question.key] = question.option_list[0]
        else:
            answers[question.key] = SAMPLE_ANSWERS.get(question.answer_type, "Two weeks ago")
    cookies = answer_cookies(page, SavedAnswers(answers))
    return {
        "url": page.url + "pdf/?paper=a4",
        "cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()),
    }


def admin_queries(session_key, path):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.cookies["sessionid"] = session_key
    client.get(path, secure=True)
    with CaptureQueriesContext(connection) as captured:
        client.get(path, secure=True)
    return len(captured)


def profile(session_key, path, requests=50):
    """N signed-in requests for `path` under cProfile, after a warm-up: CPU milliseconds a request
    without the profiler, and where the time goes with it (cumulative, the top 40 lines)."""
    import cProfile
    import io
    import pstats
    import time

    from django.test import Client

    client = Client()
    client.cookies["sessionid"] = session_key
    for _ in range(5):
        client.get(path, secure=True)
    started = time.process_time()
    for _ in range(requests):
        client.get(path, secure=True)
    cpu_ms = (time.process_time() - started) * 1000 / requests
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(path, secure=True)
    profiler.disable()
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(40)
    return {"cpu_ms_per_request": round(cpu_ms, 2), "profile": report.getvalue()}


def article_paths(**filters):
    """(id, address) of published articles, newest first, without a URL lookup per page."""
    from articles.models import ArticlePage

    articles = ArticlePage.objects.published().filter(**filters).newest_first()
    root = articles.first().get_site().root_page.url_path
    return [(pk, "/" + url_path[len(root) :]) for pk, url_path in articles.values_list("pk", "url_path")]


def churn(seconds, base_url, everything=False):
    """Once a second, approve a new comment on a random article, as a moderator would (signals,
    tag invalidation); one second later, read the article as a reader and check the comment shows.
    The checks run beside the approvals, so a slow read never stretches the one-a-second pace.
    With everything=True, also invalidate every page, as the old global generation did."""
    import random
    import time
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    from django.contrib.auth import get_user_model

    from articles.comments.actions import moderate
    from articles.comments.models import Comment
    from healthsite import pagecache

    def shows(path, marker):
        time.sleep(1)
        return marker in urllib.request.urlopen(base_url + path).read().decode()  # noqa: S310 - loopback

    moderator = get_user_model().objects.filter(is_superuser=True).first()
    articles = article_paths(slug__startswith="bench-")
    checks = []
    start = time.monotonic()
    with ThreadPoolExecutor(4) as checkers:
        for second in range(seconds):
            time.sleep(max(0.0, start + second - time.monotonic()))
            article_id, path = random.choice(articles)  # noqa: S311 - load generation, not security
            marker = f"churn-{time.time_ns()}"
            comment = Comment.objects.create(
                article_id=article_id, name="Churn", email="churn@bench.example", body=marker, status="pending"
            )
            moderate([comment], "approve", moderator)
            if everything:
                pagecache.invalidate(pagecache.EVERYTHING)
            checks.append(checkers.submit(shows, path, marker))
    return {"approved": len(checks), "stale": sum(not check.result() for check in checks)}


def search_queries(common=40):
    """The words of the indexed pages, each a query, most used first, then every two-word query
    of the `common` most used: a long tail, most of it matching little or nothing. Stop words are
    left out (PostgreSQL ignores them), and so is anything in over half the pages: the
    generator's boilerplate ("benchmark article", the demo condition every copy carries)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM ts_stat('SELECT to_tsvector(''simple'', title_text || '' '' || body_text) "
            "FROM wagtailsearch_indexentry') WHERE word ~ '^[a-z]{3,}$' AND to_tsvector('english', word) <> '' "
            "AND ndoc * 2 < (SELECT count(*) FROM wagtailsearch_indexentry) ORDER BY ndoc DESC, word"
        )
        words = [word for (word,) in cursor.fetchall()]
    return words + [f"{first} {second}" for first in words[:common] for second in words[:common] if first != second]


def search_rankings(since_ns):
    """Kept search rankings computed since `since_ns` (time.time_ns()): one per search that missed
    the kept results. Reads the database cache's table, which the benchmark's servers use."""
    from django.core.cache import cache
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM cache WHERE cache_key LIKE %s", [f"{cache.make_key('search-results:')}%"])
        prefix = len(cache.make_key(""))
        keys = [key[prefix:] for (key,) in cursor.fetchall()]
    return sum(1 for entry in cache.get_many(keys).values() if entry["at"] >= since_ns)


def count_comments(marker):
    from articles.comments.models import Comment

    return Comment.objects.filter(body__contains=marker).count()


def main(argv):
    import django

    django.setup()
    command, args = argv[1], argv[2:]
    if command == "queries":
        result = queries(args)
    elif command == "session":
        result = session(reader="--reader" in args)
    elif command == "pdf-form":
        result = pdf_form()
    elif command == "count-comments":
        result = count_comments(args[0])
    elif command == "checklist-url":
        result = checklist().url
    elif command == "admin-queries":
        result = admin_queries(*args)
    elif command == "profile":
        result = profile(args[0], args[1], *(int(n) for n in args[2:]))
    elif command == "comment-total":
        from articles.comments.models import Comment

        result = Comment.objects.count()
    elif command == "article-count":
        from articles.models import ArticlePage

        result = ArticlePage.objects.count()
    elif command == "article-paths":
        result = [path for _, path in article_paths()]
    elif command == "search-queries":
        result = search_queries()
    elif command == "forget-searches":
        from healthsite import pagecache

        pagecache.invalidate(pagecache.SEARCH)
        result = None
    elif command == "search-rankings":
        result = search_rankings(int(args[0]))
    elif command == "churn":
        result = churn(int(args[0]), args[1], everything="--global" in args)
    else:
        raise SystemExit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
