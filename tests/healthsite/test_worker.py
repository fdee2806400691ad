"""The background task worker outlives the database, recovers tasks a dead worker left running,
and says it is alive on /healthz."""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from articles.comments import tasks
from articles.comments.models import CommentSubscription
from healthsite.worker import HEARTBEAT_KEY, beat, recover_stale_tasks, seconds_since_beat
from tests.articles.factories import CommentFactory

ROOT = Path(__file__).resolve().parents[2]
LOCAL_CLUSTER_SOCKETS = ROOT / "var" / "postgres" / "run"


@pytest.fixture
def database_queue(settings):
    """Tasks go to the database queue, as in production, instead of running at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_tasks_left_running_by_a_dead_worker_run_again(database_queue, settings):
    """A task “running” for longer than TASK_STALE_AFTER is made ready; one just started is left alone."""
    stale, fresh = (tasks.notify_moderators.enqueue(n) for n in (1, 2))
    started = {stale.id: timezone.now() - datetime.timedelta(hours=1), fresh.id: timezone.now()}
    for task_id, started_at in started.items():
        DBTaskResult.objects.filter(pk=task_id).update(status=TaskResultStatus.RUNNING, started_at=started_at)
    assert recover_stale_tasks() == 1
    assert DBTaskResult.objects.get(pk=stale.id).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=fresh.id).status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_healthz_reports_each_part_and_fails_without_a_worker(client):
    """Without a recent heartbeat the site is reported unavailable (503); with one, all is ok (200)."""
    cache.delete(HEARTBEAT_KEY)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "ok", "worker": "failing"},
    }
    beat()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def take_the_database_away():
    """Restart PostgreSQL when it is the project's own cluster; elsewhere, cut every other connection."""
    connections.close_all()
    if connection.settings_dict["HOST"] == str(LOCAL_CLUSTER_SOCKETS):
        for command in ("stop", "start"):
            subprocess.run([sys.executable, "scripts/localdb.py", command], cwd=ROOT, check=True, timeout=60)
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
    connections.close_all()


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


@pytest.mark.django_db(transaction=True)
def test_an_email_queued_after_a_database_restart_is_sent(database_queue, article, tmp_path, test_database_url):
    """PostgreSQL restarts under the running worker: it keeps going and sends the email queued afterwards."""
    mail = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "healthsite.settings.production",
        "DATABASE_URL": test_database_url,
        "SECRET_KEY": "worker-test-secret-" + "x" * 40,
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail),
    }
    cache.delete(HEARTBEAT_KEY)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(lambda: seconds_since_beat() is not None, 30), "the worker never started"
        take_the_database_away()
        subscription = CommentSubscription.objects.create(
            comment=CommentFactory(article=article), email="r@example.com"
        )
        tasks.send_subscription_confirmation.enqueue(subscription.pk)
        assert wait_for(lambda: mail.exists() and any(mail.iterdir()), 60), "no email after the restart"
        assert "Confirm: email me about replies" in next(mail.iterdir()).read_text()
        assert worker.poll() is None
    finally:
        worker.terminate()
        output = worker.communicate(timeout=20)[0]
    if connection.settings_dict["HOST"] == str(LOCAL_CLUSTER_SOCKETS):
        assert "Database reachable again" in output
