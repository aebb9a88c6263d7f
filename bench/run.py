"""`python -m bench`: import and query timings on this machine, printed as one table with
ratios measured in the same run (the budgets of issue 7 beside them)."""

from __future__ import annotations

import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

from bench.reading import hostile_rows, process_rows
from demo_province import build_province, national_awards, write_decision_list, write_register
from etl.importer import import_files
from etl.load import WRITERS
from etl.parse.values import parse_date
from thidua import access, db, dossiers, forms, metrics, reports
from thidua.filters import Filters
from thidua.formatting import number


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """Best wall time of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def _repeated(awards: pl.DataFrame, rows: int) -> pl.DataFrame:
    """`rows` awards made by repeating the demo's; each copy's recipients get a letter after
    their name, since a list that names one recipient twice for one award is refused."""
    copies = rows // awards.height + 1
    return pl.concat(
        awards.with_columns(recipient_name=pl.col("recipient_name") + f" {chr(65 + i)}" * (i > 0))
        for i in range(copies)
    ).head(rows)


def make_files(folder: Path, rows: int = 100_000, list_rows: int = 5_000) -> tuple[Path, Path]:
    province = build_province()
    register = province.awards.filter(pl.col("file_kind") == "register")
    big = _repeated(register, rows)
    register_path = folder / "so_khen_thuong_100k.xlsx"
    write_register(register_path, big)
    candidates = register.filter(pl.col("form_code") == "BK_TINH")
    one = candidates.row(0, named=True)
    # One decision: a person the register rewards in two decisions is listed once.
    once = candidates.unique(["recipient_kind", "recipient_name"])
    decision = _repeated(once.sort("recipient_name"), list_rows).with_columns(
        decision_no=pl.lit(one["decision_no"]), decision_date=pl.lit(one["decision_date"]),
        year=pl.lit(one["year"]), gender=pl.lit(None, dtype=pl.String),
    )  # fmt: skip
    list_path = folder / "qd_bang_khen_5k.xlsx"
    write_decision_list(list_path, decision, "Nguyễn Văn Chủ Tịch")
    return register_path, list_path


# Rounds of (floor, bare write, our import) made side by side: the machine's speed moves
# from minute to minute, so each ratio is taken within a round and the median reported.
ROUNDS = 5


def _import_seconds(path: Path, master: Path) -> float:
    start = time.perf_counter()
    [report] = import_files([path], master, access.operator())
    seconds = time.perf_counter() - start
    assert report.status == "imported", report.message()
    return seconds


def _floor_read(path: Path) -> pl.DataFrame:
    """The floor: the bare calamine read of the file, as Polars gives it."""
    return pl.read_excel(path, engine="calamine", has_header=False)


def _bare_write(path: Path, folder: Path) -> None:
    """The least any import into DuckDB costs: the floor's read, written as it is (text
    columns, no header found, nothing checked) into a new database file."""
    frame = _floor_read(path)
    con = duckdb.connect(str(Path(tempfile.mkdtemp(dir=folder)) / "bare.duckdb"))
    con.register("frame", frame.to_arrow())
    con.execute("CREATE TABLE sheet AS SELECT * FROM frame")
    con.close()


class _OpenWarehouse:
    """The least an import could cost even in a service that keeps the warehouse open: the
    floor's read appended as it is to a table that already exists, then committed (DuckDB
    writes its log to disk) — no header found, nothing checked, no aggregate refreshed."""

    def __init__(self, path: Path, folder: Path, check: bool = False) -> None:
        self.path, self.check = path, check
        self.con = duckdb.connect(str(Path(tempfile.mkdtemp(dir=folder)) / "open.duckdb"))
        self.con.register("frame", _floor_read(path).to_arrow())
        self.con.execute("CREATE TABLE sheet AS SELECT * FROM frame LIMIT 0")
        self.con.unregister("frame")
        self.con.execute("CHECKPOINT")
        self()  # a first append warms the table; not counted

    def __call__(self) -> None:
        frame = _floor_read(self.path)
        if self.check:
            _least_check(frame)
        self.con.execute("BEGIN")
        self.con.register("frame", frame.to_arrow())
        self.con.execute("INSERT INTO sheet SELECT * FROM frame")
        self.con.unregister("frame")
        self.con.execute("COMMIT")


def _least_check(frame: pl.DataFrame) -> None:
    """Less than any per-cell check can do: every cell read once as text, the empty ones
    counted per column, the last column parsed as dates."""
    text = frame.select(pl.all().cast(pl.String))
    text.select(pl.all().is_null().sum())
    text.select(parse_date(pl.col(text.columns[-1]))).null_count()


def _pandas_openpyxl(path: Path) -> None:
    import pandas as pd

    pd.read_excel(path, engine="openpyxl", header=None)


def import_rows(
    folder: Path, path: Path, existing: Path | None = None, repeat: int = ROUNDS
) -> tuple[list[tuple[str, float, str]], Path]:
    """The file into a new warehouse (and into a copy of `existing`, a warehouse already
    holding data), against the floor; returns the rows and the last new warehouse."""

    def floor() -> pl.DataFrame:
        return _floor_read(path)

    floor()  # a first read loads the readers' code; not counted
    rounds: dict[str, list[float]] = {
        "floor": [], "open": [], "checked": [], "bare": [], "new": [], "existing": []
    }  # fmt: skip
    master = folder
    append = _OpenWarehouse(path, folder)
    checked = _OpenWarehouse(path, folder, check=True)
    for _ in range(repeat):
        rounds["floor"].append(timed(floor))
        rounds["open"].append(timed(append))
        rounds["checked"].append(timed(checked))
        rounds["bare"].append(timed(lambda: _bare_write(path, folder)))
        master = Path(tempfile.mkdtemp(dir=folder)) / "w.duckdb"
        rounds["new"].append(_import_seconds(path, master))
        if existing is not None:
            copy = Path(tempfile.mkdtemp(dir=folder)) / "w.duckdb"
            shutil.copyfile(existing, copy)
            rounds["existing"].append(_import_seconds(path, copy))
    append.con.close()
    checked.con.close()
    pandas = timed(lambda: _pandas_openpyxl(path))

    def ratio(kind: str) -> str:
        each = [t / f for t, f in zip(rounds[kind], rounds["floor"], strict=False)]
        return f"{number(statistics.median(each), 2)}× sàn"

    name, budget = path.name, " (ngân sách ≤ 1,5×)"
    median = {kind: statistics.median(times) for kind, times in rounds.items() if times}
    rows = [
        (f"{name}: polars.read_excel calamine (sàn)", median["floor"], "1,00×"),
        (f"{name}: sàn + ghi nguyên dạng thêm vào một kho DuckDB đang mở, COMMIT, không kiểm tra gì",
         median["open"], ratio("open") + ": cận dưới kể cả khi kho luôn mở"),
        (f"{name}: như trên, thêm phép kiểm tra tối thiểu (mọi ô đọc thành chữ một lần, đếm ô trống, "
         "một cột ngày)", median["checked"], ratio("checked") + ": cận dưới của một lần nhập có kiểm tra"),
        (f"{name}: sàn + ghi nguyên dạng vào một tệp DuckDB mới, không kiểm tra gì", median["bare"],
         ratio("bare") + ": phần tối thiểu của mọi lần nhập vào DuckDB"),
        (f"{name}: python -m etl import vào kho mới, tới bản chụp", median["new"],
         ratio("new") + budget),
    ]  # fmt: skip
    if existing is not None:
        rows.append((f"{name}: python -m etl import vào kho đã có sổ 100k dòng, tới bản chụp",
                     median["existing"], ratio("existing") + budget))  # fmt: skip
    rows.append((f"{name}: pandas + openpyxl chỉ đọc", pandas,
                 f"chậm hơn ta {number(pandas / median['new'], 1)}× (ngân sách ≥ 10×)"))  # fmt: skip
    return rows, master


def national_warehouse(folder: Path, rows: int) -> Path:
    """A warehouse holding `rows` national-scale awards, loaded directly (not through files)."""
    per_year = max(rows // (34 * 20), 1)
    frame = national_awards(provinces=34, years=range(2006, 2026), awards_per_year=per_year).head(
        rows
    )
    master = folder / f"national_{rows}.duckdb"
    with db.writing(master) as con:  # the aggregates are built and the snapshot published
        con.execute(
            "INSERT INTO import_batches (batch_id, file_name, sha256, layout, rows) VALUES (1, 'national', 'x', 'awards', ?)",
            [frame.height],
        )
        flat = frame.with_columns(pl.col(pl.Enum).cast(pl.String)).with_row_index("award_id")
        con.register("national", flat.to_arrow())
        con.execute(
            """INSERT INTO award SELECT award_id, 1, award_id, year, decision_no, decision_date, form_code, form_text,
               NULL, award_type, recipient_kind, recipient_name, position, is_leader, NULL, gender, unit_name,
               achievement_year, campaign_code FROM national ORDER BY year"""
        )  # in the order a national roll-up grows: year after year (not province by province)
        # Rows loaded directly carry their own ids: later imports continue after them.
        con.execute(f"CREATE OR REPLACE SEQUENCE award_seq START {flat.height + 1}")
        con.execute("CREATE OR REPLACE SEQUENCE batch_seq START 2")
        _blocs_and_campaigns(con)
    return master


def _blocs_and_campaigns(con: duckdb.DuckDBPyConnection) -> None:
    """Bloc scoring is provincial and the national rows name units without their province,
    so one province's 20 years of blocs, members and scores (each unit in one bloc a year),
    and the campaign plans, written by the importer's own writers."""
    province = build_province(years=range(2006, 2026), awards_per_year=10)
    # A province's one-stop desk: the demo's registers, about 850 dossiers a year 2017–2025.
    desk = build_province().dossiers
    kinds = province.memberships.select("year", "bloc_name", "bloc_kind").unique()
    incoming = {
        "memberships": province.memberships,
        "bloc_scores": province.bloc_scores.rename({"total": "total_score"}).join(
            kinds, on=["year", "bloc_name"]
        ),
        "campaigns": province.campaigns.rename(
            {"plan_no": "campaign_code", "start": "start_date", "end": "end_date"}
        ),
        "dossiers": desk.with_columns(
            form_codes=pl.col("forms_text").map_elements(_form_codes, return_dtype=pl.String)
        ).select(*DOSSIER_COLUMNS),
    }
    for layout, frame in incoming.items():  # memberships first: the scores' blocs exist then
        con.register("incoming", frame.with_columns(source_row=pl.int_range(pl.len())).to_arrow())
        try:
            WRITERS[layout](con, 1)
        finally:
            con.unregister("incoming")


DOSSIER_COLUMNS = ("dossier_no", "submission", "unit_name", "received_on", "due_on", "returned_on",
                   "status", "reason", "form_codes", "forms_text", "recipients", "decision_no")  # fmt: skip


def _form_codes(text: str) -> str:
    return ",".join(str(forms.form_code(part)) for part in text.split("; "))


def import_into_rows(master: Path, path: Path, size: int) -> tuple[str, float, str]:
    """An analyst's everyday case: one decision list into the national warehouse (the
    aggregates refreshed for the years and people it touches, the snapshot published)."""
    start = time.perf_counter()
    [report] = import_files([path], master, access.operator())
    seconds = time.perf_counter() - start
    assert report.status == "imported", report.message()
    return (f"{path.name}: nhập vào kho {number(size)} dòng, tới bản chụp mới", seconds, "")


PAGE_CALLS: dict[str, Callable[[duckdb.DuckDBPyConnection], object]] = {
    "Tổng quan": lambda con: (metrics.filter_options(con), metrics.overview(con, 2025)),
    # The award list behind a chart is loaded when a bar is clicked (or above 2,000 awards,
    # when asked), so it is not part of the page's first load; see "Danh sách" below.
    "Xếp hạng khối thi đua": lambda con: reports.bloc_ranking(
        con, 2025, str(reports.bloc_years(con)["bloc_name"][0])
    ),
    "Xếp hạng khối thi đua, thẻ thứ hạng qua các năm và dẫn đầu các khối (khi mở)": lambda con: (
        reports.bloc_rank_history(con, 2025, str(reports.bloc_years(con)["bloc_name"][0])),
        reports.bloc_leaders(con, 2025),
    ),
    "Cơ cấu khen thưởng": lambda con: reports.distribution(con, Filters()),
    "Lãnh đạo và NLĐ trực tiếp": lambda con: reports.leader_shares(
        con, Filters(year_from=2025, year_to=2025), 0.6
    ),
    # Its other tabs read their own figures when opened.
    "Lãnh đạo và NLĐ trực tiếp, thẻ khối và phân loại chức vụ (khi mở)": lambda con: (
        reports.shares_by_bloc(con, Filters(year_from=2025, year_to=2025), 0.6),
        reports.position_classes(con, Filters(year_from=2025, year_to=2025)),
    ),
    "Phong trào thi đua": lambda con: reports.campaigns(con, Filters()),
    # One province's desk (≈ 6,800 dossiers), its decisions looked up among all the awards.
    "Hồ sơ đề nghị": lambda con: _dossier_page(con),
    "Tra cứu": lambda con: reports.search_recipients(con, "nguyen van an"),
    "Danh sách khen thưởng của một đơn vị (bấm cột)": lambda con: reports.award_list(
        con, Filters(), reports.Selection(unit_name=_a_unit(con))
    ),
}


def _dossier_page(con: duckdb.DuckDBPyConnection) -> object:
    rows = dossiers.dossier_rows(con, Filters(), date(2026, 12, 4))
    return dossiers.figures(rows), dossiers.by(rows, "year")


def _a_unit(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute(
        "SELECT unit_name FROM award_counts WHERE unit_name IS NOT NULL LIMIT 1"
    ).fetchone()
    return str(row[0]) if row else ""


def page_timings(
    opener: Callable[[], duckdb.DuckDBPyConnection],
) -> dict[str, tuple[float, float]]:
    """Each page's queries on a connection of its own: (cold — its first call, warm)."""
    timings = {}
    for page, call in PAGE_CALLS.items():
        con = opener()
        cold = timed(lambda c=con, f=call: f(c))  # type: ignore[misc]
        warm = timed(lambda c=con, f=call: f(c), repeat=3)  # type: ignore[misc]
        con.close()
        timings[page] = (cold, warm)
    return timings


def query_rows(master: Path, rows: int) -> list[tuple[str, float, str]]:
    return [
        (f"{page}: truy vấn, {number(rows)} dòng (ấm)", warm,
         f"lạnh {cold * 1000:.0f} ms; ngân sách ≤ 150 ms")
        for page, (cold, warm) in page_timings(lambda: db.open_snapshot(master)).items()
    ]  # fmt: skip


def print_table(rows: list[tuple[str, float, str]]) -> None:
    print("| phép đo | thời gian | so sánh |")
    print("|---|---:|---|")
    for name, seconds, note in rows:
        shown = (
            ""
            if seconds == 0
            else f"{number(seconds * 1000)} ms"
            if seconds < 10
            else f"{number(seconds, 1)} s"
        )
        print(f"| {name} | {shown} | {note} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nBộ nhớ đỉnh của tiến trình đo: {peak:.0f} MB.")


def growth_rows(measured: dict[int, list[tuple[str, float, str]]]) -> list[tuple[str, float, str]]:
    """How each page's queries grow from the smallest to the largest size measured."""
    if len(measured) < 2:
        return []
    small, large = min(measured), max(measured)
    out = []
    for (name, before, _), (_, after, _) in zip(measured[small], measured[large], strict=True):
        page = name.split(":")[0]
        out.append((f"{page}: {number(small)} → {number(large)} dòng", after,
                    f"tăng {number(after / before, 1)}× khi dữ liệu tăng {number(large / small)}×"))  # fmt: skip
    return out


def run(sizes: tuple[int, ...] = (1_000_000, 10_000_000), pages: bool = True) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows: list[tuple[str, float, str]] = []
        register, decision_list = make_files(folder)
        rows += hostile_rows(folder)
        register_rows, with_register = process_rows(folder, register)
        # A small file's ratios move more from round to round: more rounds (each ~1 s).
        list_rows, _ = import_rows(folder, decision_list, existing=with_register, repeat=15)
        rows += register_rows + list_rows
        measured: dict[int, list[tuple[str, float, str]]] = {}
        for size in sizes:
            master = national_warehouse(folder, size)
            measured[size] = query_rows(master, size)
            rows += measured[size]
            if pages and size == sizes[0]:
                from bench.pages import page_rows

                rows += page_rows(master, size)
            rows.append(import_into_rows(master, decision_list, size))  # last: it adds rows
        rows += growth_rows(measured)
        print_table(rows)


def page_table(size: int = 1_000_000, in_shell: bool = False) -> None:
    """Only the pages in Chromium (python -m bench pages), on a national warehouse of `size`
    awards: each against the dashboard skeleton (or that skeleton in the dashboard's page
    shell), in one run."""
    from bench.pages import SKELETON, SKELETON_IN_SHELL, page_rows

    with tempfile.TemporaryDirectory() as tmp:
        master = national_warehouse(Path(tmp), size)
        print_table(page_rows(master, size, SKELETON_IN_SHELL if in_shell else SKELETON))
