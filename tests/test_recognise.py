"""Recognise (issue 19, «rebuilt by stage»): one small recogniser per kind of table, the
highest score chosen with its reasons, and a tie asked about — never a silent pick."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from etl.cli import main
from etl.grid import Grid
from etl.recognise import recognise
from etl.recognise.headers import find_header
from tests.builders import write_rows


def _grid(rows: list[list[object]]) -> Grid:
    width = max(len(r) for r in rows)
    cells = pl.DataFrame(
        [[None if v is None else str(v) for v in r] + [None] * (width - len(r)) for r in rows],
        schema=[f"c{i}" for i in range(width)],
        orient="row",
    )
    return Grid("t.xlsx", "DS", cells, 1, 0)


@pytest.mark.parametrize(
    ("rows", "layout", "score", "reasons"),
    [
        (
            [["(Kèm theo Quyết định số 5/QĐ-UBND ngày 02/01/2024)"],
             ["STT", "Họ và tên", "Chức vụ", "Đơn vị"], [1, "An", "Giáo viên", "Sở Y tế"]],
            "awards", 10 + 2 + 2,
            "có cột «Họ và tên»; thêm «Chức vụ», «Đơn vị»; dòng «Kèm theo Quyết định số …» ở phần đầu",
        ),
        (
            [["TT", "Đơn vị", "Tổng", "Xếp thứ"], [1, "Sở Y tế", 95, 1]],
            "bloc_scores", 10 + 1, "có cột «Đơn vị», «Tổng», «Xếp thứ»; thêm «TT»",
        ),
        (
            [["Năm", "Khối/Cụm thi đua", "Đơn vị", "Vai trò"], [2024, "Khối 1", "Sở Y tế", "Khối trưởng"]],
            "memberships", 10 + 2, "có cột «Khối/Cụm thi đua», «Đơn vị»; thêm «Năm», «Vai trò»",
        ),
        (
            [["Số kế hoạch", "Tên phong trào", "Ngày bắt đầu", "Ngày kết thúc"],
             ["136/KH-UBND", "Thi đua đổi mới", "01/01/2024", "31/12/2024"]],
            "campaigns", 10 + 2, "có cột «Số kế hoạch», «Tên phong trào»; thêm «Ngày bắt đầu», «Ngày kết thúc»",
        ),
    ],
)  # fmt: skip
def test_each_kind_of_table_is_chosen_with_its_reasons(
    rows: list[list[object]], layout: str, score: int, reasons: str
) -> None:
    grid = _grid(rows)
    header = find_header(grid)
    assert header is not None
    choice = recognise(grid, header)
    assert choice.tied_with is None
    assert choice.chosen is not None
    assert (choice.chosen.layout, choice.chosen.score, choice.chosen.said()) == (
        layout,
        score,
        reasons,
    )


def test_a_sheet_two_kinds_claim_equally_is_asked_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A campaign's results: plan and campaign name beside units, totals and ranks. Scoring
    sheet or campaign list? Asked; and answered by leaving the plan columns out."""
    path = write_rows(
        tmp_path / "ket_qua_phong_trao.xlsx",
        [
            ["Số kế hoạch", "Tên phong trào", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            ["136/KH-UBND", "Thi đua đổi mới", "Sở Y tế", 95, 1],
        ],
    )
    master = tmp_path / "w.duckdb"
    assert main(["import", "--dry-run", str(path), "--db", str(master)]) == 1
    said = capsys.readouterr().out
    assert (
        "trang «Sheet1»: không rõ là bảng chấm điểm khối/cụm (có cột «Đơn vị», «Tổng điểm», "
        "«Xếp hạng») hay danh sách phong trào thi đua (có cột «Số kế hoạch», «Tên phong trào»)."
    ) in said
    answered = ["--column", "A=bỏ qua", "--column", "B=bỏ qua"]
    assert main(["import", "--dry-run", str(path), "--db", str(master), *answered]) == 1
    out = capsys.readouterr().out
    assert "không rõ là" not in out
    assert "bảng chấm điểm khối/cụm (có cột «Đơn vị», «Tổng điểm», «Xếp hạng»)" in out
