"""A dossier register written by hand for the tests of issue 24, with what each row must
give counted by hand on the 2024 calendar (data/reference/calendar_days.csv): Thursday
18/4 Giỗ Tổ, 29/4–1/5 off (Saturday 4/5 worked), 2–3/9 Quốc khánh."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.builders import write_rows

HEADER: list[object] = [
    "STT", "Số hồ sơ", "Đơn vị đề nghị", "Ngày nhận", "Ngày hẹn trả", "Ngày trả kết quả",
    "Trạng thái", "Lý do", "Hình thức đề nghị", "Số lượng", "Số quyết định",
]  # fmt: skip
QD_100 = "100/QĐ-UBND"
QD_200 = "200/QĐ-UBND"
ROWS: list[list[object]] = [
    # early: returned two working days before the appointment
    ["HS-01", "Sở Nội vụ", "01/04/2024", "12/04/2024", "10/04/2024", "Đã có quyết định", None,
     "Bằng khen của Chủ tịch UBND tỉnh", 5, QD_100],
    # on the appointment day
    ["HS-02", "Sở Tài chính", "02/04/2024", "16/04/2024", "16/04/2024", "Đã có quyết định", None,
     "Bằng khen UBND tỉnh; Tập thể lao động xuất sắc", 3, QD_100],
    # appointment on a Saturday, returned the Monday after: on time
    ["HS-03", "Sở Y tế", "05/04/2024", "13/04/2024", "15/04/2024", "Đã trả kết quả", None,
     "Bằng khen UBND tỉnh", 2, QD_100],
    # appointment on Giỗ Tổ (a public holiday), returned the next day: on time
    ["HS-04", "Sở Tư pháp", "08/04/2024", "18/04/2024", "19/04/2024", "Đã có quyết định", None,
     "Bằng khen UBND tỉnh", 4, QD_100],
    # due Friday 26/4, returned Thursday 2/5: six days later, one working day late
    ["HS-05", "Sở Nội vụ", "10/04/2024", "26/04/2024", "02/05/2024", "Đã có quyết định", None,
     "Chiến sĩ thi đua cấp tỉnh", 1, QD_100],
    # returned for more documents, then submitted again and decided on its new appointment day
    ["HS-06", "Sở Xây dựng", "03/06/2024", "07/06/2024", "06/06/2024", "Trả lại để bổ sung",
     "Thiếu báo cáo thành tích có xác nhận", "Bằng khen UBND tỉnh", 6, None],
    ["HS-06", "Sở Xây dựng", "17/06/2024", "28/06/2024", "28/06/2024", "Đã có quyết định", None,
     "Bằng khen UBND tỉnh", 6, QD_200],
    # rejected, early
    ["HS-07", "Sở Tài chính", "01/07/2024", "12/07/2024", "11/07/2024", "Không đủ điều kiện",
     "Chưa đủ thời gian công tác", "Chiến sĩ thi đua cấp tỉnh", 1, None],
    # still appraising, due Friday 30/8: on Friday 6/9 three working days past (2–3/9 off)
    ["HS-08", "Sở Y tế", "19/08/2024", "30/08/2024", None, "Đang thẩm định", None,
     "Bằng khen UBND tỉnh", 2, None],
    # received, not yet due on 6/9
    ["HS-09", "Sở Tư pháp", "04/09/2024", "18/09/2024", None, "Đã tiếp nhận", None,
     "Tập thể lao động xuất sắc", 1, None],
]  # fmt: skip
TODAY = date(2024, 9, 6)

# Counted by hand, per dossier (HS-06 once: both its submissions were in time, the second on
# its appointment day, so it is on time).
EXPECTED = {
    "dossiers": 9,
    "answered": 7,  # HS-01…07
    "early": 2,  # HS-01, HS-07
    "on_time": 4,  # HS-02, HS-03 (Saturday), HS-04 (holiday), HS-06
    "late": 1,  # HS-05
    "open": 2,  # HS-08, HS-09
    "overdue": 1,  # HS-08, 3 working days
    "rejected": 1,
    "decided": 6,
}
TIMELINESS = {
    "HS-01": "early", "HS-02": "on_time", "HS-03": "on_time", "HS-04": "on_time",
    "HS-05": "late", "HS-06": "on_time", "HS-07": "early", "HS-08": None, "HS-09": None,
}  # fmt: skip
# Working days with the office, the day received not counted: 2–10/4 is seven; 11/4–2/5 is
# twelve (18/4 and 29/4–1/5 off); HS-06 three, then nine.
WORKING_DAYS = {"HS-01": 7, "HS-05": 12, "HS-06": 12}


def write_register(
    path: Path, total: str | None = "Tổng cộng: 9 hồ sơ", recipients: object = 31
) -> Path:
    rows: list[list[object]] = [["SỔ THEO DÕI HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"], [], HEADER]
    rows += [[i, *row] for i, row in enumerate(ROWS, start=1)]
    if total is not None:
        rows.append([None, total, None, None, None, None, None, None, None, recipients])
    return write_rows(path, rows)
