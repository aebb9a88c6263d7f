"""Tables as .xlsx with Vietnamese headers, safe to open in Excel."""

from __future__ import annotations

import io
import re

import polars as pl
import xlsxwriter

from thidua.text import fold

# A cell that starts with one of these is read by Excel as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix an apostrophe so Excel shows the text instead of evaluating it."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def file_part(text: str) -> str:
    """A piece of a file name saying what is inside, in plain letters: «Khối các sở, ban,
    ngành (Khối 1)» → «khoi_cac_so_ban_nganh_khoi_1»."""
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")[:60] or "bang"


# Whole numbers that are names, not quantities: a year grouped as «2.025» or a row number
# as «1.234» reads as a count.
_PLAIN_NUMBERS = ("year", "rank", "batch_id", "source_row", "birth_year", "achievement_year")


def cell_format(column: str, dtype: pl.DataType, decimals: int | None) -> str | None:
    """Excel's number format for a column, as the pages write it: `decimals` < 0 is a share
    shown as a percentage with that many decimals (59,3%), >= 0 a number with that many;
    without one, years and row numbers plainly (2025), counts grouped (1.234), shares
    (columns named …_share) as percentages. Excel writes the separators of the reader's
    locale: a Vietnamese Excel shows 1.234 and 59,3%."""
    if decimals is not None and decimals < 0:
        return "0." + "0" * -decimals + "%"
    if decimals is not None:
        return "#,##0" + ("." + "0" * decimals if decimals else "")
    if column in _PLAIN_NUMBERS or column.endswith("_year"):
        return "0"
    if column.endswith("_share") and dtype.is_float():
        return "0.0%"
    if dtype.is_integer():
        return "#,##0"
    return None


def to_xlsx(
    frame: pl.DataFrame,
    headers: dict[str, str],
    sheet: str = "Danh sách",
    about: list[str] | None = None,
    decimals: dict[str, int] | None = None,
) -> bytes:
    """The frame's columns that have a Vietnamese header, in that order, text cells
    neutralised, numbers formatted as the page shows them (cell_format); `about`: lines
    above the table saying what it holds (its title, the filters it was read with)."""
    columns = [c for c in headers if c in frame.columns]
    shown = frame.select(
        [
            (
                pl.col(c).map_elements(neutralise, return_dtype=pl.String, skip_nulls=True)
                if frame[c].dtype == pl.String
                else pl.col(c)
            ).alias(headers[c])
            for c in columns
        ]
    )
    formats = {
        headers[c]: f
        for c in columns
        if (f := cell_format(c, frame[c].dtype, (decimals or {}).get(c))) is not None
    }
    lines = [neutralise(line) for line in about or []]
    top = len(lines) + 1 if lines else 0  # a blank row between the lines and the table
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer) as book:
        shown.write_excel(
            book,
            worksheet=sheet[:31],
            position=(top, 0),
            autofit=True,
            header_format={"bold": True, "bg_color": "#dde7f3"},
            dtype_formats={pl.Date: "dd/mm/yyyy"},
            column_formats=formats,  # type: ignore[arg-type]
            freeze_panes=(top + 1, 0),
        )
        worksheet = book.get_worksheet_by_name(sheet[:31])
        assert worksheet is not None
        bold = book.add_format({"bold": True})
        for row, line in enumerate(lines):
            worksheet.write_string(row, 0, line, bold if row == 0 else None)
    return buffer.getvalue()


AWARD_LIST_HEADERS = {
    "year": "Năm",
    "recipient_name": "Họ tên / Tên tập thể",
    "kind_name": "Đối tượng",
    "position": "Chức vụ",
    "leader_class": "Phân loại",
    "unit_name": "Đơn vị",
    "form_name": "Hình thức khen thưởng",
    "form_detail": "Chi tiết",
    "decision_no": "Số quyết định",
    "decision_date": "Ngày quyết định",
    "source_file": "Tệp nguồn",
    "source_row": "Dòng trong tệp",
}
