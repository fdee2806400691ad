"""Stock WordPress on this machine, for the ratios (../shared/bench/wordpress.sh)."""

import os
import subprocess
from pathlib import Path

from common import OUT, ROOT
from load import milliseconds

WORDPRESS = ROOT.parent / "shared" / "bench" / "wordpress.sh"


def run_wordpress():
    """Stock WordPress on this machine, through the shared script. Debian's wordpress package only
    recommends a theme, and without one every page is empty: install the default theme first."""
    theme = Path("/usr/share/wordpress/wp-content/themes/twentytwentythree")
    if not theme.exists() and os.geteuid() == 0:
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wordpress-theme-twentytwentythree"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            capture_output=True,
        )
    result = subprocess.run(["bash", str(WORDPRESS), "--comments", "50"], capture_output=True, text=True)
    (OUT / "wordpress.txt").write_text(result.stdout + result.stderr)
    figures = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in {"wordpress", "wordpress-c1"} and len(parts) >= 5:
            figures[parts[0]] = {
                "rps": float(parts[2]),
                "p50_ms": milliseconds(parts[3]),
                "p99_ms": milliseconds(parts[4]),
            }
        elif parts and parts[0] == "wordpress-sql":
            fields = dict(part.split("=", 1) for part in parts[1:])
            figures["queries"] = int(fields["queries/request"])
            figures["html_bytes"] = int(fields["html_bytes"])
    if not figures:
        figures["error"] = (result.stderr.strip().splitlines() or ["no output"])[-1]
    return figures
