"""A full disk while writing (issue 20): found before anything is begun when it can be, and
when the copy for the readers fails half-way no partial file is left, the readers keep the
snapshot they had, the analyst is told the truth, the trail records it, and the next write
publishes everything."""

from __future__ import annotations

import errno
import os
from collections import namedtuple
from pathlib import Path

import pytest

from etl.cli import main
from etl.importer import import_files
from tests.accounts import ANALYST
from tests.conftest import SAMPLES, TRUTH
from thidua import access_file, audit, db, settings

FIRST, SECOND = "qd_bang_khen_2020.xlsx", "so_khen_thuong_2021.csv"


def _awards(master: Path) -> int:
    row = db.open_snapshot(master).execute("SELECT count(*) FROM awards").fetchone()
    return int(row[0]) if row else -1


def _trail(master: Path) -> list[str]:
    return [e.action for e in audit.audit_log(access_file.access_path(master))]


def test_too_little_room_is_said_before_anything_is_written(
    master: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(db.shutil, "disk_usage", lambda _: usage(10**9, 10**9 - 2**20, 2**20))
    with pytest.raises(db.DiskFull, match="chỉ còn 1 MB trống; cần ít nhất 64 MB"):
        import_files([SAMPLES / FIRST], master, ANALYST)
    assert not master.exists() and db.snapshot_version(master) is None
    assert _trail(master)[:1] == ["write_refused"]
    # The command line says it in one sentence and exits 3, as for a busy warehouse.
    assert main(["import", str(SAMPLES / FIRST), "--db", str(master)]) == 3
    assert "Không có gì thay đổi" in capsys.readouterr().err


def test_a_copy_that_fails_half_way_leaves_the_readers_as_they_were(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_files([SAMPLES / FIRST], master, ANALYST)
    before = db.snapshot_version(master)
    copy = db._copy

    def disk_fills(source: int, target: int) -> None:
        os.write(target, os.pread(source, 2**16, 0))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(db, "_copy", disk_fills)
    [report] = import_files([SAMPLES / SECOND], master, ANALYST)
    assert report.status == "imported"  # in the master: said so, and what it means
    assert any(
        "chưa công bố được bản cho trang xem (No space left on device)" in w
        for w in report.warnings
    )
    assert db.snapshot_version(master) == before and _awards(master) == TRUTH[FIRST]["awards"]
    versions = sorted(master.parent.glob(f"{master.stem}.snapshot.*{master.suffix}"))
    assert [os.path.realpath(v) for v in versions] == [
        os.path.realpath(settings.snapshot_path(master))
    ]
    assert "publish_failed" in _trail(master)
    # Room again: the next write publishes both files.
    monkeypatch.setattr(db, "_copy", copy)
    [again] = import_files([SAMPLES / FIRST], master, ANALYST)  # nothing new in it
    assert again.status == "duplicate"
    assert _awards(master) == TRUTH[FIRST]["awards"] + TRUTH[SECOND]["awards"]
