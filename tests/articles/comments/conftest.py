import pytest


@pytest.fixture(autouse=True)
def comment_forms_sent_at_once(instant_forms):
    """Every comment test may post at once; the test of the minimum time sets it itself."""


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client
