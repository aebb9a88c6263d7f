"""Named queries: the SQL lives in thidua/sql/<name>.sql, values go in as
named parameters ($year), never into the text."""

from __future__ import annotations

from functools import cache
from typing import Any

import duckdb
import polars as pl

from thidua.db import read_sql


@cache
def sql(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"unknown query {name!r}")
    return read_sql(f"{name}.sql")


def run(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pl.DataFrame:
    """Run a named query on its own cursor (connections are not thread-safe)."""
    cursor = con.cursor()
    try:
        return cursor.sql(sql(name), params=params or None).pl()
    finally:
        cursor.close()
