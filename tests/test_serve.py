"""Smoke tests of `make serve`: gunicorn, production settings, WhiteNoise; Varnish and the worker beside it."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "healthsite.settings.production",
    "SECRET_KEY": "smoke-test-secret-" + "x" * 40,
    "SECURE_SSL_REDIRECT": "false",
    "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
}


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """The static files as production serves them, collected once for every server test (it
    takes seconds: each file hashed and compressed)."""
    root = tmp_path_factory.mktemp("static")
    env = {**os.environ, **PRODUCTION, "STATIC_ROOT": str(root), "DATABASE_URL": "postgres://unused/unused"}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True
    )
    return root


@pytest.fixture
def production_server(transactional_db, home_page, collected_static, test_database_url):
    port = free_port()
    env = {**os.environ, **PRODUCTION, "DATABASE_URL": test_database_url, "STATIC_ROOT": str(collected_static)}
    python = Path(sys.executable)
    server = subprocess.Popen(
        [python.parent / "gunicorn", "healthsite.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_production_server_serves_home_admin_and_static(production_server):
    """The home page, the admin login and a hashed static file all answer under gunicorn."""
    status, home, _ = get(production_server + "/")
    assert status == 200
    assert "<h1>Health Guide</h1>" in home

    status, login, _ = get(production_server + "/admin/login/")
    assert status == 200
    assert 'name="username"' in login

    stylesheet = "/static/css/site." + home.split('href="/static/css/site.', 1)[1].split('"', 1)[0]
    status, css, headers = get(production_server + stylesheet)
    assert status == 200
    assert "skip-link" in css
    assert "immutable" in headers["Cache-Control"]


def test_production_errors_reveal_nothing_internal(production_server):
    """A missing page answers the friendly 404, without debug details."""
    status, html, _ = get(production_server + "/no-such-page/")
    assert status == 404
    assert "Page not found" in html
    assert "Traceback" not in html and "settings" not in html.lower()


def test_gunicorn_believes_x_forwarded_proto_only_when_django_does(production_server):
    """Without TRUST_X_FORWARDED_PROTO, a forged X-Forwarded-Proto from loopback does not make the request https."""
    request = urllib.request.Request(production_server + "/feed/", headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback only)
        feed = response.read().decode()
    assert "<link>http://" in feed
    assert "https://" not in feed


def processes_in_session(session_id):
    """The command lines of the live processes in a session (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if fields[0] != "Z" and int(fields[3]) == session_id:
                found.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError):
            continue  # gone while we looked
    return found


@pytest.mark.django_db(transaction=True)
def test_make_serve_runs_varnish_gunicorn_and_the_worker_and_ctrl_c_stops_all_three(home_page, test_database_url):
    """`make serve`: Varnish answers in front of gunicorn, the task worker runs beside them, and the
    Ctrl-C a terminal sends to the whole foreground group leaves none of them running."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": test_database_url, "PORT": str(port), "SECRET_KEY": "serve-" + "x" * 50}
    serve = subprocess.Popen(
        ["make", "--no-print-directory", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert serve.poll() is None, "make serve exited"
            try:
                status, _, headers = get(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200 and headers["X-Varnish-Cache"] in ("hit", "miss")
        running = " | ".join(processes_in_session(serve.pid))
        for program in ("varnishd", "gunicorn", "run_worker"):
            assert program in running, program
        os.killpg(serve.pid, signal.SIGINT)
        serve.wait(timeout=30)
        deadline = time.monotonic() + 30
        while processes_in_session(serve.pid) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert processes_in_session(serve.pid) == []
    finally:
        if serve.poll() is None or processes_in_session(serve.pid):
            os.killpg(serve.pid, signal.SIGKILL)
