"""One file in, all or nothing — the stages in order: read (etl.reading, a bounded child
process) → recognise (etl.recognise: the header row, then the layout by score) → parse
(etl.parse) → check (etl.check) → load (etl.load, one transaction). Re-importing a file
already loaded adds nothing."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import duckdb
import polars as pl

from etl import refusals
from etl.grid import Grid
from etl.inspection import LAYOUT_NAMES, Inspection, Overrides, Parsed, SheetInfo
from etl.load import Report, commit, write_files
from etl.parse.awards import parse_awards
from etl.parse.blocs import parse_bloc_scores, parse_memberships
from etl.parse.campaigns import parse_campaigns
from etl.parse.dossiers import parse_dossiers, register_header
from etl.problems import FileRefused, Problem
from etl.reading.stage import Book, read_book
from etl.recognise import Choice, Recognition, recognise
from etl.recognise.headers import (
    Header,
    apply_overrides,
    describe_columns,
    find_header,
    header_at,
)
from thidua import audit, positions, warehouse
from thidua.access import Account
from thidua.sql_files import named_statements
from thidua.text import fold
from thidua.units import UnitMatcher

SQL = named_statements("etl/importer.sql")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
        rows = con.execute(SQL["remembered_mappings"]).fetchall()
    except duckdb.CatalogException:  # a snapshot published before the table existed
        return {}
    return {key: {int(col): name for col, name in json.loads(m).items()} for key, m in rows}


def _ambiguous(grid: Grid, one: Recognition, other: Recognition) -> Problem:
    return Problem(
        grid.file,
        refusals.layout_unclear(
            grid.sheet,
            LAYOUT_NAMES[one.layout],
            one.said(),
            LAYOUT_NAMES[other.layout],
            other.said(),
        ),
    )


def parse_grid(
    grid: Grid,
    units: UnitMatcher,
    overrides: Overrides | None = None,
    rules: list[positions.PositionRule] | None = None,
) -> tuple[Parsed | None, list[Problem], SheetInfo]:
    chosen = overrides or Overrides()
    known_units = units.names
    # The row the analyst pointed at, when it is a row of this sheet; else the one found.
    pointed = (
        chosen.header_rows[grid.sheet] - grid.first_row if grid.sheet in chosen.header_rows else -1
    )
    header = header_at(grid, pointed) if 0 <= pointed < grid.cells.height else find_header(grid)
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
    if layout == "dossiers" and header is not None:
        header = register_header(header)
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
            [Problem(grid.file, refusals.no_known_table(grid.sheet))],
            info,
        )
    if layout == "awards":
        frame, problems, context, info.warnings, info.traits = parse_awards(
            grid, header, known_units, chosen.context, rules, units.canonical
        )
        info.context = context
    elif layout == "bloc_scores":
        frame, problems = parse_bloc_scores(grid, header, known_units)
    elif layout == "memberships":
        frame, problems = parse_memberships(grid, header, known_units)
    elif layout == "dossiers":
        frame, problems = parse_dossiers(grid, header, known_units)
    else:
        frame, problems = parse_campaigns(grid, header)
    if frame.height == 0 and not problems:
        problems = [Problem(grid.file, refusals.no_data_rows(grid.sheet))]
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
        return Inspection(path, shown, "", problems=[Problem(shown, refusals.CANNOT_OPEN_TO_READ)])
    inspection = Inspection(path, shown, checksum)
    row = con.execute(SQL["active_batch_of_file"], [checksum]).fetchone()
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
        Problem(shown, refusals.alias_to_unknown_unit(typed, unit))
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
    inspection.displaces = _displaced_sheets(con, inspection)
    inspection.known_dossiers = _known_dossiers(con, inspection)
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
        return [], [Problem(inspection.file, refusals.no_such_sheet(s, names)) for s in missing]
    chosen = [g for g in grids if g.sheet in overrides.sheets]
    inspection.book.skipped += [
        (g.sheet, refusals.SHEET_NOT_CHOSEN) for g in grids if g not in chosen
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
    # The newest active batch whose decisions are exactly these: each candidate holds one of
    # them; it must hold no other (a row of another decision ends that look at once) and all
    # of them. Rows without a decision number are no decision, as before.
    for (batch_id,) in con.execute(SQL["batches_with_decisions"], [decisions]).fetchall():
        if con.execute(SQL["batch_has_other_decision"], [batch_id, decisions]).fetchone():
            continue
        held = con.execute(SQL["batch_decisions_of"], [batch_id, decisions]).fetchone()
        if held and held[0] == len(decisions):
            return int(batch_id)
    return None


def _displaced_sheets(
    con: duckdb.DuckDBPyConnection, inspection: Inspection
) -> list[tuple[str, int, int, str]]:
    """The scoring sheets in force for the blocs and years this file scores: confirming
    replaces them (etl.load keeps them aside, and an undo brings them back)."""
    scores = inspection.scores()
    if scores.height == 0:
        return []
    keys = scores.select("bloc_name", "year").unique()
    con.register("scored", keys.to_arrow())
    try:
        rows = con.execute(SQL["sheets_in_force"]).fetchall()
    finally:
        con.unregister("scored")
    return [(str(bloc), int(year), int(batch), str(name)) for bloc, year, batch, name in rows]


def _known_dossiers(con: duckdb.DuckDBPyConnection, inspection: Inspection) -> int:
    """How many of a register's dossier numbers the warehouse holds already (confirming
    replaces their rows; an undo brings them back)."""
    numbers = inspection.dossiers()
    if numbers.height == 0:
        return 0
    row = con.execute(SQL["dossiers_known"], [numbers["dossier_no"].unique().to_list()]).fetchone()
    return int(row[0]) if row else 0


def import_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    actor: Account,
    book: Callable[[], Book] | None = None,
    overrides: Overrides | None = None,
) -> Report:
    return commit(con, inspect_file(con, path, overrides, book=book), actor)


def import_files(
    paths: Iterable[Path],
    master: warehouse.Warehouse,
    actor: Account,
    overrides: Overrides | None = None,
) -> list[Report]:
    """Import each file into the master warehouse, then publish the snapshot. Each file is
    read while the warehouse opens or the file before it is checked and written."""
    files = [Path(p) for p in paths]
    # Refused before any file is read (write_files checks again; only a refusal is audited).
    audit.checked(warehouse.access_store(master), actor, "import", "nhập tệp")
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
