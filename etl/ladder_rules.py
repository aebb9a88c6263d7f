"""The admins' eligibility ladder (issue 23): its rules checked row by row, saved in the
warehouse in one transaction (on a lake in the writers' turn) and audited — a changed rule
is a row, not code."""

from __future__ import annotations

import duckdb
import polars as pl

from thidua import audit, lake_writer, queries, reference, warehouse
from thidua.access import Account
from thidua.sql_files import named_statements

SQL = named_statements("etl/ladder_rules.sql")

COLUMNS = ("rule_id", "target_form", "source_form", "recipient_kind", "times", "step_years",
           "condition", "source")  # fmt: skip
CONDITIONS = {"initiative": "Cần kiểm tra sáng kiến", "led_bloc": "Đứng đầu khối, cụm"}
KINDS = {"individual": "Cá nhân", "collective": "Tập thể"}
SCHEMA = {"rule_id": pl.String, "target_form": pl.String, "source_form": pl.String,
          "recipient_kind": pl.String, "times": pl.Int64, "step_years": pl.Int64,
          "condition": pl.String, "source": pl.String}  # fmt: skip


def current_ladder(master: warehouse.Warehouse) -> pl.DataFrame:
    if warehouse.version(master) is None:
        return pl.DataFrame(schema=SCHEMA)
    con = warehouse.open_for_reading(master)
    try:
        return queries.run(con, "ladder_rules").select(COLUMNS).cast(SCHEMA)  # type: ignore[arg-type]
    finally:
        con.close()


def check_ladder(rules: pl.DataFrame) -> list[str]:
    """Vietnamese sentences, one per wrong cell (rows numbered as on the page, from 1)."""
    problems: list[str] = []
    seen: set[str] = set()
    for number, row in enumerate(rules.iter_rows(named=True), start=1):
        rule_id = (row["rule_id"] or "").strip()
        where = f"dòng {number}" + (f" («{rule_id}»)" if rule_id else "")
        if not rule_id:
            problems.append(f"{where}: thiếu mã quy tắc.")
        elif rule_id in seen:
            problems.append(f"{where}: mã quy tắc bị trùng.")
        seen.add(rule_id)
        for field, label in (
            ("target_form", "hình thức đề nghị"),
            ("source_form", "danh hiệu đã đạt"),
        ):
            if row[field] not in reference.FORM_NAMES:
                problems.append(
                    f"{where}: {label} «{row[field] or ''}» không phải hình thức đã biết."
                )
        if row["recipient_kind"] not in KINDS:
            problems.append(f"{where}: đối tượng phải là cá nhân hoặc tập thể.")
        for field, label in (("times", "số lần"), ("step_years", "số năm mỗi lần")):
            value = row[field]
            if value is None or not 1 <= int(value) <= 10:
                problems.append(f"{where}: {label} phải từ 1 đến 10.")
        if row["condition"] not in (None, "", *CONDITIONS):
            problems.append(
                f"{where}: điều kiện thêm «{row['condition']}» không có trong danh sách."
            )
        if not (row["source"] or "").strip():
            problems.append(f"{where}: thiếu căn cứ (điều, khoản của luật, nghị định).")
    return problems


def save_ladder(
    master: warehouse.Warehouse, rules: pl.DataFrame, actor: Account
) -> tuple[str, list[str]]:
    """Replace the ladder's rules: (what was done, the problems that kept it from being done)."""
    trail = warehouse.access_store(master)
    audit.checked(trail, actor, "manage", "sửa quy tắc xét đề nghị")
    rules = rules.select(COLUMNS)
    problems = check_ladder(rules)
    if problems:
        return "Quy tắc xét đề nghị chưa được lưu; không có gì thay đổi.", problems
    rows = [
        [r["rule_id"].strip(), r["target_form"], r["source_form"], r["recipient_kind"],
         int(r["times"]), int(r["step_years"]), r["condition"] or None, r["source"].strip(), i]
        for i, r in enumerate(rules.iter_rows(named=True))
    ]  # fmt: skip
    with warehouse.writing(master) as con:
        before = lake_writer.one_writer(lambda: _replace(con, rows), con, "quy tắc xét đề nghị")
    audit.audit(trail, actor, "ladder_change", f"{len(rows)} quy tắc",
                before=before, after=[r[0] for r in rows])  # fmt: skip
    return f"Đã lưu {len(rows)} quy tắc xét đề nghị.", []


def _replace(con: duckdb.DuckDBPyConnection, rows: list[list[object]]) -> list[str]:
    lake_writer.begin(con)
    # On the writer's own connection (a cursor would not see the master it attached).
    before = [str(r[0]) for r in con.execute(queries.sql("ladder_rules")).fetchall()]
    con.execute(SQL["clear_ladder"])
    con.executemany(SQL["add_ladder_rule"], rows)
    con.execute("COMMIT")
    return before
