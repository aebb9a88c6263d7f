"""Registers with subtotals (issue 19, family 3): «Cộng: 12» rows, often =SUM or =COUNTA,
«Tổng cộng» grand totals, STT written as formulas. Totals are checks on the rows counted by
hand here, never awards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import xlsxwriter

from tests.builders import REGISTER_HEADER
from tests.conftest import Importer
from tests.hostile_files import register_rows


def _register(path: Path, blocks: list[int], stated: list[object], total: object) -> Path:
    """Blocks of award rows, each closed by a «Cộng» row stating `stated[i]` (a formula with
    its cached value, as Excel saves it), then «Tổng cộng» stating `total`. STT is =A{n}+1."""
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Sổ")
    header = ["STT", *REGISTER_HEADER]
    sheet.write_row(0, 0, header)
    row, number = 1, 0
    for size, said in zip(blocks, stated, strict=True):
        first = row
        for award in register_rows(size, first=number + 1):
            number += 1
            if number == 1:
                sheet.write(row, 0, 1)
            else:
                sheet.write_formula(row, 0, f"=A{row}+1", None, number)
            sheet.write_row(row, 1, award)
            row += 1
        sheet.write(row, 0, "Cộng")
        if isinstance(said, int):
            sheet.write_formula(row, 5, f"=COUNTA(F{first + 1}:F{row})", None, said)
        elif said is not None:
            sheet.write(row, 5, said)
        row += 1
    sheet.write(row, 0, "Tổng cộng:")
    if total is not None:
        sheet.write_formula(row, 5, "=SUM(F2:F3)", None, total)
    sheet.write(row + 2, 7, "NGƯỜI LẬP BIỂU")
    book.close()
    return path


def test_subtotals_that_agree_are_checks_not_awards(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    # 5 awards (rows 2–6), «Cộng» row 7; 3 awards (rows 8–10), «Cộng» row 11; total row 12.
    path = _register(tmp_path / "so_co_dong_cong.xlsx", [5, 3], [5, 3], 8)
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    rows = [r[0] for r in snapshot().execute("SELECT source_row FROM awards ORDER BY 1").fetchall()]
    assert rows == [2, 3, 4, 5, 6, 8, 9, 10]


def test_a_subtotal_that_disagrees_is_refused_naming_both_numbers(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    path = _register(tmp_path / "so_cong_sai.xlsx", [5, 3], [5, 4], 9)
    [report] = import_into(path)
    assert report.status == "refused"
    said = [str(p) for p in report.problems]
    assert said == [
        "so_cong_sai.xlsx, dòng 11: dòng cộng ghi 4 nhưng có 3 dòng khen thưởng từ dòng 8 đến "
        "dòng 10. Hãy kiểm tra dòng thiếu, thừa hoặc số cộng.",
        "so_cong_sai.xlsx, dòng 12: dòng tổng cộng ghi 9 nhưng danh sách có 8 dòng khen thưởng. "
        "Hãy kiểm tra dòng thiếu, thừa hoặc số tổng.",
    ]


def test_a_total_of_money_is_not_a_count(tmp_path: Path, import_into: Importer) -> None:
    """«Cộng» over a column of bonus money states no number of people: nothing to check,
    and the row is still not an award."""
    path = _register(tmp_path / "so_cong_tien.xlsx", [2, 2], ["1.490.000 đ", None], None)
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    assert report.rows == 4
