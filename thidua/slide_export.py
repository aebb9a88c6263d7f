"""Every slide as a 1920×1080 PNG and the whole set as one PDF, rendered by Chromium
from the same HTML the screen shows — each slide complete, not a cut-off screenshot.

Chromium is the heaviest thing this server starts (a normal launch is ~10 processes and
hundreds of MB), and anyone who may export can click again: so one export runs at a time,
in one Chromium process (with its crash handlers: at most 3 processes), and a show already
exported is served again from memory instead of starting Chromium anew.

Memory is the other cost (`make bench load`: 16 exports left ~190 MB in the server), so
- Chromium is driven from a child process (`python -m thidua.slide_export FOLDER`), which
  writes the zip of PNGs and the PDF to a private folder: the driver's buffers, the
  screenshots and the allocator's leftovers end with it, and a hung Chromium is killed with
  it at RENDER_SECONDS;
- an export is kept once, as files in this process's private folder (at most KEPT exports,
  the oldest removed first): the page links to it and the server's own route (asgi.py,
  /xuat/…) sends the file. Streamlit's download buttons held the bytes in memory, a copy per
  session, let go only when another script ran after the session ended."""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import hashlib
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import zipfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from thidua.settings import CHROMIUM_FLAGS, PROJECT_ROOT, chromium

# Renderer, GPU and utility work in the browser process: 1 process, not ~10.
EXPORT_FLAGS = [*CHROMIUM_FLAGS, "--no-zygote", "--single-process", "--disable-crash-reporter"]
WAIT_SECONDS = 60  # a second export waits this long for the first, then is refused
RENDER_SECONDS = 120  # a show of 12 slides takes ~12 s; a child still at it then is killed
KEPT = 4  # exports kept on disk (a show of 12 slides: ~7,5 MB)
# The child and its Chromium yield the processor to the server's pages: an export may take
# a few seconds longer, a leader's chart must not (the load test: p95 of a page's answer).
NICENESS = 10
_PR_CAPBSET_DROP, _CAP_SYS_NICE = 24, 23  # <linux/prctl.h>, <linux/capability.h>
ARCHIVE, PDF, COUNT = "slides.zip", "show.pdf", "count.txt"  # what the child writes


@dataclass(frozen=True)
class Export:
    key: str  # the show's SHA-256: its address under /xuat/
    folder: Path  # holds ARCHIVE (one PNG a slide, in a zip) and PDF
    slides: int
    name: str  # the files' name without extension: «trinh_chieu_2025»
    scope: str | None  # whose figures the show holds: only an account of that scope gets it

    def file(self, kind: str) -> Path:
        return self.folder / (ARCHIVE if kind == "zip" else PDF)


_ONE_AT_A_TIME = threading.BoundedSemaphore(1)
_kept: OrderedDict[str, Export] = OrderedDict()
_folder: Path | None = None


def _exports_folder() -> Path:
    """This process's folder for exports (0700), removed when it exits."""
    global _folder
    if _folder is None or not _folder.is_dir():
        _folder = Path(tempfile.mkdtemp(prefix="thidua-exports-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


class ExportBusy(Exception):
    """Another export kept Chromium busy for longer than WAIT_SECONDS."""


class ExportFailed(Exception):
    """The rendering child failed or ran past RENDER_SECONDS (its message says which)."""


def export(show_html: str, name: str, scope: str | None, wait: float = WAIT_SECONDS) -> Export:
    key = hashlib.sha256(f"{scope}\n{show_html}".encode()).hexdigest()
    if (made := kept(key)) is not None:
        return made
    if not _ONE_AT_A_TIME.acquire(timeout=wait):
        raise ExportBusy
    try:
        if (made := kept(key)) is None:  # or made while this one waited
            folder = _exports_folder() / key
            shutil.rmtree(folder, ignore_errors=True)  # a failed try's leftovers
            folder.mkdir()
            try:
                slides = render(show_html, folder)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            made = Export(key, folder, slides, name, scope)
            _kept[key] = made
            while len(_kept) > KEPT:
                # A download still reading an old file keeps it open: removing is safe.
                shutil.rmtree(_kept.popitem(last=False)[1].folder, ignore_errors=True)
        return made
    finally:
        _ONE_AT_A_TIME.release()


def kept(key: str) -> Export | None:
    """An export still in memory (None once KEPT newer ones have pushed it out)."""
    return _kept.get(key)


def render(show_html: str, folder: Path) -> int:
    """The show's ARCHIVE and PDF written into `folder` by a child process; the number of
    slides."""
    (folder / "show.html").write_text(show_html, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "thidua.slide_export", str(folder)], cwd=PROJECT_ROOT,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _, errors = child.communicate(timeout=RENDER_SECONDS)
    except subprocess.TimeoutExpired:
        _kill_tree(child.pid)
        child.wait()
        raise ExportFailed(f"Chromium chưa dựng xong sau {RENDER_SECONDS} giây.") from None
    if child.returncode != 0:
        last = errors.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        raise ExportFailed(f"Chromium không dựng được bản xuất ({last[0][:300]}).")
    (folder / "show.html").unlink()
    return int((folder / COUNT).read_text())


def process_tree(root: int) -> set[int]:
    """`root` and every process under it, read from /proc."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError):  # ended meanwhile
                stat = Path(entry.path, "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, grown = {root}, True
    while grown:
        below = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= below
        grown = bool(below)
    return tree


def _kill_tree(root: int) -> None:
    """Kill a process and everything under it. Playwright starts Chromium in a process group
    of its own, so killing the child's group would leave the browser running."""
    tree = process_tree(root)
    for pid in tree:  # all found before any is killed: an orphan would move to init
        with contextlib.suppress(OSError):  # ended meanwhile
            os.kill(pid, signal.SIGKILL)


def render_here(show_html: str) -> tuple[list[bytes], bytes]:
    """Each slide as a PNG screenshot and the whole show as a PDF (in the child)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=EXPORT_FLAGS)
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


def _yield_processor() -> None:
    """Lower this child's priority for good, Chromium's included: Chromium sets its threads'
    niceness itself (0, and -8 for drawing), which a server running as root would let it
    do — so the right to raise a priority (CAP_SYS_NICE) is dropped from what the programs
    it starts can ever hold. Without that right (any other user) the drop is refused, and
    not needed."""
    os.nice(NICENESS)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_CAPBSET_DROP, _CAP_SYS_NICE, 0, 0, 0)


def _child(folder: str) -> None:
    _yield_processor()  # before Chromium starts: it inherits both
    work = Path(folder)
    pngs, pdf = render_here((work / "show.html").read_text(encoding="utf-8"))
    (work / ARCHIVE).write_bytes(zip_pngs(pngs))
    (work / PDF).write_bytes(pdf)
    (work / COUNT).write_text(str(len(pngs)))


if __name__ == "__main__":
    _child(sys.argv[1])
