"""Bloc scoring sheets in their real variety (issue 19, family 7): «TT | Đơn vị | Điểm tự chấm |
Điểm Khối chấm | Cộng | Trừ | Tổng | Xếp thứ», ranks written as words, ties (đồng hạng: two
units 3rd, the next 5th), abbreviated unit names, a signer's name under the unit column."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from etl.parse.blocs import rank_in_words
from tests.builders import write_rows
from tests.conftest import Importer

HEADER: list[object] = [
    "TT",
    "Đơn vị",
    "Điểm tự chấm",
    "Điểm Khối chấm",
    "Cộng",
    "Trừ",
    "Tổng",
    "Xếp thứ",
]


def _sheet(path: Path, ranks: list[object]) -> Path:
    scores = [  # unit as typed, self, bloc, bonus, penalty, total (= bloc + bonus − penalty)
        ("Sở Y tế", 99, 98, 1, 0.5, 98.5),
        ("Sở GD&ĐT", 97, 96, 1, 0, 97),
        ("Sở LĐ-TB&XH", 96, 95, 0, 0, 95),
        ("Sở Tư pháp", 95, 95, 0, 0, 95),
        ("Sở Tài chính", 94, 93, 0, 0, 93),
        ("Sở Nội vụ", 92, 91, 0, 1, 90),
    ]
    rows: list[list[object]] = [
        ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA KHỐI THI ĐUA SỐ 3 NĂM 2024"],
        [None],
        HEADER,
        *[[i, *score, rank] for i, (score, rank) in enumerate(zip(scores, ranks, strict=True), 1)],
        [None],
        [None, "KHỐI TRƯỞNG"],
        [None, "Nguyễn Văn Khối"],  # the signer, in the unit column: not a unit
    ]
    return write_rows(path, rows)


def test_ranks_in_words_with_a_tie_for_third(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    path = _sheet(tmp_path / "diem_khoi3.xlsx", ["Nhất", "Nhì", "Ba", "Đồng hạng Ba", "Năm", "6"])
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    assert report.rows == 6
    got = (
        snapshot()
        .execute("SELECT unit_name, total_score, rank FROM bloc_results ORDER BY rank, unit_name")
        .fetchall()
    )
    assert got == [
        ("Sở Y tế", 98.5, 1),
        ("Sở Giáo dục và Đào tạo", 97.0, 2),
        ("Sở Lao động - Thương binh và Xã hội", 95.0, 3),
        ("Sở Tư pháp", 95.0, 3),
        ("Sở Tài chính", 93.0, 5),
        ("Sở Nội vụ", 90.0, 6),
    ]


def test_a_tie_ranked_apart_is_refused_with_the_rank_the_totals_give(
    tmp_path: Path, import_into: Importer
) -> None:
    path = _sheet(tmp_path / "diem_sai.xlsx", ["Nhất", "Nhì", "Ba", "Tư", "Tư", "Sáu"])
    [report] = import_into(path)
    assert report.status == "refused"
    assert [str(p) for p in report.problems] == [
        "diem_sai.xlsx, dòng 7, cột H «Xếp thứ»: giá trị «4» — với tổng 95 điểm (cùng tổng điểm "
        "với 1 đơn vị khác, 2 đơn vị có tổng cao hơn) đơn vị này phải xếp thứ 3.",
        "diem_sai.xlsx, dòng 8, cột H «Xếp thứ»: giá trị «4» — với tổng 93 điểm (4 đơn vị có "
        "tổng cao hơn) đơn vị này phải xếp thứ 5.",
    ]


@pytest.mark.parametrize(
    ("typed", "rank"),
    [
        ("Nhất", 1), ("NHÌ", 2), ("Ba", 3), ("Tư", 4), ("Năm", 5), ("Sáu", 6), ("Bảy", 7),
        ("Hạng 3", 3), ("Thứ Ba", 3), ("III", 3), ("Đồng hạng Ba", 3), ("Xếp thứ 2", 2),
        ("Khá", None), ("", None),
    ],
)  # fmt: skip
def test_rank_words(typed: str, rank: int | None) -> None:
    assert rank_in_words(typed) == rank
