"""Inside the reading child: one file's bytes to text grids (or a refusal), written out as
Arrow IPC for the parent. Runs under the child's bounds only (see worker.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import fastexcel
import polars as pl
import python_calamine

from etl.grid import Grid, normalise
from etl.problems import FileRefused, Problem, column_letter
from etl.reading.kinds import kind_of
from etl.reading.text import read_text_table
from etl.reading.xlsx import plan_xlsx
from thidua.settings import ImportLimits, too_big


def _refuse(
    file: str, message: str, row: int | None = None, column: str | None = None
) -> FileRefused:
    return FileRefused([Problem(file=file, message=message, row=row, column=column)])


def read_here(path: Path, name: str, limits: ImportLimits, out: Path) -> dict[str, Any]:
    grids, skipped, warnings = read_in_process(path, name, limits, out)
    sheets = []
    for index, grid in enumerate(grids):
        file = out / f"sheet{index}.arrow"
        grid.cells.write_ipc(file, compression="uncompressed")
        sheets.append(
            {
                "sheet": grid.sheet,
                "file": file.name,
                "first_row": grid.first_row,
                "first_col": grid.first_col,
                "encoding": grid.encoding,
            }
        )
    return {"ok": True, "sheets": sheets, "skipped": skipped, "warnings": warnings}


def read_in_process(
    path: Path, name: str, limits: ImportLimits, work: Path
) -> tuple[list[Grid], list[tuple[str, str]], list[str]]:
    """The grids of the visible, non-empty sheets, the sheets skipped and why, warnings."""
    size = path.stat().st_size
    if size == 0:
        raise _refuse(name, "tệp rỗng (0 byte), không có dữ liệu để nhập.")
    if size > limits.max_file_bytes:
        raise _refuse(name, too_big(size, limits) + " Hãy tách thành nhiều tệp nhỏ hơn.")
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    kind = kind_of(head, str(path))
    if kind.refusal:
        raise _refuse(name, kind.refusal)
    skipped: list[tuple[str, str]] = []
    warnings: list[str] = []
    if kind.name == "text":
        frame, first_row, encoding, _ = read_text_table(path.read_bytes(), name, limits)
        grids = [Grid(name, "CSV", frame, first_row, 0, encoding)]
    elif kind.name == "xlsx":
        plan = plan_xlsx(path, name, limits, work)
        skipped, warnings = plan.skipped, plan.warnings
        source = plan.clean_copy or path
        grids = [
            _load(
                source,
                name,
                sheet.index,
                sheet.name,
                limits,
                (sheet.first_row - 1, sheet.first_col),
            )
            for sheet in plan.sheets
            if not sheet.empty
        ]
    else:
        grids, skipped = _read_xls(path, name, limits)
    grids = [normalise(g) for g in grids if g.cells.height and g.cells.width]
    if not grids:
        if skipped:
            hidden = ", ".join(f"«{s}»" for s, _ in skipped)
            raise _refuse(
                name,
                f"mọi trang có dữ liệu đều bị ẩn ({hidden}); nếu đó là danh sách cần nhập, hãy "
                "bỏ ẩn trang (chuột phải vào tên trang › Bỏ ẩn) rồi lưu lại.",
            )
        raise _refuse(name, "bảng tính không có dữ liệu (mọi trang tính đều trống).")
    return grids, skipped, warnings


def _read_xls(
    path: Path, name: str, limits: ImportLimits
) -> tuple[list[Grid], list[tuple[str, str]]]:
    try:
        metadata = python_calamine.CalamineWorkbook.from_path(str(path)).sheets_metadata
    except Exception:  # calamine raises several unrelated types for broken files
        raise _refuse(
            name, "không đọc được bảng tính: tệp bị hỏng hoặc không đúng định dạng Excel."
        ) from None
    grids, skipped = [], []
    for index, sheet in enumerate(metadata):
        visible = str(sheet.visible).rsplit(".", 1)[-1].lower()
        if visible != "visible":
            skipped.append((sheet.name, "trang bị ẩn — thường là bản nháp cũ; không nhập"))
            continue
        if "worksheet" not in str(sheet.typ).lower():
            skipped.append((sheet.name, "trang biểu đồ, không có bảng số liệu"))
            continue
        grids.append(_load(path, name, index, sheet.name, limits, None))
    return grids, skipped


def _load(
    path: Path,
    name: str,
    index: int,
    sheet_name: str,
    limits: ImportLimits,
    start: tuple[int, int] | None,
) -> Grid:
    try:
        sheet = fastexcel.read_excel(str(path)).load_sheet(index, header_row=None, dtypes="string")
        if sheet.total_height > limits.max_rows:
            raise _refuse(
                name,
                f"trang «{sheet_name}» có {sheet.total_height} dòng, quá giới hạn {limits.max_rows}.",
            )
        frame = sheet.to_polars()
        if start is None and frame.height:
            located = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(
                index
            )
            start = located.start or (0, 0)
    except FileRefused:
        raise
    except MemoryError:
        raise
    except Exception:
        raise _refuse(name, f"không đọc được trang tính «{sheet_name}»: tệp bị hỏng.") from None
    start_row, start_col = start or (0, 0)
    frame = frame.rename({old: f"c{i}" for i, old in enumerate(frame.columns)})
    _check_cell_length(frame, name, sheet_name, limits, start_row + 1, start_col)
    return Grid(name, sheet_name, frame, start_row + 1, start_col)


def _check_cell_length(
    frame: pl.DataFrame, name: str, sheet: str, limits: ImportLimits, first_row: int, first_col: int
) -> None:
    if frame.height == 0:
        return
    lengths = frame.select(pl.all().str.len_chars().max())
    for position, longest in enumerate(lengths.row(0)):
        if longest is not None and longest > limits.max_cell_chars:
            column = frame.columns[position]
            row = frame[column].str.len_chars().arg_max() or 0
            raise _refuse(
                name,
                f"trang «{sheet}»: một ô dài {longest:,} ký tự, quá giới hạn "
                f"{limits.max_cell_chars:,}.".replace(",", "."),
                row=first_row + row,
                column=column_letter(first_col + position),
            )
