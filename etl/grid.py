"""Turning a file into grids of text cells, with Excel's own row numbers.

Files are sniffed by content (not by name), bounded in size before anything is
inflated, read as strings with fastexcel (calamine), decoded from legacy
Vietnamese encodings when their content says so, and normalised to NFC.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import fastexcel
import polars as pl
import python_calamine

from etl.problems import FileRefused, Problem
from thidua.settings import LIMITS, ImportLimits, too_big
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
            too_big(size, limits) + " Hãy tách thành nhiều tệp nhỏ hơn.",
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


_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"[^>]*?[^/]>')
_DIMENSION = re.compile(rb'<dimension ref="([A-Z]{1,3})[0-9]+')
_SHEET_TAG = re.compile(r"<sheet\b[^>]*>")
_REL_TAG = re.compile(r"<Relationship\b[^>]*>")
_ATTR = re.compile(r'([\w:]+)="([^"]*)"')


def _letters_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ch - 64)
    return index - 1


def _xlsx_starts(path: Path, sample_rows: int = 200) -> list[tuple[int, int] | None]:
    """Where each sheet's data starts (0-based row, column), read from the first kilobytes
    of the sheet XML instead of loading the sheet a second time. None for a sheet whose
    start cannot be told this way (the caller then asks python-calamine)."""
    with zipfile.ZipFile(path) as archive:
        book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        targets = {}
        for tag in _REL_TAG.findall(rels):
            attrs = dict(_ATTR.findall(tag))
            targets[attrs.get("Id")] = attrs.get("Target", "")
        starts: list[tuple[int, int] | None] = []
        for tag in _SHEET_TAG.findall(book):
            attrs = dict(_ATTR.findall(tag))
            target = targets.get(attrs.get("r:id"), "")
            name = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            starts.append(_sheet_start(archive, name, sample_rows))
    return starts


def _sheet_start(archive: zipfile.ZipFile, name: str, sample_rows: int) -> tuple[int, int] | None:
    try:
        handle = archive.open(name)
    except KeyError:
        return None
    rows: set[int] = set()
    first_row, first_col, dimension_col = None, None, None
    buffer = b""
    with handle:
        while len(rows) < sample_rows:
            chunk = handle.read(1 << 16)
            if not chunk:
                break
            buffer += chunk
            if dimension_col is None and (dim := _DIMENSION.search(buffer)):
                dimension_col = _letters_index(dim.group(1))
            cut = buffer.rfind(b"<c ")  # keep a possibly split tag for the next chunk
            body, buffer = (buffer[:cut], buffer[cut:]) if cut > 0 else (buffer, b"")
            for letters, number in _CELL.findall(body):
                row, col = int(number) - 1, _letters_index(letters)
                rows.add(row)
                first_row = row if first_row is None else min(first_row, row)
                first_col = col if first_col is None else min(first_col, col)
    if first_row is None or first_col is None:
        return None
    # A value further down in a column left of those seen would move calamine's start.
    if dimension_col is not None and dimension_col < first_col and len(rows) >= sample_rows:
        return None
    return first_row, first_col


def _read_workbook(path: Path, limits: ImportLimits) -> list[Grid]:
    try:
        reader = fastexcel.read_excel(str(path))
    except Exception:  # calamine raises several unrelated types for broken files
        raise _refuse(
            path.name, "không đọc được bảng tính: tệp bị hỏng hoặc không đúng định dạng Excel."
        ) from None
    # calamine drops leading empty rows and columns; Excel row numbers need where data starts.
    try:
        starts = _xlsx_starts(path) if zipfile.is_zipfile(path) else []
    except (zipfile.BadZipFile, KeyError, OSError):
        starts = []
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
            start = starts[index] if index < len(starts) else None
            if start is None and frame.height:
                start = _calamine_start(path, index)
        except FileRefused:
            raise
        except Exception:
            raise _refuse(
                path.name, f"không đọc được trang tính «{sheet_name}»: tệp bị hỏng."
            ) from None
        if frame.width == 0 or frame.height == 0:
            continue
        start_row, start_col = start or (0, 0)
        frame = frame.rename({old: f"c{i}" for i, old in enumerate(frame.columns)})
        grids.append(Grid(path.name, sheet_name, frame, start_row + 1, start_col))
    return grids


def _calamine_start(path: Path, index: int) -> tuple[int, int]:
    """The exact start, at the price of loading the sheet again (legacy .xls, unusual .xlsx)."""
    located = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(index)
    return located.start or (0, 0)


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
    # Each distinct value is looked at once: a column that repeats one award name 100,000
    # times says it once (to the encoding check and to the cleaning alike).
    distinct = {
        name: cells[name].drop_nulls().unique(maintain_order=True) for name in cells.columns
    }
    legacy = detect_legacy(pl.concat([d.head(1000) for d in distinct.values()]).to_list())
    decode = LEGACY_DECODERS[legacy] if legacy else None
    if legacy:
        grid.encoding = legacy
    # Only the values that change are replaced in the column. Row positions stay as they
    # are (empty rows too) so Excel row numbers remain right.
    grid.cells = cells.with_columns(
        _clean_column(cells[name], distinct[name], decode) for name in cells.columns
    )
    return grid


def _clean_column(
    column: pl.Series, distinct: pl.Series, decode: Callable[[str], str] | None
) -> pl.Series:
    if decode is not None:
        distinct_text = distinct.map_elements(decode, return_dtype=pl.String)
    else:
        distinct_text = distinct
    cleaned = (
        distinct_text.str.normalize("NFC").str.replace_all(r"[\s\u00a0]+", " ").str.strip_chars()
    )
    changed = distinct != cleaned
    if changed.any():
        column = column.replace(distinct.filter(changed), cleaned.filter(changed))
    return column.replace("", None)
