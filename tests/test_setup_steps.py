"""scripts/step.sh: the quiet setup steps of `make run` and `make test`."""

import os
import subprocess
from pathlib import Path

STEP = Path(__file__).resolve().parents[1] / "scripts" / "step.sh"


def step(cwd, script, **env):
    """Run one step whose command is a small shell script, in cwd, as the Makefile does."""
    return subprocess.run(
        ["sh", str(STEP), "example", "Setting up the example", "sh", "-c", script],
        cwd=cwd,
        env={**os.environ, "VERBOSE": "0", **env},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_a_step_that_succeeds_prints_one_line_and_keeps_its_output(tmp_path):
    """A newcomer sees what was set up, not the tool's chatter, which stays in var/log/."""
    result = step(tmp_path, "echo 'Applying wagtailcore.0001_initial... OK'")
    assert result.returncode == 0
    assert result.stdout == "  Setting up the example ... done\n"
    assert "Applying" in (tmp_path / "var" / "log" / "example.log").read_text()


def test_a_step_that_fails_shows_its_log_and_its_exit_status(tmp_path):
    """On failure the reader gets the tool's own error without having to open the log."""
    result = step(tmp_path, "echo 'progress'; echo 'error: no such package' >&2; exit 3")
    assert result.returncode == 3
    assert "FAILED (exit status 3)" in result.stdout
    assert "progress" in result.stdout
    assert "error: no such package" in result.stdout
    assert "VERBOSE=1" in result.stdout


def test_a_long_failing_log_shows_its_end(tmp_path):
    """pip and migrate say why they failed at the end; the last lines are shown, and where the rest is."""
    result = step(tmp_path, "seq 1 1000; echo 'the reason'; exit 1")
    shown = result.stdout.splitlines()
    assert "the reason" in shown
    assert "1000" in shown
    assert "1" not in shown
    assert "var/log/example.log" in result.stdout


def test_verbose_shows_the_output_as_it_happens(tmp_path):
    """VERBOSE=1 is the way to watch a slow or odd step."""
    result = step(tmp_path, "echo 'Applying wagtailcore.0001_initial... OK'", VERBOSE="1")
    assert result.returncode == 0
    assert "Applying wagtailcore.0001_initial... OK" in result.stdout
