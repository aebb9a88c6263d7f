"""The reading stage in `make bench`: each hostile file's time and peak memory (budget
≤ 10 s and ≤ 500 MB each), and the 100k-row register imported end to end as a whole
process against the physical floor — a process that reads the same file with calamine and
stores the frame in a DuckDB table — and against pandas + openpyxl merely reading it."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from etl.reading.stage import read_measured
from tests.hostile_files import HOSTILE
from thidua.formatting import number
from thidua.settings import PROJECT_ROOT

Row = tuple[str, float, str]

FLOOR = """
import sys, duckdb, polars as pl
frame = pl.read_excel(sys.argv[1], engine="calamine", has_header=False)
con = duckdb.connect(sys.argv[2])
con.execute("CREATE TABLE sheet AS SELECT * FROM frame")
con.close()
"""
PANDAS = """
import sys, pandas as pd
pd.read_excel(sys.argv[1], engine="openpyxl", header=None)
"""


def hostile_rows(folder: Path) -> list[Row]:
    rows = []
    for label, make in HOSTILE.items():
        path = make(folder)
        reading = read_measured(path)
        if reading.book is not None:
            shown = sum(g.cells.height for g in reading.book.grids)
            verdict = f"đọc {number(shown)} dòng" + (", có lưu ý" if reading.book.warnings else "")
            verdict += f", bỏ {len(reading.book.skipped)} trang ẩn" if reading.book.skipped else ""
        else:
            assert reading.refused is not None
            verdict = "từ chối: «" + reading.refused.problems[0].message[:70] + "…»"
        within = reading.seconds <= 10 and reading.peak_mb <= 500
        rows.append(
            (
                f"tệp xấu — {label} ({_size(path)})",
                reading.seconds,
                f"đỉnh {number(reading.peak_mb, 0)} MB; {verdict}; "
                f"{'trong' if within else 'VƯỢT'} ngân sách ≤ 10 s, ≤ 500 MB",
            )
        )
    return rows


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{number(size / 1024, 0)} KB" if size < 1 << 20 else f"{number(size / (1 << 20), 1)} MB"


def _process(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=PROJECT_ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def process_rows(folder: Path, register: Path, rounds: int = 9) -> tuple[list[Row], Path]:
    """Whole processes, one of each per round, the ratio taken within a round (the
    machine's speed moves from minute to minute: one round's ratio ranges 1,1-1,5× on this
    virtual machine, hence 9 rounds and their median, the fastest of each beside it);
    returns the rows and a warehouse that holds the register (for the next rows)."""

    def fresh() -> Path:
        return Path(tempfile.mkdtemp(dir=folder)) / "w.duckdb"

    _process(["-c", FLOOR, str(register), str(fresh())])  # warms the page cache; not counted
    floors, ours = [], []
    master = fresh()
    for _ in range(rounds):
        floors.append(_process(["-c", FLOOR, str(register), str(fresh())]))
        master = fresh()
        ours.append(_process(["-m", "etl", "import", str(register), "--db", str(master)]))
    pandas = min(_process(["-c", PANDAS, str(register)]) for _ in range(2))
    ratio = statistics.median(o / f for o, f in zip(ours, floors, strict=True))
    floor, mine = statistics.median(floors), statistics.median(ours)
    name = register.name
    rows = [
        (f"{name}: tiến trình sàn (python: calamine đọc, lưu vào bảng DuckDB)", floor, "1,00×"),
        (
            f"{name}: tiến trình python -m etl import vào kho mới (đọc trong tiến trình con "
            "có giới hạn, kiểm tra, ghi, bản chụp)",
            mine,
            f"{number(ratio, 2)}× sàn (ngân sách ≤ 1,3×); nhanh nhất/nhanh nhất "
            f"{number(min(ours) / min(floors), 2)}×; tỉ số từng vòng "
            f"{number(min(o / f for o, f in zip(ours, floors, strict=True)), 2)}–"
            f"{number(max(o / f for o, f in zip(ours, floors, strict=True)), 2)}×",
        ),
        (
            f"{name}: tiến trình pandas + openpyxl chỉ đọc",
            pandas,
            f"chậm hơn ta {number(pandas / mine, 1)}× (ngân sách ≥ 5×)",
        ),
    ]
    return rows, master
