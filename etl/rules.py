"""The admins' leader / direct-worker classification rules: checked, saved in the warehouse,
and applied again to every individual award already imported, in one transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import polars as pl

from thidua import audit, db, formatting, lake_writer, positions, warehouse
from thidua.access import Account
from thidua.sql_files import named_statements

SQL = named_statements("etl/rules.sql")

RULE_COLUMNS = ("rule_id", "is_leader", "pattern", "label")


@dataclass(frozen=True)
class RulesResult:
    message: str
    problems: list[str]
    reclassified: int = 0


def current_rules(master: warehouse.Warehouse) -> pl.DataFrame:
    con = warehouse.open_for_reading(master) if warehouse.version(master) else None
    rules = positions.rules_from_db(con) if con else positions.load_rules()
    if con:
        con.close()
    return pl.DataFrame(
        [(r.rule_id, r.is_leader, r.pattern.pattern, r.label) for r in rules],
        schema={
            "rule_id": pl.String,
            "is_leader": pl.Boolean,
            "pattern": pl.String,
            "label": pl.String,
        },
        orient="row",
    )


def check_rules(rules: pl.DataFrame) -> list[str]:
    """Vietnamese sentences, one per wrong row (row numbers as on the page, from 1)."""
    problems = []
    seen: set[str] = set()
    for number, row in enumerate(rules.iter_rows(named=True), start=1):
        rule_id, pattern = (row["rule_id"] or "").strip(), row["pattern"] or ""
        if not rule_id:
            problems.append(f"dòng {number}: thiếu mã quy tắc.")
        elif rule_id in seen:
            problems.append(f"dòng {number}: mã quy tắc «{rule_id}» bị trùng.")
        seen.add(rule_id)
        if row["is_leader"] is None:
            problems.append(f"dòng {number} («{rule_id}»): chưa chọn lãnh đạo hay không.")
        try:
            re.compile(pattern)
        except re.error as error:
            problems.append(f"dòng {number} («{rule_id}»): mẫu «{pattern}» không hợp lệ ({error}).")
        if not pattern.strip():
            problems.append(f"dòng {number} («{rule_id}»): thiếu mẫu chức vụ.")
    return problems


def save_rules(master: warehouse.Warehouse, rules: pl.DataFrame, actor: Account) -> RulesResult:
    """Replace the rules and classify every individual award's position again (on a lake, in
    the writers' turn)."""
    trail = warehouse.access_store(master)
    audit.checked(trail, actor, "manage", "sửa quy tắc phân loại chức vụ")
    rules = rules.select(RULE_COLUMNS)
    problems = check_rules(rules)
    if problems:
        return RulesResult("Quy tắc chưa được lưu; không có gì thay đổi.", problems)
    parsed = [
        positions.PositionRule(
            r["rule_id"].strip(), bool(r["is_leader"]), re.compile(r["pattern"]), r["label"] or ""
        )
        for r in rules.iter_rows(named=True)
    ]
    with warehouse.writing(master) as con:
        before, reclassified = lake_writer.one_writer(
            lambda: _replace_rules(con, parsed), con, "quy tắc phân loại chức vụ"
        )
    audit.audit(
        trail, actor, "rules_change", f"{len(parsed)} quy tắc",
        before=[r.rule_id for r in before], after=[r.rule_id for r in parsed], reclassified=reclassified,
    )  # fmt: skip
    return RulesResult(
        f"Đã lưu {len(parsed)} quy tắc; {formatting.number(reclassified)} lượt khen cá nhân được phân loại lại.",
        [],
        reclassified,
    )


def _replace_rules(
    con: duckdb.DuckDBPyConnection, parsed: list[positions.PositionRule]
) -> tuple[list[positions.PositionRule], int]:
    """The rules' transaction: the rules before, and how many awards changed class."""
    lake_writer.begin(con)
    before = positions.rules_from_db(con)
    known = con.sql(SQL["individual_positions"]).pl()
    classes = positions.classify_column(known["position"], parsed)
    con.execute(SQL["clear_rules"])
    con.executemany(
        SQL["add_rule"],
        [[r.rule_id, r.is_leader, r.pattern.pattern, r.label, i] for i, r in enumerate(parsed)],
    )
    con.register("classes", classes.to_arrow())
    try:
        changed = con.execute(SQL["reclassify"]).fetchone()
    finally:
        con.unregister("classes")
    db.mark_aggregates_stale(con)  # is_leader is a key of award_counts in every year
    con.execute("COMMIT")
    return before, int(changed[0]) if changed else 0
