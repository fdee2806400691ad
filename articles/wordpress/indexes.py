"""The search and reference indexes, brought up to date once after an import rather than on
every save: importing a post saves its page three times, and each save queues both updates."""

import contextlib

from django.db import transaction
from django.db.models.signals import post_save
from modelcluster.models import get_all_child_relations
from modelsearch.signal_handlers import post_save_signal_handler
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


def index_pages(models, page_ids):
    """Index the pages for search, in bulk, and record what they link to (images, documents)."""
    for model in models:
        # What the reference index reads of each page's child objects, fetched once a chunk.
        relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        for start in range(0, len(page_ids), CHUNK):
            chunk = list(model.objects.filter(pk__in=page_ids[start : start + CHUNK]).prefetch_related(*relations))
            for backend in get_search_backends():
                backend.add_bulk(model, chunk)
            with transaction.atomic():  # as the reference index requires, and one commit a chunk
                for page in chunk:
                    ReferenceIndex.create_or_update_for_object(page)
