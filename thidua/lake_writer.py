"""Writing to the warehouse on DuckLake: its schema made or brought up to date, one writer's
turn at a time, and retries when writers collide.

A writer first claims the turn's lease (`claim`: a short transaction of its own on the one
row of `writer_turn`); while another holds it, it waits. Then its write takes the turn
(`take_turn`: the same row updated, the lease let go at commit). Two writers that still
meet — a lease that ran out, a writer that did not ask for one — conflict when the second
commits: DuckLake refuses it, nothing of it is written, and it runs again from the start on
the snapshot the first one left: it sees the batch the first one wrote (the same file is
then a duplicate, not a second batch) and takes the next batch number (the highest + 1,
read inside the turn, as the sequence gives it in an embedded warehouse). Without the lease, eight writers
at once each did their whole import only to be refused at commit by one of the others, over
and over (80 imports: 122 s). A writer killed mid-write holds the others up until its lease
runs out (THIDUA_LAKE_LEASE_SECONDS). After BUSY_AFTER seconds in which no writer got on,
the analyst is told the warehouse is busy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import duckdb

from thidua import lake, lake_schema, migrations, settings
from thidua.db import WarehouseBusy, aggregates_current, aggregates_sql, seed_reference
from thidua.meta import fact, set_fact  # by name: see thidua/migrations.py

SQL = lake_schema.SQL
ALIAS = "lake"
# Seconds: the first wait after a collision, doubled at each one up to MAX_WAIT; after
# BUSY_AFTER in all the write is given up (34 provinces in one week collide often, briefly).
FIRST_WAIT = 0.05
MAX_WAIT = 2.0
BUSY_AFTER = 120.0
LONGEST_WAIT = 900.0  # seconds a writer waits for its turn while the others make progress
# A waiting writer looks at the turn again after POLL_FIRST seconds, then less and less often:
# 33 writers asking ten times a second took the CPU the writer holding the turn needed
# (34 provinces × 5 lists: 486 s).
POLL_FIRST = 0.05
POLL_LONGEST = 0.5
T = TypeVar("T")


class LakeBusy(WarehouseBusy):
    """Writers kept colliding: nothing of this write was kept."""


# One DuckDB instance per lake and process, its extensions loaded and the lake attached once
# (LOAD of the two extensions took 150–230 ms, a third of a 5,000-row import); each write
# gets a cursor of it — a connection of its own, with its own transaction.
_instances: dict[tuple[str, str], duckdb.DuckDBPyConnection] = {}
_instances_lock = threading.Lock()


def connect(where: lake.Lake) -> duckdb.DuckDBPyConnection:
    """A connection whose unqualified names are the lake's tables (as `USE master` does for
    an embedded warehouse), so the same named SQL runs on both."""
    key = (where.address, where.data_path)
    with _instances_lock:
        base = _instances.get(key)
        if base is None:
            base = _instances[key] = _attached(where)
    con = base.cursor()
    con.execute(f"USE {ALIAS}")
    return con


def _attached(where: lake.Lake) -> duckdb.DuckDBPyConnection:
    for attempt in range(5):
        con = duckdb.connect()
        try:
            lake.attach(con, where, ALIAS)
            return con
        except duckdb.Error as error:
            con.close()
            # Two writers attaching a new lake at once both make its catalog tables; one of
            # them is refused («already exists», a duplicate key) and finds them made next time.
            if "Failed to initialize DuckLake" not in str(error) or attempt == 4:
                raise
        except BaseException:
            con.close()
            raise
        time.sleep(random.uniform(0.1, 0.3))  # noqa: S311 — jitter, not a secret
    raise AssertionError("unreachable")


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether `con` writes to a lake (connect) rather than an embedded master."""
    row = con.execute(SQL["current_database"]).fetchone()
    return row is not None and row[0] == ALIAS


def colliding(error: BaseException) -> bool:
    """A commit another writer got to first (PostgreSQL catalog: «Transaction conflict»;
    SQLite catalog: «database is locked»): worth running again."""
    said = str(error)
    return isinstance(error, duckdb.TransactionException) or any(
        words in said for words in ("conflict", "database is locked")
    )


RETRY_LOG = logging.getLogger("thidua.lake.retry")


def retrying(work: Callable[[], T], con: duckdb.DuckDBPyConnection, what: str) -> T:
    """`work()` (one transaction of its own), run again while it collides with another writer:
    waits grow (with jitter, so colliding writers spread out) up to MAX_WAIT each; past
    BUSY_AFTER seconds in all, the analyst is told the warehouse is busy."""
    started = time.monotonic()
    attempt = 0
    while True:
        attempt += 1
        try:
            return work()
        except duckdb.Error as error:
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
            if not colliding(error):
                raise
            if time.monotonic() - started > BUSY_AFTER:
                raise LakeBusy(
                    f"Kho dữ liệu đang bận: {what} va chạm với người khác đang ghi {attempt} lần "
                    f"trong {BUSY_AFTER:.0f} giây, nên chưa ghi gì. Hãy thử lại sau ít phút."
                ) from error
            wait = min(FIRST_WAIT * 2 ** min(attempt, 10), MAX_WAIT)
            # For whoever counts them (bench lake); no handler prints it to an analyst.
            RETRY_LOG.info("%s: va chạm lần %d, ghi lại", what, attempt)
            time.sleep(wait * random.uniform(0.5, 1.5))  # noqa: S311 — jitter, not a secret


def writer_name() -> str:
    """Who holds a lease: the machine, the process and a mark of its own."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim(con: duckdb.DuckDBPyConnection, holder: str, what: str) -> None:
    """Wait until the writers' turn is free (or its holder's lease ran out), then hold it.
    Waiting goes on while the others make progress (the turn moves on, or passes to another
    writer): with 34 provinces importing at once a writer's place in the queue can be minutes
    away, and giving up then would refuse work the warehouse is about to take. Busy means no
    progress for BUSY_AFTER seconds, or LONGEST_WAIT in all."""
    started = last_progress = time.monotonic()
    seen: tuple[object, ...] | None = None
    seconds = settings.lake_lease_seconds()
    pause = POLL_FIRST
    while True:
        try:
            con.execute("BEGIN")
            row = con.execute(SQL["lease"]).fetchone()
            if row is not None and row[0] not in (None, holder) and row[1]:
                con.execute("ROLLBACK")  # held by another writer: wait for it
                if (row[0], row[2]) != seen:
                    seen, last_progress = (row[0], row[2]), time.monotonic()
            else:
                con.execute(SQL["claim_lease"], {"holder": holder, "seconds": seconds})
                con.execute("COMMIT")
                return
        except duckdb.Error as error:
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
            if not colliding(error):
                raise
        now = time.monotonic()
        if now - last_progress > BUSY_AFTER or now - started > LONGEST_WAIT:
            raise LakeBusy(
                f"Kho dữ liệu đang bận: {what} đã chờ người khác ghi xong {now - started:.0f} giây, "
                "nên chưa ghi gì. Hãy thử lại sau ít phút."
            )
        time.sleep(pause * random.uniform(0.5, 1.5))  # noqa: S311 — jitter, not a secret
        pause = min(pause * 1.5, POLL_LONGEST)


def release(con: duckdb.DuckDBPyConnection, holder: str) -> None:
    """Let the turn go if `holder` still holds it (the write failed or was refused); after a
    commit take_turn has let it go already, and nothing is written again."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")
    with contextlib.suppress(duckdb.Error):
        row = con.execute(SQL["lease"]).fetchone()
        if row is not None and row[0] == holder:
            retrying(
                lambda: con.execute(SQL["release_lease"], {"holder": holder}), con, "trả lượt ghi"
            )


def in_turn(work: Callable[[], T], con: duckdb.DuckDBPyConnection, what: str) -> T:
    """`work()` — one transaction that calls take_turn — with the lease held around it."""
    holder = writer_name()

    def claimed() -> T:
        claim(con, holder, what)
        return work()

    try:
        return retrying(claimed, con, what)
    finally:
        release(con, holder)


def one_writer(work: Callable[[], T], con: duckdb.DuckDBPyConnection, what: str) -> T:
    """`work()`, a write's transaction: on a lake in the writers' turn (in_turn: waited for, and
    run again when another writer committed first); on a file as it is (its one writer)."""
    return in_turn(work, con, what) if is_lake(con) else work()


def take_turn(con: duckdb.DuckDBPyConnection) -> None:
    """This transaction takes the writers' turn; a writer committing beside it makes one of
    the two fail at commit (retrying runs it again)."""
    updated = con.execute(SQL["take_turn"]).fetchone()  # the rows updated: its only answer
    if not updated or not updated[0]:
        raise RuntimeError("writer_turn has no row: the lake's schema was not made")


def begin(con: duckdb.DuckDBPyConnection) -> None:
    """BEGIN a write's transaction; on a lake it takes the writers' turn (one_writer runs it)."""
    con.execute("BEGIN TRANSACTION")
    if is_lake(con):
        take_turn(con)


# Lakes whose schema and reference lists this process has made sure of: a schema only moves
# forward with a release, so once per process is enough (it cost 0,15 s of every import: each
# query of a lake's small tables reads its catalog).
_SCHEMA_SEEN: set[tuple[str, str]] = set()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Make the lake's tables and views, or add what a newer release's migrations added;
    then the reference lists (thidua.db.seed_reference)."""
    retrying(lambda: _make_schema(con), con, "tạo lược đồ kho")
    retrying(lambda: seed_reference(con), con, "ghi danh mục tham chiếu")


def _make_schema(con: duckdb.DuckDBPyConnection) -> None:
    wanted = lake_schema.fingerprint()
    if _stored_fingerprint(con) == wanted:
        return
    con.execute("BEGIN")
    for statement in lake_schema.statements():
        con.execute(statement)
    _add_missing_columns(con)
    if con.execute(SQL["turns_taken"]).fetchone() == (0,):
        con.execute(SQL["first_turn"])
    con.execute(migrations.views_sql())
    set_fact(con, "lake_schema", wanted)
    set_fact(con, "schema_version", str(migrations.latest()))
    con.execute("COMMIT")


def _stored_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        return fact(con, "lake_schema")
    except duckdb.CatalogException:
        return None  # a new lake


def _add_missing_columns(con: duckdb.DuckDBPyConnection) -> None:
    """A column a later migration added to a table the lake already has."""
    present = {(t, c) for t, c, _ in con.execute(SQL["lake_columns"]).fetchall()}
    for table, columns in lake_schema.tables().items():
        for column in columns:
            if (table, column.name) not in present:
                # Without NOT NULL: the rows already there have no value for it.
                added = lake_schema.Column(column.name, column.data_type, False, column.default)
                con.execute(f"ALTER TABLE {table} ADD COLUMN {added.ddl()}")


@contextlib.contextmanager
def writing(where: lake.Lake) -> Iterator[duckdb.DuckDBPyConnection]:
    """The lake open for writing, schema made. Left without an error, the aggregates are
    built whole if they are stale (as thidua.db.writing does); there is no snapshot to
    publish: readers see each commit."""
    con = connect(where)
    try:
        if (where.address, where.data_path) not in _SCHEMA_SEEN:
            ensure_schema(con)
            _SCHEMA_SEEN.add((where.address, where.data_path))
        yield con
        if not aggregates_current(con):
            in_turn(lambda: _rebuild_aggregates(con), con, "tính lại bảng tổng hợp")
    finally:
        con.close()


def _rebuild_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    begin(con)
    con.execute(aggregates_sql("aggregates.sql", touched=False))
    con.execute("COMMIT")


@dataclass(frozen=True)
class Upkeep:
    """What `maintain` did: live data files and kept snapshots, before and after."""

    files_before: int
    files_after: int
    snapshots_before: int
    snapshots_after: int


def maintain(where: lake.Lake, keep_days: int) -> Upkeep:
    """Merge small data files (each import writes its own), forget snapshots older than
    `keep_days` (no «what did the warehouse say then» before that), and delete the files only
    those held — once older than `keep_days` too, so no reader still scanning one loses it."""
    con = connect(where)
    try:
        files_before, snapshots_before = _counts(con)
        retrying(lambda: con.execute(SQL["merge_files"]).pl(), con, "gộp tệp dữ liệu")
        days = {"days": int(keep_days)}
        retrying(lambda: con.execute(SQL["expire_snapshots"], days).pl(), con, "bỏ bản chụp cũ")
        retrying(lambda: con.execute(SQL["remove_old_files"], days).pl(), con, "xóa tệp cũ")
        files_after, snapshots_after = _counts(con)
        return Upkeep(files_before, files_after, snapshots_before, snapshots_after)
    finally:
        con.close()


def _counts(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    files = con.execute(SQL["live_files"]).fetchone()
    snapshots = con.execute(SQL["snapshots_kept"]).fetchone()
    return int(files[0]) if files else 0, int(snapshots[0]) if snapshots else 0
