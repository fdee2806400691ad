import hashlib

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedItemQuerySet(models.QuerySet):
    def remembered(self, kind, wordpress_ids):
        """The mappings already made for these ids of one kind, by id."""
        return {row.wordpress_id: row for row in self.filter(kind=kind, wordpress_id__in=list(wordpress_ids))}

    def remember(self, imported):
        """Record what each (kind, wordpress_id, obj, checksum) became, in one upsert for all of them."""
        self.bulk_create(
            [
                self.model(
                    kind=kind,
                    wordpress_id=wordpress_id,
                    content_type=ContentType.objects.get_for_model(obj),
                    object_id=obj.pk,
                    checksum=digest,
                )
                for kind, wordpress_id, obj, digest in imported
            ],
            update_conflicts=True,
            unique_fields=["kind", "wordpress_id"],
            update_fields=["content_type", "object_id", "checksum", "imported_at"],
        )


class ImportedItem(models.Model):
    """What a WordPress id became here, so a second import updates instead of duplicating.

    One table for every kind, rather than a column on each model: the imported models stay as
    they are, and a site that never imports carries nothing for it."""

    class Kind(models.TextChoices):
        POST = "post"
        PAGE = "page"
        ATTACHMENT = "attachment"
        AUTHOR = "author"
        TERM = "term"
        COMMENT = "comment"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    wordpress_id = models.BigIntegerField()
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    # A digest of the exported item: an unchanged item is left alone on --update.
    checksum = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    objects = ImportedItemQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "wordpress_id"], name="one_import_per_wordpress_item")]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"WordPress {self.kind} {self.wordpress_id}"


def checksum(*parts):
    """A digest of what was imported: equal digests mean nothing changed in WordPress."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()
