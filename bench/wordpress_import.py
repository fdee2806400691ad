"""Benchmark: import a generated WordPress export of 10,000 posts and 200,000 comments.

    .venv/bin/python bench/wordpress_import.py [--posts 10000] [--comments-per-post 20]

Writes the export to var/bench/ (about 200 MB; kept for reruns of the same size), imports it with
`manage.py import_wordpress` into a fresh database of its own (BENCH_IMPORT_DATABASE_URL, default
`healthsite_wpimport` on the project's cluster, dropped and made again each run) holding the demo
content, and prints one line, also written to var/bench/wordpress-import.json:

    wordpress-import posts=10000 comments=200000 seconds=S peak_rss_mb=M load_average=L

Targets: under 600 s and under 500 MB. Not a test: the figures depend on the machine.
"""

import argparse
import html
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
sys.path.insert(0, str(ROOT / "scripts"))

PARAGRAPH = (
    "Muscle cramps are sudden, painful tightening of a muscle. They often happen at night, after "
    "exercise or in hot weather, and usually pass within minutes. Gentle stretching helps."
)
COMMENT = "I get these cramps in my calves after running. Stretching before bed really helped me, thank you."


def log(message):
    print(f"[wordpress-import] {message}", file=sys.stderr, flush=True)


def post_body(number):
    """A Gutenberg post like the seed article: headings with anchors, paragraphs, a list."""
    blocks = []
    for section in range(3):
        anchor = f"section-{section}"
        blocks.append(
            f'<!-- wp:heading {{"anchor":"{anchor}"}} -->\n<h2 class="wp-block-heading" id="{anchor}">'
            f"Part {section} of post {number}</h2>\n<!-- /wp:heading -->"
        )
        blocks += [
            f"<!-- wp:paragraph -->\n<p>{PARAGRAPH} ({number}.{section}.{k})</p>\n<!-- /wp:paragraph -->"
            for k in range(3)
        ]
    items = "".join(
        f"<!-- wp:list-item -->\n<li>Step {k} for post {number}</li>\n<!-- /wp:list-item -->" for k in range(5)
    )
    blocks.append(f'<!-- wp:list {{"ordered":true}} -->\n<ol>{items}</ol>\n<!-- /wp:list -->')
    return "\n\n".join(blocks)


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def write_export(path, posts, comments_per_post):
    """Written as it goes: the generator needs no more memory than the importer may use."""
    comment_id = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Bench health blog</title><link>https://old.example</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url>"
            "<wp:base_blog_url>https://old.example</wp:base_blog_url>\n"
        )
        for author in range(1, 21):
            out.write(
                f"<wp:author><wp:author_id>{author}</wp:author_id><wp:author_login>{cdata(f'writer{author}')}"
                f"</wp:author_login><wp:author_display_name>{cdata(f'Writer {author}')}</wp:author_display_name>"
                "</wp:author>\n"
            )
        for term in range(1, 41):
            out.write(
                f"<wp:category><wp:term_id>{term}</wp:term_id><wp:category_nicename>{cdata(f'topic-{term}')}"
                f"</wp:category_nicename><wp:cat_name>{cdata(f'Topic {term}')}</wp:cat_name></wp:category>\n"
            )
        for number in range(1, posts + 1):
            post_id = 100_000 + number
            slug = f"bench-post-{number}"
            day = f"2020-{number % 12 + 1:02d}-{number % 28 + 1:02d} 09:00:00"
            topic = number % 40 + 1
            out.write(
                f"<item><title>{cdata(f'Bench post {number}: cramps & spasms')}</title>"
                f"<link>https://old.example/{slug}/</link>"
                f"<dc:creator>{cdata(f'writer{number % 20 + 1}')}</dc:creator>"
                f'<guid isPermaLink="false">https://old.example/?p={post_id}</guid>'
                f"<content:encoded>{cdata(post_body(number))}</content:encoded>"
                f"<excerpt:encoded>{cdata('')}</excerpt:encoded>"
                f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>{cdata(day)}</wp:post_date>"
                f"<wp:post_date_gmt>{cdata(day)}</wp:post_date_gmt><wp:comment_status>{cdata('open')}</wp:comment_status>"
                f"<wp:post_name>{cdata(slug)}</wp:post_name><wp:status>{cdata('publish')}</wp:status>"
                f"<wp:post_parent>0</wp:post_parent><wp:post_type>{cdata('post')}</wp:post_type>"
                f'<category domain="category" nicename="topic-{topic}">{cdata(f"Topic {topic}")}</category>\n'
                f"<wp:postmeta><wp:meta_key>{cdata('_yoast_wpseo_metadesc')}</wp:meta_key>"
                f"<wp:meta_value>{cdata(f'What to know about cramps, part {number}.')}</wp:meta_value></wp:postmeta>\n"
            )
            first_of_post = comment_id + 1
            for k in range(comments_per_post):
                comment_id += 1
                # Every fifth comment replies to the one before it: threads two and three deep.
                parent = comment_id - 1 if k % 5 in (3, 4) and comment_id > first_of_post else 0
                reader = comment_id % 997
                out.write(
                    f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                    f"<wp:comment_author>{cdata(f'Reader {reader}')}</wp:comment_author>"
                    f"<wp:comment_author_email>{cdata(f'reader{reader}@example.com')}</wp:comment_author_email>"
                    f"<wp:comment_author_url>{cdata('')}</wp:comment_author_url>"
                    f"<wp:comment_author_IP>{cdata(f'198.51.100.{comment_id % 250}')}</wp:comment_author_IP>"
                    f"<wp:comment_date_gmt>{cdata(day)}</wp:comment_date_gmt>"
                    f"<wp:comment_content>{cdata(html.escape(COMMENT))}</wp:comment_content>"
                    f"<wp:comment_approved>{cdata('1' if k % 7 else '0')}</wp:comment_approved>"
                    f"<wp:comment_type>{cdata('comment')}</wp:comment_type>"
                    f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n"
                )
            out.write("</item>\n")
        out.write("</channel>\n</rss>\n")


def fresh_database():
    """The benchmark's database, dropped and made again: BENCH_IMPORT_DATABASE_URL's, or
    `healthsite_wpimport` on the project's cluster."""
    url = os.environ.get("BENCH_IMPORT_DATABASE_URL")
    if not url:
        import localdb

        localdb.start()
        url = localdb.url().rsplit("/", 1)[0] + "/healthsite_wpimport"
    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return url


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--comments-per-post", type=int, default=20)
    options = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    export = OUT / f"wordpress-export-{options.posts}x{options.comments_per_post}.xml"
    if not export.exists():
        log(f"writing {export.name}")
        write_export(export, options.posts, options.comments_per_post)
    log(f"export: {export.stat().st_size / 1e6:.0f} MB")
    env = {**os.environ, "DATABASE_URL": fresh_database(), "DJANGO_SETTINGS_MODULE": "healthsite.settings.dev"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    log("migrating a fresh database and loading the demo content")
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    subprocess.run([*manage, "load_demo_content"], env=env, check=True, stdout=subprocess.DEVNULL)
    log("importing")
    started = time.monotonic()
    subprocess.run(
        [*manage, "import_wordpress", str(export), "--report", str(OUT / "wordpress-import-report.txt")],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.monotonic() - started
    # On a shared machine the time says as much about the others as about the import: the load
    # average over the last five minutes says how much of the machine the import had.
    load = os.getloadavg()[1]
    # The largest resident set of any child so far: the import is by far the largest of them.
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    comments = options.posts * options.comments_per_post
    line = (
        f"wordpress-import posts={options.posts} comments={comments} seconds={seconds:.0f} "
        f"peak_rss_mb={peak_mb:.0f} load_average={load:.1f}"
    )
    print(line)
    (OUT / "wordpress-import.json").write_text(
        json.dumps(
            {
                "posts": options.posts,
                "comments": comments,
                "seconds": seconds,
                "peak_rss_mb": peak_mb,
                "load_average": load,
            }
        )
    )
    return 0 if seconds < 600 and peak_mb < 500 else 1


if __name__ == "__main__":
    sys.exit(main())
