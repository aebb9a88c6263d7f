"""An analyst's word on a double award (issue 23): «these two rows are two different
recipients» (namesakes in one unit), kept in the warehouse by the pair's key and audited;
said again, it replaces the earlier word; taken back, the pair is open again."""

from __future__ import annotations

import duckdb

from thidua import audit, lake_writer, warehouse
from thidua.access import Account
from thidua.sql_files import named_statements

SQL = named_statements("etl/doubles.sql")


def mark_different(
    master: warehouse.Warehouse,
    pairs: list[tuple[str, str | None, str]],
    note: str | None,
    actor: Account,
) -> str:
    """Say of each pair (pair_key, unit_name, what it is, for the audit trail) that its two
    awards went to two different recipients."""
    trail = warehouse.access_store(master)
    audit.checked(trail, actor, "import", "rà soát khen trùng")
    with warehouse.writing(master) as con:
        lake_writer.one_writer(lambda: _put(con, pairs, note, actor), con, "rà soát khen trùng")
    for _, unit, what in pairs:
        audit.audit(trail, actor, "double_reviewed", what, unit=unit, reason=note)
    return f"Đã ghi nhận {len(pairs)} cặp là hai người/tập thể khác nhau."


def _put(
    con: duckdb.DuckDBPyConnection,
    pairs: list[tuple[str, str | None, str]],
    note: str | None,
    actor: Account,
) -> None:
    lake_writer.begin(con)
    for key, unit, _ in pairs:
        con.execute(SQL["drop_review"], [key])
        con.execute(SQL["add_review"], [key, unit, note, actor.signature])
    con.execute("COMMIT")


def take_back(master: warehouse.Warehouse, pair_key: str, what: str, actor: Account) -> str:
    """The pair is a question again (the review was wrong)."""
    trail = warehouse.access_store(master)
    audit.checked(trail, actor, "import", "rà soát khen trùng")
    with warehouse.writing(master) as con:
        lake_writer.one_writer(lambda: _drop(con, pair_key), con, "rà soát khen trùng")
    audit.audit(trail, actor, "double_reopened", what)
    return "Đã bỏ ghi nhận: cặp này lại là khen trùng cần xem."


def _drop(con: duckdb.DuckDBPyConnection, pair_key: str) -> None:
    lake_writer.begin(con)
    con.execute(SQL["drop_review"], [pair_key])
    con.execute("COMMIT")
