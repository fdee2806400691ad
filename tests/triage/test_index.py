import pytest

from tests.triage.factories import ChecklistPageFactory

pytestmark = pytest.mark.django_db


def test_the_index_shows_a_card_per_published_checklist(client, checklist, checklist_index):
    """Each card names the checklist, says what it checks and how long it takes; drafts are left out."""
    ChecklistPageFactory(parent=checklist_index, title="Draft checklist", live=False)
    response = client.get(checklist_index.url)
    assert response.status_code == 200
    assert f'<a href="{checklist.url}">Cramp checklist</a>' in response.text
    assert "Find out how soon to see a doctor about your cramp." in response.text
    # Three signs take under a minute; eight questions about four more.
    assert "Your result in about 1 minute; about 5 minutes with the questions" in response.text
    assert "Draft checklist" not in response.text
    assert 'aria-label="Breadcrumb"' in response.text


def test_checklist_steps_have_breadcrumbs_and_link_their_article(client, checklist, checklist_index, article):
    """Every step shows where the checklist sits and links to the article it belongs to."""
    checklist.article = article
    checklist.save_revision().publish()
    response = client.get(checklist.url)
    assert f'<li><a href="{checklist_index.url}">Checklists</a></li>' in response.text
    assert f'<a href="{article.url}">{article.title}</a>' in response.text
    assert f'<a class="back-link" href="{article.url}">' in response.text


def test_the_start_page_is_indexable_and_later_steps_are_not(reader, checklist):
    """Search engines may list the start page, with a description, as the sitemap says; never a
    page of answers."""
    sitemap = reader.client.get("/sitemap.xml").text
    assert f"{checklist.url}</loc>" in sitemap
    assert f"{checklist.url}result/" not in sitemap
    start = reader.start()
    assert 'name="robots"' not in start.text
    assert '<meta name="description" content="Find out how soon to see a doctor about your cramp.">' in start.text
    reader.answer_signs({sign.key: "no" for sign in checklist.warning_signs.all()})
    assert '<meta name="robots" content="noindex">' in reader.see_result().text


@pytest.mark.parametrize("query", ["checklist", "cramp checklist", "Your cramp"])
def test_site_search_finds_checklists(client, checklist, query):
    """Readers find a checklist by the word "checklist", its condition or its subject."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert f'<a href="{checklist.url}">Cramp checklist</a>' in response.text
    assert "Find out how soon to see a doctor about your cramp." in response.text
