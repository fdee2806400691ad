"""Reader-facing pages are valid HTML according to the Nu HTML Checker (vnu.jar)."""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.demo_pages import INDEXABLE_PAGES
from triage.models import ChecklistPage

VNU_JAR = (
    Path(__file__).resolve().parents[1] / "var" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

pytestmark = pytest.mark.django_db

READER_PAGES = [
    *INDEXABLE_PAGES,
    "/search/",
    "/search/?q=cramp",
    "/search/?q=xylophone",
    "/no-such-page/",
    "/checklists/muscle-spasm/result/",
    "/checklists/muscle-spasm/prepare/",
    "/checklists/muscle-spasm/summary/",
]


def html_errors(client, urls, tmp_path):
    """vnu's errors in the pages at `urls`, each as "url: message"."""
    assert VNU_JAR.exists(), "vnu.jar is missing: `make test` installs it"
    files = []
    for number, url in enumerate(urls):
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        files.append(path)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [
        f"{urls[files.index(Path(message['url'].removeprefix('file:')))]}: {message['message']}" for message in messages
    ]


def test_reader_pages_have_no_html_errors(client, tmp_path):
    """vnu finds no errors in the demo site's pages."""
    call_command("load_demo_content")
    # The checklist's later steps need answers, which the client then holds in its cookie.
    checklist = ChecklistPage.objects.get(slug="muscle-spasm")
    client.post(checklist.url, {sign.key: "yes" for sign in checklist.warning_signs.all()})
    assert html_errors(client, READER_PAGES, tmp_path) == []
