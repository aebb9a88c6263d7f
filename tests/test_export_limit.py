"""Slide export starts Chromium on the server (issue 20: three quick clicks started 27
Chromium processes, ~3 GB): one export at a time, in one Chromium process, a show already
exported served from memory, and no export for the anonymous public screen."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest

from demo_province import DemoProvince
from tests.test_pages import open_page
from thidua import access, slide_export


def _chromium_processes() -> int:
    listed = subprocess.run(["ps", "-eo", "stat=,comm="], capture_output=True, text=True)
    return sum(
        1
        for line in listed.stdout.splitlines()
        if "chrom" in line and not line.startswith("Z")  # a zombie holds no memory
    )


def _show(title: str) -> str:
    return (
        "<html><body><div class='slide'>" + title + "</div><script>let paused = false;"
        "let timer = 0; function show(i) {}</script></body></html>"
    )


@pytest.mark.browser
def test_concurrent_exports_run_one_at_a_time_in_few_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(slide_export, "_kept", type(slide_export._kept)())
    before = _chromium_processes()
    seen: list[int] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            seen.append(_chromium_processes() - before)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    results: list[int] = []
    clicks = [threading.Thread(target=lambda t=t: results.append(len(slide_export.export(_show(t))[0]))) for t in ("A", "B", "C")]  # fmt: skip
    for click in clicks:
        click.start()
    for click in clicks:
        click.join()
    done.set()
    sampler.join()
    assert results == [1, 1, 1]
    assert max(seen) <= 4 and max(seen) >= 1  # Chromium did run, never more than 4 at once


def test_a_show_already_exported_does_not_start_chromium_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(slide_export, "_kept", type(slide_export._kept)())
    launched: list[str] = []

    def render(show: str) -> tuple[list[bytes], bytes]:
        launched.append(show)
        return [b"png"], b"pdf"

    monkeypatch.setattr(slide_export, "render", render)
    for _ in range(3):
        assert slide_export.export(_show("A")) == ([b"png"], b"pdf")
    assert launched == [_show("A")]
    # A second export waiting longer than allowed for a busy Chromium is refused.
    assert slide_export._ONE_AT_A_TIME.acquire(timeout=1)
    try:
        with pytest.raises(slide_export.ExportBusy):
            slide_export.export(_show("B"), wait=0.1)
    finally:
        slide_export._ONE_AT_A_TIME.release()


def test_the_public_screen_has_no_export_button(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, _ = demo
    at = open_page(master, "pages/slideshow.py", monkeypatch, access.ANONYMOUS)
    assert not [b for b in at.button if b.key == "export"]
    assert "Xuất ảnh và PDF dành cho tài khoản đã đăng nhập." in [c.value for c in at.caption]
    at = open_page(master, "pages/slideshow.py", monkeypatch)  # a signed-in viewer
    assert [b.key for b in at.button if b.key == "export"] == ["export"]
