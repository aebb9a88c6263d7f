"""Every slide as a 1920×1080 PNG and the whole set as one PDF, rendered by Chromium
from the same HTML the screen shows — each slide complete, not a cut-off screenshot.

Chromium is the heaviest thing this server starts (a normal launch is ~10 processes and
hundreds of MB), and anyone who may export can click again: so one export runs at a time,
in one Chromium process (with its crash handlers: at most 3 processes), and a show already
exported is served again from memory instead of starting Chromium anew."""

from __future__ import annotations

import hashlib
import io
import threading
import zipfile
from collections import OrderedDict

from thidua.settings import CHROMIUM, CHROMIUM_FLAGS

# Renderer, GPU and utility work in the browser process: 1 process, not ~10.
EXPORT_FLAGS = [*CHROMIUM_FLAGS, "--no-zygote", "--single-process", "--disable-crash-reporter"]
WAIT_SECONDS = 60  # a second export waits this long for the first, then is refused
KEPT = 4  # exports kept in memory (a show of ~10 slides: ~3 MB)

_ONE_AT_A_TIME = threading.BoundedSemaphore(1)
_kept: OrderedDict[str, tuple[list[bytes], bytes]] = OrderedDict()


class ExportBusy(Exception):
    """Another export kept Chromium busy for longer than WAIT_SECONDS."""


def export(show_html: str, wait: float = WAIT_SECONDS) -> tuple[list[bytes], bytes]:
    key = hashlib.sha256(show_html.encode()).hexdigest()
    if key in _kept:
        return _kept[key]
    if not _ONE_AT_A_TIME.acquire(timeout=wait):
        raise ExportBusy
    try:
        if key not in _kept:  # made while this one waited
            _kept[key] = render(show_html)
            while len(_kept) > KEPT:
                _kept.popitem(last=False)
        return _kept[key]
    finally:
        _ONE_AT_A_TIME.release()


def render(show_html: str) -> tuple[list[bytes], bytes]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=EXPORT_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.set_content(show_html, wait_until="load")
            page.evaluate("() => { paused = true; clearInterval(timer); }")
            pngs = []
            for i in range(page.locator(".slide").count()):
                page.evaluate(f"() => show({i})")
                pngs.append(page.screenshot(type="png"))
            page.emulate_media(media="print")
            pdf = page.pdf(width="1920px", height="1080px", print_background=True)
        finally:
            browser.close()
    return pngs, pdf


def zip_pngs(pngs: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for i, png in enumerate(pngs, start=1):
            archive.writestr(f"trinh_chieu_{i:02d}.png", png)
    return buffer.getvalue()
