"""Lighthouse's Accessibility, Best practices and SEO scores for the main page types, on a phone and a
desktop: `make audit`. Serves the demo site with Django's development server on loopback, runs Debian's
Chromium through the lighthouse CLI, prints a table and exits 1 when any score is below 100."""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
LIGHTHOUSE = str(ROOT / "var" / "node" / "node_modules" / ".bin" / "lighthouse")
CATEGORIES = ["accessibility", "best-practices", "seo"]
PAGES = {
    "home": "/",
    "A to Z": "/health-a-z/",
    "topic": "/topics/back-spine/",
    "article": "/health-a-z/muscle-spasm/",
    "checklist": "/checklists/muscle-spasm/",
}
# Headless Chromium as root on a machine with no network beyond loopback; the browser tests use these too.
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the site did not answer at {url}")


def scores(url, form_factor):
    command = [
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    report = json.loads(subprocess.run(command, capture_output=True, text=True, check=True, timeout=300).stdout)
    failed = [
        audit["id"]
        for category in CATEGORIES
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] and (audit := report["audits"][ref["id"]])["score"] is not None and audit["score"] < 1
    ]
    return {category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES}, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8890)
    port = parser.parse_args().port
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "WAGTAILADMIN_BASE_URL": base,
        "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
    }
    for command in (["load_demo_content"], ["sync_site_url"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    below = []
    try:
        wait_for(base + "/")
        print(f"{'page':<10} {'device':<8} " + " ".join(f"{category:>15}" for category in CATEGORIES))
        for name, path in PAGES.items():
            for form_factor in ("mobile", "desktop"):
                result, failed = scores(base + path, form_factor)
                print(f"{name:<10} {form_factor:<8} " + " ".join(f"{result[c]:>15}" for c in CATEGORIES), flush=True)
                if failed:
                    below.append(f"{name} ({form_factor}): {', '.join(failed)}")
    finally:
        server.terminate()
        server.wait()
    for line in below:
        print("below 100:", line)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
