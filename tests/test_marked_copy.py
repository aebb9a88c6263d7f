"""The marked copy of a refused file (issue 20): values from the file never become formulas."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from etl import upload
from etl.problems import Problem
from tests.conftest import SAMPLES


def test_the_marked_copys_list_of_problems_writes_no_formula(master: Path) -> None:
    """A value typed as «=HYPERLINK(…)» stays text in the «Lỗi» sheet (issue 20: write_row
    made it a live formula), neutralised as the exports are."""
    inspection = upload.inspect_upload(
        master, SAMPLES / "bad" / "unknown_form.xlsx", "unknown_form.xlsx"
    )
    typed = '=HYPERLINK("http://evil.example","bấm")'
    inspection.problems.append(Problem("unknown_form.xlsx", "-1+1", 4, "@A1", typed, "+SUM(1)"))
    book = openpyxl.load_workbook(io.BytesIO(upload.marked_copy(inspection)))
    last = list(book["Lỗi"].iter_rows(min_row=book["Lỗi"].max_row))[0]
    assert [c.value for c in last] == [4, "'@A1", "'" + typed, "'-1+1", "'+SUM(1)"]
    assert [c.data_type for c in last] == ["n", "s", "s", "s", "s"]
