"""Every slide as a 1920×1080 PNG and the whole set as one PDF, rendered by Chromium
from the same HTML the screen shows — each slide complete, not a cut-off screenshot."""

from __future__ import annotations

import io
import zipfile

from thidua.settings import CHROMIUM, CHROMIUM_FLAGS


def export(show_html: str) -> tuple[list[bytes], bytes]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
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
