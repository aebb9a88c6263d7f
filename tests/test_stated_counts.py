"""The counts a list states about itself (issue 19, «never a silent wrong figure»): the STT
sequence and the count a section's title gives are checked against the rows read, and a
list that disagrees is refused naming both numbers. Rows and counts worked out by hand from
the layouts below (the title block is rows 1–7, the header row 8)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from tests.builders import write_rows
from tests.conftest import Importer
from tests.test_layouts import HEADING

PEOPLE = [
    ("Nguyễn Văn An", "Phó Giám đốc", "Sở Y tế"),
    ("Trần Thị Bình", "Điều dưỡng", "Sở Y tế"),
    ("Lê Văn Cường", "Chuyên viên", "Sở Tài chính"),
    ("Phạm Thị Dung", "Giáo viên", "Sở Giáo dục và Đào tạo"),
    ("Võ Văn Em", "Trưởng phòng", "Sở Tài chính"),
    ("Đỗ Thị Gấm", "Kế toán", "Sở Y tế"),
]


def _list(path: Path, body: list[list[object]]) -> Path:
    """The usual title block (award in the title), the header on row 8, then `body` from
    row 9, then a blank row and the signer."""
    rows: list[list[object]] = [
        *HEADING[:4],
        ["TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
        *HEADING[5:],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        *body,
        [None],
        [None, None, None, "KT. CHỦ TỊCH"],
    ]
    return write_rows(path, rows)


def _people(numbers: list[object], start: int = 0) -> list[list[object]]:
    return [[n, *PEOPLE[start + i]] for i, n in enumerate(numbers)]


def _said(report: object) -> list[str]:
    return [str(p) for p in report.problems]  # type: ignore[attr-defined]


def test_a_gap_in_the_stt_is_refused_naming_both_numbers(
    tmp_path: Path, import_into: Importer
) -> None:
    # Row 9 «I. CÁ NHÂN», rows 10–13 numbered 1, 2, 3, 5: number 4 is missing.
    path = _list(tmp_path / "qd_thieu_stt.xlsx", [["I", "CÁ NHÂN"], *_people([1, 2, 3, 5])])
    [report] = import_into(path)
    assert report.status == "refused"
    assert _said(report) == [
        "qd_thieu_stt.xlsx, dòng 13, cột A «STT»: giá trị «5» — số thứ tự nhảy từ 3 (dòng 12) "
        "lên 5: thiếu 1 số — có thể một dòng đã bị xóa. Hãy đối chiếu với bản gốc; nếu chỉ STT "
        "đánh sai, hãy đánh lại STT (hoặc chọn «bỏ qua» cho cột STT) rồi gửi lại."
    ]


def test_a_repeated_or_backward_stt_is_refused(tmp_path: Path, import_into: Importer) -> None:
    # Rows 10–15 numbered 1, 2, 2, 3, 4, 2: row 12 repeats 2 (row 11), row 15 steps back.
    path = _list(tmp_path / "qd_lap_stt.xlsx", [["I", "CÁ NHÂN"], *_people([1, 2, 2, 3, 4, 2])])
    [report] = import_into(path)
    assert report.status == "refused"
    said = _said(report)
    assert [p.row for p in report.problems] == [12, 15]
    assert "số thứ tự 2 lặp lại số của dòng 11" in said[0]
    assert "số thứ tự lùi từ 4 (dòng 14) về 2" in said[1]


def test_stt_restarting_per_section_and_unit_heading_is_one_list(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    """Numbering starts again under each section and unit heading, carries on across
    them in other lists, and «1.1» / «5.» are how some offices type it: all imported."""
    body: list[list[object]] = [
        ["I", "CÁ NHÂN"],  # row 9
        ["1.", "Sở Y tế"],  # row 10: a unit heading
        [1, "Nguyễn Văn An", "Phó Giám đốc"],  # 11
        [2, "Trần Thị Bình", "Điều dưỡng"],  # 12
        ["2.", "Sở Tài chính"],  # 13: numbering starts again under it
        [1, "Lê Văn Cường", "Chuyên viên"],  # 14
        ["2.", "Võ Văn Em", "Trưởng phòng"],  # 15: «2.» is 2
        ["II", "TẬP THỂ"],  # 16: numbering carries on across the section
        [3, "Phòng Kế hoạch", None, "Sở Y tế"],  # 17
        ["3.1", "Tổ Điều dưỡng", None, "Sở Y tế"],  # 18: not part of the sequence
        [4, "Phòng Ngân sách", None, "Sở Tài chính"],  # 19
    ]
    [report] = import_into(_list(tmp_path / "qd_stt_theo_muc.xlsx", body))
    assert report.status == "imported", report.message()
    rows = snapshot().execute("SELECT source_row, recipient_kind FROM awards ORDER BY 1").fetchall()
    assert rows == [
        (11, "individual"),
        (12, "individual"),
        (14, "individual"),
        (15, "individual"),
        (17, "collective"),
        (18, "collective"),
        (19, "collective"),
    ]


def test_a_section_title_stating_its_count_is_checked(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    """«A./B.» over «1./2.»: each title's count covers the rows up to the next section of
    its own kind or above — A: rows 10–11 (2), B: rows 13–18 less the sub-titles (4),
    B.1: rows 14–15 (2), B.2: rows 17–18 (2)."""
    body: list[list[object]] = [
        ["A", "TẬP THỂ (02 tập thể)"],  # 9
        [1, "Phòng Kế hoạch", None, "Sở Y tế"],  # 10
        [2, "Phòng Ngân sách", None, "Sở Tài chính"],  # 11
        ["B", "CÁ NHÂN (gồm 4 người)"],  # 12
        ["1", "Danh hiệu Chiến sĩ thi đua cơ sở: 2 người"],  # 13
        *_people([1, 2], start=0),  # 14, 15
        ["2", "Danh hiệu Lao động tiên tiến (2 người)"],  # 16
        *_people([1, 2], start=2),  # 17, 18
    ]
    [report] = import_into(_list(tmp_path / "qd_muc_co_so.xlsx", body))
    assert report.status == "imported", report.message()
    kinds = (
        snapshot()
        .execute("SELECT recipient_kind, count(*) FROM awards GROUP BY 1 ORDER BY 1")
        .fetchall()
    )
    assert kinds == [("collective", 2), ("individual", 4)]
    forms = (
        snapshot()
        .execute("SELECT form_code, count(*) FROM awards GROUP BY 1 ORDER BY 1")
        .fetchall()
    )
    assert forms == [("BK_TINH", 2), ("CSTD_CS", 2), ("LDTT", 2)]


def test_a_section_count_that_disagrees_is_refused_naming_both_numbers(
    tmp_path: Path, import_into: Importer
) -> None:
    # «II. CÁ NHÂN (04 người)» on row 12 over three people, rows 13–15.
    body: list[list[object]] = [
        ["I", "TẬP THỂ (2)"],  # 9
        [1, "Phòng Kế hoạch", None, "Sở Y tế"],  # 10
        [2, "Phòng Ngân sách", None, "Sở Tài chính"],  # 11
        ["II", "CÁ NHÂN (04 người)"],  # 12
        *_people([1, 2, 3]),  # 13–15
    ]
    [report] = import_into(_list(tmp_path / "qd_muc_sai_so.xlsx", body))
    assert report.status == "refused"
    assert _said(report) == [
        "qd_muc_sai_so.xlsx, dòng 12: giá trị «II CÁ NHÂN (04 người)» — tên mục ghi 4 nhưng dưới "
        "mục có 3 dòng khen thưởng từ dòng 13 đến dòng 15. Hãy kiểm tra dòng thiếu, thừa hoặc số "
        "ghi ở tên mục."
    ]


def test_a_number_in_an_award_name_is_not_a_count(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    body: list[list[object]] = [
        ["I", "CÁ NHÂN ĐÃ CÓ THÀNH TÍCH XUẤT SẮC 02 NĂM LIÊN TỤC (2023 - 2024)"],  # 9
        *_people([1, 2, 3]),
    ]
    [report] = import_into(_list(tmp_path / "qd_hai_nam.xlsx", body))
    assert report.status == "imported", report.message()
    assert snapshot().execute("SELECT count(*) FROM awards").fetchone() == (3,)
