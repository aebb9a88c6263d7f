"""Sentences shown to analysts format their numbers, not the whole sentence (issue 21, 11):
replacing every «,» with «.» turned «DS khen, đợt 2.xlsx» into «DS khen. đợt 2.xlsx»."""

from __future__ import annotations

import shutil
from pathlib import Path

from etl.load import Report, undo_batch
from tests.accounts import OPERATOR
from tests.conftest import SAMPLES, TRUTH, Importer
from thidua import db

NAME = "DS khen, đợt 2.xlsx"  # a comma in a file name, as offices name them


def test_a_file_name_with_a_comma_is_kept_in_the_import_and_undo_sentences(
    tmp_path: Path, master: Path, import_into: Importer
) -> None:
    named = tmp_path / NAME
    shutil.copy(SAMPLES / "so_khen_thuong_2019.xlsx", named)
    [report] = import_into(named)
    rows = TRUTH["so_khen_thuong_2019.xlsx"]["awards"]  # 300
    assert report.message().startswith(f"{NAME}: đã nhập {rows} dòng (")
    with db.open_snapshot(master) as con:
        [(batch,)] = con.execute("SELECT batch_id FROM import_batches").fetchall()
    assert (
        undo_batch(master, batch, OPERATOR) == f"Đã hủy lần nhập #{batch} ({NAME}): gỡ {rows} dòng."
    )


def test_thousands_are_grouped_with_a_dot_and_nothing_else_changes() -> None:
    report = Report(file=NAME, status="imported", layout="awards", rows=12345)
    assert report.message().startswith(f"{NAME}: đã nhập 12.345 dòng (")
