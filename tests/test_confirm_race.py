"""Two sessions confirming at the same moment (issue 20): each file was checked against the
published snapshot before either wrote, so only the warehouse itself can stop the second —
the checksum of a file in force is a key of `active_files`, checked inside the write."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from etl.importer import import_files, inspect_file
from etl.inspection import Inspection
from etl.load import commit, undo_batch
from tests.accounts import ANALYST
from tests.conftest import SAMPLES, TRUTH
from thidua import db

FILE = "qd_bang_khen_2020.xlsx"


def _checked_twice(master: Path, path: Path) -> list[Inspection]:
    """The same file inspected by two sessions before either confirms."""
    con = db.open_snapshot(master) if db.snapshot_version(master) else None
    with db.writing(master) as writer:
        reader = con or writer
        return [inspect_file(reader, path), inspect_file(reader, path)]


def test_the_same_file_confirmed_twice_at_once_is_written_once(master: Path) -> None:
    first, second = _checked_twice(master, SAMPLES / FILE)
    assert first.duplicate_of is None and second.duplicate_of is None  # both saw nothing
    with db.writing(master) as con:
        reports = [commit(con, first, ANALYST), commit(con, second, ANALYST)]
    assert [r.status for r in reports] == ["imported", "duplicate"]
    assert "đã được nhập trước đây" in reports[1].message()
    snapshot = db.open_snapshot(master)
    assert snapshot.execute("SELECT count(*) FROM awards").fetchone() == (TRUTH[FILE]["awards"],)
    assert snapshot.execute("SELECT count(*) FROM import_batches").fetchone() == (1,)
    # Undone, the file may come in again.
    undo_batch(master, 1, ANALYST)
    [again] = _checked_twice(master, SAMPLES / FILE)[:1]
    with db.writing(master) as con:
        assert commit(con, again, ANALYST).status == "imported"


def test_two_corrections_of_one_decision_confirmed_at_once(master: Path, tmp_path: Path) -> None:
    """Both were checked as replacing batch #1; the first replaces it, the second is refused
    (it would have left the first correction's rows beside its own)."""
    [report] = import_files([SAMPLES / FILE], master, ANALYST)
    assert report.status == "imported"
    corrections = []
    for n in (1, 2):
        book = openpyxl.load_workbook(SAMPLES / FILE)
        sheet = book.active
        assert sheet is not None
        sheet["A1"] = f"{sheet['A1'].value} (bản sửa {n})"
        book.save(tmp_path / f"sua_{n}.xlsx")
        corrections.append(tmp_path / f"sua_{n}.xlsx")
    reader = db.open_snapshot(master)
    with db.writing(master) as con:
        checked = [inspect_file(reader, path) for path in corrections]
        assert [c.replaces for c in checked] == [1, 1]
        reports = [commit(con, c, ANALYST) for c in checked]
    assert [r.status for r in reports] == ["imported", "refused"]
    assert "lần nhập #1 mà tệp này sửa đã được thay thế" in reports[1].message()
    snapshot = db.open_snapshot(master)
    assert snapshot.execute("SELECT count(*) FROM awards").fetchone() == (TRUTH[FILE]["awards"],)
