"""The warehouse the setting names — a DuckDB file (one machine) or a DuckLake (issue 22) —
and the few things that differ between the two: how it is written, how a page reads it,
what its data version is, where its accounts and audit trail live.

Everything else (named SQL, imports, pages' queries) is the same code on both: a lake's
connection has `USE`d the lake, so unqualified names are its tables.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import duckdb

from thidua import (
    access,
    access_file,
    db,
    lake,
    lake_schema,
    lake_writer,
    migrations,
    readers,
    settings,
)
from thidua.lake import Lake
from thidua.scope import SQL as SCOPE_SQL
from thidua.scope import scope_views
from thidua.sql_files import named_statements

SQL = named_statements("lake/schema.sql")
Warehouse = Path | Lake


def chosen(explicit: str | os.PathLike[str] | None = None) -> Warehouse:
    """--db wins, then $THIDUA_DB, then data/warehouse.duckdb; a `ducklake:` value is a lake."""
    setting = str(explicit) if explicit else settings.DB.value() or str(settings.DEFAULT_DB)
    if lake.is_lake(setting):
        return lake.lake_of(setting, settings.lake_data())
    return settings.db_path(setting)


def setting_of(where: Warehouse) -> str:
    """The text that names it again (a cache key, a process argument)."""
    return where.setting if isinstance(where, Lake) else str(where)


def shown(where: Warehouse) -> str:
    """How a message names it: the file, or the lake without its connection details."""
    if isinstance(where, Lake):
        return f"DuckLake ({where.catalog})"
    return str(where)


def audit_name(where: Warehouse) -> str:
    """What the audit trail names as the target of a write: the file's name, or the lake."""
    return shown(where) if isinstance(where, Lake) else where.name


@contextlib.contextmanager
def writing(where: Warehouse) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one way a change reaches it (thidua.db.writing, thidua.lake_writer.writing)."""
    opened = lake_writer.writing(where) if isinstance(where, Lake) else db.writing(where)
    with opened as con:
        yield con


def access_store(where: Warehouse) -> access_file.AccessStore:
    """Accounts, sessions, settings and the audit trail: a lake on PostgreSQL keeps them in
    that PostgreSQL (every replica shares one sign-in, revocation and audit trail); otherwise
    $THIDUA_ACCESS_DB, else a SQLite file beside the warehouse file or the lake's catalog."""
    if not isinstance(where, Lake):
        return settings.access_path(where)
    if where.catalog == "sqlite":
        return settings.access_path(Path(where.target))
    return access_file.AccessDatabase(where.target)


_probes: dict[str, duckdb.DuckDBPyConnection] = {}
_probe_lock = threading.Lock()


def version(where: Warehouse) -> tuple[int, int] | None:
    """What changes whenever readers would see new data: the published snapshot file's
    (inode, mtime_ns), or (0, the lake's newest snapshot id) — the second grows with each
    (thidua.readers, ui.data compare it); None when there is nothing yet."""
    if not isinstance(where, Lake):
        return db.snapshot_version(where)
    if where.catalog == "sqlite" and not Path(where.target).exists():
        return None  # no lake yet: the first import makes it
    if where.snapshot is not None:  # a past snapshot never changes (as_of made sure of it)
        return (0, where.snapshot)
    with _probe_lock:
        probe = _probes.get(where.address)
        if probe is None:
            try:
                probe = _probes[where.address] = reader(where)
            except duckdb.Error as error:
                if "does not exist" in str(error):
                    return None  # a catalog no writer has made a lake in yet: nothing to show
                raise db.WarehouseUnreadable(db.unreadable(str(error))) from error
        try:  # inside the lock: one cursor is not for two threads at once
            row = probe.execute(SQL["data_version"]).fetchone()
        except duckdb.Error:
            _probes.pop(where.address, None)
            probe.close()
            raise
    newest, has_batches = row if row else (None, False)
    return (0, int(newest)) if newest is not None and has_batches else None


def as_of(where: Lake, moment: datetime) -> Lake | None:
    """The lake as it was at `moment` (what the pages showed then): pinned at the newest
    snapshot committed by then that held an import; None when there is none — nothing
    imported yet then, or its snapshots expired (`etl maintain --keep-days`)."""
    where = dataclasses.replace(where, snapshot=None)
    if version(where) is None:
        return None
    with _probe_lock:
        probe = _probes[where.address]
        row = probe.execute(SQL["snapshot_at"], [moment]).fetchone()
    if row is None or row[0] is None:
        return None
    pinned = dataclasses.replace(where, snapshot=int(row[0]))
    try:
        has = reader(pinned).execute(SQL["has_batches"]).fetchone()
    except duckdb.CatalogException:  # no import_batches yet at that snapshot
        return None
    return pinned if has and has[0] else None


_readers: dict[tuple[str, str], duckdb.DuckDBPyConnection] = {}  # (setting, data path)
_readers_lock = threading.Lock()


def reader(where: Lake) -> duckdb.DuckDBPyConnection:
    """The lake read-only, each of its tables a view by its plain name in the connection's own
    database (not `USE`: a cursor — one per page query — starts in the default database
    again); nothing else on the machine can be read through it, only the lake's data. A
    cursor of one instance per lake and process, made once (loading the extensions is
    150–230 ms)."""
    key = (where.setting, where.data_path)
    with _readers_lock:
        base = _readers.get(key)
        if base is None:
            base = _readers[key] = _attached(where, lambda _: None)  # views: _mirror
        if key not in _whole and _every_table() <= _mirror(base):
            _whole.add(key)
    return base.cursor()


# Readers that mirror every table a lake can hold: their cursors skip the two catalog
# queries that look for new tables (20–50 ms of every page query on a lake).
_whole: set[tuple[str, str]] = set()


@functools.cache
def _every_table() -> frozenset[str]:
    """The tables of a lake once its writers have made all of them (the aggregates' last)."""
    return frozenset(lake_schema.tables()) | AGGREGATE_TABLES | {"writer_turn"}


AGGREGATE_TABLES = db.aggregate_tables()


def _attached(
    where: Lake, prepare: Callable[[duckdb.DuckDBPyConnection], None]
) -> duckdb.DuckDBPyConnection:
    """A DuckDB instance with the lake attached read-only as `src`, `prepare`d, then confined."""
    con = duckdb.connect()
    try:
        lake.attach(con, where, "src", read_only=True)
        prepare(con)
        confine(con, where)
    except BaseException:
        con.close()
        raise
    return con


def _mirror(con: duckdb.DuckDBPyConnection) -> set[str]:
    """A view for each of the lake's tables not mirrored yet (a writer makes the aggregates'
    tables after the others), then the documented views on them; the tables mirrored."""
    tables = {t for (t,) in con.execute(SCOPE_SQL["source_tables"]).fetchall()}
    mirrored = {t for (t,) in con.execute(SQL["mirrored_tables"]).fetchall()}
    if tables <= mirrored:
        return tables
    for table in sorted(tables - mirrored):
        name = lake_schema.identifier(table)
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM src.{name}")  # noqa: S608
    con.execute(migrations.views_sql())  # the documented views, on those
    return tables


def open_for_reading(where: Warehouse) -> duckdb.DuckDBPyConnection:
    """The whole warehouse read-only, as the command line and the pages of the province read it."""
    return reader(where) if isinstance(where, Lake) else db.open_snapshot(where)


def scoped_reader(where: Lake, unit: str | None) -> duckdb.DuckDBPyConnection:
    """The lake as a unit account may see it (thidua.scope), as for a snapshot file."""
    return _attached(where, lambda con: scope_views(con, unit))


def open_reader(setting: str, scope: str | None) -> duckdb.DuckDBPyConnection:
    """A page's read connection (thidua.readers): the whole province reads the warehouse as it
    is; anyone else through views of their unit's rows (thidua.scope)."""
    where = chosen(setting)
    if not isinstance(where, Lake):
        return readers.open_reader(setting, scope)
    return reader(where) if scope == access.PROVINCE else scoped_reader(where, scope)


def confine(con: duckdb.DuckDBPyConnection, where: Lake) -> None:
    """No file outside the lake's data may be read from `con` (no read_csv, no other ATTACH)."""
    if "://" not in where.data_path:
        con.execute(SQL["allow_directory"], [[where.data_path]])
    con.execute("SET enable_external_access = false")
