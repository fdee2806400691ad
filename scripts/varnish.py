"""Run Varnish in the foreground in front of the site: `python scripts/varnish.py LISTEN_PORT BACKEND_PORT`.

Writes backend.vcl (the one machine-specific part of deploy/varnish/default.vcl) into var/varnish/
and replaces this process with varnishd, so stopping it stops Varnish.
"""

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL_DIR = ROOT / "deploy" / "varnish"
MEMORY = "256m"  # what Varnish may keep, least recently used out first


def command(listen_port, backend_port, workdir):
    """The varnishd command line; writes `workdir`/backend.vcl first."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "backend.vcl").write_text(
        f'backend default {{\n    .host = "127.0.0.1";\n    .port = "{backend_port}";\n}}\n'
    )
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    return [
        varnishd,
        "-F",
        "-j",
        "none",  # no privilege drop: the working directory is the user's own
        "-n",
        str(workdir / "instance"),
        "-a",
        f"127.0.0.1:{listen_port}",
        "-p",
        f"vcl_path={workdir}:{VCL_DIR}",
        "-f",
        "default.vcl",
        "-s",
        f"malloc,{MEMORY}",
    ]


if __name__ == "__main__":
    listen, backend = sys.argv[1:3]
    argv = command(listen, backend, ROOT / "var" / "varnish" / f"port-{listen}")
    os.execv(argv[0], argv)  # noqa: S606 - varnishd from the machine, arguments built above
