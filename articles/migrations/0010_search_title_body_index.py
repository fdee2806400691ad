from django.db import migrations


class Migration(migrations.Migration):
    """Wagtail's PostgreSQL search matches `title || body` against the query. Its own GIN indexes
    cover title and body one at a time, which that expression cannot use, so without this index
    every search reads the whole index table (a sequential scan that grows with the site).

    Without GIN's pending list (fastupdate off): entries are merged as they are written, which
    publishing can afford, rather than scanned unmerged by every search until autovacuum."""

    dependencies = [
        ("articles", "0009_topic_pages"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS articles_search_title_body_gin "
            "ON wagtailsearch_indexentry USING gin ((title || body)) WITH (fastupdate = off)",
            reverse_sql="DROP INDEX IF EXISTS articles_search_title_body_gin",
        )
    ]
