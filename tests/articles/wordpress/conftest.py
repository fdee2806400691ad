import shutil
from pathlib import Path

import pytest

from articles.wordpress.importer import import_export

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "export.xml"
UPLOADS = FIXTURES / "uploads"
# The seed article's WordPress ids: the post, a reply two levels deep, and the pingback.
SEED_POST_ID = 4


@pytest.fixture
def run_import(article_index):
    """Import an export (the real WordPress one unless told) into the articles section."""

    def run(path=EXPORT, **options):
        options.setdefault("media_dir", UPLOADS)
        return import_export(path, index=article_index, **options)

    return run


@pytest.fixture
def export_copy(tmp_path):
    """A copy of the real export that a test may edit, as a site changing between imports."""
    path = tmp_path / "export.xml"
    shutil.copy(EXPORT, path)
    return path
