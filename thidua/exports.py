"""Tables as .xlsx with Vietnamese headers, safe to open in Excel."""

from __future__ import annotations

import io

import polars as pl

# A cell that starts with one of these is read by Excel as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix an apostrophe so Excel shows the text instead of evaluating it."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_xlsx(frame: pl.DataFrame, headers: dict[str, str], sheet: str = "Danh sách") -> bytes:
    """The frame's columns that have a Vietnamese header, in that order, text cells neutralised."""
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
    buffer = io.BytesIO()
    shown.write_excel(
        buffer,
        worksheet=sheet[:31],
        autofit=True,
        header_format={"bold": True, "bg_color": "#dde7f3"},
        dtype_formats={pl.Date: "dd/mm/yyyy"},
        freeze_panes=(1, 0),
    )
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
