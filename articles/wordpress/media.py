"""Attachments: files from a local copy of wp-content/uploads become Wagtail images and documents,
and post bodies find them again by attachment id or by any of their URLs."""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "avif"}
# WordPress's own resized copies: photo-300x200.jpg, photo-scaled.jpg, photo-rotated.jpg.
SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")


@dataclass
class Attachment:
    """An attachment as the export describes it: read in the first pass, so bodies can refer to
    attachments that come after them in the file."""

    wordpress_id: int
    title: str
    url: str
    link: str
    relative_path: str
    alt: str
    caption: str
    parent_id: int

    @classmethod
    def from_item(cls, item):
        relative = item.meta.get("_wp_attached_file", "") or upload_key(item.attachment_url)
        return cls(
            wordpress_id=item.wordpress_id,
            title=item.title,
            url=item.attachment_url,
            link=item.link,
            relative_path=relative.lstrip("/"),
            alt=" ".join(item.meta.get("_wp_attachment_image_alt", "").split()),
            caption=" ".join(item.excerpt.split()),
            parent_id=item.parent_id,
        )

    @property
    def extension(self):
        return Path(self.relative_path).suffix.lstrip(".").lower()

    @property
    def is_image(self):
        return self.extension in IMAGE_EXTENSIONS


@dataclass
class FoundImage:
    image_id: int
    alt: str
    caption: str
    title: str


def upload_key(url):
    """The part of an uploads URL after /uploads/, without WordPress's size suffix."""
    path = unquote(urlparse(url or "").path)
    _, found, rest = path.partition("/uploads/")
    return SIZE_SUFFIX.sub("", rest) if found else ""


class MediaLibrary:
    """What each attachment became here, for the body converter and the redirects."""

    def __init__(self, base_url=""):
        self.by_id = {}  # wordpress id -> (Attachment, object)
        self.by_key = {}  # upload key -> wordpress id
        self.base_url = base_url.rstrip("/")

    def add(self, attachment, obj):
        self.by_id[attachment.wordpress_id] = (attachment, obj)
        self.by_key[SIZE_SUFFIX.sub("", attachment.relative_path)] = attachment.wordpress_id

    def _find(self, wordpress_id, url):
        if wordpress_id in self.by_id:
            return self.by_id[wordpress_id]
        key = upload_key(url)
        return self.by_id.get(self.by_key.get(key)) if key else None

    def image(self, wordpress_id, url):
        found = self._find(wordpress_id, url)
        if found is None or not found[0].is_image:
            return None
        attachment, image = found
        return FoundImage(image.pk, attachment.alt, attachment.caption, attachment.title)

    def rewrite_url(self, url):
        """Links to uploaded files point at the imported file; links within the old site become
        paths on this one, where the redirects take them on."""
        found = self._find(None, url)
        if found is not None:
            return self.file_url(found[0].wordpress_id)
        if self.base_url and url.startswith(self.base_url + "/"):
            return url[len(self.base_url) :]
        return url

    def file_url(self, wordpress_id):
        attachment, obj = self.by_id[wordpress_id]
        return obj.file.url if attachment.is_image else obj.url


def store(attachment, media_dir, existing=None):
    """Create (or, given `existing`, replace the file of) the image or document for an attachment.
    Returns the object and the names written to storage, or raises FileNotFoundError."""
    path = Path(media_dir) / attachment.relative_path
    if not path.is_file():
        raise FileNotFoundError(attachment.relative_path)
    model = get_image_model() if attachment.is_image else get_document_model()
    obj = existing or model(title=attachment.title or path.name)
    obj.title = attachment.title or path.name
    if attachment.is_image:
        obj.description = attachment.alt
    with path.open("rb") as handle:
        obj.file = File(handle, name=path.name)
        obj.save()
    return obj, [obj.file.name]


def is_importable(attachment):
    return attachment.is_image or attachment.extension in settings.WAGTAILDOCS_EXTENSIONS


def remove_files(names):
    """Delete files a dry run wrote: the database rows went with the rolled-back transaction."""
    for name in names:
        default_storage.delete(name)
