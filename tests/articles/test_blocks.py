import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from articles.blocks import ArticleBodyBlock
from tests.articles.factories import ArticlePageFactory
from tests.triage.factories import ChecklistIndexPageFactory, build_checklist

pytestmark = pytest.mark.django_db


def every_block(related, checklist):
    image = Image.objects.create(title="Calf stretch", file=get_test_image_file())
    return [
        {"type": "doctor_visit_checklist", "value": {"checklist": checklist.pk, "show": "warning_signs"}},
        {"type": "section_heading", "value": {"heading": "What is a muscle spasm?", "level": 2, "anchor": ""}},
        {"type": "paragraph", "value": "<p>A sudden tightening of a muscle.</p>"},
        {"type": "list", "value": {"style": "numbered", "items": ["<p><b>Stretch.</b> Gently.</p>"]}},
        {"type": "image", "value": {"image": image.pk, "alt_text": "A calf stretch", "caption": "Stretching"}},
        {"type": "related_article", "value": {"article": related.pk}},
        {"type": "care_card", "value": {"urgency": "emergency", "heading": "Chest pain", "body": "<p>Go now.</p>"}},
        {
            "type": "doctor_questions",
            "value": {"heading": "Questions your doctor may ask", "intro": "", "questions": ["When did it start?"]},
        },
        {"type": "do_dont", "value": {"do": ["drink water"], "dont": ["overdo it"]}},
        {"type": "inset_text", "value": {"text": "<p>Most spasms are harmless.</p>"}},
        {"type": "warning_callout", "value": {"heading": "Important", "body": "<p>Check your medicines.</p>"}},
        {
            "type": "table",
            "value": {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Fluids",
                "data": [["Who", "Amount"], ["Adults", "2 l"]],
            },
        },
        {"type": "embed", "value": {"url": "https://youtu.be/x", "title": "Calf stretches", "caption": "Step by step"}},
    ]


def test_every_block_renders_with_its_own_template(client, article_index):
    """Each body block type is drawn by its template in templates/articles/blocks/."""
    related = ArticlePageFactory(parent=article_index, title="Scoliosis", summary="A curve of the spine.")
    checklist = build_checklist(ChecklistIndexPageFactory(parent=article_index.get_parent()))
    article = ArticlePageFactory(parent=article_index, body=every_block(related, checklist))
    response = client.get(article.url)
    assert response.status_code == 200
    used = {template.name for template in response.templates}
    for name in ArticleBodyBlock.base_blocks:
        assert ArticleBodyBlock.base_blocks[name].meta.template in used, name
    html = response.text
    assert 'id="what-is-a-muscle-spasm"' in html
    assert "Scoliosis" in html and "A curve of the spine." in html
    assert 'alt="A calf stretch"' in html and "<figcaption>Stretching</figcaption>" in html
    assert "<caption>Fluids</caption>" in html


@pytest.mark.parametrize(
    ("url", "title", "words"),
    [
        ("https://www.youtube.com/watch?v=x", "Calf stretches", "Watch “Calf stretches” on YouTube"),
        ("https://youtu.be/x", "", "Watch the video on YouTube"),
        ("https://open.spotify.com/episode/x", "", "Listen to the recording on Spotify"),
        ("https://health.example.org/post/1", "", "View the page on health.example.org"),
    ],
)
def test_an_embed_is_a_labelled_link_that_loads_nothing_from_its_site(client, article_index, url, title, words):
    """Readers see where the link goes and what it offers; the page itself requests nothing from there."""
    article = ArticlePageFactory(
        parent=article_index, body=[{"type": "embed", "value": {"url": url, "title": title, "caption": ""}}]
    )
    soup = BeautifulSoup(client.get(article.url).text, "html.parser")
    link = soup.find("a", string=words)
    assert link is not None and link["href"] == url
    host = url.split("/")[2]
    assert not [tag for tag in soup.find_all(src=True) if host in tag["src"]]


def test_every_block_declares_what_the_editor_sees():
    """Editors get an icon, a description and a template for every block; previews where they can."""
    for name, block in ArticleBodyBlock.base_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template, name
        assert block.meta.description, name
        if name not in {"related_article", "image", "doctor_visit_checklist"}:
            assert block.meta.preview_value, name


@pytest.mark.parametrize(
    ("urgency", "label"),
    [("routine", "Non-urgent advice"), ("urgent", "Urgent advice"), ("emergency", "Emergency: act now")],
)
def test_care_card_states_its_urgency_in_text(client, article_index, urgency, label):
    """The urgency is in words, not only in colour; emergencies say to call the emergency number."""
    body = [{"type": "care_card", "value": {"urgency": urgency, "heading": "See a doctor", "body": "<p>x</p>"}}]
    response = client.get(ArticlePageFactory(parent=article_index, body=body).url)
    card = BeautifulSoup(response.text, "html.parser").select_one(".care-card")
    assert label in card.get_text()
    assert ("Call your local emergency number now." in card.get_text()) == (urgency == "emergency")


def test_dont_items_say_do_not_to_screen_readers(client, article_index):
    """The ✗ mark is hidden from screen readers, which hear “do not” instead."""
    body = [{"type": "do_dont", "value": {"do": ["rest"], "dont": ["run"]}}]
    html = client.get(ArticlePageFactory(parent=article_index, body=body).url).text
    assert '<span class="visually-hidden">do not </span>run' in html


def test_editor_html_in_plain_text_fields_is_escaped(client, article_index):
    """Text fields of blocks cannot inject markup."""
    body = [
        {
            "type": "doctor_questions",
            "value": {
                "heading": "<script>alert(1)</script>",
                "intro": "",
                "questions": ["<img src=x onerror=alert(1)>"],
            },
        }
    ]
    html = client.get(ArticlePageFactory(parent=article_index, body=body).url).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_table_of_contents_links_match_heading_ids(client, article_index):
    """Every “On this page” link points at a level 2 heading's id; custom anchors are kept."""
    body = [
        {"type": "section_heading", "value": {"heading": "Symptoms", "level": 2, "anchor": ""}},
        {"type": "section_heading", "value": {"heading": "Why it happens", "level": 3, "anchor": ""}},
        {"type": "section_heading", "value": {"heading": "Home treatment", "level": 2, "anchor": "self-care"}},
    ]
    soup = BeautifulSoup(client.get(ArticlePageFactory(parent=article_index, body=body).url).text, "html.parser")
    links = [a["href"] for a in soup.select("nav.toc a")]
    assert links == ["#symptoms", "#self-care"]
    for link in links:
        assert soup.find(id=link[1:]).name == "h2"


def test_two_sections_with_the_same_anchor_are_rejected(article_index):
    """A second heading with the same anchor would be unreachable: the editor is told to change it."""
    article = ArticlePageFactory(parent=article_index)
    article.body = [
        ("section_heading", {"heading": "Causes", "level": 2, "anchor": ""}),
        ("section_heading", {"heading": "Causes", "level": 2, "anchor": ""}),
    ]
    with pytest.raises(ValidationError, match="#causes"):
        article.full_clean()


def test_headings_cannot_skip_a_level(article_index):
    """A level 4 heading straight under the title would leave a gap in the outline."""
    article = ArticlePageFactory(parent=article_index)
    article.body = [("section_heading", {"heading": "Causes", "level": 3, "anchor": ""})]
    with pytest.raises(ValidationError, match="level 2"):
        article.full_clean()
