"""Named queries: the SQL lives in thidua/sql/<name>.sql, values go in as
named parameters ($year), never into the text."""

from __future__ import annotations

from functools import cache
from typing import Any

import duckdb
import polars as pl

from thidua.db import read_sql
from thidua.filters import Filters


@cache
def sql(name: str) -> str:
    if not name.replace("_", "").isalnum():  # names are ours, never user input
        raise ValueError(f"unknown query {name!r}")
    # Whole-line comments go before the fragments are put in: a comment that names one
    # ({counts}) would otherwise receive its many lines and comment out the first.
    text = read_sql(f"{name}.sql")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))


def text(name: str, filters: Filters | None = None) -> tuple[str, dict[str, Any]]:
    """The query with its fixed fragments in place: {counts} (the one definition of
    the headline counts), {selection} (a drill-down's own choice), {same_decision} (a
    dossier's decision among the awards), {units_now} (a unit as it is now, after mergers)
    and {filters} (the shared filters, as parameters; {dossier_filters} for a query over
    dossiers)."""
    chosen = filters or Filters()
    text = sql(name).replace("{counts}", sql("_counts")).replace("{selection}", sql("_selection"))
    text = text.replace("{same_decision}", sql("_same_decision"))
    text = text.replace("{units_now}", sql("_units_now"))
    if "{dossier_filters}" in text:  # a query over dossiers, not awards
        clause, params = chosen.dossier_sql()
        return text.replace("{dossier_filters}", clause), params
    clause, params = chosen.sql()
    return text.replace("{filters}", clause), params


def run(
    con: duckdb.DuckDBPyConnection, query_name: str, filters: Filters | None = None, **params: Any
) -> pl.DataFrame:
    """Run a named query on its own cursor (connections are not thread-safe). Executed, not
    made a relation: `cursor.sql(query, params=…).pl()` took nearly twice as long (the
    dossier page's query at a million awards: 113 ms against 62 ms)."""
    query, filter_params = text(query_name, filters)
    cursor = con.cursor()
    try:
        return cursor.execute(query, {**filter_params, **params} or None).pl()
    finally:
        cursor.close()
