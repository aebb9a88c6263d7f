"""Uploaded files wait for confirmation in their own browser session's folder, private to
the service, and are removed when done (issue 20: every session's files went to one folder
and none was ever deleted)."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from etl import upload


@pytest.fixture(autouse=True)
def uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "thidua-uploads"
    monkeypatch.setattr(upload, "UPLOAD_DIR", folder)
    return folder


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_each_session_has_its_own_private_folder(uploads: Path) -> None:
    mine = upload.save_upload("qd.xlsx", b"PK..", "phien-a")
    theirs = upload.save_upload("qd.xlsx", b"PK..", "phien-b")
    assert mine.parent != theirs.parent
    assert {mine.parent.parent, theirs.parent.parent} == {uploads}
    assert (_mode(uploads), _mode(mine.parent), _mode(mine)) == (0o700, 0o700, 0o600)
    assert mine.suffix == ".xlsx" and mine.name != "qd.xlsx"  # the sender's name is not used
    # A name that tries to leave the folder stays in it.
    assert upload.save_upload("x.csv", b"a;b", "../../etc").parent.parent == uploads


def test_files_are_removed_when_done_and_stale_folders_at_start(uploads: Path) -> None:
    kept = upload.save_upload("a.xlsx", b"1", "phien-a")
    done = upload.save_upload("b.xlsx", b"2", "phien-a")
    upload.discard([done])
    assert kept.exists() and not done.exists()
    upload.discard_session("phien-a")
    assert not kept.parent.exists()
    old = upload.save_upload("c.xlsx", b"3", "phien-cu")
    fresh = upload.save_upload("d.xlsx", b"4", "phien-moi")
    day_ago = time.time() - 24 * 3600
    os.utime(old, (day_ago, day_ago))
    assert upload.clear_stale_uploads() == 1
    assert not old.parent.exists() and fresh.exists()


def test_the_page_keeps_a_file_only_while_it_is_on_the_page(
    uploads: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Uploaded, the file waits in this session's folder; taken off the page it is deleted;
    confirmed, its copy is deleted too. The preview says what it recognised in the list."""
    from tests.conftest import SAMPLES
    from tests.test_upload_page import send, upload_page

    at = upload_page(tmp_path / "warehouse.duckdb", monkeypatch)
    send(at, SAMPLES / "qd_bang_khen_2020.xlsx")
    [waiting] = [f for folder in uploads.iterdir() for f in folder.iterdir()]
    assert _mode(waiting.parent) == 0o700
    assert any("nhận ra: chia mục" in c.value for c in at.caption), [c.value for c in at.caption]
    at.file_uploader[0].set_value([]).run()
    assert not waiting.exists()
    send(at, SAMPLES / "qd_bang_khen_2020.xlsx")
    [waiting] = [f for folder in uploads.iterdir() for f in folder.iterdir()]
    at.button(key="confirm").click().run()
    assert not at.exception and not waiting.exists()
