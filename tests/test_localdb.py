"""scripts/localdb.py: the project's own PostgreSQL cluster."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]


def localdb(*args, **env):
    return subprocess.run(
        [sys.executable, "scripts/localdb.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_binaries_are_one_line_naming_the_package():
    """Without initdb and pg_ctl, the developer is told which package to install."""
    result = localdb("start", PATH="/nonexistent", LOCALDB_BIN_GLOB="/nonexistent/*/bin")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "apt-get install postgresql" in result.stderr


def test_url_points_at_the_socket_inside_var():
    """The local cluster is reached through a Unix socket under var/, never a TCP port."""
    url = localdb("url").stdout.strip()
    assert url.startswith("postgres://healthsite@")
    assert "%2Fvar%2Fpostgres%2Frun" in url
    assert ":5432" not in url


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="uses the server in DATABASE_URL")
def test_start_is_idempotent_when_running():
    """Starting a cluster that runs already reuses it (make test has just started it)."""
    assert localdb("start").returncode == 0
    assert localdb("status").stdout.strip() == "running"
    assert settings.DATABASES["default"]["HOST"].endswith("var/postgres/run")
