"""The search and reference indexes, brought up to date once after an import rather than on
every save: importing a post saves its page three times, and each save queues both updates."""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.db import connection, reset_queries, transaction
from django.db.models.signals import post_save
from modelcluster.models import get_all_child_relations
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.fields import StreamField
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import connect_reference_index_signal_handlers_for_model, update_reference_index_on_save

CHUNK = 500


@contextlib.contextmanager
def indexing_deferred(models):
    """Saves of `models` update neither index meanwhile; `index_pages` does it afterwards."""
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.disconnect(update_reference_index_on_save, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
            connect_reference_index_signal_handlers_for_model(model)


def forget_logged_queries():
    """With DEBUG on, Django keeps the last 9,000 statements, multi-megabyte index inserts among
    them: memory a long import needs more. Left alone while something counts them (tests)."""
    if not connection.force_debug_cursor:
        reset_queries()


def index_pages(models, page_ids):
    """Index the pages for search, in bulk, and record what they link to (images, documents)."""
    for model in models:
        # What the reference index reads of each page's child objects, fetched once a chunk.
        relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        for start in range(0, len(page_ids), CHUNK):
            chunk = list(model.objects.filter(pk__in=page_ids[start : start + CHUNK]).prefetch_related(*relations))
            if not chunk:
                continue
            with streamfield_text_worked_out_once(model):
                for backend in get_search_backends():
                    backend.add_bulk(model, chunk)
            record_references(chunk)
            forget_logged_queries()


@contextlib.contextmanager
def streamfield_text_worked_out_once(model):
    """modelsearch asks each indexed field for its text five times a page (for the title, the body,
    autocomplete and two plain-text columns); for a StreamField that is parsing every paragraph's
    HTML again, and was most of the indexing's time. Meanwhile each body's text is worked out once,
    kept with the body it came from, so no other body can be mistaken for it."""
    fields = [field for field in model._meta.get_fields() if isinstance(field, StreamField)]
    for field in fields:
        texts = {}

        def searchable_content(value, field=field, texts=texts):
            if id(value) not in texts:
                texts[id(value)] = (value, StreamField.get_searchable_content(field, value))
            return texts[id(value)][1]

        field.get_searchable_content = searchable_content
    try:
        yield
    finally:
        for field in fields:
            del field.get_searchable_content


def record_references(pages):
    """Record what the pages refer to, as ReferenceIndex.create_or_update_for_object does one page
    at a time with two queries: here one query and one insert for the pages with nothing recorded
    yet, which are all the new ones. A page with references recorded already (an --update) goes
    through Wagtail's method, which also removes what it no longer refers to."""
    content_types = [
        ContentType.objects.get_for_model(model, for_concrete_model=False)
        for model in [type(pages[0]), *pages[0]._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    with transaction.atomic():  # as the reference index requires
        recorded = set(
            ReferenceIndex.objects.filter(
                base_content_type=base_content_type, object_id__in=[str(page.pk) for page in pages]
            ).values_list("object_id", flat=True)
        )
        new = []
        for page in pages:
            if str(page.pk) in recorded:
                ReferenceIndex.create_or_update_for_object(page)
                continue
            new += [
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=page.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for to_content_type_id, to_object_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(page)
                )
            ]
        ReferenceIndex.objects.bulk_create(new, ignore_conflicts=True)
