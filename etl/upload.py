"""ETL's one door for the dashboard: the same inspect/commit code as `python -m etl import`,
plus what a person needs around it — a preview, a marked copy of a wrong file, history, the
unit aliases and position rules an admin keeps, undo. Pages import this module and nothing
else of etl/ (a test checks), so the importer's insides can change without touching them."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb
import polars as pl
import xlsxwriter

from etl import refusals
from etl.doubles import mark_different, take_back
from etl.importer import inspect_file
from etl.inspection import Inspection, Overrides
from etl.ladder_rules import current_ladder, save_ladder
from etl.load import Report, add_alias, commit, remove_alias, undo_batch, write_files
from etl.parse.days import impossible_date
from etl.parse.values import typed_date
from etl.problems import FileRefused, Problem, column_letter
from etl.reading.child import keep_one_ready
from etl.recognise.headers import letter_index
from etl.rules import current_rules, save_rules
from etl.templates import register_template
from thidua import db, migrations, warehouse
from thidua.access import Account
from thidua.db import private_folder
from thidua.exports import neutralise
from thidua.metrics import YearFigures, counts_of_rows
from thidua.settings import LIMITS, UPLOAD_KINDS
from thidua.sql_files import named_statements

SQL = named_statements("etl/upload.sql")

__all__ = [  # what the pages use, beside the functions defined here
    "FileRefused",
    "Inspection",
    "Overrides",
    "add_alias",
    "current_ladder",
    "save_ladder",
    "mark_different",
    "take_back",
    "column_letter",
    "current_rules",
    "keep_one_ready",
    "register_template",
    "remove_alias",
    "save_rules",
    "undo_batch",
]

UPLOAD_DIR = Path(tempfile.gettempdir()) / "thidua-uploads"
_SAFE = re.compile(r"[^0-9A-Za-z._-]+")


def save_upload(name: str, data: bytes, session: str) -> Path:
    """Keep an uploaded file on disk under a safe name (the original name is only displayed),
    in the folder of the browser session that sent it (0700; the file 0600)."""
    if len(data) > LIMITS.max_file_bytes:
        raise FileRefused([Problem(name, refusals.file_too_big(len(data)))])
    folder = session_folder(session)
    UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(UPLOAD_DIR, 0o700)  # also when an older release made it 0755
    private_folder(folder)
    suffix = Path(name).suffix.lower()
    if suffix.lstrip(".") not in UPLOAD_KINDS:
        suffix = ".bin"
    handle = tempfile.NamedTemporaryFile(dir=folder, suffix=suffix, delete=False)  # noqa: SIM115 — kept for confirm
    with handle:
        handle.write(data)
    return Path(handle.name)


def session_folder(session: str) -> Path:
    return UPLOAD_DIR / _SAFE.sub("_", session)


def discard(paths: Iterable[Path]) -> None:
    """Uploaded files no longer needed (confirmed, or taken off the page)."""
    for path in paths:
        path.unlink(missing_ok=True)


def discard_session(session: str) -> None:
    shutil.rmtree(session_folder(session), ignore_errors=True)


def clear_stale_uploads(older_than: timedelta = timedelta(hours=12)) -> int:
    """At the server's start: the folders of sessions gone (a closed tab, a restart) whose
    last file is older than `older_than`. Returns how many were removed."""
    if not UPLOAD_DIR.is_dir():
        return 0
    cutoff = time.time() - older_than.total_seconds()
    removed = 0
    for folder in (f for f in UPLOAD_DIR.iterdir() if f.is_dir()):
        times = [f.stat().st_mtime for f in folder.iterdir()] or [folder.stat().st_mtime]
        if max(times) < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def _reader(master: warehouse.Warehouse) -> duckdb.DuckDBPyConnection:
    """Read-only view of the warehouse for checking (the snapshot, or the lake's newest
    commit); empty schema if none yet."""
    if warehouse.version(master) is not None:
        return warehouse.open_for_reading(master)
    con = duckdb.connect()
    migrations.migrate(con)
    db.seed_reference(con)
    return con


def inspect_upload(
    master: warehouse.Warehouse, path: Path, name: str, overrides: Overrides | None = None
) -> Inspection:
    con = _reader(master)
    try:
        return inspect_file(con, path, overrides, name=name)
    finally:
        con.close()


def confirm(
    master: warehouse.Warehouse, inspections: list[Inspection], actor: Account
) -> list[Report]:
    """Write every checked file, each in its own transaction, then publish the snapshot (on a
    lake: each in the writers' turn, seen by readers at its commit)."""
    return write_files(master, actor, lambda con: [commit(con, i, actor) for i in inspections])


@dataclass(frozen=True)
class Preview:
    counts: YearFigures  # the headline counts, as the warehouse will count these rows
    decisions: list[str]
    years: list[int]
    by_form: pl.DataFrame  # form_code, awards
    by_year: pl.DataFrame  # year, awards
    positions: pl.DataFrame  # position, is_leader, leader_rule, rule_label, awards
    sample: pl.DataFrame  # first rows as stored


def preview(inspection: Inspection, rule_labels: pl.DataFrame | None = None) -> Preview | None:
    """`rule_labels` (leader_rule, rule_label): what each position rule says
    (`position_rule_labels`); without them the rule_label column is empty (the dry run
    shows figures only)."""
    awards = inspection.awards()
    if awards.height == 0:
        return None
    if rule_labels is None:
        rule_labels = pl.DataFrame(schema={"leader_rule": pl.String, "rule_label": pl.String})
    people = awards.filter(pl.col("recipient_kind") == "individual")
    return Preview(
        counts=counts_of_rows(awards),
        decisions=sorted(set(awards["decision_no"].drop_nulls().to_list())),
        years=sorted(set(awards["year"].drop_nulls().to_list())),
        by_form=awards.group_by("form_code").len("awards").sort("awards", descending=True),
        by_year=awards.group_by("year").len("awards").sort("year"),
        positions=people.group_by("position", "is_leader", "leader_rule")
        .len("awards")
        .join(rule_labels, on="leader_rule", how="left")
        .select("position", "is_leader", "leader_rule", "rule_label", "awards")
        .sort("awards", descending=True),
        sample=awards.head(20),
    )


def position_rule_labels(master: warehouse.Warehouse) -> pl.DataFrame:
    """leader_rule, rule_label: the words of each position rule the warehouse keeps (the
    bundled rules before the first import), so a preview names a rule, not its code."""
    from etl.rules import current_rules

    return current_rules(master).select(leader_rule="rule_id", rule_label="label")


def marked_copy(inspection: Inspection) -> bytes:
    """The file's sheets as read, with every problem cell in red and a comment saying why,
    and a sheet "Lỗi" listing them — to fix in Excel and upload again."""
    import io

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    red = book.add_format({"bg_color": "#f8d7da", "font_color": "#842029", "border": 1})
    by_cell: dict[tuple[int, int], list[Problem]] = {}
    for problem in inspection.problems:
        if problem.row is not None and problem.column:
            col = letter_index(problem.column.split(" ", 1)[0])
            by_cell.setdefault((problem.row - 1, col), []).append(problem)
    for grid in inspection.grids:
        sheet = book.add_worksheet(grid.sheet[:31])
        for r, row in enumerate(grid.cells.iter_rows()):
            for c, value in enumerate(row):
                excel_r, excel_c = grid.first_row - 1 + r, grid.first_col + c
                problems = by_cell.get((excel_r, excel_c))
                if value is not None or problems:
                    sheet.write_string(excel_r, excel_c, value or "", red if problems else None)
                if problems:
                    sheet.write_comment(
                        excel_r,
                        excel_c,
                        "\n".join(p.message for p in problems),
                        {"x_scale": 2, "y_scale": 2},
                    )
    listing = book.add_worksheet("Lỗi")
    listing.write_row(
        0, 0, ["Dòng", "Cột", "Giá trị", "Lỗi", "Gợi ý"], book.add_format({"bold": True})
    )
    for i, p in enumerate(inspection.problems, start=1):
        if p.row is not None:
            listing.write_number(i, 0, p.row)
        # Values come from the file: each a string, never a formula («=HYPERLINK(…)» typed in
        # a cell must not come alive in the copy the analyst opens).
        for c, text in enumerate([p.column, p.value, p.message, p.suggestion], start=1):
            if text:
                listing.write_string(i, c, neutralise(text))
    listing.set_column(0, 4, 30)
    book.close()
    return buffer.getvalue()


def history(master: warehouse.Warehouse) -> pl.DataFrame:
    if warehouse.version(master) is None:
        return pl.DataFrame()
    con = warehouse.open_for_reading(master)
    try:
        return con.sql(SQL["history"]).pl()
    finally:
        con.close()


def unit_names(master: warehouse.Warehouse) -> list[str]:
    """The units table, in Vietnamese order, for mapping unknown names."""
    con = _reader(master)
    try:
        return [r[0] for r in con.execute(SQL["unit_names"]).fetchall()]
    finally:
        con.close()


def unit_aliases(master: warehouse.Warehouse) -> pl.DataFrame:
    """The analysts' and admins' names for units (alias → unit), newest first."""
    con = _reader(master)
    try:
        return con.sql(SQL["unit_aliases"]).pl()
    finally:
        con.close()


def typed_day(text: str) -> date:
    """A decision date the analyst typed on the page («25/01/2020»), read as a column's dates
    are; ValueError saying why in Vietnamese when it is no day («31/02/2020»: February has
    no 31st) or not a date at all."""
    day = typed_date(text)
    if day is None:
        raise ValueError(
            impossible_date(text)
            or "không phải một ngày: gõ theo dạng ngày/tháng/năm, ví dụ 25/01/2020."
        )
    return day
