"""Department lists (issue 19, family 9): a section per title (LĐTT, CSTĐCS, TTLĐTT, typed in
full or abbreviated), one person holding two titles in one list, the signature «GIÁM ĐỐC»
typed under the unit column, a January decision counted in its own year (family 10)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb

from tests.builders import write_rows
from tests.conftest import Importer


def test_a_department_list_with_a_section_per_title(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    rows: list[list[object]] = [
        ["SỞ Y TẾ KIÊN GIANG", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        ["DANH SÁCH"],
        ["CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2024"],
        ["(Kèm theo Quyết định số 120/QĐ-SYT ngày 15/01/2025 của Giám đốc Sở Y tế)"],
        [None],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        ["I", "LAO ĐỘNG TIÊN TIẾN"],
        [1, "Nguyễn Văn An", "Bác sĩ", "Sở Y tế"],
        [2, "Trần Thị Bình", "Điều dưỡng", "Sở Y tế"],
        ["II", "CSTĐCS"],
        [1, "Nguyễn Văn An", "Bác sĩ", "Sở Y tế"],  # the same person, a second title
        ["III", "TTLĐTT"],
        [1, "Khoa Nội, Bệnh viện Đa khoa tỉnh"],
        [None],
        [None, None, None, "GIÁM ĐỐC"],  # the signer, in the unit column
        [None, None, None, "Lê Văn Giám"],
    ]
    [report] = import_into(write_rows(tmp_path / "qd120_syt.xlsx", rows))
    assert report.status == "imported", report.message()
    assert snapshot().execute(
        "SELECT source_row, recipient_name, recipient_kind, form_code, decision_date, year "
        "FROM awards ORDER BY source_row"
    ).fetchall() == [
        (9, "Nguyễn Văn An", "individual", "LDTT", dt.date(2025, 1, 15), 2025),
        (10, "Trần Thị Bình", "individual", "LDTT", dt.date(2025, 1, 15), 2025),
        (12, "Nguyễn Văn An", "individual", "CSTD_CS", dt.date(2025, 1, 15), 2025),
        (
            14,
            "Khoa Nội, Bệnh viện Đa khoa tỉnh",
            "collective",
            "TTLDTT",
            dt.date(2025, 1, 15),
            2025,
        ),
    ]
