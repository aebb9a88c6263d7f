"""One file in, all or nothing: read, recognise, validate completely, then
write in a single transaction. Re-importing a file already loaded adds nothing."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from etl.awards import AWARD_COLUMNS, parse_awards
from etl.blocs import parse_bloc_scores, parse_memberships
from etl.campaigns import parse_campaigns
from etl.grid import Grid
from etl.headers import Header, apply_overrides, describe_columns, find_header, letter_index
from etl.problems import FileRefused, Problem
from etl.reading.stage import Book, read_book
from etl.recognise import Choice, Recognition, recognise
from thidua import db, positions, store
from thidua.access import Account, require
from thidua.settings import LIMITS
from thidua.text import fold
from thidua.units import UnitMatcher

LAYOUT_NAMES = {
    "awards": "danh sách khen thưởng",
    "bloc_scores": "bảng chấm điểm khối/cụm",
    "memberships": "danh sách thành viên khối/cụm",
    "campaigns": "danh sách phong trào thi đua",
}


@dataclass
class Parsed:
    layout: str
    frame: pl.DataFrame
    sheet: str


@dataclass
class Report:
    file: str
    status: str  # imported / duplicate / refused
    layout: str | None = None
    rows: int = 0
    replaced: int = 0
    encoding: str | None = None
    replaced_batch: int | None = None
    problems: list[Problem] = field(default_factory=list)
    # what the reading stage did not import, and why; what it noticed (a stray cell)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != "refused"

    def notes(self) -> list[str]:
        """Lines under the verdict: sheets skipped and what the reader noticed."""
        return [f"  · bỏ qua trang «{sheet}»: {why}." for sheet, why in self.skipped] + [
            f"  · lưu ý: {warning}" for warning in self.warnings
        ]

    def message(self) -> str:
        if self.status == "duplicate":
            return f"{self.file}: tệp này đã được nhập trước đây (cùng nội dung), không thêm gì."
        if self.status == "imported":
            text = f"{self.file}: đã nhập {self.rows:,} dòng ({LAYOUT_NAMES.get(self.layout or '', self.layout)})".replace(
                ",", "."
            )
            if self.replaced_batch is not None:
                text += f", thay thế lần nhập #{self.replaced_batch} của cùng quyết định ({self.replaced} dòng cũ)"
            elif self.replaced:
                text += f", thay thế {self.replaced} dòng cũ của cùng khối/năm/kế hoạch"
            if self.encoding:
                text += f"; đã chuyển mã từ {self.encoding} sang Unicode"
            return "\n".join([text + ".", *self.notes()])
        shown = self.problems[: LIMITS.max_reported_errors]
        lines = [
            f"{self.file}: KHÔNG NHẬP — {len(self.problems)} lỗi, cơ sở dữ liệu không thay đổi."
        ]
        lines += [f"  - {p}" for p in shown]
        if len(self.problems) > len(shown):
            lines.append(f"  … và {len(self.problems) - len(shown)} lỗi khác.")
        return "\n".join(lines + self.notes())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Overrides:
    """What an analyst corrected on the upload page before confirming."""

    # sheet name -> {0-based grid column -> field}; field "" ignores the column
    columns: dict[str, dict[int, str]] = field(default_factory=dict)
    # values a decision list's preamble lacks: decision_no, decision_date (ISO), form_code,
    # year
    context: dict[str, str] = field(default_factory=dict)
    # The command line's choices (an analyst fixing a refusal without editing the file):
    # only these sheets; Excel letter -> field, per sheet name or "*" for every sheet; a
    # typed unit name -> the unit it means, for this import.
    sheets: list[str] = field(default_factory=list)
    letters: dict[str, dict[str, str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    # Mappings remembered in the warehouse, by header set: used for a sheet the analyst
    # has not mapped here.
    remembered: dict[str, dict[int, str]] = field(default_factory=dict)

    def mapping_for(self, grid: Grid) -> dict[int, str]:
        """The analyst's column choices for one sheet, as grid columns."""
        chosen = dict(self.columns.get(grid.sheet, {}))
        for sheet in ("*", grid.sheet):
            for letter, name in self.letters.get(sheet, {}).items():
                column = letter_index(letter) - grid.first_col
                if 0 <= column < grid.cells.width:
                    chosen[column] = name
        return chosen


@dataclass
class SheetInfo:
    """What was recognised in one sheet, for the preview."""

    sheet: str
    layout: str | None
    header_row: int | None  # Excel row number
    columns: list[tuple[int, str, str | None, str | None]]  # (grid col, letter, header text, field)
    context: dict[str, str | None] = field(default_factory=dict)
    header_key: str | None = None  # the header set, for remembering a mapping
    mapping: dict[int, str] = field(default_factory=dict)  # the analyst's, or remembered
    remembered: bool = False  # the mapping came from an earlier import of this header set
    warnings: list[str] = field(default_factory=list)  # what the analyst should know
    reasons: str | None = None  # why the layout was chosen (etl.recognise)


@dataclass
class Inspection:
    """A file read and checked completely; nothing written yet."""

    path: Path
    file: str
    checksum: str
    book: Book = field(default_factory=lambda: Book([]))
    sheets: list[SheetInfo] = field(default_factory=list)
    parsed: list[Parsed] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicate_of: int | None = None  # an active batch with the same checksum
    replaces: int | None = None  # an active batch of the same decision(s), to be replaced
    encoding: str | None = None
    # award units that match no unit nor alias: shown for mapping, never created silently
    unknown_units: pl.DataFrame = field(default_factory=pl.DataFrame)

    @property
    def ok(self) -> bool:
        return not self.problems and self.duplicate_of is None and bool(self.parsed)

    @property
    def grids(self) -> list[Grid]:
        return self.book.grids

    @property
    def warnings(self) -> list[str]:
        """What the reader noticed, then what each sheet's parse did that the analyst
        should know (a joined cell kept whole)."""
        return self.book.warnings + [w for sheet in self.sheets for w in sheet.warnings]

    @property
    def layout(self) -> str:
        return ",".join(dict.fromkeys(p.layout for p in self.parsed))

    @property
    def rows(self) -> int:
        return sum(p.frame.height for p in self.parsed)

    def awards(self) -> pl.DataFrame:
        frames = [p.frame for p in self.parsed if p.layout == "awards"]
        return pl.concat(frames) if frames else pl.DataFrame()


def _canonical_units(grid: Grid, header: Header, units: UnitMatcher) -> None:
    """Write the units table's spelling over the typed one ("Sở GD&ĐT" -> "Sở Giáo dục và
    Đào tạo") before parsing; names no unit or alias matches are left as typed."""
    if "unit" not in header.columns:
        return
    column = f"c{header.columns['unit']}"
    typed = grid.cells[column].drop_nulls().unique().to_list()
    mapping = {t: c for t in typed if (c := units.canonical(t)) and c != t}
    if mapping:
        grid.cells = grid.cells.with_columns(pl.col(column).replace(mapping))


def header_key(grid: Grid, row: int) -> str:
    """A sheet's header set: its header row's texts, folded, in order (not the row above:
    it is a title line as often as a group title)."""
    return "|".join(fold(v or "") for v in grid.row_values(row))


def remembered_mappings(con: duckdb.DuckDBPyConnection) -> dict[str, dict[int, str]]:
    try:
        rows = con.execute("SELECT header_key, mapping FROM column_mappings").fetchall()
    except duckdb.CatalogException:  # a snapshot published before the table existed
        return {}
    return {key: {int(col): name for col, name in json.loads(m).items()} for key, m in rows}


def _remember_mappings(con: duckdb.DuckDBPyConnection, inspection: Inspection, who: str) -> None:
    """The analyst's column choices of an imported file, for the next file of the same
    header set (a remembered mapping used again is not written again)."""
    for info in inspection.sheets:
        if info.header_key and info.mapping and not info.remembered:
            con.execute(
                "INSERT OR REPLACE INTO column_mappings (header_key, mapping, saved_by) "
                "VALUES (?, ?, ?)",
                [info.header_key, json.dumps(info.mapping), who],
            )


def _ambiguous(grid: Grid, one: Recognition, other: Recognition) -> Problem:
    return Problem(
        grid.file,
        f"trang «{grid.sheet}»: không rõ là {LAYOUT_NAMES[one.layout]} ({one.said()}) hay "
        f"{LAYOUT_NAMES[other.layout]} ({other.said()}). Hãy chọn ý nghĩa các cột ở trang Tải "
        "dữ liệu, hoặc dùng --column … =bỏ qua cho cột gây nhầm ở dòng lệnh.",
    )


def parse_grid(
    grid: Grid,
    units: UnitMatcher,
    overrides: Overrides | None = None,
    rules: list[positions.PositionRule] | None = None,
) -> tuple[Parsed | None, list[Problem], SheetInfo]:
    chosen = overrides or Overrides()
    known_units = units.names
    header = find_header(grid)
    mapping = chosen.mapping_for(grid)
    key = header_key(grid, header.row) if header is not None else None
    # A mapping remembered for this header set serves a sheet the analyst has not mapped.
    remembered = not mapping and key in chosen.remembered
    mapping = mapping or chosen.remembered.get(key or "", {})
    if header is not None and mapping:
        header = apply_overrides(header, mapping, grid)
    if header is not None:
        _canonical_units(grid, header, units)
    choice = recognise(grid, header) if header else Choice(None)
    layout = choice.chosen.layout if choice.chosen else None
    info = SheetInfo(
        grid.sheet,
        layout,
        grid.excel_row(header.row) if header else None,
        describe_columns(grid, header),
        header_key=key,
        mapping=mapping,
        remembered=remembered,
        reasons=choice.chosen.said() if choice.chosen else None,
    )
    if choice.tied_with is not None and choice.chosen is not None:
        return None, [_ambiguous(grid, choice.chosen, choice.tied_with)], info
    if header is None or layout is None:
        return (
            None,
            [
                Problem(
                    grid.file,
                    f"trang «{grid.sheet}»: không tìm thấy dòng tiêu đề cột của một loại bảng đã biết "
                    "(danh sách khen thưởng cần cột «Họ và tên»; bảng điểm cần «Đơn vị», «Tổng điểm», "
                    "«Xếp hạng»; xem mẫu trong data/templates).",
                )
            ],
            info,
        )
    if layout == "awards":
        frame, problems, context, info.warnings = parse_awards(
            grid, header, known_units, chosen.context, rules, units.canonical
        )
        info.context = context
    elif layout == "bloc_scores":
        frame, problems = parse_bloc_scores(grid, header, known_units)
    elif layout == "memberships":
        frame, problems = parse_memberships(grid, header, known_units)
    else:
        frame, problems = parse_campaigns(grid, header)
    if frame.height == 0 and not problems:
        problems = [
            Problem(
                grid.file, f"trang «{grid.sheet}» có tiêu đề cột nhưng không có dòng dữ liệu nào."
            )
        ]
    return Parsed(layout, frame, grid.sheet), problems, info


def inspect_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    overrides: Overrides | None = None,
    name: str | None = None,
    book: Callable[[], Book] | None = None,
) -> Inspection:
    """Read and check a file completely against the warehouse (read-only use of `con`).
    `book` gives the file's sheets when they are already being read (import_files)."""
    shown = name or path.name
    try:
        checksum = sha256_of(path)
    except OSError:
        return Inspection(path, shown, "", problems=[Problem(shown, "không mở được tệp để đọc.")])
    inspection = Inspection(path, shown, checksum)
    row = con.execute(
        "SELECT batch_id FROM import_batches WHERE sha256 = ? AND status = 'active'", [checksum]
    ).fetchone()
    if row:
        inspection.duplicate_of = int(row[0])
        return inspection
    try:
        inspection.book = book() if book else read_book(path, name=shown)
    except FileRefused as refused:
        inspection.problems = refused.problems
        return inspection
    chosen = dataclasses.replace(overrides or Overrides(), remembered=remembered_mappings(con))
    units = UnitMatcher.from_db(con).with_aliases(chosen.aliases)
    rules = positions.rules_from_db(con)
    tableless: list[Problem] = []
    grids, inspection.problems = _chosen_sheets(inspection, chosen)
    inspection.problems += [
        Problem(shown, f"tên gọi «{typed}» chỉ tới «{unit}», không có trong danh mục đơn vị.")
        for typed, unit in chosen.aliases.items()
        if unit not in units.names
    ]
    for grid in grids:
        result, found, info = parse_grid(grid, units, chosen, rules)
        inspection.sheets.append(info)
        if result:
            inspection.parsed.append(result)
            inspection.problems += found
        else:
            tableless += found
    # A sheet with no table (guidance, a cover page) is fine beside one that has a table.
    if not inspection.parsed:
        inspection.problems += tableless
    inspection.encoding = next((g.encoding for g in inspection.grids if g.encoding), None)
    inspection.replaces = _replaced_batch(con, inspection)
    awards = inspection.awards()
    if awards.height:
        inspection.unknown_units = (
            awards.filter(pl.col("unit_name").is_not_null() & ~pl.col("unit_name").is_in(sorted(units.names)))
            .group_by("unit_name").len("awards").sort("awards", descending=True)
        )  # fmt: skip
    return inspection


def _chosen_sheets(
    inspection: Inspection, overrides: Overrides
) -> tuple[list[Grid], list[Problem]]:
    """The sheets the analyst chose (all when none was named); a name the file does not
    have is a problem that lists the ones it has."""
    grids = inspection.grids
    if not overrides.sheets:
        return grids, []
    names = [g.sheet for g in grids]
    missing = [s for s in overrides.sheets if s not in names]
    if missing:
        listed = ", ".join(f"«{n}»" for n in names)
        return [], [
            Problem(inspection.file, f"không có trang «{s}»; các trang đọc được: {listed}.")
            for s in missing
        ]
    chosen = [g for g in grids if g.sheet in overrides.sheets]
    inspection.book.skipped += [
        (g.sheet, "không được chọn để nhập (--sheet)") for g in grids if g not in chosen
    ]
    return chosen, []


def _replaced_batch(con: duckdb.DuckDBPyConnection, inspection: Inspection) -> int | None:
    """A corrected version of an award list already imported: the same decision(s) as an
    active batch that holds nothing else."""
    awards = inspection.awards()
    if awards.height == 0:
        return None
    decisions = awards["decision_no"].drop_nulls().unique().sort().to_list()
    if not decisions:
        return None
    row = con.execute(
        """SELECT batch_id FROM award JOIN import_batches USING (batch_id)
           WHERE status = 'active' GROUP BY batch_id
           HAVING list_sort(list_distinct(list(decision_no))) = ?
           ORDER BY batch_id DESC LIMIT 1""",
        [decisions],
    ).fetchone()
    return int(row[0]) if row else None


def commit(con: duckdb.DuckDBPyConnection, inspection: Inspection, actor: Account) -> Report:
    """Write an inspected file in one transaction (replacing its earlier version)."""
    require(actor, "import")
    name = inspection.file
    if inspection.duplicate_of is not None:
        return Report(name, "duplicate")
    skipped, warnings = inspection.book.skipped, inspection.warnings
    if inspection.problems or not inspection.parsed:
        return Report(
            name, "refused", encoding=inspection.encoding, problems=inspection.problems,
            skipped=skipped, warnings=warnings,
        )  # fmt: skip
    try:
        replaced = _write(con, inspection, actor.signature)
    except duckdb.Error as error:
        con.execute("ROLLBACK")
        return Report(
            name,
            "refused",
            problems=[
                Problem(
                    name,
                    f"không ghi được vào kho dữ liệu ({type(error).__name__}); không có gì thay đổi.",
                )
            ],
        )
    return Report(
        name, "imported", layout=inspection.layout, rows=inspection.rows, replaced=replaced,
        encoding=inspection.encoding, replaced_batch=inspection.replaces,
        skipped=skipped, warnings=warnings,
    )  # fmt: skip


def import_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    actor: Account,
    book: Callable[[], Book] | None = None,
    overrides: Overrides | None = None,
) -> Report:
    return commit(con, inspect_file(con, path, overrides, book=book), actor)


def audit_reports(master: Path, actor: Account, reports: Iterable[Report]) -> None:
    """One audit row per file written (refused and duplicate files changed nothing)."""
    with store.connect(store.access_path(master)) as con:
        for report in reports:
            if report.status == "imported":
                store.record(con, actor, "import", report.file, rows=report.rows,
                             layout=report.layout, replaced_batch=report.replaced_batch)  # fmt: skip


def _write(con: duckdb.DuckDBPyConnection, inspection: Inspection, who: str) -> int:
    con.execute("BEGIN TRANSACTION")
    batch_id = con.execute(
        "INSERT INTO import_batches (batch_id, file_name, sha256, layout, sheet, encoding, rows, imported_by) "
        "VALUES (nextval('batch_seq'), ?, ?, ?, ?, ?, ?, ?) RETURNING batch_id",
        [inspection.file, inspection.checksum, inspection.layout, ",".join(p.sheet for p in inspection.parsed),
         inspection.encoding, inspection.rows, who],
    ).fetchone()[0]  # type: ignore[index]  # fmt: skip
    replaced = 0
    if inspection.replaces is not None:
        db.mark_touched(con, inspection.replaces)
        replaced += _remove_batch_rows(con, inspection.replaces)
        con.execute(
            "UPDATE import_batches SET status = 'replaced', replaced_by = ? WHERE batch_id = ?",
            [batch_id, inspection.replaces],
        )
    for item in inspection.parsed:
        con.register("incoming", _storage_order(item).to_arrow())
        try:
            replaced += WRITERS[item.layout](con, batch_id)
        finally:
            con.unregister("incoming")
    _remember_mappings(con, inspection, who)
    db.mark_touched(con, batch_id)
    db.refresh_touched(con)
    con.execute("COMMIT")
    return replaced


BATCH_TABLES = ("award", "bloc_scores", "bloc_members", "campaigns")


def _remove_batch_rows(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    removed = 0
    for table in BATCH_TABLES:  # fixed names
        row = con.execute(f"DELETE FROM {table} WHERE batch_id = ?", [batch_id]).fetchone()  # noqa: S608
        removed += int(row[0]) if row else 0
    return removed


def undo_batch(master: Path, batch_id: int, actor: Account) -> str:
    """Take a whole batch out in one transaction; the history keeps it, marked undone."""
    store.checked(store.access_path(master), actor, "undo", f"hủy lần nhập #{batch_id}")
    with db.writing(master) as con:
        row = con.execute(
            "SELECT file_name, status FROM import_batches WHERE batch_id = ?", [batch_id]
        ).fetchone()
        if row is None:
            return f"Không có lần nhập số {batch_id}."
        if row[1] != "active":
            return f"Lần nhập #{batch_id} ({row[0]}) không còn hiệu lực (trạng thái: {STATUS_NAMES.get(row[1], row[1])}); không có gì thay đổi."
        con.execute("BEGIN TRANSACTION")
        db.mark_touched(con, batch_id)
        removed = _remove_batch_rows(con, batch_id)
        con.execute(
            "UPDATE import_batches SET status = 'undone', undone_by = ?, undone_at = current_timestamp "
            "WHERE batch_id = ?",
            [actor.signature, batch_id],
        )
        db.refresh_touched(con)
        con.execute("COMMIT")
    store.audit(
        store.access_path(master), actor, "undo", f"#{batch_id} {row[0]}", rows_removed=removed
    )
    return f"Đã hủy lần nhập #{batch_id} ({row[0]}): gỡ {removed:,} dòng.".replace(",", ".")


STATUS_NAMES = {"active": "đang dùng", "undone": "đã hủy", "replaced": "đã được thay thế"}


def _storage_order(item: Parsed) -> pl.DataFrame:
    """Awards are stored year by year (a register spans many): the pages read a few years
    at a time, and DuckDB skips the blocks whose years are outside the ones asked for.
    Sorted by Polars before the INSERT: 60-90 ms less than ORDER BY in it for 100k rows."""
    if item.layout == "awards":
        return item.frame.sort("year", "source_row")
    return item.frame


def _write_awards(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    columns = ", ".join(AWARD_COLUMNS)
    # One thread: DuckDB's parallel insert of a sheet-sized batch (up to a row group) only
    # adds contention; 100k rows went in in ~90 ms on one thread, ~180 ms on two.
    con.execute("SET threads = 1")
    try:
        con.execute(
            f"INSERT INTO award (award_id, batch_id, {columns}) "  # noqa: S608 — fixed column list
            f"SELECT nextval('award_seq'), ?, {columns} FROM incoming",
            [batch_id],
        )
    finally:
        con.execute("RESET threads")
    return 0


def _write_bloc_scores(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    # A corrected sheet for the same bloc and year replaces the earlier one.
    replaced = con.execute(
        "DELETE FROM bloc_scores WHERE (year, bloc_name) IN (SELECT DISTINCT year, bloc_name FROM incoming)"
    ).fetchone()[0]  # type: ignore[index]
    con.execute(
        "INSERT INTO bloc_scores SELECT year, bloc_name, unit_name, self_score, bloc_score, bonus, "
        "penalty, total_score, rank, ?, source_row FROM incoming",
        [batch_id],
    )
    con.execute(
        "INSERT INTO blocs SELECT DISTINCT year, bloc_name, bloc_kind FROM incoming ON CONFLICT DO NOTHING"
    )
    return int(replaced)


def _write_memberships(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    # The list is yearly: a new list for a year replaces that year's membership.
    replaced = con.execute(
        "DELETE FROM bloc_members WHERE year IN (SELECT DISTINCT year FROM incoming)"
    ).fetchone()[0]  # type: ignore[index]
    con.execute("DELETE FROM blocs WHERE year IN (SELECT DISTINCT year FROM incoming)")
    con.execute("INSERT INTO blocs SELECT DISTINCT year, bloc_name, bloc_kind FROM incoming")
    con.execute(
        "INSERT INTO bloc_members SELECT year, bloc_name, unit_name, role, ?, source_row FROM incoming",
        [batch_id],
    )
    return int(replaced)


def _write_campaigns(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    replaced = con.execute(
        "DELETE FROM campaigns WHERE campaign_code IN (SELECT campaign_code FROM incoming)"
    ).fetchone()[0]  # type: ignore[index]
    con.execute(
        "INSERT INTO campaigns SELECT campaign_code, issued_on, name, kind, start_date, end_date, "
        "registration_deadline, slogan, ?, source_row FROM incoming",
        [batch_id],
    )
    return int(replaced)


WRITERS = {
    "awards": _write_awards,
    "bloc_scores": _write_bloc_scores,
    "memberships": _write_memberships,
    "campaigns": _write_campaigns,
}


def import_files(
    paths: Iterable[Path], master: Path, actor: Account, overrides: Overrides | None = None
) -> list[Report]:
    """Import each file into the master warehouse, then publish the snapshot. Each file is
    read while the warehouse opens or the file before it is checked and written."""
    files = [Path(p) for p in paths]
    # Refused before any file is read (write_files checks again; only a refusal is audited).
    store.checked(store.access_path(master), actor, "import", "nhập tệp")
    with _reading_ahead(files) as book_of:
        return write_files(
            master,
            actor,
            lambda con: [
                import_file(con, path, actor, functools.partial(book_of, index), overrides)
                for index, path in enumerate(files)
            ],
        )


@contextlib.contextmanager
def _reading_ahead(files: list[Path]) -> Iterator[Callable[[int], Book]]:
    """`book_of(i)`: file i read, one file ahead: each file is read by its own bounded child
    process (etl.reading) while this one opens the warehouse or writes the file before.
    A refused file raises in book_of, as read_book does."""
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="etl-read")
    pending: dict[int, Future[Book]] = {}

    def book_of(index: int) -> Book:
        for skipped in [i for i in pending if i < index]:  # a duplicate is not read
            pending.pop(skipped).cancel()
        future = pending.pop(index, None) or pool.submit(read_book, files[index])
        if index + 1 < len(files):
            pending[index + 1] = pool.submit(read_book, files[index + 1])
        return future.result()

    if files:
        pending[0] = pool.submit(read_book, files[0])
    try:
        yield book_of
    finally:
        pool.shutdown(cancel_futures=True)


def write_files(
    master: Path, actor: Account, write: Callable[[duckdb.DuckDBPyConnection], list[Report]]
) -> list[Report]:
    """The one way files reach the warehouse (command line and upload page alike): check the
    account, write each file in its own transaction, publish the snapshot, audit what was written."""
    store.checked(store.access_path(master), actor, "import", "nhập tệp")
    with db.writing(master) as con:
        reports = write(con)
    audit_reports(master, actor, reports)
    return reports


def add_alias(master: Path, alias: str, unit_name: str, actor: Account) -> str:
    """Keep an admin's mapping of a typed unit name to a unit of the table."""
    store.checked(store.access_path(master), actor, "manage", f"thêm tên gọi «{alias}»")
    with db.writing(master) as con:
        if not con.execute("SELECT 1 FROM units WHERE name = ?", [unit_name]).fetchone():
            return f"«{unit_name}» không có trong danh mục đơn vị."
        con.execute(
            "INSERT OR REPLACE INTO unit_aliases (alias, unit_name, created_by) VALUES (?, ?, ?)",
            [alias, unit_name, actor.signature],
        )
    store.audit(store.access_path(master), actor, "alias_add", alias, unit=unit_name)
    return f"Đã ghi nhận: «{alias}» là {unit_name}."


def remove_alias(master: Path, alias: str, actor: Account) -> str:
    store.checked(store.access_path(master), actor, "manage", f"xóa tên gọi «{alias}»")
    with db.writing(master) as con:
        row = con.execute(
            "DELETE FROM unit_aliases WHERE alias = ? RETURNING unit_name", [alias]
        ).fetchone()
    if row is None:
        return f"Không có tên gọi «{alias}»."
    store.audit(store.access_path(master), actor, "alias_remove", alias, unit=row[0])
    return f"Đã xóa tên gọi «{alias}» (của {row[0]})."
