"""Inside the reading child: one file's bytes to sheets of text cells (or a refusal),
written out as Arrow IPC for the parent. Runs under the child's bounds only (see worker.py);
it imports no Polars, and Arrow only once calamine is already reading (the parent cleans the
text, etl.grid): an .xlsx starts being read ~0,1 s after the child starts."""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastexcel

from etl import refusals
from etl.problems import FileRefused, column_letter, refused
from etl.reading.kinds import kind_of
from etl.reading.xlsx import plan_xlsx, visible_sheets
from thidua.settings import ImportLimits

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass
class Sheet:
    """One sheet read: its cells as text columns c0..cN, where it starts in Excel."""

    name: str
    cells: pa.Table
    first_row: int  # Excel row number of the first row
    first_col: int  # 0-based Excel column of c0
    encoding: str | None = None  # legacy encoding of a text file, if any


class ScanFirst(Exception):  # noqa: N818 — a request, not an error
    """The fast read must stop: the scan found cells calamine must not see (stray far
    cells); the parent reads the file again with the scan first."""


def read_here(
    path: Path, name: str, limits: ImportLimits, out: Path, fast: bool = False
) -> dict[str, Any]:
    sheets, skipped, warnings = read_in_process(path, name, limits, out, fast)
    import pyarrow as pa
    import pyarrow.ipc

    written = []
    for index, sheet in enumerate(sheets):
        file = out / f"sheet{index}.arrow"
        with (
            pa.OSFile(str(file), "wb") as sink,
            pyarrow.ipc.new_file(sink, sheet.cells.schema) as ipc,
        ):
            ipc.write_table(sheet.cells)
        written.append(
            {
                "sheet": sheet.name,
                "file": file.name,
                "first_row": sheet.first_row,
                "first_col": sheet.first_col,
                "encoding": sheet.encoding,
            }
        )
    return {"ok": True, "sheets": written, "skipped": skipped, "warnings": warnings}


def read_in_process(
    path: Path, name: str, limits: ImportLimits, work: Path, fast: bool = False
) -> tuple[list[Sheet], list[tuple[str, str]], list[str]]:
    """The visible, non-empty sheets, the sheets skipped and why, warnings.

    `fast`: an .xlsx is read by calamine in a thread while the scan runs on this one (2 cores:
    a 100k-row register ~0,3 s sooner). Calamine may then meet what the scan is looking
    for — the process may abort — so the child runs fast only as a first try: a scan that
    finds stray cells raises ScanFirst, and the parent reads again scan-first after any
    death of a fast child. A refusal by the scan ends the child at once (os._exit in the
    worker), whatever calamine is doing."""
    # Too big was said by the parent before it started this child (read_measured).
    if path.stat().st_size == 0:
        raise refused(name, refusals.EMPTY_FILE)
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    kind = kind_of(head, str(path))
    if kind.refusal:
        raise refused(name, kind.refusal)
    skipped: list[tuple[str, str]] = []
    warnings: list[str] = []
    if kind.name == "text":
        from etl.reading.text import read_text_table

        table, first_row, encoding, _ = read_text_table(path.read_bytes(), name, limits)
        grids = [Sheet("CSV", table, first_row, 0, encoding)]
    elif kind.name == "xlsx" and fast:
        early = _Early(path, visible_sheets(path, name, limits))
        _yield_to_calamine()
        plan = plan_xlsx(path, name, limits, work, rescue=False)
        if any(sheet.stray for sheet in plan.sheets):
            raise ScanFirst
        skipped, warnings = plan.skipped, plan.warnings
        grids = [
            early.sheet(
                name, sheet.index, sheet.name, limits, (sheet.first_row - 1, sheet.first_col)
            )
            for sheet in plan.sheets
            if not sheet.empty
        ]
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
    grids = [g for g in grids if g.cells.num_rows and g.cells.num_columns]
    if not grids:
        if skipped:
            raise refused(name, refusals.every_sheet_hidden([s for s, _ in skipped]))
        raise refused(name, refusals.NO_DATA)
    return grids, skipped, warnings


def _yield_to_calamine() -> None:
    """Lower this thread's priority (Linux nices threads one by one; calamine's thread, already
    started, keeps its own). On 2 cores the scan, calamine and the parent's imports share
    the CPU for the first 0,5 s; calamine's read is the one the import waits for, while the
    scan has time to spare."""
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def _read_xls(
    path: Path, name: str, limits: ImportLimits
) -> tuple[list[Sheet], list[tuple[str, str]]]:
    import python_calamine

    try:
        metadata = python_calamine.CalamineWorkbook.from_path(str(path)).sheets_metadata
    except Exception:  # calamine raises several unrelated types for broken files
        raise refused(name, refusals.BROKEN_XLS) from None
    sheets, skipped = [], []
    for index, sheet in enumerate(metadata):
        visible = str(sheet.visible).rsplit(".", 1)[-1].lower()
        if visible != "visible":
            skipped.append((sheet.name, refusals.HIDDEN_SHEET))
            continue
        if "worksheet" not in str(sheet.typ).lower():
            skipped.append((sheet.name, refusals.CHART_SHEET))
            continue
        sheets.append(_load(path, name, index, sheet.name, limits, None))
    return sheets, skipped


class _Early:
    """Calamine reading the visible sheets in a daemon thread (it lets go of the GIL); the
    sheets become Arrow tables in the main thread, once the scan has said they may."""

    def __init__(self, path: Path, indexes: list[int]) -> None:
        self.loaded: dict[int, Any] = {}  # fastexcel sheets, or what loading one raised
        self.thread = threading.Thread(target=self._run, args=(path, indexes), daemon=True)
        self.thread.start()

    def _run(self, path: Path, indexes: list[int]) -> None:
        try:
            reader = fastexcel.read_excel(str(path))
        except BaseException as error:  # noqa: BLE001 — said by sheet() in the main thread
            self.loaded = dict.fromkeys(indexes, error)
            return
        for index in indexes:
            try:
                # Eager: calamine's cells straight to Arrow in this thread (lazy, then
                # to_arrow() in the main one, took 0,13 s more for a 100k-row register).
                self.loaded[index] = reader.load_sheet(
                    index, header_row=None, dtypes="string", eager=True
                )
            except BaseException as error:  # noqa: BLE001
                self.loaded[index] = error

    def sheet(
        self, name: str, index: int, sheet_name: str, limits: ImportLimits, start: tuple[int, int]
    ) -> Sheet:
        import pyarrow as pa

        self.thread.join()
        loaded = self.loaded.get(index)
        if isinstance(loaded, MemoryError):
            raise loaded
        try:
            if loaded is None or isinstance(loaded, BaseException):
                raise ValueError(sheet_name)
            table = pa.Table.from_batches([loaded])
        except MemoryError:
            raise
        except Exception:
            raise refused(name, refusals.broken_sheet(sheet_name)) from None
        return _sheet(table, name, sheet_name, limits, start)


def _sheet(
    table: pa.Table, name: str, sheet_name: str, limits: ImportLimits, start: tuple[int, int]
) -> Sheet:
    if table.num_rows > limits.max_rows:
        raise refused(name, refusals.sheet_too_long(sheet_name, table.num_rows))
    start_row, start_col = start
    table = table.rename_columns([f"c{i}" for i in range(table.num_columns)])
    _check_cell_length(table, name, sheet_name, limits, start_row + 1, start_col)
    return Sheet(sheet_name, table, start_row + 1, start_col)


def _load(
    path: Path,
    name: str,
    index: int,
    sheet_name: str,
    limits: ImportLimits,
    start: tuple[int, int] | None,
) -> Sheet:
    """One sheet through calamine as text; `start` (0-based row, column) from the XML scan,
    or None to ask calamine (a legacy .xls: the sheet is read a second time)."""
    import pyarrow as pa
    import python_calamine

    try:
        sheet = fastexcel.read_excel(str(path)).load_sheet(index, header_row=None, dtypes="string")
        if sheet.total_height > limits.max_rows:
            raise refused(
                name, refusals.sheet_over_row_limit(sheet_name, sheet.total_height, limits.max_rows)
            )
        table = pa.Table.from_batches([sheet.to_arrow()])
        if start is None and table.num_rows:
            located = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(
                index
            )
            start = located.start or (0, 0)
    except (FileRefused, MemoryError):
        raise
    except Exception:
        raise refused(name, refusals.broken_sheet(sheet_name)) from None
    return _sheet(table, name, sheet_name, limits, start or (0, 0))


def _check_cell_length(
    table: pa.Table, name: str, sheet: str, limits: ImportLimits, first_row: int, first_col: int
) -> None:
    import pyarrow.compute as pc

    for position, column in enumerate(table.columns):
        lengths = pc.utf8_length(column)
        longest = pc.max(lengths).as_py()
        if longest is not None and longest > limits.max_cell_chars:
            row = pc.index(lengths, longest).as_py()
            raise refused(
                name,
                refusals.cell_too_long(sheet, longest, limits.max_cell_chars),
                row=first_row + row,
                column=column_letter(first_col + position),
            )
