"""The warehouse's own facts (table `meta`: schema version, fingerprints, the aggregates'
state), read and written the same way on an embedded warehouse and on a lake."""

from __future__ import annotations

import duckdb

from thidua.sql_files import named_statements

SQL = named_statements("core/meta.sql")


def set_fact(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Replace `key`'s value (inside the caller's transaction, when it has one)."""
    con.execute(SQL["drop_fact"], [key])
    con.execute(SQL["add_fact"], [key, value])


def fact(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """`key`'s value; None when the warehouse has none (raises CatalogException when it has no
    `meta` table yet: a new warehouse)."""
    row = con.execute(SQL["fact"], [key]).fetchone()
    return None if row is None or row[0] is None else str(row[0])
