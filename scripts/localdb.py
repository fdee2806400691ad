#!/usr/bin/env python3
"""The project's own PostgreSQL cluster under var/postgres, for when no DATABASE_URL is set.

    python scripts/localdb.py start   # create on first use, start if stopped (idempotent)
    python scripts/localdb.py stop
    python scripts/localdb.py status
    python scripts/localdb.py url     # the DATABASE_URL that reaches it

The server listens on a Unix socket inside var/postgres/run and on no TCP port, so it can
never clash with another server on the machine. PostgreSQL refuses to run as root, so as
root every server command runs as the `postgres` system user, who owns the cluster.

Standard library only: this runs before the virtualenv exists.
"""

import glob
import os
import pwd
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
CLUSTER = ROOT / "var" / "postgres"
DATA = CLUSTER / "data"
SOCKET_DIR = CLUSTER / "run"
LOG = CLUSTER / "server.log"
DB_NAME = "healthsite"  # also spelled out in the existence check below
DB_USER = "healthsite"
# Where Debian and most distributions keep the server binaries; a test may point elsewhere.
BIN_GLOB = os.environ.get("LOCALDB_BIN_GLOB", "/usr/lib/postgresql/*/bin")
SERVER_USER = "postgres"


class LocalDbError(Exception):
    """A problem the developer can fix, reported as one line."""


def find_bindir():
    """The directory holding initdb and pg_ctl: PATH first, then the newest packaged version."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    candidates = [
        Path(d) for d in glob.glob(BIN_GLOB) if (Path(d) / "pg_ctl").exists() and (Path(d) / "initdb").exists()
    ]
    if not candidates:
        raise LocalDbError(
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in "
            f"{BIN_GLOB}: install them with `apt-get install postgresql`, "
            "or set DATABASE_URL to use an existing server."
        )
    return max(candidates, key=lambda d: _version_key(d.parent.name))


def _version_key(name):
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _as_server_user(args):
    """Run server commands as `postgres` when we are root; PostgreSQL refuses root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", SERVER_USER, "--", *args]
    return args


def _run(args, **kwargs):
    return subprocess.run(_as_server_user(args), capture_output=True, text=True, **kwargs)


def _prepare_dirs():
    SOCKET_DIR.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return
    try:
        server = pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise LocalDbError(
            f"running as root but there is no `{SERVER_USER}` user to run PostgreSQL as: "
            "install the postgresql package, or run as a normal user."
        ) from None
    for path in [CLUSTER, SOCKET_DIR, *([DATA] if DATA.exists() else [])]:
        os.chown(path, server.pw_uid, server.pw_gid)
    if _run(["test", "-w", str(CLUSTER)]).returncode != 0:
        raise LocalDbError(
            f"the `{SERVER_USER}` user cannot reach {CLUSTER}: give it search (x) "
            "permission on every parent directory, or set DATABASE_URL."
        )


def _initdb(bindir):
    result = _run(
        [
            str(bindir / "initdb"),
            "--pgdata",
            str(DATA),
            "--username",
            DB_USER,
            # Only the socket is reachable, and its directory is private to the owner.
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C.UTF-8",
        ]
    )
    if result.returncode != 0:
        raise LocalDbError(f"initdb failed: {_last_line(result)}")


def _last_line(result):
    lines = (result.stderr or result.stdout).strip().splitlines()
    return lines[-1] if lines else f"exit code {result.returncode}"


def is_running(bindir):
    return _run([str(bindir / "pg_ctl"), "status", "--pgdata", str(DATA)]).returncode == 0


def start():
    bindir = find_bindir()
    _prepare_dirs()
    if not (DATA / "PG_VERSION").exists():
        _initdb(bindir)
    if is_running(bindir):
        return
    options = f"-c listen_addresses='' -c unix_socket_directories='{SOCKET_DIR}' -c fsync=off"
    os.chmod(SOCKET_DIR, 0o700)
    result = _run(
        [
            str(bindir / "pg_ctl"),
            "start",
            "--pgdata",
            str(DATA),
            "--log",
            str(LOG),
            "--wait",
            "--options",
            options,
        ]
    )
    if result.returncode != 0:
        raise LocalDbError(f"PostgreSQL did not start; see {LOG}: {_last_line(result)}")
    _create_database(bindir)


def _create_database(bindir):
    # The server accepts connections a moment after pg_ctl returns on some machines.
    for _ in range(50):
        result = subprocess.run(
            [
                str(bindir / "psql"),
                "-h",
                str(SOCKET_DIR),
                "-U",
                DB_USER,
                "-d",
                "postgres",
                "-tAc",
                "SELECT 1 FROM pg_database WHERE datname = 'healthsite'",
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode == 0:
            break
        time.sleep(0.1)
    else:
        raise LocalDbError(f"PostgreSQL started but refuses connections: {_last_line(result)}")
    if result.stdout.strip() != "1":
        created = subprocess.run(
            [str(bindir / "createdb"), "-h", str(SOCKET_DIR), "-U", DB_USER, DB_NAME],
            capture_output=True,
            text=True,
        )
        if created.returncode != 0:
            raise LocalDbError(f"createdb failed: {_last_line(created)}")


def stop():
    bindir = find_bindir()
    if DATA.exists() and is_running(bindir):
        result = _run([str(bindir / "pg_ctl"), "stop", "--pgdata", str(DATA), "--mode", "fast"])
        if result.returncode != 0:
            raise LocalDbError(f"PostgreSQL did not stop: {_last_line(result)}")


def url():
    return f"postgres://{DB_USER}@{quote(str(SOCKET_DIR), safe='')}/{DB_NAME}"


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    try:
        if command == "start":
            start()
        elif command == "stop":
            stop()
        elif command == "status":
            running = DATA.exists() and is_running(find_bindir())
            print("running" if running else "stopped")
            return 0 if running else 3
        elif command == "url":
            print(url())
        else:
            print(__doc__.strip(), file=sys.stderr)
            return 2
    except LocalDbError as error:
        print(f"localdb: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
