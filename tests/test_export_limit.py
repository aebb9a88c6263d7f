"""Slide export starts Chromium on the server (issue 20: three quick clicks started 27
Chromium processes, ~3 GB): one export at a time, in one Chromium process, a show already
exported served from memory, and no export for the anonymous public screen; Chromium runs
at a lower priority than the pages."""

from __future__ import annotations

import hashlib
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from demo_province import DemoProvince
from tests.test_pages import open_page
from thidua import access, slide_export


def _chromium() -> dict[int, int]:
    """Each live Chromium process this test process started (through Playwright's driver):
    pid → niceness. Not the machine's: another browser test running beside this one (a
    developer's, another job's) counted 14."""
    listed = subprocess.run(
        ["ps", "-eo", "stat=,pid=,ppid=,ni=,comm="], capture_output=True, text=True
    )
    rows = [line.split() for line in listed.stdout.splitlines()]
    parent = {int(r[1]): int(r[2]) for r in rows}

    def ours(pid: int) -> bool:
        while pid > 1:
            if pid == os.getpid():
                return True
            pid = parent.get(pid, 0)
        return False

    return {
        int(r[1]): int(r[3])
        for r in rows
        if "chrom" in r[4]
        and not r[0].startswith("Z")
        and ours(int(r[1]))  # a zombie holds no memory
    }


def _chromium_processes() -> int:
    return len(_chromium())


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
    already = _chromium()
    before = len(already)
    seen: list[int] = []
    niceness: set[int] = set()
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            running = _chromium()
            seen.append(len(running) - before)
            niceness.update(ni for pid, ni in running.items() if pid not in already)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    results: list[int] = []
    clicks = [threading.Thread(target=lambda t=t: results.append(slide_export.export(_show(t), t, "*").slides)) for t in ("A", "B", "C")]  # fmt: skip
    for click in clicks:
        click.start()
    for click in clicks:
        click.join()
    done.set()
    sampler.join()
    assert results == [1, 1, 1]
    assert max(seen) <= 4 and max(seen) >= 1  # Chromium did run, never more than 4 at once
    # and gave the processor to the server's pages first (Chromium may lower its own
    # threads' priority further, never raise it)
    assert niceness and min(niceness) >= slide_export.NICENESS


def test_a_show_already_exported_does_not_start_chromium_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(slide_export, "_kept", type(slide_export._kept)())
    monkeypatch.setattr(slide_export, "_folder", tmp_path)
    launched: list[str] = []

    def render(show: str, folder: Path) -> int:
        launched.append(show)
        (folder / slide_export.PDF).write_bytes(b"pdf")
        return 1

    monkeypatch.setattr(slide_export, "render", render)
    for _ in range(3):
        made = slide_export.export(_show("A"), "trinh_chieu_2025", "*")
        assert (made.file("pdf").read_bytes(), made.slides) == (b"pdf", 1)
        assert made.name == "trinh_chieu_2025"
    assert launched == [_show("A")]
    # The same show for another scope is another export (and another key).
    other = slide_export.export(_show("A"), "trinh_chieu_2025", "Sở Y tế")
    assert other.key != made.key and len(launched) == 2
    # Four exports are kept on disk: a fifth and sixth remove the oldest two, files and all.
    for title in ("C", "D", "E", "F"):
        slide_export.export(_show(title), title, "*")
    assert slide_export.kept(made.key) is None and not made.folder.exists()
    assert slide_export.kept(other.key) is None and not other.folder.exists()
    assert len(list(tmp_path.iterdir())) == slide_export.KEPT
    # A second export waiting longer than allowed for a busy Chromium is refused.
    assert slide_export._ONE_AT_A_TIME.acquire(timeout=1)
    try:
        with pytest.raises(slide_export.ExportBusy):
            slide_export.export(_show("B"), "b", "*", wait=0.1)
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


@pytest.mark.browser
def test_an_export_is_sent_by_the_server_to_its_scope_only(
    demo: tuple[Path, DemoProvince],
) -> None:
    """The page links to the export; the server's route sends it to a signed-in account of
    the scope it was made for — not to a signed-out request, not to another unit."""
    import io
    import re
    import struct
    import zipfile

    from tests.browser import browser_page, ensure_accounts, goto, serve

    master, _ = demo
    ensure_accounts(master, xuatyte="Sở Y tế")
    with serve(master) as url, browser_page(1366, 900) as page:
        goto(page, f"{url}/trinh-chieu?nam=2025&bo=headline,non_leader", "lanhdao")
        page.get_by_role("button", name="Tạo ảnh PNG (1920×1080) và tệp PDF").click()
        pdf_link = page.locator("[data-testid=stLinkButton] a", has_text="Tải PDF")
        pdf_link.wait_for(timeout=120_000)
        href = pdf_link.get_attribute("href") or ""
        assert re.fullmatch(r"/xuat/[0-9a-f]{64}\.pdf", href), href
        zip_link = page.locator("[data-testid=stLinkButton] a", has_text="ảnh PNG (.zip)")
        assert zip_link.inner_text().strip().endswith("Tải 2 ảnh PNG (.zip)")

        pdf = page.context.request.get(url + href)  # with the browser's HttpOnly cookie
        assert pdf.status == 200
        assert pdf.headers["content-disposition"] == 'attachment; filename="trinh_chieu_2025.pdf"'
        assert pdf.body()[:5] == b"%PDF-"
        assert (
            len(re.findall(rb"/Type\s*/Page[^s]", pdf.body())) == 2
        )  # headline + the non-leader share
        archive = page.context.request.get(url + href.replace(".pdf", ".zip"))
        with zipfile.ZipFile(io.BytesIO(archive.body())) as pngs:
            names = sorted(pngs.namelist())
            assert names == ["trinh_chieu_01.png", "trinh_chieu_02.png"]
            assert struct.unpack(">II", pngs.read(names[0])[16:24]) == (1920, 1080)

        page.context.clear_cookies()
        assert page.context.request.get(url + href).status == 403  # signed out
        goto(page, f"{url}/trinh-chieu", "xuatyte")  # another scope: not its export
        refused = page.context.request.get(url + href)
        assert refused.status == 404
        assert "Tạo ảnh PNG" in refused.text()


@pytest.mark.browser
def test_a_hung_chromium_is_killed_with_its_child_at_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A show whose page never finishes loading: the export is refused in words after
    RENDER_SECONDS and no Chromium is left running."""
    monkeypatch.setattr(slide_export, "_kept", type(slide_export._kept)())
    monkeypatch.setattr(slide_export, "RENDER_SECONDS", 8)
    before = _chromium_processes()
    hung = "<html><body><div class='slide'>x</div><script>while (true) {}</script></body></html>"
    started = time.monotonic()
    with pytest.raises(slide_export.ExportFailed, match="chưa dựng xong sau 8 giây"):
        slide_export.export(hung, "treo", "*")
    assert time.monotonic() - started < 30
    time.sleep(1)
    assert _chromium_processes() <= before
    assert slide_export.kept(hashlib.sha256(b"*\n" + hung.encode()).hexdigest()) is None


def test_a_chromium_that_cannot_start_is_said_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slide_export, "_kept", type(slide_export._kept)())
    monkeypatch.setenv("THIDUA_CHROMIUM", "/khong/co/chromium")
    with pytest.raises(slide_export.ExportFailed, match="Chromium không dựng được bản xuất"):
        slide_export.export(_show("A"), "a", "*")
