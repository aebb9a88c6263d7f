"""Schema changes as numbered migrations (sql/migrations/NNNN_name.sql) and the warehouse's
stored schema version (meta 'schema_version'). Opening the master applies each migration
above the stored version in its own transaction, then replaces the documented views when
sql/views.sql changed. A warehouse whose version is above what this code knows — made by a
newer release — is not opened for writing: downgrading it could lose what the newer release
keeps."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import duckdb

# Imported by name: a module called `meta` in this namespace is what DuckDB's replacement
# scan would read for «FROM meta» on a new warehouse, instead of saying the table is missing.
from thidua.meta import fact, set_fact

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


class NewerWarehouse(Exception):
    """The warehouse was made by a newer release; the message is the sentence to show."""


@cache
def migrations() -> tuple[Migration, ...]:
    folder = resources.files("thidua").joinpath("sql", "migrations")
    found = []
    for entry in folder.iterdir():
        matched = _NAME.match(entry.name)
        if matched:
            found.append(Migration(int(matched[1]), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if numbers != list(range(1, len(found) + 1)):  # a gap or a repeat is a packaging mistake
        raise RuntimeError(f"migrations must be numbered 1, 2, 3…; found {numbers}")
    return tuple(found)


def latest() -> int:
    return migrations()[-1].number


@cache
def views_sql() -> str:
    return resources.files("thidua").joinpath("sql", "views.sql").read_text(encoding="utf-8")


def stored_version(con: duckdb.DuckDBPyConnection) -> int:
    """The warehouse's schema version; 0 for a new one. A warehouse made before migrations
    were numbered holds the fingerprint of its schema instead, and counts as 0: migration 1
    is idempotent and brings it to 1 as it is."""
    try:
        version = fact(con, "schema_version")
    except duckdb.CatalogException:
        return 0
    return int(version) if version else 0


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Bring the schema up to date; returns the migrations applied (none, most often:
    one query). Raises NewerWarehouse for a warehouse of a newer release."""
    version = stored_version(con)
    if version > latest():
        raise NewerWarehouse(
            f"Kho dữ liệu này được tạo bởi phiên bản mới hơn của phần mềm (lược đồ số {version}; "
            f"phiên bản này chỉ biết tới số {latest()}). Hãy cập nhật phần mềm trước khi ghi vào kho."
        )
    applied = []
    for migration in migrations()[version:]:
        con.execute("BEGIN")
        try:
            con.execute(migration.sql)
            set_fact(con, "schema_version", str(migration.number))
            con.execute("COMMIT")
        except duckdb.Error:
            con.execute("ROLLBACK")
            raise
        applied.append(migration.number)
    _replace_views(con)
    return applied


def _replace_views(con: duckdb.DuckDBPyConnection) -> None:
    text = views_sql()
    fingerprint = hashlib.sha256(text.encode()).hexdigest()
    if fact(con, "views") == fingerprint:
        return
    con.execute(text)
    set_fact(con, "views", fingerprint)
