"""Password guessing against the admin is stopped: a clear lockout page, and an administrator can unlock."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"  # noqa: S105


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@example.com", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def sign_in(client, password, address="203.0.113.9"):
    return client.post(reverse("wagtailadmin_login"), {"username": "editor", "password": password}, REMOTE_ADDR=address)


def guess_until_locked(client, settings):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, f"guess {n}").status_code == 200  # the form again, with its error
    assert sign_in(client, "last guess").status_code == 429


def test_repeated_wrong_passwords_lock_that_sign_in_with_a_clear_page(client, editor, settings):
    """After the limit, even the right password is refused for a while, and the page says why and what to do."""
    guess_until_locked(client, settings)
    locked = sign_in(client, PASSWORD)
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.text
    assert f"{settings.AXES_FAILURE_LIMIT} wrong passwords in a row for “editor”" in locked.text
    assert "ask an administrator to unlock it" in locked.text
    assert "_auth_user_id" not in client.session


def test_someone_else_guessing_does_not_lock_the_editor_out(client, editor, settings):
    """The lockout is for the username from that address: the editor on their own network still signs in."""
    guess_until_locked(client, settings)
    assert sign_in(client, PASSWORD, address="198.51.100.7").status_code == 302


def test_an_administrator_unlocks_from_the_admin(client, editor, settings, admin_client):
    """Settings → Sign-in lockouts lists the lockout; deleting it lets the editor sign in at once."""
    guess_until_locked(client, settings)
    attempt = AccessAttempt.objects.get(username="editor")
    listing = admin_client.get(reverse("lockouts:index"))
    assert listing.status_code == 200 and "203.0.113.9" in listing.text
    assert admin_client.get(reverse("lockouts:add")).status_code in (302, 403)
    assert admin_client.post(reverse("lockouts:delete", args=[attempt.pk])).status_code == 302
    assert sign_in(client, PASSWORD).status_code == 302
