import pytest


@pytest.fixture(autouse=True)
def instant_forms(settings):
    """Tests post the form the moment it is made; the minimum time is tested on its own."""
    settings.COMMENT_MIN_SECONDS = 0
