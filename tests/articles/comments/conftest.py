import pytest

from articles.comments.models import StaffProfile


@pytest.fixture(autouse=True)
def comment_forms_sent_at_once(instant_forms):
    """Every comment test may post at once; the test of the minimum time sets it itself."""


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def team(member_of):
    """A moderator for each email choice ("each", "digest", "none"), by choice."""
    users = {}
    for choice in StaffProfile.Emails.values:
        users[choice] = member_of("Moderators", f"mod-{choice}")
        StaffProfile.objects.create(user=users[choice], comment_emails=choice)
    return users
