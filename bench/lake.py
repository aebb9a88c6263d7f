"""`python -m bench lake`: the same national warehouse as a DuckDB file and as a DuckLake
(SQLite catalog; and PostgreSQL's, when it is installed), side by side — each page's queries
cold and warm, 34 provinces writing at once, and a 5,000-row decision list and a 100,000-row
register imported until readers see them."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.run import PAGE_CALLS, make_files, national_warehouse, page_timings, print_table
from deploy import postgres_local
from etl.importer import import_files
from etl.reading.child import keep_one_ready
from thidua import access, lake, lake_schema, lake_writer, warehouse
from thidua.formatting import number
from thidua.meta import set_fact

Row = tuple[str, float, str]


def lake_copy(master: Path, where: lake.Lake) -> None:
    """The file's tables into a new lake (its aggregates rebuilt there, as a writer would)."""
    with lake_writer.writing(where) as con:
        con.execute(f"ATTACH '{master}' AS source (READ_ONLY)")
        con.execute("BEGIN")
        for table in lake_schema.tables():  # fixed names, from the migrations
            con.execute(f"DELETE FROM {table}")  # noqa: S608
            con.execute(f"INSERT INTO {table} SELECT * FROM source.{table}")  # noqa: S608
        con.execute("UPDATE writer_turn SET turn = (SELECT max(batch_id) FROM import_batches)")
        set_fact(con, "aggregates", "stale")  # leaving `writing` builds them in the lake
        con.execute("COMMIT")
        con.execute("DETACH source")


def _import_until_seen(where: warehouse.Warehouse, decision_list: Path) -> float:
    start = time.perf_counter()
    [report] = import_files([decision_list], where, access.operator())
    assert report.status == "imported", report.message()
    seen = warehouse.open_for_reading(where)  # a reader that sees it: the snapshot, or the lake
    seen.close()
    return time.perf_counter() - start


@contextlib.contextmanager
def _postgres(folder: Path) -> Iterator[str | None]:
    try:
        postgres_local.binaries()
    except postgres_local.PostgresMissing:
        yield None
        return
    pg_folder = Path(tempfile.mkdtemp(prefix="thidua-pg-"))
    try:
        with postgres_local.running(pg_folder) as cluster:
            yield f"ducklake:postgres:{cluster.conninfo}"
    finally:
        shutil.rmtree(pg_folder, ignore_errors=True)


# The columns of an analyst's register (tests/builders.py REGISTER_HEADER, samples' layout).
HEADER = ["Năm", "Số quyết định", "Ngày quyết định", "Đối tượng", "Họ tên / Tên tập thể",
          "Giới tính", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Loại hình"]  # fmt: skip


def province_lists(folder: Path, provinces: int, per_province: int, rows: int) -> list[list[Path]]:
    """Each province's decision lists: its own decision numbers, `rows` people each."""
    import xlsxwriter

    lists = []
    for province in range(provinces):
        mine = []
        for number_ in range(per_province):
            path = folder / f"tinh{province:02d}_qd{number_}.xlsx"
            book = xlsxwriter.Workbook(path)
            sheet = book.add_worksheet("DS")
            sheet.write_row(0, 0, HEADER)
            for k in range(rows):
                sheet.write_row(k + 1, 0, [
                    "2025", f"{province:02d}{number_:02d}/QĐ-UBND", "15/12/2025", "Cá nhân",
                    f"Người {province}-{number_}-{k}", "Nữ" if k % 2 else "Nam", "Chuyên viên",
                    "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên",
                ])  # fmt: skip
            book.close()
            mine.append(path)
        lists.append(mine)
    return lists


RETRIED = "RETRY"  # the mark of a retry's line on a writer's stderr


def writers_rows(
    name: str, where: lake.Lake, folder: Path, provinces: int = 34, each: int = 5
) -> list[Row]:
    """`provinces` command-line imports at once (python -m etl import, each its own process),
    `each` lists apiece, into one lake: wall time, failures, batches written."""
    import subprocess
    import sys

    lists = province_lists(folder, provinces, each, rows=50)
    env = {**os.environ, "THIDUA_LAKE_DATA": where.data_path}
    start = time.perf_counter()
    # Each process is `python -m etl import …` with the lake's retries logged (thidua.lake_writer
    # RETRY_LOG) to its stderr, where they are counted.
    run = (
        "import logging, sys; from etl.cli import main; logging.basicConfig(level=logging.INFO, "
        f"format={RETRIED + ' %(message)s'!r}); logging.getLogger().handlers[0].addFilter("
        "lambda r: r.name == 'thidua.lake.retry'); sys.exit(main(sys.argv[1:]))"
    )
    started = [
        subprocess.Popen([sys.executable, "-c", run, "--db", where.address, "import", *map(str, files)],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for files in lists
    ]  # fmt: skip
    said = [p.communicate()[1] for p in started]
    retries = sum(line.startswith(RETRIED) for text in said for line in text.splitlines())
    failed = sum(1 for p in started if p.returncode != 0)
    seconds = time.perf_counter() - start
    con = warehouse.open_for_reading(where)
    written = con.execute(
        "SELECT count(*) FROM import_batches WHERE file_name LIKE 'tinh%'"
    ).fetchone()
    con.close()
    note = (f"{written[0] if written else 0} lần nhập ghi được / {provinces * each}; "
            f"ghi lại sau va chạm: {retries}; tiến trình lỗi: {failed}")  # fmt: skip
    if failed:
        why = next(text for p, text in zip(started, said, strict=True) if p.returncode)
        note += " — " + (why.strip().splitlines() or ["?"])[-1][:200]
    return [(f"{name}: {provinces} tỉnh nhập cùng lúc, mỗi tỉnh {each} danh sách 50 dòng",
             seconds, note)]  # fmt: skip


def lake_table(size: int = 1_000_000, writers: bool = True) -> None:
    with tempfile.TemporaryDirectory() as tmp, _postgres(Path(tmp)) as pg:
        folder = Path(tmp)
        register, decision_list = make_files(folder)
        master = national_warehouse(folder, size)
        engines: dict[str, warehouse.Warehouse] = {"tệp DuckDB": master}
        engines["DuckLake (SQLite)"] = lake.lake_of(f"ducklake:sqlite:{folder / 'lake.sqlite'}")
        if pg:
            engines["DuckLake (PostgreSQL)"] = lake.lake_of(pg, str(folder / "pg_data") + "/")
        rows: list[Row] = []
        measured = {}
        for name, where in engines.items():
            if isinstance(where, lake.Lake):
                start = time.perf_counter()
                lake_copy(master, where)
                rows.append(
                    (f"{name}: chép kho {number(size)} dòng vào", time.perf_counter() - start, "")
                )
            measured[name] = page_timings(lambda w=where: warehouse.open_for_reading(w))  # type: ignore[misc]
        for page in PAGE_CALLS:
            for name in engines:
                cold, warm = measured[name][page]
                note = f"lạnh {cold * 1000:.0f} ms; ngân sách ≤ 150 ms"
                rows.append((f"{page} — {name}, {number(size)} dòng (ấm)", warm, note))
        for name, where in engines.items():
            if isinstance(where, lake.Lake) and writers:
                rows += writers_rows(name, where, folder)
        # Read as on the upload page, by the child the server keeps on standby.
        keep_one_ready()
        for name, where in engines.items():
            seconds = _import_until_seen(where, decision_list)
            budget = "ngân sách ≤ 1 s" if isinstance(where, lake.Lake) else ""
            rows.append((f"Danh sách 5.000 dòng vào {name} {number(size)} dòng, tới khi người đọc thấy",
                         seconds, budget))  # fmt: skip
        for name, where in engines.items():
            seconds = _import_until_seen(where, register)
            rows.append((f"Sổ khen thưởng 100.000 dòng vào {name} {number(size)} dòng, tới khi người đọc thấy",
                         seconds, ""))  # fmt: skip
        print_table(rows)
