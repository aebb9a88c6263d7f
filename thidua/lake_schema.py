"""The warehouse's tables on DuckLake, derived from the one schema (sql/migrations).

DuckLake keeps columns, types, NOT NULL and defaults; it keeps no collations, keys, checks
or sequences («Collations are not supported in DuckLake storage», «PRIMARY KEY … not
supported»). So the lake's tables are not written out a second time: the migrations are run
in an in-memory DuckDB and each table's columns are read back from it — a migration that
adds a column adds it to both engines. What the lake cannot keep is kept by its writer
(thidua.lake_writer): ids come from the writers' turn, not a sequence; a file's checksum is
looked up inside that turn, not enforced by a key; Vietnamese order is asked for where a
query sorts (COLLATE vi), not stored on a column.

The documented views (`awards`, `bloc_results`) are made in the lake too, so an analyst who
attaches it from any DuckDB client reads them (README, SQL views).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

import duckdb

from thidua import migrations
from thidua.sql_files import named_statements

SQL = named_statements("lake/schema.sql")

# One row: the number of the last writer's turn, and who holds the next one until when.
# Every writer updates it in its transaction, so two writers conflict at commit and one
# retries (DuckLake lets two appends to a table commit side by side, which would let both
# import the same file or take the same id); the number it reads is the batch id it writes.
# The lease (holder, held_until) makes the others wait for it instead of doing their whole
# write only to be refused at commit (thidua/lake_writer.py).
TURN_TABLE = "writer_turn"


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    not_null: bool
    default: str | None

    def ddl(self) -> str:
        default = f" DEFAULT {self.default}" if self.default is not None else ""
        return f"{identifier(self.name)} {self.data_type}{' NOT NULL' if self.not_null else ''}{default}"


@cache
def tables() -> dict[str, tuple[Column, ...]]:
    """Every table of the embedded warehouse at the latest migration, with its columns in order."""
    con = duckdb.connect()
    try:
        migrations.migrate(con)
        rows = con.execute(SQL["embedded_columns"]).fetchall()
    finally:
        con.close()
    found: dict[str, list[Column]] = {}
    for table, name, data_type, not_null, default in rows:
        found.setdefault(table, []).append(Column(name, data_type, bool(not_null), default))
    return {table: tuple(columns) for table, columns in found.items()}


def statements() -> list[str]:
    """The lake's schema, statement by statement (each idempotent)."""
    made = [
        f"CREATE TABLE IF NOT EXISTS {identifier(table)} ("
        + ", ".join(column.ddl() for column in columns)
        + ")"
        for table, columns in tables().items()
    ]
    made.append(
        f"CREATE TABLE IF NOT EXISTS {TURN_TABLE} "
        "(turn BIGINT NOT NULL, holder VARCHAR, held_until TIMESTAMP WITH TIME ZONE)"
    )
    return made


def fingerprint() -> str:
    """Changes whenever the lake's schema or its views would."""
    text = "\n".join([*statements(), migrations.views_sql()])
    return hashlib.sha256(text.encode()).hexdigest()


def identifier(name: str) -> str:
    """A table or column name of the warehouse's own (never user text), checked before it is
    written into a statement."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not an identifier: {name!r}")
    return name
