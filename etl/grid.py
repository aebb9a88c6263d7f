"""Turning a file into grids of text cells, with Excel's own row numbers.

Files are sniffed by content (not by name), bounded in size before anything is
inflated, read as strings with fastexcel (calamine), decoded from legacy
Vietnamese encodings when their content says so, and normalised to NFC.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import fastexcel
import polars as pl
import python_calamine

from etl.problems import FileRefused, Problem
from thidua.settings import LIMITS, ImportLimits
from thidua.text import LEGACY_DECODERS, decode_bytes, detect_legacy

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Grid:
    """One sheet: every cell as stripped NFC text or null."""

    file: str
    sheet: str
    cells: pl.DataFrame  # columns c0..cN, all String
    first_row: int  # Excel row number of cells' row 0
    first_col: int  # 0-based Excel column index of c0
    encoding: str | None = None  # legacy encoding converted from, if any
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # grid coordinates

    def excel_row(self, index: int) -> int:
        return self.first_row + index

    def row_values(self, index: int) -> list[str | None]:
        return list(self.cells.row(index))


def _refuse(file: str, message: str) -> FileRefused:
    return FileRefused([Problem(file=file, message=message)])


def sniff(path: Path, limits: ImportLimits = LIMITS) -> str:
    """'xlsx', 'xls' or 'csv' from the first bytes; refuse anything else."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        raise _refuse(
            name, "không mở được tệp (tệp không tồn tại hoặc không có quyền đọc)."
        ) from None
    if size == 0:
        raise _refuse(name, "tệp rỗng (0 byte), không có dữ liệu để nhập.")
    if size > limits.max_file_bytes:
        raise _refuse(
            name,
            f"tệp quá lớn ({size / 1e6:.1f} MB); giới hạn là {limits.max_file_bytes / 1e6:.0f} MB. "
            "Hãy tách thành nhiều tệp nhỏ hơn.",
        )
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(XLSX_MAGIC):
        return "xlsx"
    if head.startswith(XLS_MAGIC):
        return "xls"
    if b"\x00" in head:
        raise _refuse(name, "không phải bảng tính (.xlsx, .xls) hay tệp CSV.")
    return "csv"


def _check_zip(path: Path, limits: ImportLimits) -> None:
    """Refuse truncated archives and decompression bombs before inflating anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise _refuse(
            path.name,
            "tệp Excel bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); hãy lưu lại tệp từ Excel.",
        ) from None
    unzipped = sum(m.file_size for m in members)
    zipped = sum(m.compress_size for m in members) or 1
    if unzipped > limits.max_unzipped_bytes or unzipped / zipped > limits.max_zip_ratio:
        raise _refuse(
            path.name,
            f"tệp nén bất thường (giải nén ra {unzipped / 1e6:.0f} MB từ {zipped / 1e6:.1f} MB); "
            "từ chối để bảo vệ máy chủ.",
        )
    if not any(m.filename.startswith("xl/worksheets/") for m in members):
        raise _refuse(path.name, "tệp nén này không phải bảng tính Excel (.xlsx).")


def read_grids(path: Path, limits: ImportLimits = LIMITS, name: str | None = None) -> list[Grid]:
    """All non-empty sheets of a file (a CSV is one sheet); `name` is the file name shown
    in messages when the file was saved under another name (an upload)."""
    try:
        kind = sniff(path, limits)
        if kind == "csv":
            grids = [_read_csv(path)]
        else:
            if kind == "xlsx":
                _check_zip(path, limits)
            grids = _read_workbook(path, limits)
    except FileRefused as refused:
        if name:
            raise FileRefused([replace(p, file=name) for p in refused.problems]) from None
        raise
    for grid in grids:
        grid.file = name or grid.file
    grids = [g for g in grids if g.cells.height]
    if not grids:
        raise _refuse(name or path.name, "bảng tính không có dữ liệu (mọi trang tính đều trống).")
    return [_normalise(g) for g in grids]


def _read_workbook(path: Path, limits: ImportLimits) -> list[Grid]:
    try:
        reader = fastexcel.read_excel(str(path))
        # calamine drops leading empty rows and columns; python-calamine tells where the data starts.
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception:  # calamine raises several unrelated types for broken files
        raise _refuse(
            path.name, "không đọc được bảng tính: tệp bị hỏng hoặc không đúng định dạng Excel."
        ) from None
    grids = []
    for index, sheet_name in enumerate(reader.sheet_names):
        try:
            sheet = reader.load_sheet(index, header_row=None, dtypes="string")
            if sheet.total_height > limits.max_rows:
                raise _refuse(
                    path.name,
                    f"trang «{sheet_name}» có {sheet.total_height} dòng, quá giới hạn {limits.max_rows}.",
                )
            frame = sheet.to_polars()
            located = book.get_sheet_by_index(index)
        except FileRefused:
            raise
        except Exception:
            raise _refuse(
                path.name, f"không đọc được trang tính «{sheet_name}»: tệp bị hỏng."
            ) from None
        if frame.width == 0 or frame.height == 0:
            continue
        start_row, start_col = located.start or (0, 0)
        frame = frame.rename({old: f"c{i}" for i, old in enumerate(frame.columns)})
        merged = [
            (r0 - start_row, c0 - start_col, r1 - start_row, c1 - start_col)
            for (r0, c0), (r1, c1) in (located.merged_cell_ranges or [])
        ]
        grids.append(Grid(path.name, sheet_name, frame, start_row + 1, start_col, merged=merged))
    return grids


def _read_csv(path: Path) -> Grid:
    text, encoding = decode_bytes(path.read_bytes())
    try:
        frame = pl.read_csv(
            io.StringIO(text), has_header=False, infer_schema=False, truncate_ragged_lines=True
        )
    except pl.exceptions.PolarsError:
        raise _refuse(
            path.name, "không đọc được tệp CSV: sai cấu trúc (dấu phẩy, dấu ngoặc kép)."
        ) from None
    frame = frame.rename({old: f"c{i}" for i, old in enumerate(frame.columns)})
    grid = Grid(path.name, "CSV", frame, 1, 0)
    grid.encoding = encoding if encoding not in {"utf-8", "utf-8-sig"} else None
    return grid


def _normalise(grid: Grid) -> Grid:
    """Legacy encodings to Unicode, NFC, trimmed; blank cells become null."""
    cells = grid.cells
    legacy = detect_legacy(_sample_texts(cells))
    if legacy:
        decode = LEGACY_DECODERS[legacy]
        cells = cells.with_columns(
            pl.all().map_elements(decode, return_dtype=pl.String, skip_nulls=True)
        )
        grid.encoding = legacy
    cells = cells.with_columns(
        pl.all()
        .str.normalize("NFC")
        .str.replace_all(r"[\s\u00a0]+", " ")
        .str.strip_chars()
        .replace("", None)
    )
    # Drop rows that are empty everywhere but keep the numbering by remembering nothing:
    # row positions stay as they are so Excel row numbers remain right.
    grid.cells = cells
    return grid


def _sample_texts(cells: pl.DataFrame, limit: int = 4000) -> list[str]:
    values = pl.concat([cells[c].drop_nulls().head(limit) for c in cells.columns])
    return values.to_list()
