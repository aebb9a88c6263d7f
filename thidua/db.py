"""Warehouse access: schema, reference seeding and the published snapshot.

DuckDB lets one process hold a file read-write and then no other process can
open it at all. So the importer is the only writer of the master file, and
after every import it publishes a copy (``<stem>.snapshot.duckdb``) by atomic
rename. The dashboard and analysts open that copy read-only, any number of
them at once, and never block the importer.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from thidua import migrations, positions, reference, sql_files
from thidua.formatting import number
from thidua.meta import fact, set_fact  # by name: see thidua/migrations.py
from thidua.settings import REFERENCE_DIR, snapshot_path

UNITS_CSV = REFERENCE_DIR / "units.csv"
# Days off and Saturdays worked, for counting working days (thidua.dossiers).
CALENDAR_CSV = REFERENCE_DIR / "calendar_days.csv"
# The eligibility ladder's rules with their articles (thidua.ladder).
LADDER_CSV = REFERENCE_DIR / "ladder_rules.csv"


read_sql = sql_files.read_sql  # kept for callers that read a whole file


SQL = sql_files.named_statements("db/warehouse.sql")  # the warehouse's bookkeeping statements


class WarehouseBusy(Exception):
    """The warehouse cannot be written now — another process holds the master file (an
    import, or a client opened it read-write), or the subclasses below. The message is the
    sentence to show: what happened and what was kept."""


class WarehouseUnreadable(WarehouseBusy):
    """The master file cannot be opened at all: written by a newer DuckDB, or not a DuckDB
    file (damaged, or another file put in its place)."""


def unreadable(said: str, path: Path | None = None) -> str:
    """What to say of a warehouse file DuckDB could not open (`said`: its error); the path
    only where the reader is the one who looks after the server (the command line)."""
    where = f"kho dữ liệu {path}" if path else "kho dữ liệu"
    if "newer version of DuckDB" in said:
        return (
            f"Không mở được {where}: tệp do một phiên bản DuckDB mới hơn ghi, bản này dùng "
            f"DuckDB {duckdb.__version__}. Hãy dựng lại kho từ các tệp đã nhập (với tỉnh mẫu: "
            "xóa tệp rồi chạy python -m etl demo)."
        )
    return (
        f"Không mở được {where}: tệp không phải kho DuckDB hoặc đã hỏng. Hãy lấy lại bản sao "
        "lưu hoặc dựng lại kho từ các tệp đã nhập."
    )


class DiskFull(WarehouseBusy):
    """Too little room to write and publish: found before anything is written."""


class PublishFailed(WarehouseBusy):
    """The master was written but its copy for the readers could not be made (an I/O error:
    the disk filled meanwhile). The readers still see the snapshot before this write; the
    next write publishes both."""


# Room a write needs besides a copy of the master (its own growth, the WAL): refused below.
WRITE_MARGIN = 64 * 1024 * 1024


# Row groups of 16k rows instead of DuckDB's 122,880 (not kept in the file: given at every
# open). A 100k-row import then fills whole row groups, which DuckDB writes to the file as
# the INSERT runs, compressed on both cores, instead of compressing them all at COMMIT on one
# (insert + commit + aggregates: 0,51 -> 0,37 s); scans skip years in smaller steps.
ROW_GROUP_ROWS = 16_384


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def private_folder(folder: Path) -> None:
    """A folder this service makes for its data is 0700 (one it finds is left as it is)."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # mkdir's mode is cut by the umask


def open_master(path: Path) -> duckdb.DuckDBPyConnection:
    """The read-write master, schema created and reference lists up to date."""
    private_folder(path.parent)
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{_quoted(path)}' AS master (ROW_GROUP_SIZE {ROW_GROUP_ROWS})")
        con.execute("USE master")
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)  # names of people: the service account's alone
    except (duckdb.IOException, duckdb.BinderException) as error:
        con.close()
        said = str(error)
        # Another process: «Could not set lock on file …»; this one (an import running on
        # another thread): «Unique file handle conflict … already attached».
        if "lock" in said or "already attached" in said:
            raise WarehouseBusy(
                f"Kho dữ liệu {path} đang được một tiến trình khác mở để ghi (một lần nhập khác, "
                "hoặc ai đó mở thẳng tệp chính thay vì bản chụp). Hãy thử lại sau ít phút."
            ) from error
        if isinstance(error, duckdb.BinderException):
            raise
        raise WarehouseUnreadable(unreadable(said, path)) from error
    _create_schema(con)
    seed_reference(con)
    return con


def _create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The numbered migrations above the warehouse's version, then the views if changed."""
    try:
        migrations.migrate(con)
    except migrations.NewerWarehouse as newer:
        raise WarehouseBusy(str(newer)) from newer


def _reference_rows() -> dict[str, list[list[object]]]:
    units: list[list[object]] = []
    if UNITS_CSV.exists():
        with UNITS_CSV.open(encoding="utf-8") as handle:
            units = [
                [r["unit_code"], r["name"], r["kind"], r["valid_from"] or None]
                + [r["valid_to"] or None, r["successor_code"] or None]
                for r in csv.DictReader(handle)
            ]
    calendar: list[list[object]] = []
    if CALENDAR_CSV.exists():
        with CALENDAR_CSV.open(encoding="utf-8") as handle:
            calendar = [[r["day"], r["kind"], r["name"]] for r in csv.DictReader(handle)]
    return {
        "ref_award_form": [
            [f.code, f.name_vi, f.name_en, f.recipients, f.level, i]
            for i, f in enumerate(reference.AWARD_FORMS)
        ],
        "ref_award_type": [
            [code, label, i] for i, (code, (label, _)) in enumerate(reference.AWARD_TYPES.items())
        ],
        "ref_recipient_kind": [
            [code, label] for code, (label, _) in reference.RECIPIENT_KINDS.items()
        ],
        "units": units,
        "calendar_days": calendar,
    }


def _ladder_rows() -> list[list[object]]:
    """The eligibility ladder's first rules (data/reference/ladder_rules.csv)."""
    if not LADDER_CSV.exists():
        return []
    with LADDER_CSV.open(encoding="utf-8") as handle:
        return [
            [r["rule_id"], r["target_form"], r["source_form"], r["recipient_kind"],
             int(r["times"]), int(r["step_years"]), r["condition"] or None, r["source"], i]
            for i, r in enumerate(csv.DictReader(handle))
        ]  # fmt: skip


def seed_reference(con: duckdb.DuckDBPyConnection) -> None:
    # Award codes and the unit list are code-owned: rewritten whenever they differ from
    # what the warehouse holds (a fingerprint is kept), so edits reach it on the next import.
    rows = _reference_rows()
    fingerprint = hashlib.sha256(repr(rows).encode()).hexdigest()
    kept = fact(con, "reference")
    rules_missing = not con.execute(SQL["any_position_rule"]).fetchone()
    ladder_missing = not con.execute(SQL["any_ladder_rule"]).fetchone()
    if kept == fingerprint and not rules_missing and not ladder_missing:
        return
    con.execute("BEGIN")
    for table, values in rows.items():  # fixed table names
        if table in ("units", "calendar_days") and not values:
            continue
        con.execute(f"DELETE FROM {table}")  # noqa: S608
        _insert_rows(con, table, values)
    # Classification rules start from the CSV; after that the admins keep them in the
    # warehouse (Quản trị page, audited), so they are only seeded into an empty table.
    if rules_missing:
        _insert_rows(
            con,
            "position_rules",
            [
                [r.rule_id, r.is_leader, r.pattern.pattern, r.label, i]
                for i, r in enumerate(positions.load_rules())
            ],
        )
    if ladder_missing:  # the same for the eligibility ladder's rules (thidua.ladder)
        _insert_rows(con, "ladder_rules", _ladder_rows())
    set_fact(con, "reference", fingerprint)
    mark_aggregates_stale(con)  # they carry award names (unit_outcomes)
    con.execute("COMMIT")


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, values: list[list[object]]) -> None:
    """One INSERT of many rows (executemany runs one statement per row: 80 ms for the
    reference lists of a new warehouse)."""
    if not values:
        return
    row = "(" + ", ".join("?" * len(values[0])) + ")"
    params = [value for record in values for value in record]
    con.execute(f"INSERT INTO {table} VALUES " + ", ".join([row] * len(values)), params)  # noqa: S608


@contextlib.contextmanager
def writing(master: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The master open for writing (the one way any change reaches the warehouse). Left
    without an error, the aggregates are built whole if they are stale, the master is
    checkpointed and closed, and its copy is published as the new snapshot. Refused with
    DiskFull before anything is begun when the disk cannot hold that copy."""
    _check_room(master)
    con = open_master(master)
    try:
        yield con
        if not aggregates_current(con):
            # A new or upgraded warehouse, new classification rules, reference names changed.
            con.execute(aggregates_sql("aggregates.sql", touched=False))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    _publish(master)


def publish_snapshot(master: Path) -> Path:
    """Publish the master as it is (its aggregates brought up to date first)."""
    with writing(master):
        pass
    return snapshot_path(master)


def _publish(master: Path) -> None:
    """Copy the (closed, checkpointed) master to a new versioned file and point the
    snapshot link at it atomically.

    Each version has its own file name because DuckDB keeps one database instance per
    path in a process: a reader that reopened the same path would get the old data
    while any connection to it is still open. Older versions are removed (readers that
    still hold one keep reading it until they close; Linux keeps the inode alive).
    """
    link = snapshot_path(master)
    version = master.with_name(f"{master.stem}.snapshot.{time.time_ns()}{master.suffix}")
    # Made 0600 before a byte is written (copyfile keeps the umask's 0644 otherwise).
    created = os.open(version, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(created, "wb") as out, master.open("rb") as source:
            _copy(source.fileno(), out.fileno())
    except OSError as error:
        version.unlink(missing_ok=True)  # no partial copy is left behind
        raise PublishFailed(
            "Đã ghi vào kho dữ liệu chính nhưng chưa công bố được bản cho trang xem "
            f"({error.strerror or error}); các trang vẫn hiện số liệu trước lần ghi này. Hãy giải "
            "phóng chỗ trên ổ đĩa: lần ghi sau sẽ công bố cả hai."
        ) from error
    tmp_link = master.with_name(f".{link.name}.{os.getpid()}.tmp")
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    tmp_link.symlink_to(version.name)
    os.replace(tmp_link, link)
    for old in sorted(master.parent.glob(f"{master.stem}.snapshot.*{master.suffix}"))[:-2]:
        if old != version:
            old.unlink(missing_ok=True)


def _check_room(master: Path) -> None:
    """The disk must hold a copy of the master (the snapshot every write publishes) and the
    write's own growth; else nothing is begun."""
    folder = master.parent if master.parent.exists() else Path(os.path.abspath(os.sep))
    size = master.stat().st_size if master.exists() else 0
    free = shutil.disk_usage(folder).free
    if free < size + WRITE_MARGIN:
        raise DiskFull(
            f"Ổ đĩa chứa kho dữ liệu chỉ còn {number(free // 2**20)} MB trống; cần ít nhất "
            f"{number((size + WRITE_MARGIN) // 2**20)} MB để ghi và công bố. Không có gì thay "
            "đổi: hãy giải phóng chỗ trên ổ đĩa rồi làm lại."
        )


def _copy(source: int, target: int) -> None:
    """The whole file, in the kernel (as shutil.copyfile does), into a file already open."""
    size, offset = os.fstat(source).st_size, 0
    while offset < size:
        sent = os.sendfile(target, source, offset, size - offset)
        if sent == 0:
            raise OSError(f"the warehouse shrank while it was copied ({offset} of {size} bytes)")
        offset += sent


# A join, not EXISTS: a hash join on the name (45 ms at 1M rows against 460 ms), on the
# distinct touched people (a replacement notes both batches) so no award counts twice.
_TOUCHED_PEOPLE = (
    "JOIN (SELECT DISTINCT recipient_name, unit_name FROM touched_recipients) AS t "
    "ON t.recipient_name = a.recipient_name AND t.unit_name IS NOT DISTINCT FROM a.unit_name"
)


def aggregates_sql(name: str, touched: bool) -> str:
    """`name` with each aggregate's rows (_aggregate_rows.sql) for the whole warehouse or for
    the touched years and people only."""
    years = "year IN (SELECT year FROM touched_years)" if touched else "TRUE"
    rows = _aggregate_rows(years, _TOUCHED_PEOPLE if touched else "")
    return read_sql(name).format(**rows, aggregates_version=AGGREGATES)


def aggregate_tables() -> frozenset[str]:
    """The pre-aggregated tables: one per section of _aggregate_rows.sql."""
    return frozenset(_aggregate_rows("TRUE", ""))


def _aggregate_rows(years: str, people: str) -> dict[str, str]:
    """Each aggregate's query (_aggregate_rows.sql), its rows limited by `years` (a condition)
    and `people` (a clause after FROM award AS a)."""
    sections = read_sql("_aggregate_rows.sql").split("-- == ")[1:]
    rows = {}
    for section in sections:
        table, _, body = section.partition("\n")
        rows[table.strip()] = body.format(years=years, people=people)
    return rows


# The aggregate tables' definition, stored in meta when they are built: a warehouse whose
# aggregates an older definition built has them rebuilt whole at its next write (2: with
# decision_counts).
AGGREGATES = "current 2"


def aggregates_current(con: duckdb.DuckDBPyConnection) -> bool:
    return fact(con, "aggregates") == AGGREGATES


def mark_aggregates_stale(con: duckdb.DuckDBPyConnection) -> None:
    """Leaving db.writing rebuilds the aggregates whole (for a change that touches every year)."""
    set_fact(con, "aggregates", "stale")


def mark_touched(con: duckdb.DuckDBPyConnection, batch_id: int) -> None:
    """Remember the years and people of a batch's award rows, before they are written or
    removed, for refresh_touched at the end of the same transaction (nothing to remember
    when the aggregates will be rebuilt whole anyway)."""
    if not aggregates_current(con):
        return
    con.execute(SQL["make_touched_years"])
    con.execute(SQL["make_touched_recipients"])
    con.execute(SQL["touch_years_of_batch"], [batch_id])
    con.execute(
        SQL["touch_recipients_of_batch"],
        [batch_id],
    )


def refresh_touched(con: duckdb.DuckDBPyConnection, appended: int | None = None) -> None:
    """Refresh the aggregates for what mark_touched noted (an import of 5k rows into 10M
    recomputes a year, not the warehouse). Nothing was noted when they are not current:
    leaving db.writing rebuilds them whole. `appended`: the batch, when the change only
    added its rows (an import that replaced nothing) — its people's rows are merged with
    what it adds instead of counted again."""
    if not con.execute(SQL["anything_touched"]).fetchone():
        return
    con.execute(aggregates_sql("aggregates_touched.sql", touched=True))
    if appended is None:
        con.execute(aggregates_sql("aggregates_recipients_touched.sql", touched=True))
        return
    con.execute(SQL["make_batch_recipients"].format(rows=_recipients_of_batch()), [appended])
    con.execute(read_sql("aggregates_recipients_appended.sql"))


def _recipients_of_batch() -> str:
    """The recipients query over one batch's rows (`?`: its id) — the same query as ever."""
    return _aggregate_rows("TRUE", "WHERE a.batch_id = ?")["recipients"]


def open_snapshot(master: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published snapshot (raises if none yet, and
    WarehouseUnreadable when DuckDB cannot read it)."""
    try:
        return duckdb.connect(os.path.realpath(snapshot_path(master)), read_only=True)
    except duckdb.IOException as error:
        if "lock" in str(error) or "does not exist" in str(error):
            raise
        raise WarehouseUnreadable(unreadable(str(error))) from error


def snapshot_version(master: Path) -> tuple[int, int] | None:
    """Changes whenever a new snapshot is published: (inode, mtime_ns)."""
    try:
        stat = snapshot_path(master).stat()  # follows the link to the current version
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def ensure_current(master: Path) -> bool:
    """Bring a warehouse made by an older version up to the current schema and republish
    its snapshot. Readers only see the snapshot, so this is done once by the dashboard at
    start; returns False when another process holds the master (it will be done later)."""
    if db_is_current(master):
        return True
    try:
        publish_snapshot(master)  # opening the master brings its schema up to date
    except WarehouseBusy:
        return False
    return True


def db_is_current(master: Path) -> bool:
    if snapshot_version(master) is None:
        return True  # nothing published yet: the first import creates the current schema
    con = open_snapshot(master)
    try:
        version = migrations.stored_version(con)
        aggregates = con.execute(SQL["aggregates_exist"], [sorted(aggregate_tables())]).fetchone()
    finally:
        con.close()
    # A newer release's warehouse counts as current: it is read as it is, never downgraded.
    return version >= migrations.latest() and bool(aggregates and aggregates[0])
