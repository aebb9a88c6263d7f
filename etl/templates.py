"""Blank templates for the two lists offices do not already have a layout for:
the yearly bloc/cluster membership and the campaign list (data/templates/).
Each carries one example row so an analyst sees what goes where."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from thidua.settings import DATA_DIR

TEMPLATE_DIR = DATA_DIR / "templates"

MEMBERSHIP_HEADER = ["Năm", "Khối/Cụm thi đua", "Đơn vị", "Vai trò"]
CAMPAIGN_HEADER = [
    "Số kế hoạch", "Ngày ban hành", "Tên phong trào", "Loại",
    "Ngày bắt đầu", "Ngày kết thúc", "Hạn đăng ký", "Khẩu hiệu",
]  # fmt: skip
DOSSIER_HEADER = [
    "Số hồ sơ", "Đơn vị đề nghị", "Ngày nhận", "Ngày hẹn trả", "Ngày trả kết quả", "Trạng thái",
    "Lý do", "Hình thức đề nghị", "Số lượng", "Số quyết định",
]  # fmt: skip
REGISTER_HEADER = [
    "Năm", "Số quyết định", "Ngày quyết định", "Đối tượng", "Họ tên / Tên tập thể", "Giới tính",
    "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Loại hình", "Năm thành tích", "Phong trào",
]  # fmt: skip


def write_table(
    path: Path, sheet: str, title: str | None, header: list[str], rows: list[list[object]],
    notes: list[str] | None = None,
) -> Path:  # fmt: skip
    """A titled table: title row, blank row, header, rows; notes under the table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(path)
    bold = book.add_format(
        {"bold": True, "text_wrap": True, "valign": "vcenter", "border": 1, "bg_color": "#dde7f3"}
    )
    title_format = book.add_format({"bold": True, "font_size": 13, "align": "center"})
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    ws = book.add_worksheet(sheet)
    top = 0
    if title:
        ws.merge_range(0, 0, 0, len(header) - 1, title, title_format)
        top = 2
    ws.write_row(top, 0, header, bold)
    for r, row in enumerate(rows, start=top + 1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if hasattr(value, "isoformat") and not isinstance(value, str):
                ws.write_datetime(r, c, value, date_format)
            else:
                ws.write(r, c, value)
    ws.set_column(0, len(header) - 1, 18)
    ws.freeze_panes(top + 1, 0)
    if notes:
        # Guidance goes on its own sheet: the importer skips sheets that hold no table.
        guide = book.add_worksheet("Hướng dẫn")
        for i, note in enumerate(notes):
            guide.write(i, 0, note)
    book.close()
    return path


def write_templates(out_dir: Path = TEMPLATE_DIR) -> list[Path]:
    import datetime as dt

    return [
        write_table(
            out_dir / "mau_khoi_cum_thi_dua.xlsx", "Khoi cum", "DANH SÁCH THÀNH VIÊN KHỐI, CỤM THI ĐUA",
            MEMBERSHIP_HEADER,
            [[2026, "Khối thi đua số 1", "Sở Nội vụ", "Khối trưởng"]],
            ["Vai trò: Khối trưởng / Cụm trưởng, Khối phó / Cụm phó, Thành viên. "
             "Mỗi khối, cụm có đúng một trưởng và một phó mỗi năm; tên đơn vị theo danh mục đơn vị."],
        ),
        write_table(
            out_dir / "mau_phong_trao_thi_dua.xlsx", "Phong trao", "DANH SÁCH PHONG TRÀO THI ĐUA",
            CAMPAIGN_HEADER,
            [["136/KH-UBND", dt.date(2019, 9, 13), "Phong trào thi đua thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh",
              "Chuyên đề", dt.date(2019, 6, 1), dt.date(2020, 6, 30), dt.date(2019, 10, 30),
              "Đoàn kết, đổi mới, sáng tạo, hiệu quả, bứt phá"]],
            ["Loại: Thường xuyên, Chuyên đề hoặc Theo đợt. Ngày ghi dạng ngày/tháng/năm."],
        ),
        write_table(
            out_dir / "mau_so_ho_so_de_nghi.xlsx", "So theo doi", "SỔ THEO DÕI HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG",
            DOSSIER_HEADER,
            [["000.00.32.H33-260105-0001", "Sở Y tế", dt.date(2026, 1, 5), dt.date(2026, 1, 23),
              dt.date(2026, 1, 21), "Đã có quyết định", None,
              "Bằng khen của Chủ tịch UBND tỉnh; Tập thể lao động xuất sắc", 3, "25/QĐ-UBND"]],
            ["Một dòng cho mỗi lần nộp hồ sơ. Hồ sơ trả lại để bổ sung rồi nộp lại: giữ số hồ sơ, "
             "ghi thêm một dòng cho lần nộp lại (ngày nhận mới, ngày hẹn mới).",
             "Trạng thái: Đã tiếp nhận, Đang thẩm định, Đã trình Chủ tịch, Đã có quyết định, "
             "Trả lại để bổ sung, Không đủ điều kiện (ghi lý do). Hồ sơ đã có quyết định ghi số quyết định.",
             "Hình thức đề nghị: tên đầy đủ, nhiều hình thức cách nhau bằng dấu chấm phẩy. "
             "Ngày ghi dạng ngày/tháng/năm; ngày làm việc tính theo lịch nghỉ lễ, Tết của Nhà nước."],
        ),
        write_table(
            out_dir / "mau_so_khen_thuong.xlsx", "Khen thuong", None, REGISTER_HEADER,
            [[2026, "25/QĐ-UBND", "15/01/2026", "Cá nhân", "Nguyễn Văn A", "Nam", "Chuyên viên chính",
              "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên", 2025, None]],
        ),
    ]  # fmt: skip


def register_template() -> bytes:
    """The register template with drop-down lists of the reference values, to hand to units."""
    import io

    from thidua import reference
    from thidua.forms import KNOWN_SPELLINGS

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True, "text_wrap": True, "border": 1, "bg_color": "#dde7f3"})
    sheet = book.add_worksheet("Khen thuong")
    sheet.write_row(0, 0, REGISTER_HEADER, bold)
    sheet.set_column(0, len(REGISTER_HEADER) - 1, 20)
    sheet.freeze_panes(1, 0)
    lists = book.add_worksheet("Danh muc")
    choices = {
        3: [label for label, _ in reference.RECIPIENT_KINDS.values()],
        5: ["Nam", "Nữ"],
        8: list(KNOWN_SPELLINGS),
        9: [
            "Thường xuyên",
            "Theo phong trào",
            "Đột xuất",
            "Cống hiến",
            "Niên hạn",
            "Đối ngoại",
            "Kháng chiến",
        ],
    }
    for n, (col, values) in enumerate(choices.items()):
        lists.write_column(0, n, values)
        ref = f"=Danh_muc_{n}"
        book.define_name(
            f"Danh_muc_{n}", f"='Danh muc'!${chr(65 + n)}$1:${chr(65 + n)}${len(values)}"
        )
        sheet.data_validation(
            1,
            col,
            5000,
            col,
            {"validate": "list", "source": ref, "error_message": "Hãy chọn trong danh sách."},
        )
    lists.hide()
    book.close()
    return buffer.getvalue()
