"""Bulk benchmark data: `python bench/generate.py --articles N --comments-per-article M`, with the
benchmark's environment (DJANGO_SETTINGS_MODULE, DATABASE_URL).

Tops the demo section up to N articles (copies of the muscle-spasm article's body), each with M
approved comments (a fifth of them replies), using bulk inserts: 10,000 articles and 200,000
comments take minutes, not hours. Also makes three copies of the demo article with 0, 50 and 500
approved comments for the per-thread-size figures. Run it on a benchmark database, not a real one.
"""

import argparse
import datetime
import json
import sys
import uuid
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402 - after django.setup()
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from articles.comments.cache import comments_changed  # noqa: E402
from articles.comments.models import Comment  # noqa: E402
from articles.demo import load_demo_content  # noqa: E402
from articles.models import ArticleIndexPage, ArticlePage  # noqa: E402

SIZED_THREADS = (0, 50, 500)
BATCH = 2000
# Bulk articles get short bodies from this vocabulary, so a search matches some of them, not all.
VOCABULARY = (
    "ache back balance bone breath calf chest cough cramp diet dizzy elbow fatigue fever foot "
    "headache heart hip itch joint knee lung migraine muscle neck nerve pain rash shoulder skin "
    "sleep spasm spine stomach stretch swelling thirst throat tremor wrist"
).split()


def generate(articles, comments_per_article):
    load_demo_content()
    demo = ArticlePage.objects.get(slug="muscle-spasm")
    index = ArticleIndexPage.objects.get(slug="health-a-z")
    for size in SIZED_THREADS:
        slug = f"bench-comments-{size}"
        if not ArticlePage.objects.filter(slug=slug).exists():
            [article] = create_articles(index, demo, [slug])
            add_comments(article_ids=[article.pk], per_article=size)
    existing = ArticlePage.objects.child_of(index).count()
    missing = max(0, articles - existing)
    started = timezone.now()
    for start in range(0, missing, BATCH):
        count = min(BATCH, missing - start)
        slugs = [f"bench-{uuid.uuid4().hex[:12]}" for _ in range(count)]
        created = create_articles(index, demo, slugs, body=short_body)
        add_comments(article_ids=[a.pk for a in created], per_article=comments_per_article)
    seconds = (timezone.now() - started).total_seconds()
    print(
        f"{ArticlePage.objects.child_of(index).count()} articles, {Comment.objects.count()} comments "
        f"({missing} articles added in {seconds:.1f} s)."
    )


def summary(number):
    words = [VOCABULARY[(number * 7 + k) % len(VOCABULARY)] for k in range(3)]
    return f"About {', '.join(words)}: a benchmark article."


def short_body(number):
    words = [VOCABULARY[(number * 7 + k) % len(VOCABULARY)] for k in range(3)]
    return [
        {"type": "section_heading", "value": {"heading": f"About {words[0]}", "level": 2, "anchor": ""}},
        {"type": "paragraph", "value": f"<p>Notes on {' and '.join(words)} for benchmark article {number}.</p>"},
    ]


@transaction.atomic
def create_articles(index, template, slugs, body=None):
    """Insert pages under `index` directly: tree paths computed here, one INSERT per table per batch."""
    index = Page.objects.select_for_update().get(pk=index.pk)
    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    pages = []
    for offset, slug in enumerate(slugs, start=1):
        pages.append(
            Page(
                title=f"Benchmark article {slug}",
                draft_title=f"Benchmark article {slug}",
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, index.numchild + offset),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                first_published_at=now,
                last_published_at=now,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))
    template_body = json.dumps(list(template.body.raw_data))
    with connection.cursor() as cursor:
        cursor.executemany(
            # Django cannot bulk-create multi-table children; the table name is the model's own.
            f"INSERT INTO {ArticlePage._meta.db_table} (page_ptr_id, summary, condition_name, hero_image_alt, "  # noqa: S608
            "comments_open, body, author_id, reviewer_id, last_reviewed, next_review_due) "
            "VALUES (%s, %s, %s, '', true, %s, %s, %s, %s, %s)",
            [
                (
                    page.pk,
                    summary(page.pk) if body else template.summary,
                    template.condition_name,
                    json.dumps(body(page.pk)) if body else template_body,
                    template.author_id,
                    template.reviewer_id,
                    template.last_reviewed,
                    template.next_review_due,
                )
                for page in pages
            ],
        )
    created = list(ArticlePage.objects.filter(pk__in=[page.pk for page in pages]))
    get_search_backend().add_bulk(ArticlePage, created)
    return created


def add_comments(article_ids, per_article):
    """Approved comments, oldest first; every fifth replies to the comment before it."""
    if not per_article:
        return
    start = timezone.now() - datetime.timedelta(days=30)
    roots = []
    for article_id in article_ids:
        for n in range(per_article - per_article // 5):
            roots.append(_comment(article_id, n, start))
    Comment.objects.bulk_create(roots, batch_size=5000)
    replies = []
    by_article = {}
    for root in roots:
        by_article.setdefault(root.article_id, []).append(root)
    for article_id, threads in by_article.items():
        for n in range(per_article // 5):
            parent = threads[n % len(threads)]
            reply = _comment(article_id, per_article + n, start)
            reply.place_under(parent)
            replies.append(reply)
    Comment.objects.bulk_create(replies, batch_size=5000)
    comments_changed(article_ids)


def _comment(article_id, n, start):
    return Comment(
        article_id=article_id,
        name=f"Reader {n}",
        email=f"reader{n}@bench.example",
        body=f"Benchmark comment {n}: stretching and water helped me.",
        status=Comment.Status.APPROVED,
        ip_address="198.51.100.0/24",
        created_at=start + datetime.timedelta(minutes=n),
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100, help="Articles the section should hold in all.")
    parser.add_argument("--comments-per-article", type=int, default=10)
    arguments = parser.parse_args()
    generate(arguments.articles, arguments.comments_per_article)
