import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from healthsite.demo_accounts import ensure_demo_accounts

pytestmark = pytest.mark.django_db


def test_creates_the_accounts_with_their_roles(tmp_path):
    """admin is a superuser; editor, moderator and reviewer are in their groups."""
    ensure_demo_accounts(tmp_path / "accounts.txt")
    users = {user.username: user for user in get_user_model().objects.all()}
    assert users["admin"].is_superuser
    assert list(users["editor"].groups.values_list("name", flat=True)) == ["Editors"]
    assert not users["editor"].is_superuser
    assert list(users["moderator"].groups.values_list("name", flat=True)) == ["Moderators"]
    assert list(users["reviewer"].groups.values_list("name", flat=True)) == ["Medical reviewers"]


def test_file_lists_working_random_passwords(tmp_path):
    """Every line is `username password role`, and the password logs that user in."""
    path = tmp_path / "accounts.txt"
    ensure_demo_accounts(path)
    lines = [line.split() for line in path.read_text().splitlines()]
    assert [(username, role) for username, _, role in lines] == [
        ("admin", "superuser"),
        ("editor", "editor"),
        ("moderator", "moderator"),
        ("reviewer", "medical-reviewer"),
    ]
    for username, password, _ in lines:
        assert len(password) >= 12
        # As the sign-in form does: with the request, which the sign-in throttle needs.
        assert authenticate(RequestFactory().post("/admin/login/"), username=username, password=password) is not None
    assert len({password for _, password, _ in lines}) == 4


def test_running_again_keeps_the_passwords(tmp_path):
    """A second run changes nothing, so the file printed by `make run` stays true."""
    path = tmp_path / "accounts.txt"
    first = ensure_demo_accounts(path)
    assert ensure_demo_accounts(path) == first
    assert get_user_model().objects.count() == 4


def test_a_recreated_database_gets_the_passwords_from_the_file(tmp_path):
    """After the database is emptied, the accounts come back with the passwords on file."""
    path = tmp_path / "accounts.txt"
    first = ensure_demo_accounts(path)
    get_user_model().objects.all().delete()
    assert ensure_demo_accounts(path) == first


def test_fresh_setups_get_different_passwords(tmp_path):
    """No fixed passwords: two fresh files never share one."""
    first = ensure_demo_accounts(tmp_path / "one.txt")
    get_user_model().objects.all().delete()
    second = ensure_demo_accounts(tmp_path / "two.txt")
    assert {row[1] for row in first}.isdisjoint({row[1] for row in second})


def test_command_prints_the_accounts(tmp_path, capsys):
    """`manage.py create_demo_accounts` prints what it wrote."""
    call_command("create_demo_accounts", file=str(tmp_path / "accounts.txt"))
    output = capsys.readouterr().out
    for username, password, _ in (line.split() for line in (tmp_path / "accounts.txt").read_text().splitlines()):
        assert username in output
        assert password in output
