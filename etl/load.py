"""Load: an inspected file written in one transaction (a corrected decision list replaces its
earlier batch), the analyst's column mappings remembered, the snapshot published and the
write audited; a batch taken out whole; unit aliases kept."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import duckdb
import polars as pl

from etl import refusals
from etl.inspection import LAYOUT_NAMES, Inspection, Parsed
from etl.parse.awards import AWARD_COLUMNS
from etl.problems import Problem
from thidua import access_file, audit, db, lake_writer, reference, warehouse
from thidua.access import Account, require
from thidua.formatting import number
from thidua.settings import LIMITS
from thidua.sql_files import named_statements
from thidua.text import LEGACY_NAMES

SQL = named_statements("etl/load.sql")  # the fixed statements of loading and undoing


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
            kind = LAYOUT_NAMES.get(self.layout or "", self.layout)
            text = f"{self.file}: đã nhập {number(self.rows)} dòng ({kind})"
            if self.replaced_batch is not None:
                text += f", thay thế lần nhập #{self.replaced_batch} của cùng quyết định ({self.replaced} dòng cũ)"
            elif self.replaced:
                text += f", thay thế {self.replaced} dòng cũ của cùng khối/năm/kế hoạch"
            if self.encoding:
                text += f"; đã chuyển mã từ {LEGACY_NAMES.get(self.encoding, self.encoding)} sang Unicode"
            return "\n".join([text + ".", *self.notes()])
        shown = self.problems[: LIMITS.max_reported_errors]
        lines = [
            f"{self.file}: KHÔNG NHẬP — {len(self.problems)} lỗi, cơ sở dữ liệu không thay đổi."
        ]
        lines += [f"  - {p}" for p in shown]
        if len(self.problems) > len(shown):
            lines.append(f"  … và {len(self.problems) - len(shown)} lỗi khác.")
        return "\n".join(lines + self.notes())


class ReplacedMeanwhile(Exception):
    """The batch this file was to replace was replaced or undone by someone else since the
    file was checked."""

    def __init__(self, batch_id: int) -> None:
        super().__init__(batch_id)
        self.batch_id = batch_id


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
        replaced = lake_writer.one_writer(
            lambda: _write(con, inspection, actor.signature), con, f"tệp {name}"
        )
    except AlreadyWritten:
        with contextlib.suppress(duckdb.Error):  # already rolled back when the turn was let go
            con.execute("ROLLBACK")
        return Report(name, "duplicate")
    except duckdb.ConstraintException:
        # Written by another session since this one was checked (active_files' key).
        con.execute("ROLLBACK")
        return Report(name, "duplicate")
    except ReplacedMeanwhile as gone:
        with contextlib.suppress(duckdb.Error):  # as above
            con.execute("ROLLBACK")
        return Report(
            name, "refused", problems=[Problem(name, refusals.replaced_meanwhile(gone.batch_id))]
        )
    except duckdb.Error as error:
        # A full disk can end the transaction itself: there may be nothing left to roll back.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        return Report(
            name,
            "refused",
            problems=[Problem(name, refusals.write_failed(type(error).__name__))],
        )
    return Report(
        name, "imported", layout=inspection.layout, rows=inspection.rows, replaced=replaced,
        encoding=inspection.encoding, replaced_batch=inspection.replaces,
        skipped=skipped, warnings=warnings,
    )  # fmt: skip


def write_files(
    master: warehouse.Warehouse,
    actor: Account,
    write: Callable[[duckdb.DuckDBPyConnection], list[Report]],
) -> list[Report]:
    """The one way files reach the warehouse (command line and upload page alike): check the
    account, write each file in its own transaction, publish the snapshot (a lake's readers see
    each commit), audit what was written."""
    trail = warehouse.access_store(master)
    audit.checked(trail, actor, "import", "nhập tệp")
    reports: list[Report] = []
    try:
        with warehouse.writing(master) as con:
            reports = write(con)
    except db.PublishFailed as failed:
        # Written, not yet shown: each file imported says so, and the trail records it.
        for report in reports:
            if report.status == "imported":
                report.warnings.append(str(failed))
        audit.audit(trail, actor, "publish_failed", warehouse.audit_name(master),
                    error=str(failed.__cause__ or failed))  # fmt: skip
    except db.DiskFull as full:
        audit.audit(trail, actor, "write_refused", warehouse.audit_name(master),
                    reason=str(full))  # fmt: skip
        raise
    audit_reports(master, actor, reports)
    return reports


def audit_reports(master: warehouse.Warehouse, actor: Account, reports: Iterable[Report]) -> None:
    """One audit row per file written (refused and duplicate files changed nothing)."""
    with access_file.connect(warehouse.access_store(master)) as con:
        for report in reports:
            if report.status == "imported":
                audit.record(con, actor, "import", report.file, rows=report.rows,
                             layout=report.layout, replaced_batch=report.replaced_batch)  # fmt: skip


def _write(con: duckdb.DuckDBPyConnection, inspection: Inspection, who: str) -> int:
    con.execute("BEGIN TRANSACTION")
    batch_id = _add_batch(con, inspection, who)
    con.execute(SQL["add_active_file"], [inspection.checksum, batch_id])
    replaced = 0
    if inspection.replaces is not None:
        # Still in force? Another session may have replaced or undone it since the check.
        if not con.execute(SQL["batch_in_force"], [inspection.replaces]).fetchone():
            raise ReplacedMeanwhile(inspection.replaces)
        con.execute(SQL["replace_batch"], [batch_id, inspection.replaces])
        con.execute(SQL["drop_active_file"], [inspection.replaces])
        db.mark_touched(con, inspection.replaces)
        replaced += sum(
            _displace(con, table, f"batch_id = {int(inspection.replaces)}", batch_id)
            for table in BATCH_TABLES
        )
    for item in inspection.parsed:
        con.register("incoming", _storage_order(item).to_arrow())
        try:
            replaced += WRITERS[item.layout](con, batch_id)
        finally:
            con.unregister("incoming")
    if replaced:  # rows of earlier batches were set aside: one of them may be left empty
        _retire_emptied(con, batch_id)
    _remember_mappings(con, inspection, who)
    db.mark_touched(con, batch_id)
    # Replacing nothing, the import only added award rows: its people's rows are merged.
    db.refresh_touched(con, appended=batch_id if inspection.replaces is None else None)
    con.execute("COMMIT")
    return replaced


class AlreadyWritten(Exception):
    """The same file was written by another writer since it was checked (a lake's writer
    finds it in its turn; an embedded warehouse's key on active_files refuses it)."""


def _add_batch(con: duckdb.DuckDBPyConnection, inspection: Inspection, who: str) -> int:
    """The new batch's row; its id from the sequence, or on a lake the next after the highest,
    in the writers' turn (where no other writer can take it; other writes take turns too, so
    the turn's own number would leave gaps an analyst would ask about)."""
    sheets = ",".join(p.sheet for p in inspection.parsed)
    facts = [inspection.file, inspection.checksum, inspection.layout, sheets,
             inspection.encoding, inspection.rows, who]  # fmt: skip
    if not lake_writer.is_lake(con):
        return int(con.execute(SQL["add_batch"], facts).fetchone()[0])  # type: ignore[index]
    lake_writer.take_turn(con)
    batch_id = int(con.execute(SQL["next_batch_id"]).fetchone()[0])  # type: ignore[index]
    if con.execute(SQL["active_batch_of_file"], [inspection.checksum]).fetchone():
        raise AlreadyWritten(inspection.checksum)
    con.execute(SQL["add_numbered_batch"], [batch_id, *facts])
    return batch_id


def _remember_mappings(con: duckdb.DuckDBPyConnection, inspection: Inspection, who: str) -> None:
    """The analyst's column choices of an imported file, for the next file of the same
    header set (a remembered mapping used again is not written again)."""
    for info in inspection.sheets:
        if info.header_key and info.mapping and not info.remembered:
            con.execute(SQL["forget_mapping"], [info.header_key])
            con.execute(
                SQL["remember_mapping"],
                [info.header_key, json.dumps(info.mapping), who],
            )


BATCH_TABLES = ("award", "bloc_scores", "bloc_members", "campaigns", "dossiers")


# The key of each table that has one: a row brought back by an undo must not clash with one
# a later import wrote (award has none: a decision's rows are its own).
_KEYS = {
    "bloc_scores": ("year", "bloc_name", "unit_name"),
    "bloc_members": ("year", "bloc_name", "unit_name"),
    "campaigns": ("campaign_code",),
    "dossiers": ("dossier_no", "submission"),
}


def _held_since(con: duckdb.DuckDBPyConnection, batch_id: int) -> list[int]:
    """The later batches that now hold rows undoing `batch_id` would bring back (same key)."""
    held: set[int] = set()
    for table, keys in _KEYS.items():  # fixed names
        same = " AND ".join(f"t.{k} = s.{k}" for k in keys)
        held |= {
            int(row[0])
            for row in con.execute(
                f"SELECT DISTINCT t.batch_id FROM shelved_{table} AS s JOIN {table} AS t "  # noqa: S608
                f"ON {same} WHERE s.shelved_by = ?",
                [batch_id],
            ).fetchall()
        }
    return sorted(held)


def _displace(con: duckdb.DuckDBPyConnection, table: str, rows: str, batch_id: int) -> int:
    """Rows of earlier batches that `batch_id` takes the place of (`rows`, a fixed SQL
    condition): kept aside in shelved_<table>, then removed. Undoing `batch_id` brings them
    back (_bring_back)."""
    assert table in BATCH_TABLES  # fixed names only
    con.execute(
        f"INSERT INTO shelved_{table} SELECT ?, * FROM {table} WHERE {rows} AND batch_id <> ?",  # noqa: S608
        [batch_id, batch_id],
    )
    row = con.execute(f"DELETE FROM {table} WHERE {rows} AND batch_id <> ?", [batch_id]).fetchone()  # noqa: S608
    return int(row[0]) if row else 0


def _retire_emptied(con: duckdb.DuckDBPyConnection, batch_id: int) -> None:
    """An earlier batch left with no rows (every sheet of it corrected by `batch_id`) is
    «đã được thay thế» by it, not «đang dùng»; its file may be imported again."""
    shelved = " UNION ".join(
        f"SELECT batch_id FROM shelved_{t} WHERE shelved_by = $new"  # noqa: S608  (fixed names)
        for t in BATCH_TABLES
    )
    left = " OR ".join(
        f"EXISTS (SELECT 1 FROM {t} WHERE {t}.batch_id = b.batch_id)"  # noqa: S608  (fixed names)
        for t in BATCH_TABLES
    )
    # Found, then marked (a lake's UPDATE has no RETURNING).
    retired = con.execute(
        f"SELECT batch_id FROM import_batches AS b "  # noqa: S608
        f"WHERE status = 'active' AND batch_id IN ({shelved}) AND NOT ({left})",
        {"new": batch_id},
    ).fetchall()
    for (old,) in retired:
        con.execute(SQL["replace_batch"], [batch_id, old])
        con.execute(SQL["drop_active_file"], [old])


def _bring_back(con: duckdb.DuckDBPyConnection, batch_id: int) -> list[tuple[int, str]]:
    """Undoing `batch_id`: the rows it displaced go back where they were, and the batches
    it replaced are «đang dùng» again. Returns those batches (id, file name)."""
    for table in BATCH_TABLES:  # fixed names; no clash: undo_batch checked (_held_since)
        con.execute(
            f"INSERT INTO {table} SELECT * EXCLUDE (shelved_by) FROM shelved_{table} "  # noqa: S608
            "WHERE shelved_by = ?",
            [batch_id],
        )
        con.execute(f"DELETE FROM shelved_{table} WHERE shelved_by = ?", [batch_id])  # noqa: S608
    _bring_back_blocs(con, batch_id)
    # Found, then marked (a lake's UPDATE has no RETURNING).
    back = con.execute(SQL["replaced_by_batch"], [batch_id]).fetchall()
    con.execute(SQL["reactivate_replaced"], [batch_id])
    for old, checksum, _ in back:
        con.execute(SQL["add_active_file_again"], {"sha256": checksum, "batch": old})
        db.mark_touched(con, int(old))
    return [(int(old), str(name)) for old, _, name in sorted(back)]


def _bring_back_blocs(con: duckdb.DuckDBPyConnection, batch_id: int) -> None:
    """Undoing a membership list: the blocs of its years are those it displaced again (a
    bloc it renamed or added is gone; one only a scoring sheet names stays)."""
    shelved = SQL["shelved_bloc_years"]
    con.execute(
        f"DELETE FROM blocs WHERE year IN ({shelved}) AND NOT EXISTS (SELECT 1 FROM "  # noqa: S608
        "bloc_scores AS s WHERE s.year = blocs.year AND s.bloc_name = blocs.bloc_name)",
        {"batch": batch_id},
    )
    con.execute(
        SQL["restore_blocs"],
        [batch_id],
    )
    con.execute(SQL["clear_shelved_blocs"], [batch_id])
    # A bloc no list and no sheet names any more (the first membership list undone) goes.
    con.execute(SQL["drop_orphan_blocs"])


def _remove_batch_rows(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    removed = 0
    for table in BATCH_TABLES:  # fixed names
        row = con.execute(f"DELETE FROM {table} WHERE batch_id = ?", [batch_id]).fetchone()  # noqa: S608
        removed += int(row[0]) if row else 0
    return removed


def undo_batch(master: warehouse.Warehouse, batch_id: int, actor: Account) -> str:
    """Take a whole batch out in one transaction; the history keeps it, marked undone."""
    trail = warehouse.access_store(master)
    audit.checked(trail, actor, "undo", f"hủy lần nhập #{batch_id}")
    with warehouse.writing(master) as con:
        # On a lake in the writers' turn: the batch's state is read where no other writer
        # can change it.
        undone = lake_writer.one_writer(
            lambda: _undo(con, batch_id, actor), con, f"hủy lần nhập #{batch_id}"
        )
    if isinstance(undone, str):
        return undone  # refused: nothing changed
    name, removed, restored = undone
    audit.audit(
        trail, actor, "undo", f"#{batch_id} {name}", rows_removed=removed,
        restored=",".join(f"#{old}" for old, _ in restored) or None,
    )  # fmt: skip
    again = "; ".join(f"#{old} ({file})" for old, file in restored)
    return f"Đã hủy lần nhập #{batch_id} ({name}): gỡ {number(removed)} dòng." + (
        f" Dùng lại lần nhập trước mà nó đã thay: {again}." if again else ""
    )


def _undo(
    con: duckdb.DuckDBPyConnection, batch_id: int, actor: Account
) -> str | tuple[str, int, list[tuple[int, str]]]:
    """The undo's transaction: (file name, rows removed, batches brought back), or the
    sentence that says why nothing was changed."""
    lake_writer.begin(con)
    row = con.execute(SQL["batch_state"], [batch_id]).fetchone()
    if row is None:
        con.execute("ROLLBACK")
        return f"Không có lần nhập số {batch_id}."
    if row[1] != "active":
        con.execute("ROLLBACK")
        return f"Lần nhập #{batch_id} ({row[0]}) không còn hiệu lực (trạng thái: {STATUS_NAMES.get(row[1], row[1])}); không có gì thay đổi."
    db.mark_touched(con, batch_id)
    removed = _remove_batch_rows(con, batch_id)
    if held := _held_since(con, batch_id):
        # Bringing the earlier rows back would overwrite (or drop) what a later import
        # holds: refused, with the way out, rather than a warehouse that half agrees.
        con.execute("ROLLBACK")
        return refusals.undo_held_since(batch_id, str(row[0]), held)
    con.execute(SQL["drop_active_file"], [batch_id])
    restored = _bring_back(con, batch_id)
    con.execute(SQL["mark_undone"], [actor.signature, batch_id])
    db.refresh_touched(con)
    con.execute("COMMIT")
    return str(row[0]), removed, restored


STATUS_NAMES = reference.BATCH_STATUS_NAMES  # one wording (thidua.reference)


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
        # A lake has no sequence: ids after the highest one, in the writer's turn.
        ids = "nextval('award_seq')" if not lake_writer.is_lake(con) else LAKE_AWARD_IDS
        con.execute(
            f"INSERT INTO award (award_id, batch_id, {columns}) "  # noqa: S608 — fixed column list
            f"SELECT {ids}, ?, {columns} FROM incoming",
            [batch_id],
        )
    finally:
        con.execute("RESET threads")
    return 0


LAKE_AWARD_IDS = (
    "greatest((SELECT max(award_id) FROM award), (SELECT max(award_id) FROM shelved_award), 0)"
    " + row_number() OVER ()"
)


def _write_bloc_scores(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    # A corrected sheet for the same bloc and year replaces the earlier one.
    replaced = _displace(
        con, "bloc_scores", "(year, bloc_name) IN (SELECT DISTINCT year, bloc_name FROM incoming)",
        batch_id,
    )  # fmt: skip
    con.execute(
        SQL["add_bloc_scores"],
        [batch_id],
    )
    con.execute(SQL["add_new_blocs"])
    return int(replaced)


def _write_memberships(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    # The list is yearly: a new list for a year replaces that year's membership.
    replaced = _displace(
        con, "bloc_members", "year IN (SELECT DISTINCT year FROM incoming)", batch_id
    )
    # Its years' blocs too (names, kinds): kept aside for an undo, then written anew.
    years = "year IN (SELECT DISTINCT year FROM incoming)"
    con.execute(f"INSERT INTO shelved_blocs SELECT ?, * FROM blocs WHERE {years}", [batch_id])  # noqa: S608
    con.execute(f"DELETE FROM blocs WHERE {years}")  # noqa: S608
    con.execute(SQL["add_blocs"])
    con.execute(
        SQL["add_members"],
        [batch_id],
    )
    return int(replaced)


def _write_campaigns(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    replaced = _displace(
        con, "campaigns", "campaign_code IN (SELECT campaign_code FROM incoming)", batch_id
    )
    con.execute(
        SQL["add_campaigns"],
        [batch_id],
    )
    return int(replaced)


def _write_dossiers(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    # A register is kept up to date and sent again: the newer row of a dossier (all its
    # submissions) takes the place of the older, which an undo brings back.
    replaced = _displace(
        con, "dossiers", "dossier_no IN (SELECT dossier_no FROM incoming)", batch_id
    )
    con.execute(SQL["add_dossiers"], [batch_id])
    return int(replaced)


WRITERS = {
    "awards": _write_awards,
    "bloc_scores": _write_bloc_scores,
    "memberships": _write_memberships,
    "campaigns": _write_campaigns,
    "dossiers": _write_dossiers,
}


def add_alias(master: warehouse.Warehouse, alias: str, unit_name: str, actor: Account) -> str:
    """Keep an admin's mapping of a typed unit name to a unit of the table (a newer mapping of
    the same name replaces the older)."""
    trail = warehouse.access_store(master)
    audit.checked(trail, actor, "manage", f"thêm tên gọi «{alias}»")
    with warehouse.writing(master) as con:
        known = lake_writer.one_writer(
            lambda: _put_alias(con, alias, unit_name, actor), con, f"tên gọi «{alias}»"
        )
    if not known:
        return f"«{unit_name}» không có trong danh mục đơn vị."
    audit.audit(trail, actor, "alias_add", alias, unit=unit_name)
    return f"Đã ghi nhận: «{alias}» là {unit_name}."


def _put_alias(con: duckdb.DuckDBPyConnection, alias: str, unit_name: str, actor: Account) -> bool:
    """The alias's transaction (both engines: a lake keeps no keys, so no INSERT OR REPLACE);
    False when the unit is not in the table."""
    lake_writer.begin(con)
    if not con.execute(SQL["unit_exists"], [unit_name]).fetchone():
        con.execute("ROLLBACK")
        return False
    con.execute(SQL["drop_alias"], [alias])
    con.execute(SQL["add_alias"], [alias, unit_name, actor.signature])
    con.execute("COMMIT")
    return True


def remove_alias(master: warehouse.Warehouse, alias: str, actor: Account) -> str:
    trail = warehouse.access_store(master)
    audit.checked(trail, actor, "manage", f"xóa tên gọi «{alias}»")
    with warehouse.writing(master) as con:
        unit = lake_writer.one_writer(lambda: _drop_alias(con, alias), con, f"tên gọi «{alias}»")
    if unit is None:
        return f"Không có tên gọi «{alias}»."
    audit.audit(trail, actor, "alias_remove", alias, unit=unit)
    return f"Đã xóa tên gọi «{alias}» (của {unit})."


def _drop_alias(con: duckdb.DuckDBPyConnection, alias: str) -> str | None:
    """The removal's transaction: the unit the alias named, None when there was none."""
    lake_writer.begin(con)
    row = con.execute(SQL["alias_unit"], [alias]).fetchone()
    if row is not None:
        con.execute(SQL["drop_alias"], [alias])
    con.execute("COMMIT")
    return str(row[0]) if row else None
