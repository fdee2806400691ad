"""The servers the benchmark drives, each on a free loopback port: gunicorn as `make serve` runs
it, Varnish in front of it, nginx serving a static file for comparison, and Redis as the shared
cache of a site with several workers."""

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import OUT, PYTHON, ROOT

GUNICORN = str(Path(PYTHON).parent / "gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn as `make serve` runs it, on a free loopback port."""

    def __init__(self, env, app="healthsite.wsgi", workers=2):
        self.port = free_port()
        self.process = subprocess.Popen(
            [GUNICORN, app, "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), "--chdir", str(ROOT)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/robots.txt" if app == "healthsite.wsgi" else self.url, timeout=2)
                return
            except OSError:  # not up yet (URLError and timeouts are OSErrors)
                time.sleep(0.3)
        raise RuntimeError("the server did not start")

    def peak_rss_mb(self):
        """Peak resident memory of each worker (VmHWM), in MB."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        peaks = []
        for pid in children:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(round(int(line.split()[1]) / 1024, 1))
        return peaks

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class Redis:
    """redis-server on a Unix socket under var/bench, configured as docs/operations.md says
    (bounded, evicting only what expires), with nothing saved to disk; yields its REDIS_URL."""

    def __enter__(self):
        self.socket = OUT / "redis.sock"
        self.socket.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            ["redis-server", "--port", "0", "--unixsocket", str(self.socket), "--save", "", "--appendonly", "no"]
            + ["--maxmemory", "1gb", "--maxmemory-policy", "volatile-lru"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while not self.socket.exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)
        return f"unix://{self.socket}"

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
