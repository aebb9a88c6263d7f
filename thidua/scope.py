"""A unit account's view of the warehouse.

Rather than trusting every query and every page to add "AND unit = …", a unit
account reads through its own in-memory database in which the warehouse's
tables are replaced by views that hold only what the unit may see. The pages,
drill-downs, exports and slides run their usual named queries on it and cannot
reach anything else. Deny by default: a table not listed here does not exist for
a scoped reader, and an account without a unit gets views that are empty.
"""

from __future__ import annotations

import os

import duckdb

from thidua.migrations import views_sql
from thidua.sql_files import named_statements

SQL = named_statements("core/scope.sql")

_IN_SCOPE = "unit_name IN (SELECT unit_name FROM scope_units)"
# The blocs (per year) the unit belongs to: its place in its bloc means the other members' scores.
_OWN_BLOCS = (
    "(year, bloc_name) IN (SELECT year, bloc_name FROM src.bloc_members "
    "WHERE unit_name IN (SELECT unit_name FROM scope_units))"
)
# table -> the rows a unit account sees. Unit names, award codes and campaign plans are
# not individual records; awards are, and only the unit's own are in scope.
VISIBLE_ROWS = {
    "award": _IN_SCOPE,
    "award_counts": _IN_SCOPE,
    "recipients": _IN_SCOPE,
    "unit_outcomes": _IN_SCOPE,
    "decision_counts": _IN_SCOPE,
    "unit_aliases": _IN_SCOPE,
    "blocs": _OWN_BLOCS,
    "bloc_members": _OWN_BLOCS,
    "bloc_scores": _OWN_BLOCS,
    # Plans are public documents, but an account without a unit is shown nothing at all.
    "campaigns": "EXISTS (SELECT 1 FROM scope_units)",
    "dossiers": _IN_SCOPE,
    "award_pair_reviews": _IN_SCOPE,
    # The batches that hold the unit's own rows: its awards, its dossiers.
    "import_batches": "batch_id IN (SELECT batch_id FROM src.award "
    "WHERE unit_name IN (SELECT unit_name FROM scope_units) UNION SELECT batch_id FROM "
    "src.dossiers WHERE unit_name IN (SELECT unit_name FROM scope_units))",
    "units": "TRUE",
    "calendar_days": "TRUE",
    "ladder_rules": "TRUE",
    "ref_award_form": "TRUE",
    "ref_award_type": "TRUE",
    "ref_recipient_kind": "TRUE",
    "position_rules": "TRUE",
}


def open_scoped(snapshot_file: str, unit: str | None) -> duckdb.DuckDBPyConnection:
    """The snapshot as `unit` may see it (nothing at all when unit is None)."""
    con = duckdb.connect()
    # A quoted literal, not a parameter: DuckDB 1.5 (the version DuckLake is built for) does
    # not take ATTACH's path as one.
    source = os.path.realpath(snapshot_file).replace("'", "''")
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    scope_views(con, unit)
    # Nothing outside this database may be read from here (no read_csv, no other ATTACH).
    con.execute("SET enable_external_access = false")
    return con


def scope_views(con: duckdb.DuckDBPyConnection, unit: str | None) -> None:
    """In `con`'s own database, the tables of the warehouse attached as `src` replaced by
    views of what `unit` may see (a snapshot file, or a lake: thidua.warehouse)."""
    con.execute(SQL["make_scope_units"])
    if unit is not None:
        con.execute(SQL["add_scope_unit"], [unit])
    present = {row[0] for row in con.execute(SQL["source_tables"]).fetchall()}
    for table, rows in VISIBLE_ROWS.items():  # fixed names and predicates, no user text
        if table in present:
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM src.{table} WHERE {rows}")  # noqa: S608
    con.execute(views_sql())  # the documented views, built on the scoped tables
