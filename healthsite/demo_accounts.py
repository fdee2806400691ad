"""Demo accounts for a local run: random passwords, written once to a file the developer reads."""

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from healthsite.role_groups import sync_role_groups


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    group: str | None
    superuser: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("admin", role="superuser", group=None, superuser=True),
    DemoAccount("editor", role="editor", group="Editors"),
    DemoAccount("moderator", role="moderator", group="Moderators"),
    # Approves editors' articles in the "Medical review" workflow.
    DemoAccount("reviewer", role="medical-reviewer", group="Medical reviewers"),
]


def read_passwords(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    passwords = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) == 3:
            passwords[parts[0]] = parts[1]
    return passwords


@transaction.atomic
def ensure_demo_accounts(path: Path) -> list[tuple[str, str, str]]:
    """Create the demo accounts that are missing and return (username, password, role) rows.

    A password already in the file is kept, so the file always tells the truth, also after
    the database was recreated; a password is generated only for an account not in it.
    """
    sync_role_groups()
    User = get_user_model()
    known = read_passwords(path)
    rows = []
    for account in DEMO_ACCOUNTS:
        password = known.get(account.username)
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={"email": f"{account.username}@example.com"},
        )
        if password is None or created or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            user.set_password(password)
        user.is_superuser = account.superuser
        user.save()
        if account.group:
            user.groups.add(Group.objects.get(name=account.group))
        rows.append((account.username, password, account.role))

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{username} {password} {role}\n" for username, password, role in rows))
    path.chmod(0o600)
    return rows
