"""How staff replies are signed: the user's name, the team's name, or a clinician's credential line."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.comments.models import CommentSettings, StaffProfile
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db


def reply(client, parent, **data):
    return client.post(reverse("articles_comment_reply", args=[parent.pk]), {"body": "Please see your GP.", **data})


def sign_as_choices(client, comment):
    screen = BeautifulSoup(client.get(reverse("articles_comment_screen", args=[comment.pk])).text, "html.parser")
    return {
        radio["value"]: radio.find_parent("label").get_text(" ", strip=True)
        for radio in screen.select("input[name=sign_as]")
    }


@pytest.fixture
def clinician(moderator):
    """A moderator who is also a medical reviewer and has set a clinician signature."""
    moderator.groups.add(Group.objects.get(name="Medical reviewers"))
    StaffProfile.objects.create(user=moderator, credential="Dr A. Patel, GP")
    return moderator


def test_reply_is_signed_with_the_full_name(moderator_client, moderator, article):
    """By default a staff reply carries the moderator's full name, not their username."""
    moderator.first_name, moderator.last_name = "Jo", "Nurse"
    moderator.save()
    parent = CommentFactory(article=article)
    reply(moderator_client, parent)
    assert parent.replies.get().name == "Jo Nurse"


def test_reply_can_be_signed_by_the_team(moderator_client, article, home_page):
    """With a team name in Comment settings, staff may sign as the team."""
    settings = CommentSettings.load()
    settings.staff_team_name = "Health Guide team"
    settings.save()
    parent = CommentFactory(article=article)
    assert "Health Guide team (the team)" in sign_as_choices(moderator_client, parent).values()
    reply(moderator_client, parent, sign_as="team")
    staff = parent.replies.get()
    assert staff.name == "Health Guide team" and staff.staff_reply and not staff.clinician_reply


def test_only_medical_reviewers_may_sign_as_clinicians(moderator_client, moderator, article):
    """A moderator with a signature but outside Medical reviewers is not offered it, and cannot force it."""
    StaffProfile.objects.create(user=moderator, credential="Dr Fake, GP")
    parent = CommentFactory(article=article)
    assert "clinician" not in sign_as_choices(moderator_client, parent)
    response = reply(moderator_client, parent, sign_as="clinician")
    assert response.status_code == 400
    assert not parent.replies.exists()


def test_clinician_reply_shows_the_credential_and_badge(client, clinician, article):
    """A medical reviewer's reply reads “Dr A. Patel, GP” with a Clinician badge on the article."""
    client.force_login(clinician)
    parent = CommentFactory(article=article)
    assert sign_as_choices(client, parent)["clinician"] == "Dr A. Patel, GP (Clinician badge)"
    reply(client, parent, sign_as="clinician")
    staff = parent.replies.get()
    assert staff.name == "Dr A. Patel, GP" and staff.clinician_reply
    page = BeautifulSoup(client.get(article.url).text, "html.parser")
    author = page.find(id=staff.anchor).select_one(".comment__author").get_text(" ", strip=True)
    assert author == "Dr A. Patel, GP Staff Clinician"


def test_account_settings_hold_email_choice_and_signature(client, clinician):
    """Account → Comments lets a moderator-reviewer choose their emails and signature."""
    client.force_login(clinician)
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "A",
            "name_email-last_name": "Patel",
            "name_email-email": "moderator@example.com",
            "locale-preferred_language": "",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
            "comments-comment_emails": "digest",
            "comments-credential": "Dr A. Patel, GP (Cardiology)",
        },
    )
    assert response.status_code == 302, [
        e.get_text() for e in BeautifulSoup(response.text, "html.parser").select(".error-message, .help-critical")
    ]
    profile = StaffProfile.objects.get(user=clinician)
    assert profile.comment_emails == "digest" and profile.credential == "Dr A. Patel, GP (Cardiology)"


def test_editors_have_no_comments_account_panel(client, editor):
    """Editors who neither moderate nor review see no Comments panel."""
    client.force_login(editor)
    assert "comments-comment_emails" not in client.get(reverse("wagtailadmin_account")).text
