"""scripts/supervise.sh, which keeps the task worker running under `make serve`."""

import signal
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_command_that_exits_is_started_again_and_stopped_with_the_supervisor(tmp_path):
    """An exiting command runs again; stopping the supervisor stops the command it is running."""
    runs = tmp_path / "runs"
    script = f"echo run >> {runs}; [ $(wc -l < {runs}) -ge 2 ] && exec sleep 300; exit 1"
    supervisor = subprocess.Popen(["scripts/supervise.sh", "sh", "-c", script], cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not (runs.exists() and runs.read_text().count("run") >= 2):
        time.sleep(0.1)
    assert runs.read_text().count("run") == 2
    sleeper = subprocess.run(["pgrep", "-P", str(supervisor.pid)], capture_output=True, text=True).stdout.split()
    assert sleeper
    supervisor.send_signal(signal.SIGTERM)
    assert supervisor.wait(timeout=10) == 0
    assert b"exited with status 1" in supervisor.stderr.read()
    assert subprocess.run(["kill", "-0", sleeper[0]], capture_output=True).returncode != 0
