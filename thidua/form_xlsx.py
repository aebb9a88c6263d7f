"""The statistical forms as the .xlsx an office sends (thidua.statistics_forms): the title
block with the reporting unit and period, the two header rows, a row per award form (its
degrees beneath, in italics), the total, the checks of what a column could not place, and
the footer for the signatures."""

from __future__ import annotations

import io

import polars as pl
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from thidua.exports import neutralise
from thidua.individual_classes import CLASS_NAMES
from thidua.statistics_forms import (
    COLUMNS,
    DURATIONS,
    FORMS,
    METHODS,
    TYPE_NAMES,
    FormTable,
)  # fmt: skip

RECEIVER = "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)"
REPORTER = "Ủy ban nhân dân tỉnh"  # the reporting unit a province's form names by default
FIRST_ROW = 9  # 0-based row of the first data row (Excel row 10)


def _formats(book: xlsxwriter.Workbook) -> dict[str, Format]:
    base = {"font_name": "Times New Roman", "font_size": 11}
    return {
        "title": book.add_format({**base, "bold": True, "font_size": 13, "align": "center"}),
        "centre": book.add_format({**base, "align": "center"}),
        "note": book.add_format({**base, "italic": True}),
        "head": book.add_format(
            {
                **base,
                "bold": True,
                "border": 1,
                "align": "center",
                "valign": "vcenter",
                "text_wrap": True,
            }
        ),  # fmt: skip
        "cell": book.add_format({**base, "border": 1, "num_format": "#,##0"}),
        "label": book.add_format({**base, "border": 1, "text_wrap": True}),
        "detail": book.add_format({**base, "border": 1, "italic": True, "text_wrap": True}),
        "total": book.add_format({**base, "border": 1, "bold": True, "num_format": "#,##0"}),
        "plain": book.add_format(base),
        "bold": book.add_format({**base, "bold": True}),
    }


def _title_block(ws: Worksheet, fmt: dict[str, Format], code: str, title: str, period: str,
                 reporter: str, last_col: int) -> None:  # fmt: skip
    ws.write(0, 0, code, fmt["bold"])
    ws.write(1, 0, "Ban hành kèm theo Thông tư số 02/2023/TT-BNV", fmt["note"])
    ws.write(2, 0, "Ngày nhận báo cáo: 15/12 năm báo cáo", fmt["note"])
    ws.write(0, last_col - 4, f"Đơn vị báo cáo: {neutralise(reporter)}", fmt["plain"])
    ws.write(1, last_col - 4, f"Đơn vị nhận báo cáo: {RECEIVER}", fmt["plain"])
    ws.merge_range(4, 0, 4, last_col, title, fmt["title"])
    ws.merge_range(5, 0, 5, last_col, period, fmt["centre"])


def _footer(ws: Worksheet, fmt: dict[str, Format], row: int, last_col: int) -> None:
    ws.write(row, 1, "Người lập biểu", fmt["bold"])
    ws.write(row + 1, 1, "(Ký, ghi rõ họ tên)", fmt["note"])
    ws.write(row - 1, last_col - 5, "……, ngày …… tháng …… năm ……", fmt["note"])
    ws.write(row, last_col - 5, "Thủ trưởng đơn vị", fmt["bold"])
    ws.write(row + 1, last_col - 5, "(Ký, ghi rõ họ tên, đóng dấu)", fmt["note"])


def _body(
    ws: Worksheet, fmt: dict[str, Format], rows: list[tuple[str, dict[str, int], bool]],
    keys: list[str], totals: dict[str, int], width: int,
) -> int:  # fmt: skip
    """The table's rows from FIRST_ROW — (label, figures, is a detail), a detail unnumbered
    and in italics under its row —, then «Tổng cộng»; returns the total's row."""
    row, number = FIRST_ROW, 0
    for label, figures, detail in rows:
        if detail:
            ws.write_blank(row, 0, None, fmt["cell"])
        else:
            number += 1
            ws.write_number(row, 0, number, fmt["cell"])
        ws.write(row, 1, neutralise(label), fmt["detail" if detail else "label"])
        for c, key in enumerate(keys, start=2):
            ws.write_number(row, c, figures[key], fmt["cell"])
        row += 1
    ws.write_blank(row, 0, None, fmt["total"])
    ws.write(row, 1, "Tổng cộng", fmt["total"])
    for c, key in enumerate(keys, start=2):
        ws.write_number(row, c, totals[key], fmt["total"])
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 42)
    ws.set_column(2, 1 + len(keys), width)
    return row


def award_form_xlsx(table: FormTable, reporter: str) -> bytes:
    """Form 0602 or 0603 as a workbook: columns A STT, B the award form, then COLUMNS in order."""
    _, title, code = FORMS[table.form]
    keys = list(COLUMNS)
    last = 1 + len(keys)
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        fmt = _formats(book)
        ws = book.add_worksheet(f"Bieu {table.form}")
        period = f"Năm {table.year}" + (f" — {neutralise(table.unit)}" if table.unit else "")
        _title_block(ws, fmt, code, title, period, reporter, last)
        _award_headers(ws, fmt, keys)
        rows = [(r["label"], r, r["is_detail"]) for r in table.rows.iter_rows(named=True)]
        row = _body(ws, fmt, rows, keys, table.totals, 11)
        for i, check in enumerate(table.checks, start=2):
            ws.write(row + i, 1, f"Kiểm tra: {check}", fmt["note"])
        ws.freeze_panes(FIRST_ROW, 2)
        _footer(ws, fmt, row + len(table.checks) + 4, last)
        _by_unit_sheet(book, fmt, table, keys, reporter)
    return buffer.getvalue()


def _by_unit_sheet(book: xlsxwriter.Workbook, fmt: dict[str, Format], table: FormTable,
                   keys: list[str], reporter: str) -> None:  # fmt: skip
    """The same columns by submitting body: a row per unit that proposed the awards."""
    ws = book.add_worksheet("Theo don vi trinh")
    last = 1 + len(keys)
    _, title, code = FORMS[table.form]
    _title_block(ws, fmt, code, f"{title} — THEO ĐƠN VỊ TRÌNH", f"Năm {table.year}", reporter, last)
    _award_headers(ws, fmt, keys, "Đơn vị trình")
    rows = [(r["unit_name"], r, False) for r in table.by_unit.iter_rows(named=True)]
    _body(ws, fmt, rows, keys, table.totals, 11)
    ws.freeze_panes(FIRST_ROW, 2)


def _award_headers(
    ws: Worksheet, fmt: dict[str, Format], keys: list[str], rows_are: str = "Hình thức khen thưởng"
) -> None:
    """Two header rows: the groups (collectives, individuals, award types) over their parts."""
    top, sub = FIRST_ROW - 2, FIRST_ROW - 1
    head = fmt["head"]
    ws.merge_range(top, 0, sub, 0, "STT", head)
    ws.merge_range(top, 1, sub, 1, rows_are, head)
    col = {key: i for i, key in enumerate(keys, start=2)}
    groups = (
        ("Tổng số", ["total"]),
        ("Tập thể", ["collective", "enterprise"]),
        ("Hộ gia đình", ["household"]),
        ("Cá nhân", ["individual", *CLASS_NAMES, "unclassified"]),
        ("Loại hình khen thưởng", [*TYPE_NAMES, "type_unknown"]),
    )
    for name, parts in groups:
        first, last = col[parts[0]], col[parts[-1]]
        if first == last:
            ws.merge_range(top, first, sub, first, name, head)
            continue
        ws.merge_range(top, first, top, last, name, head)
        for key in parts:
            label = "Tổng số" if key in ("collective", "individual") else COLUMNS[key]
            ws.write(sub, col[key], label, head)
    ws.set_row(sub, 75)


def campaign_form_xlsx(table: pl.DataFrame, year: int, reporter: str) -> bytes:
    """Form 0601: campaigns by scope (rows), duration and method (columns)."""
    keys = ["total", *DURATIONS, "duration_unknown", *METHODS]
    names = {"total": "Tổng số phong trào", **DURATIONS, "duration_unknown": "Kiểm tra: chưa rõ thời gian",
             **METHODS}  # fmt: skip
    last = 1 + len(keys)
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        fmt = _formats(book)
        ws = book.add_worksheet("Bieu 0601")
        _title_block(
            ws,
            fmt,
            "Biểu số: 0601.N/BNV-TĐKT",
            "SỐ PHONG TRÀO THI ĐUA",
            f"Năm {year}",
            reporter,
            last,
        )
        top, sub = FIRST_ROW - 2, FIRST_ROW - 1
        ws.merge_range(top, 0, sub, 0, "STT", fmt["head"])
        ws.merge_range(top, 1, sub, 1, "Cấp phát động", fmt["head"])
        ws.merge_range(top, 2, sub, 2, names["total"], fmt["head"])
        ws.merge_range(top, 3, top, 3 + len(DURATIONS), "Thời gian thực hiện", fmt["head"])
        ws.merge_range(top, 4 + len(DURATIONS), top, last, "Hình thức tổ chức", fmt["head"])
        for c, key in enumerate(keys[1:], start=3):
            ws.write(sub, c, names[key], fmt["head"])
        ws.set_row(sub, 60)
        rows = [(r["label"], r, False) for r in table.iter_rows(named=True)]
        row = _body(ws, fmt, rows, keys, {k: int(table[k].sum()) for k in keys}, 13)
        _footer(ws, fmt, row + 4, last)
    return buffer.getvalue()
