"""Bad configuration gets one clear line on stderr, never a traceback."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "a-long-random-production-secret-key-" + "x" * 40
UNREACHABLE = "postgres://nobody@127.0.0.1:1/nothing"


def clean_environment(env):
    """This process's environment without the variables the settings read, plus `env`."""
    ignored = {"SECRET_KEY", "DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "WAGTAILADMIN_BASE_URL", "PORT"}
    return {name: value for name, value in os.environ.items() if name not in ignored} | env


def manage(*args, **env):
    """Run manage.py in a clean environment with the given variables."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_environment(env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_one_line_error(result, *words):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


def test_production_refuses_to_start_without_secret_key():
    """A production process without SECRET_KEY stops with one line naming it."""
    result = manage("check", DJANGO_SETTINGS_MODULE="healthsite.settings.production", DATABASE_URL=UNREACHABLE)
    assert_one_line_error(result, "SECRET_KEY")


def test_production_refuses_to_start_with_debug_on():
    """DEBUG=true is refused in production."""
    result = manage(
        "check",
        DJANGO_SETTINGS_MODULE="healthsite.settings.production",
        DATABASE_URL=UNREACHABLE,
        SECRET_KEY=GOOD_SECRET,
        DEBUG="true",
    )
    assert_one_line_error(result, "DEBUG")


def test_production_refuses_to_start_without_database_url():
    """Production never falls back to a local database silently."""
    result = manage("check", DJANGO_SETTINGS_MODULE="healthsite.settings.production", SECRET_KEY=GOOD_SECRET)
    assert_one_line_error(result, "DATABASE_URL")


def test_production_refuses_to_start_without_a_base_url():
    """Links in emails need the public address: production will not guess it."""
    result = manage(
        "check",
        DJANGO_SETTINGS_MODULE="healthsite.settings.production",
        DATABASE_URL=UNREACHABLE,
        SECRET_KEY=GOOD_SECRET,
    )
    assert_one_line_error(result, "WAGTAILADMIN_BASE_URL")


def test_development_email_links_follow_the_port_served(tmp_path):
    """Under `make run PORT=8123`, links in emails point at port 8123, not 8000."""
    shell = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    result = manage("shell", "-c", shell, DJANGO_SETTINGS_MODULE="healthsite.settings.dev", PORT="8123")
    assert result.stdout.strip().splitlines()[-1] == "http://127.0.0.1:8123"


def test_a_non_postgres_database_url_is_refused():
    """The site runs on PostgreSQL only."""
    result = manage("check", DATABASE_URL="sqlite:///db.sqlite3")
    assert_one_line_error(result, "PostgreSQL")


def test_unreachable_database_is_one_line():
    """A DATABASE_URL nobody answers at is reported with its host and port, not a traceback."""
    result = manage("migrate", "--noinput", DATABASE_URL=UNREACHABLE)
    assert_one_line_error(result, "cannot reach the database", "127.0.0.1:1")


def test_deploy_check_is_clean_with_production_variables():
    """`check --deploy` reports no warnings once the production variables are set."""
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="healthsite.settings.production",
        DATABASE_URL=UNREACHABLE,
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="health.example.org",
        WAGTAILADMIN_BASE_URL="https://health.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def in_django(code, **env):
    """Run `code` in a fresh Python process with Django set up from `env`; returns what it printed."""
    result = subprocess.run(
        [sys.executable, "-c", f"import django, json\ndjango.setup()\n{code}"],
        cwd=ROOT,
        env=clean_environment(env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "healthsite.settings.production",
    "DATABASE_URL": UNREACHABLE,
    "SECRET_KEY": GOOD_SECRET,
    "WAGTAILADMIN_BASE_URL": "https://health.example.org",
}


@pytest.mark.parametrize(
    "env",
    [
        {"DJANGO_SETTINGS_MODULE": "healthsite.settings.dev"},
        {"DJANGO_SETTINGS_MODULE": "healthsite.settings.test"},
        PRODUCTION,
    ],
    ids=["dev", "test", "production"],
)
def test_every_settings_module_uses_postgresql(env):
    """Each settings module, loaded as its own process loads it, connects to PostgreSQL, never SQLite."""
    code = "from django.db import connection\nprint(connection.vendor)"
    assert in_django(code, **env) == "postgresql"


@pytest.mark.django_db
def test_cache_is_shared_between_processes(test_database_url):
    """What one production worker puts in the cache, another reads: rate limits and the page cache rely on it."""
    env = {**PRODUCTION, "DATABASE_URL": test_database_url}
    key, value = "test:shared", secrets.token_hex(8)
    in_django(f"from django.core.cache import cache\ncache.set({key!r}, {value!r}, 60)", **env)
    read = in_django(f"from django.core.cache import cache\nprint(cache.get({key!r}))\ncache.delete({key!r})", **env)
    assert read == value
