"""Signing in and staying signed in across the change of authentication backend."""

from unittest import mock

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def test_a_session_signed_in_under_django_s_backend_stays_signed_in(client, article, django_user_model):
    """Sessions created before UserWithProfileBackend still load: nobody is signed out by the deploy."""
    client.force_login(django_user_model.objects.create_user("early", "early@example.com", "x"), backend=MODEL_BACKEND)
    assert client.get(article.url).wsgi_request.user.username == "early"


def test_a_wrong_password_is_checked_once(django_user_model):
    """ModelBackend, listed after ours for old sessions, does not hash a refused password again."""
    user = django_user_model.objects.create_user("editor", "editor@example.com", "right")
    with mock.patch.object(django_user_model, "check_password", autospec=True, return_value=False) as checked:
        assert authenticate(RequestFactory().post("/admin/login/"), username="editor", password="wrong") is None
    assert checked.call_count == 1
    assert authenticate(RequestFactory().post("/admin/login/"), username="editor", password="right") == user
