"""The demo province written as a provincial office keeps it: the bloc memberships and
campaigns workbooks, then per year the award register, the decision list and the bloc
score summaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from demo_province.campaigns import CAMPAIGN_KINDS
from demo_province.forms import KIND_LABELS, TYPE_LABELS
from demo_province.province import DemoProvince

SIGNERS = ("Lê Văn Sơn", "Trần Minh Khoa", "Nguyễn Hữu Phước", "Phạm Thanh Bình")


def _dmy(when: date) -> str:
    return when.strftime("%d/%m/%Y")


def _write_title(ws: Worksheet, row: int, text: str, last_col: int, fmt: Any) -> None:
    ws.merge_range(row, 0, row, last_col, text, fmt)


def _write_memberships(book: xlsxwriter.Workbook, memberships: pl.DataFrame) -> None:
    ws = book.add_worksheet("Khoi cum")
    bold = book.add_format({"bold": True, "align": "center"})
    head = book.add_format({"bold": True, "border": 1})
    _write_title(ws, 0, "DANH SÁCH THÀNH VIÊN KHỐI, CỤM THI ĐUA CỦA TỈNH KIÊN GIANG", 3, bold)
    ws.write_row(2, 0, ["Năm", "Khối/Cụm thi đua", "Đơn vị", "Vai trò"], head)
    for i, (year, bloc, kind, unit, role) in enumerate(memberships.iter_rows(), start=3):
        word = "Khối" if kind == "bloc" else "Cụm"
        label = {"head": f"{word} trưởng", "deputy": f"{word} phó", "member": "Thành viên"}[role]
        ws.write_row(i, 0, [year, bloc, unit, label])
    ws.set_column(1, 2, 40)


def _write_campaigns(book: xlsxwriter.Workbook, campaigns: pl.DataFrame) -> None:
    ws = book.add_worksheet("Phong trao")
    bold = book.add_format({"bold": True, "align": "center"})
    head = book.add_format({"bold": True, "border": 1})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    _write_title(ws, 0, "DANH SÁCH PHONG TRÀO THI ĐUA", 7, bold)
    header = [
        "Số kế hoạch", "Ngày ban hành", "Tên phong trào", "Loại", "Ngày bắt đầu",
        "Ngày kết thúc", "Hạn đăng ký", "Khẩu hiệu",
    ]  # fmt: skip
    ws.write_row(2, 0, header, head)
    for i, c in enumerate(campaigns.iter_rows(named=True), start=3):
        ws.write_string(i, 0, c["plan_no"])
        ws.write_string(i, 2, c["name"])
        ws.write_string(i, 3, CAMPAIGN_KINDS[c["kind"]])
        for col, key in ((1, "issued_on"), (4, "start"), (5, "end"), (6, "registration_deadline")):
            if c[key] is not None:
                ws.write_datetime(i, col, c[key], day)
        if c["slogan"]:
            ws.write_string(i, 7, c["slogan"])
    ws.set_column(2, 2, 60)


REGISTER_HEADER = (
    "Năm", "Số quyết định", "Ngày quyết định", "Đối tượng", "Họ tên / Tên tập thể", "Giới tính",
    "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Loại hình", "Năm thành tích", "Phong trào",
)  # fmt: skip


def write_register(path: Path, rows: pl.DataFrame) -> None:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("Khen thuong")
    ws.write_row(0, 0, REGISTER_HEADER)
    gender_label = {"M": "Nam", "F": "Nữ"}
    for i, r in enumerate(rows.iter_rows(named=True), start=1):
        ws.write_number(i, 0, r["year"])
        ws.write_string(i, 1, r["decision_no"])
        ws.write_string(i, 2, _dmy(r["decision_date"]))  # typed as text, like the offices do
        ws.write_string(i, 3, KIND_LABELS[r["recipient_kind"]])
        ws.write_string(i, 4, r["recipient_name"])
        if r["gender"]:
            ws.write_string(i, 5, gender_label[r["gender"]])
        if r["position"]:
            ws.write_string(i, 6, r["position"])
        ws.write_string(i, 7, r["unit_name"])
        ws.write_string(i, 8, r["form_text"])
        ws.write_string(i, 9, TYPE_LABELS[r["award_type"]])
        if r["achievement_year"] is not None:
            ws.write_number(i, 10, r["achievement_year"])
        if r["campaign_code"]:
            ws.write_string(i, 11, r["campaign_code"])
    book.close()


def _achievement_text(r: dict[str, Any], odd: bool) -> str:
    if r["recipient_kind"] == "collective" and odd:
        return f"Có thành tích xuất sắc trong công tác năm {r['achievement_year']}"
    return f"Hoàn thành xuất sắc nhiệm vụ năm {r['achievement_year']}"


def write_decision_list(path: Path, rows: pl.DataFrame, signer: str) -> None:
    """The list attached to a Bằng khen decision, laid out like qd_bang_khen_2020.xlsx.
    Even years: header merged over two rows with Chức vụ | Đơn vị công tác under
    "Chức vụ, đơn vị công tác"; odd years: one joined "Chức vụ, đơn vị công tác" column."""
    year = int(rows["year"][0])
    odd = year % 2 == 1
    last = 3 if odd else 4
    decision, when = rows["decision_no"][0], rows["decision_date"][0]
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("DS")
    bold = book.add_format({"bold": True, "align": "center", "valign": "vcenter"})
    italic = book.add_format({"italic": True, "align": "center", "text_wrap": True})
    head = book.add_format(
        {"bold": True, "align": "center", "valign": "vcenter", "border": 1, "text_wrap": True}
    )
    ws.merge_range(0, 0, 0, 1, "ỦY BAN NHÂN DÂN", bold)
    ws.merge_range(1, 0, 1, 1, "TỈNH KIÊN GIANG", bold)
    ws.merge_range(0, 2, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)
    ws.merge_range(1, 2, 1, last, "Độc lập - Tự do - Hạnh phúc", bold)
    _write_title(ws, 3, "DANH SÁCH", last, bold)
    title = "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    _write_title(ws, 4, title, last, bold)
    attached = (
        f"(Kèm theo Quyết định số {decision} ngày {when.day:02d} tháng {when.month:02d} "
        f"năm {when.year} của Chủ tịch Ủy ban nhân dân tỉnh Kiên Giang)"
    )
    _write_title(ws, 5, attached, last, italic)
    row = _write_list_header(ws, 7, odd, head)
    people = rows.filter(pl.col("recipient_kind") == "individual")
    groups = rows.filter(pl.col("recipient_kind") == "collective")
    for roman, label, part in (("I", "CÁ NHÂN", people), ("II", "TẬP THỂ", groups)):
        if part.is_empty():
            continue
        ws.write_string(row, 0, roman, bold)
        ws.merge_range(row, 1, row, last, label, book.add_format({"bold": True}))
        row += 1
        for stt, r in enumerate(part.iter_rows(named=True), start=1):
            ws.write_number(row, 0, stt)
            ws.write_string(row, 1, r["recipient_name"])
            if r["recipient_kind"] == "individual":
                _write_position_unit(ws, row, r, odd)
            ws.write_string(row, last, _achievement_text(r, odd))
            row += 1
    footer = f"Danh sách này có {people.height} cá nhân và {groups.height} tập thể./."
    _write_title(ws, row + 1, footer, last, book.add_format({"italic": True}))
    for offset, text in ((3, "KT. CHỦ TỊCH"), (4, "PHÓ CHỦ TỊCH"), (8, signer)):
        ws.write_string(row + offset, last, text, bold)
    ws.set_column(1, 1, 30)
    ws.set_column(2, last, 28)
    book.close()


def _write_list_header(ws: Worksheet, row: int, odd: bool, fmt: Any) -> int:
    if odd:
        ws.write_row(row, 0, ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Thành tích"], fmt)
        return row + 1
    for col, text in ((0, "STT"), (1, "Họ và tên"), (4, "Thành tích")):
        ws.merge_range(row, col, row + 1, col, text, fmt)
    ws.merge_range(row, 2, row, 3, "Chức vụ, đơn vị công tác", fmt)
    ws.write_row(row + 1, 2, ["Chức vụ", "Đơn vị công tác"], fmt)
    return row + 2


def _write_position_unit(ws: Worksheet, row: int, r: dict[str, Any], odd: bool) -> None:
    position, unit = r["position"], r["unit_name"]
    if odd:
        ws.write_string(row, 2, f"{position}, {unit}" if position else unit)
        return
    if position:
        ws.write_string(row, 2, position)
    ws.write_string(row, 3, unit)


def _score_headers(kind: str, variant: int) -> list[str]:
    """Header words differ between blocs and years, as they do in real summaries."""
    word = "khối" if kind == "bloc" else "cụm"
    return [
        ("STT", "TT")[variant % 2],
        ("Đơn vị", "Tên đơn vị")[(variant // 2) % 2],
        "Điểm tự chấm",
        f"Điểm {word} chấm",
        "Điểm cộng",
        "Điểm trừ",
        ("Tổng điểm", "Tổng cộng")[(variant // 4) % 2],
        ("Xếp hạng", "Thứ hạng")[(variant + 1) % 2],
    ]


def _write_scores(
    path: Path, year: int, bloc: str, kind: str, rows: pl.DataFrame, head: str
) -> None:
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Tong hop")
    bold = book.add_format({"bold": True, "align": "center"})
    title = f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA {bloc.upper()} NĂM {year}"
    _write_title(ws, 0, title, 7, bold)
    number = int(bloc.rsplit(" ", 1)[-1])
    ws.write_row(2, 0, _score_headers(kind, number + year), book.add_format({"bold": True}))
    for stt, r in enumerate(rows.iter_rows(named=True), start=1):
        values = [r[k] for k in ("self_score", "bloc_score", "bonus", "penalty", "total")]
        ws.write_row(2 + stt, 0, [stt, r["unit_name"], *values, r["rank"]])
    foot = 2 + rows.height + 2
    ws.write_string(foot, 5, "KHỐI TRƯỞNG" if kind == "bloc" else "CỤM TRƯỞNG", bold)
    ws.write_string(foot + 4, 5, head, bold)
    ws.set_column(1, 1, 40)
    book.close()


# Two offices' wordings of a register's header: the even years one, the odd years the other.
DOSSIER_HEADERS = (
    ("STT", "Số hồ sơ", "Đơn vị đề nghị", "Ngày nhận", "Ngày hẹn trả", "Ngày trả kết quả",
     "Trạng thái", "Lý do", "Hình thức đề nghị", "Số lượng", "Số quyết định"),
    ("TT", "Mã hồ sơ", "Cơ quan đề nghị", "Ngày tiếp nhận", "Ngày hẹn trả kết quả", "Ngày trả",
     "Tình trạng", "Lý do trả lại", "Hình thức khen thưởng đề nghị", "Số lượng đề nghị",
     "Số quyết định"),
)  # fmt: skip
DOSSIER_STATUS_WORDS = (
    {"decided": "Đã có quyết định", "returned": "Trả lại để bổ sung", "rejected": "Không đủ điều kiện",
     "appraising": "Đang thẩm định", "submitted": "Đã trình Chủ tịch UBND tỉnh"},
    {"decided": "Đã trả kết quả", "returned": "Trả hồ sơ, yêu cầu bổ sung", "rejected": "Không đủ điều kiện khen thưởng",
     "appraising": "Đang xử lý", "submitted": "Chờ ký quyết định"},
)  # fmt: skip


def write_dossier_register(path: Path, rows: pl.DataFrame, year: int) -> None:
    """The one-stop desk's register of the dossiers first received in `year`: a title, the
    header (two wordings), dates as Excel dates or typed as text, a total row."""
    variant = year % 2
    with xlsxwriter.Workbook(str(path)) as book:
        ws = book.add_worksheet("So theo doi")
        bold = book.add_format({"bold": True, "align": "center"})
        head = book.add_format({"bold": True, "border": 1, "text_wrap": True})
        day = book.add_format({"num_format": "dd/mm/yyyy"})
        header = DOSSIER_HEADERS[variant]
        _write_title(
            ws, 0, f"SỔ THEO DÕI HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG NĂM {year}", len(header) - 1, bold
        )
        ws.write_row(2, 0, header, head)
        words = DOSSIER_STATUS_WORDS[variant]
        last = 2
        for i, r in enumerate(rows.iter_rows(named=True), start=1):
            last = 2 + i
            ws.write_number(last, 0, i)
            ws.write_string(last, 1, r["dossier_no"])
            ws.write_string(last, 2, r["unit_name"])
            for col, key in ((3, "received_on"), (4, "due_on"), (5, "returned_on")):
                if r[key] is None:
                    continue
                if variant:  # typed as text, as some offices do
                    ws.write_string(last, col, _dmy(r[key]))
                else:
                    ws.write_datetime(last, col, r[key], day)
            ws.write_string(last, 6, words[r["status"]])
            if r["reason"]:
                ws.write_string(last, 7, r["reason"])
            ws.write_string(last, 8, r["forms_text"])
            ws.write_number(last, 9, r["recipients"])
            if r["decision_no"]:
                ws.write_string(last, 10, r["decision_no"])
        ws.write_string(last + 1, 1, f"Tổng cộng: {rows['dossier_no'].n_unique()} hồ sơ")
        ws.write_number(last + 1, 9, int(rows["recipients"].sum()))
        ws.set_column(1, 2, 28)
        ws.set_column(7, 8, 36)


def _slug(bloc: str) -> str:
    word = "khoi" if bloc.startswith("Khối") else "cum"
    return f"{word}{bloc.rsplit(' ', 1)[-1]}"


def write_province(province: DemoProvince, out_dir: Path) -> list[Path]:
    """All demo spreadsheets, in import order: memberships, campaigns, then per year
    the register, the decision list and the bloc summaries."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = [out_dir / "khoi_cum_thi_dua.xlsx", out_dir / "phong_trao_thi_dua.xlsx"]
    with xlsxwriter.Workbook(str(files[0])) as book:
        _write_memberships(book, province.memberships)
    with xlsxwriter.Workbook(str(files[1])) as book:
        _write_campaigns(book, province.campaigns)
    awards = province.awards
    for i, year in enumerate(sorted(awards["year"].unique().to_list())):
        of_year = awards.filter(pl.col("year") == year)
        register = out_dir / f"so_khen_thuong_{year}.xlsx"
        write_register(register, of_year.filter(pl.col("file_kind") == "register"))
        files.append(register)
        listed = of_year.filter(pl.col("file_kind") == "decision_list")
        if not listed.is_empty():
            path = out_dir / f"qd_bang_khen_{year}.xlsx"
            write_decision_list(path, listed, SIGNERS[i % len(SIGNERS)])
            files.append(path)
        files.extend(_write_year_scores(province, year, out_dir))
    files.extend(_write_dossier_registers(province.dossiers, out_dir))
    return files


def _write_dossier_registers(dossiers: pl.DataFrame, out_dir: Path) -> list[Path]:
    """One register a year, holding each dossier whole in the year it was first received
    (a dossier submitted again stays in the register that opened it)."""
    opened = dossiers.with_columns(opened=pl.col("received_on").min().over("dossier_no").dt.year())
    files = []
    for year in sorted(opened["opened"].unique().to_list()):
        path = out_dir / f"ho_so_de_nghi_{year}.xlsx"
        rows = opened.filter(pl.col("opened") == year).sort("received_on", "dossier_no")
        write_dossier_register(path, rows.drop("opened"), year)
        files.append(path)
    return files


def _write_year_scores(province: DemoProvince, year: int, out_dir: Path) -> list[Path]:
    files = []
    members = province.memberships.filter(pl.col("year") == year)
    scores = province.bloc_scores.filter(pl.col("year") == year)
    for bloc, kind in members.select("bloc_name", "bloc_kind").unique(maintain_order=True).rows():
        head = members.filter((pl.col("bloc_name") == bloc) & (pl.col("role") == "head"))
        path = out_dir / f"diem_{_slug(bloc)}_{year}.xlsx"
        rows = scores.filter(pl.col("bloc_name") == bloc)
        _write_scores(path, year, bloc, kind, rows, head["unit_name"][0])
        files.append(path)
    return files
