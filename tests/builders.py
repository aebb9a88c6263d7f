"""Small spreadsheets written the way offices lay them out, for tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import xlsxwriter


def write_rows(
    path: Path, rows: Sequence[Sequence[object]], start: str = "A1", merges: list[str] | None = None
) -> Path:
    """Write rows at `start` (e.g. "C3"); merge ranges like "A1:E1" keep their top-left value."""
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Sheet1")
    first_row, first_col = xlsxwriter.utility.xl_cell_to_rowcol(start)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(first_row + r, first_col + c, value)
    for rng in merges or []:
        top, bottom = rng.split(":")
        r0, c0 = xlsxwriter.utility.xl_cell_to_rowcol(top)
        r1, c1 = xlsxwriter.utility.xl_cell_to_rowcol(bottom)
        row = rows[r0 - first_row]
        top_left = row[c0 - first_col] if c0 - first_col < len(row) else None
        sheet.merge_range(r0, c0, r1, c1, top_left)
    book.close()
    return path


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters (â, ơ, ư…) precomposed, tones as combining marks."""
    import unicodedata

    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base, combining = decomposed[0], ""
        # Keep breve/circumflex/horn on the base when cp1258 has that letter; tones stay combining.
        for mark in decomposed[1:]:
            candidate = unicodedata.normalize("NFC", base + mark)
            if len(candidate) == 1 and candidate.encode("cp1258", errors="ignore"):
                base = candidate
            else:
                combining += mark
        out += base.encode("cp1258") + combining.encode("cp1258")
    return bytes(out)


# The columns of ../shared/samples/so_khen_thuong_2019.xlsx.
REGISTER_HEADER: list[object] = [
    "Năm", "Số quyết định", "Ngày quyết định", "Đối tượng", "Họ tên / Tên tập thể", "Giới tính",
    "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Loại hình",
]  # fmt: skip
