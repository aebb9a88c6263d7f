"""The reading stage: any bytes → sheets of text cells with their Excel coordinates, or a
refusal in a Vietnamese sentence. The CLI, the upload page and everything after them read
through `read_book`.

Design (README «Đọc tệp không tin cậy»): the file is read by a child process
(`etl.reading.worker`) that bounds its own address space, CPU time and output before it
imports the readers, and that the parent kills past a wall-clock limit. In the child, an
.xlsx is first inflated by our own code with the bytes really produced counted and its
sheets' XML scanned as it streams (hidden sheets, stray far cells, width and height caps);
only then does calamine read it — or a copy without the stray cells. CSV and tab text are
parsed with Python's csv module in the dialect sniffed, lines counted independently.
Whatever a file does, the parent only ever sees a result file or a dead child, which it
turns into a sentence: the dashboard keeps serving while a file is read (the parent waits
without holding the GIL) and cannot be taken down by one.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow
import pyarrow.ipc

from etl.grid import Grid
from etl.problems import FileRefused, Problem
from thidua.formatting import number
from thidua.settings import LIMITS, PROJECT_ROOT, ImportLimits, too_big


@dataclass
class Book:
    """A file read: its sheets as grids, the sheets not read and why, and what the reader
    changed or noticed (a stray cell dropped) — all said to the analyst."""

    grids: list[Grid]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    peak_mb: float = 0.0  # the reading child's peak resident memory
    seconds: float = 0.0


def _refuse(file: str, message: str) -> FileRefused:
    return FileRefused([Problem(file=file, message=message)])


def read_book(path: Path, limits: ImportLimits = LIMITS, name: str | None = None) -> Book:
    """Read one file in a bounded child process; raise FileRefused with the reason."""
    shown = name or path.name
    try:
        size = path.stat().st_size
    except OSError:
        raise _refuse(
            shown, "không mở được tệp (tệp không tồn tại hoặc không có quyền đọc)."
        ) from None
    if size > limits.max_file_bytes:  # said before a child is even started
        raise _refuse(shown, too_big(size, limits) + " Hãy tách thành nhiều tệp nhỏ hơn.")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="thidua-read-") as folder:
        work = Path(folder)
        request = work / "request.json"
        request.write_text(
            json.dumps(
                {
                    "path": str(path.resolve()),
                    "name": shown,
                    "out": folder,
                    "limits": asdict(limits),
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        status, peak_mb, timed_out = _run_child(request, work, limits.read_seconds)
        book = _outcome(work, shown, limits, status, timed_out)
    book.peak_mb = max(book.peak_mb, peak_mb)
    book.seconds = time.perf_counter() - started
    return book


def _run_child(request: Path, work: Path, seconds: float) -> tuple[int, float, bool]:
    """(wait status, peak resident MB, killed for time) of the reading child."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep
    )
    env["RUST_BACKTRACE"] = "0"
    with (work / "stderr.txt").open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "etl.reading.worker", str(request)],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
    deadline = time.monotonic() + seconds
    pause = 0.002
    timed_out = False
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            timed_out = True
            os.kill(child.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(pause)
        pause = min(pause * 2, 0.02)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return status, usage.ru_maxrss / 1024, timed_out


def _outcome(work: Path, shown: str, limits: ImportLimits, status: int, timed_out: bool) -> Book:
    result_file = work / "result.json"
    if result_file.exists() and not timed_out:
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
    seconds = number(limits.read_seconds, 0)
    if timed_out or (
        os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL)
    ):
        raise _refuse(
            shown,
            f"đọc tệp quá {seconds} giây nên đã dừng để bảo vệ máy chủ; tệp quá lớn hoặc bị hỏng. "
            "Hãy mở bằng Excel, lưu lại dưới dạng .xlsx (hoặc tách thành nhiều tệp) rồi gửi lại.",
        )
    if (result_file.exists() or b"memory allocation" in stderr or b"MemoryError" in stderr
            or (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGABRT)):  # fmt: skip
        raise _refuse(
            shown,
            f"đọc tệp cần hơn {number(limits.read_memory_mb, 0)} MB bộ nhớ nên đã dừng để bảo vệ "
            "máy chủ. Thường do một trang có ô ở rất xa bảng (ví dụ ô cuối XFD1048576) hoặc tệp "
            "bị hỏng: hãy mở bằng Excel, xóa các dòng và cột thừa sau bảng, lưu lại dưới dạng "
            ".xlsx rồi gửi lại.",
        )
    raise _refuse(
        shown,
        "không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng; hãy mở bằng Excel rồi lưu "
        "lại dưới dạng .xlsx.",
    )


def _frame(file: Path) -> pl.DataFrame:
    """The child's sheet, memory-mapped: 10 ms for a 100k-row register where pl.read_ipc
    takes 0,2 s. The mapping outlives the file's removal (Linux keeps the pages)."""
    table = pyarrow.ipc.open_file(pyarrow.memory_map(str(file))).read_all()
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    return frame


def _book(work: Path, shown: str, result: dict[str, Any]) -> Book:
    grids = [
        Grid(
            shown,
            sheet["sheet"],
            _frame(work / sheet["file"]),
            int(sheet["first_row"]),
            int(sheet["first_col"]),
            sheet["encoding"],
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
