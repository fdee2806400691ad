"""Load generation with wrk, and the form posts it sends."""

import re
import subprocess
import urllib.request

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def settle(url, headers=()):
    """Wait until the server has worked through what the last run left queued: when wrk stops it
    drops its connections, but sync workers still answer every request already accepted, for
    seconds on a slow page, and the next run would begin by waiting for them."""
    request = urllib.request.Request(url, headers=dict(header.split(": ", 1) for header in headers))
    try:
        urllib.request.urlopen(request, timeout=120).read()
    except OSError:
        pass  # an error page is still an answer: the queue is empty


def wrk(url, duration, connections=32, threads=2, script=None, headers=()):
    """Drive one URL, starting from an idle server; req/s and p50/p99 latency in ms."""
    settle(url, headers)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        return round(float(match.group(1)) * UNITS[match.group(2)], 2) if match else None

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }
    page_cache = re.search(r"page-cache hits=(\d+) misses=(\d+)", output)
    if page_cache:  # counted by the script (bench/caching.py)
        hits, misses = int(page_cache.group(1)), int(page_cache.group(2))
        figures["hit_rate"] = round(hits / max(1, hits + misses), 4)
        figures["page_cache_misses"] = misses
    return figures


def milliseconds(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    return round(float(match.group(1)) * UNITS[match.group(2)], 2)
