"""`read_book`: one file read by a bounded child, turned into grids or a refusal."""

from __future__ import annotations

import json
import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Imported with this module, not when the first sheet arrives: the CLI imports it while the
# child reads, where importing it after the child ended added 0,13 s to every import.
import pyarrow
import pyarrow.ipc

from etl import refusals
from etl.problems import FileRefused, Problem, refused
from etl.reading.child import Child, Finished, take
from thidua.settings import LIMITS, ImportLimits

if TYPE_CHECKING:
    import polars as pl

    from etl.grid import Grid


@dataclass
class Book:
    """A file read: its sheets as grids, the sheets not read and why, and what the reader
    changed or noticed (a stray cell dropped) — all said to the analyst."""

    grids: list[Grid]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    peak_mb: float = 0.0  # the reading child's peak resident memory
    seconds: float = 0.0


@dataclass
class Reading:
    """One file read — its book, or why it was refused — with the time and the peak
    memory of the children that read it (the benchmark's view of read_book)."""

    book: Book | None
    refused: FileRefused | None
    seconds: float = 0.0
    peak_mb: float = 0.0


def read_book(path: Path, limits: ImportLimits = LIMITS, name: str | None = None) -> Book:
    """Read one file in a bounded child process; raise FileRefused with the reason."""
    reading = read_measured(path, limits, name)
    if reading.refused is not None:
        raise reading.refused
    assert reading.book is not None
    return reading.book


def read_measured(path: Path, limits: ImportLimits = LIMITS, name: str | None = None) -> Reading:
    shown = name or path.name
    try:
        size = path.stat().st_size
    except OSError:
        return Reading(None, refused(shown, refusals.CANNOT_OPEN))
    if size > limits.max_file_bytes:  # said before a child is even started
        return Reading(None, refused(shown, refusals.file_too_big(size, limits)))
    try:
        child = take(path, shown, limits)  # fast: calamine reads while the scan runs
    except OSError:
        return Reading(None, refused(shown, refusals.NO_READER))
    try:
        first = child.finish()
        if not _scan_first(first):
            return _attempt(first, shown, limits, first.seconds, first.peak_mb)
    finally:
        child.cleanup()
    # The fast child found stray cells or died: read again, the scan before calamine.
    try:
        child = Child(path, shown, limits, fast=False)
    except OSError:
        return Reading(None, refused(shown, refusals.NO_READER))
    try:
        again = child.finish()
        seconds, peak = first.seconds + again.seconds, max(first.peak_mb, again.peak_mb)
        return _attempt(again, shown, limits, seconds, peak)
    finally:
        child.cleanup()


def _attempt(
    finished: Finished, shown: str, limits: ImportLimits, seconds: float, peak_mb: float
) -> Reading:
    try:
        book = _outcome(finished, shown, limits)
    except FileRefused as refused:
        return Reading(None, refused, seconds, peak_mb)
    book.peak_mb, book.seconds = max(book.peak_mb, peak_mb), seconds
    return Reading(book, None, seconds, book.peak_mb)


def _scan_first(finished: Finished) -> bool:
    """A fast child that asked for it, or that died other than by the time bound."""
    if finished.timed_out:
        return False
    result_file = finished.work / "result.json"
    if not result_file.exists():
        return True
    return bool(json.loads(result_file.read_text(encoding="utf-8")).get("scan_first"))


def _outcome(finished: Finished, shown: str, limits: ImportLimits) -> Book:
    work, status = finished.work, finished.status
    result_file = work / "result.json"
    if result_file.exists() and not finished.timed_out:
        result = json.loads(result_file.read_text(encoding="utf-8"))
        if result.get("ok"):
            return _book(work, shown, result)
        if not result.get("memory"):
            problems = [
                Problem(file=shown, message=p["message"], row=p.get("row"), column=p.get("column"))
                for p in result["problems"]
            ]
            raise FileRefused(problems)
    stderr = (work / "stderr.txt").read_bytes()[-4000:]
    signalled = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if finished.timed_out or signalled in (signal.SIGXCPU, signal.SIGKILL):
        raise refused(shown, refusals.read_too_long(limits.read_seconds))
    if (
        result_file.exists()  # the child said MemoryError itself
        or any(sign in stderr.lower() for sign in _OUT_OF_MEMORY)
        or signalled == signal.SIGABRT
    ):
        raise refused(shown, refusals.read_out_of_memory(limits.read_memory_mb))
    raise refused(shown, refusals.UNREADABLE)


# What a child that ran out of address space writes: Rust's allocator, Python, the dynamic
# loader (a library that cannot be mapped: the bound is below what the reader needs to
# start), OpenBLAS (loaded with pyarrow's numpy), C++.
_OUT_OF_MEMORY = (
    b"memory allocation",
    b"memoryerror",
    b"failed to map segment",
    b"cannot allocate memory",
    b"bad_alloc",
    b"blas_thread_init",  # OpenBLAS could not start its threads within the bound
)


def _frame(file: Path) -> pl.DataFrame:
    """The child's sheet, memory-mapped: 10 ms for a 100k-row register where pl.read_ipc
    takes 0,2 s. The mapping outlives the file's removal (Linux keeps the pages)."""
    import polars as pl

    table = pyarrow.ipc.open_file(pyarrow.memory_map(str(file))).read_all()
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    return frame


def _book(work: Path, shown: str, result: dict[str, Any]) -> Book:
    from etl.grid import Grid, normalise

    grids = [
        normalise(
            Grid(
                shown,
                sheet["sheet"],
                _frame(work / sheet["file"]),
                int(sheet["first_row"]),
                int(sheet["first_col"]),
                sheet["encoding"],
            )
        )
        for sheet in result["sheets"]
    ]
    return Book(
        grids,
        [(s, why) for s, why in result["skipped"]],
        list(result["warnings"]),
        float(result.get("peak_mb", 0.0)),
    )


def read_grids(path: Path, limits: ImportLimits = LIMITS, name: str | None = None) -> list[Grid]:
    """Just the grids (tests and tools that do not report skipped sheets)."""
    return read_book(path, limits, name).grids
