"""Drive the real dashboard in Debian's Chromium through Playwright (never `playwright install`)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from thidua.settings import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
READY = "[data-testid=stApp][data-test-script-state=notRunning]"


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(master: Path) -> Iterator[str]:
    """Run the dashboard as `make run` does (serve.py) on `master`; yields the base URL."""
    with serve_process(master) as (url, _):
        yield url


@contextlib.contextmanager
def serve_process(master: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The server and its process (the benchmarks read its memory)."""
    port = _free_port()
    env = {**os.environ, "THIDUA_DB": str(master)}
    process = subprocess.Popen(
        [sys.executable, "serve.py", "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            time.sleep(0.5)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextlib.contextmanager
def browser_page(width: int = 1600, height: int = 1000) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, locale="vi-VN")
            yield page
        finally:
            browser.close()


def settle(page: Any, timeout_ms: int = 60_000) -> None:
    """Wait until the script has finished and no skeleton placeholder is left."""
    page.wait_for_selector(READY, timeout=timeout_ms)
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=stSkeleton]').length === 0",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(800)  # let Plotly finish drawing
