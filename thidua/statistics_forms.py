"""The yearly statistical forms of Circular 02/2023/TT-BNV (issue 23): 0602 (state-level
awards) and 0603 (ministry/provincial-level awards) — a row per award form, split into its
collectives and individuals when it is given to both (and per degree of an order, medal,
title or prize), split into collectives (of which enterprises), households,
individuals in the five classes (thidua.individual_classes) and the award types —, and 0601
(campaigns by scope, duration and method). Every figure is a count of the same awards the
`awards` view holds for that year and scope; what a column cannot place is counted in a check
column beside it (an unclassified position, an award whose type the file did not give), never
dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb
import polars as pl

from thidua import queries, reference
from thidua.individual_classes import CLASS_NAMES, UNCLASSIFIED, classify, is_enterprise

FORMS = {
    "0602": ("state", "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC", "Biểu số: 0602.N/BNV-TĐKT"),
    "0603": ("province", "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH",
             "Biểu số: 0603.N/BNV-TĐKT"),
}  # fmt: skip
TYPE_NAMES = {
    "regular": "Thường xuyên", "campaign": "Chuyên đề, theo đợt", "adhoc": "Đột xuất",
    "foreign": "Đối ngoại", "dedication": "Cống hiến", "seniority": "Niên hạn", "resistance": "Kháng chiến",
}  # fmt: skip
# The columns in order: key -> header (the parts of a group say which group in the workbook).
COLUMNS = {
    "total": "Tổng số", "collective": "Tập thể", "enterprise": "Trong đó: doanh nghiệp",
    "household": "Hộ gia đình", "individual": "Cá nhân", **CLASS_NAMES,
    UNCLASSIFIED: "Kiểm tra: cá nhân chưa phân loại chức vụ",
    **TYPE_NAMES, "type_unknown": "Kiểm tra: chưa rõ loại hình",
}  # fmt: skip


@dataclass
class FormTable:
    form: str
    year: int
    unit: str | None
    rows: pl.DataFrame  # label, is_detail, then one column per COLUMNS key
    totals: dict[str, int]
    class_rules: pl.DataFrame  # class, rule_id, individuals: which rule decided how many
    checks: list[str] = field(default_factory=list)
    by_unit: pl.DataFrame = field(default_factory=pl.DataFrame)  # unit_name, then COLUMNS


def classified(
    con: duckdb.DuckDBPyConnection, form: str, year: int, unit: str | None
) -> pl.DataFrame:
    """The form's awards with their column keys: the individual class (and its rule), whether a
    collective is an enterprise."""
    level = FORMS[form][0]
    awards = queries.run(con, "form_awards", year=year, level=level, unit=unit)
    classes = [
        classify(r["position"], r["leader_rule"], r["is_leader"], r["unit_kind"], r["unit_name"])
        if r["recipient_kind"] == "individual" else (None, None)
        for r in awards.iter_rows(named=True)
    ]  # fmt: skip
    return awards.with_columns(
        individual_class=pl.Series([c for c, _ in classes], dtype=pl.String),
        class_rule=pl.Series([r for _, r in classes], dtype=pl.String),
        enterprise=(pl.col("recipient_kind") == "collective")
        & pl.col("recipient_name").map_elements(is_enterprise, return_dtype=pl.Boolean),
    )


def _counts(part: pl.DataFrame) -> dict[str, int]:
    kind, cls, kind_type = (
        pl.col("recipient_kind"),
        pl.col("individual_class"),
        pl.col("award_type"),
    )
    exprs = {
        "total": pl.len(),
        "collective": (kind == "collective").sum(),
        "enterprise": pl.col("enterprise").sum(),
        "household": (kind == "household").sum(),
        "individual": (kind == "individual").sum(),
        **{c: (cls == c).sum() for c in (*CLASS_NAMES, UNCLASSIFIED)},
        **{t: (kind_type == t).sum() for t in TYPE_NAMES},
        "type_unknown": kind_type.is_null().sum(),
    }
    row = part.select(**{k: e.fill_null(0) for k, e in exprs.items()}).row(0, named=True)
    return {k: int(v or 0) for k, v in row.items()}


def _unclassified_said(awards: pl.DataFrame, count: int) -> str:
    """The check under a form: how many individuals no class was found for, told apart as
    the leaders' page tells them (the third walk read «có chức vụ chưa được quy tắc nào phân
    loại» for awards whose list typed no position, «(để trống)» on that page)."""
    unclassified = awards.filter(pl.col("individual_class") == UNCLASSIFIED)
    blank = unclassified.filter(
        pl.col("position").is_null() | (pl.col("position").str.strip_chars() == "")
    ).height
    parts = []
    if blank:
        parts.append(f"{blank} không ghi chức vụ")
    if count - blank:
        parts.append(f"{count - blank} có chức vụ chưa quy tắc nào khớp")
    return (
        f"{count} lượt khen cá nhân chưa phân loại được chức vụ ({', '.join(parts)}; cột "
        "«Kiểm tra: cá nhân chưa phân loại chức vụ»): xem «Phân loại chức vụ» trên trang Lãnh "
        "đạo và NLĐ trực tiếp."
    )


def form_table(
    con: duckdb.DuckDBPyConnection, form: str, year: int, unit: str | None = None
) -> FormTable:
    awards = classified(con, form, year, unit)
    rows = []
    level = FORMS[form][0]
    for award in (f for f in reference.AWARD_FORMS if f.level == level):
        part = awards.filter(pl.col("form_code") == award.code)
        rows.append({"label": award.name_vi, "is_detail": False, **_counts(part)})
        if award.recipients == "both":  # the form's rows split collective / individual
            for kind, label in (
                ("collective", "Tập thể"),
                ("household", "Hộ gia đình"),
                ("individual", "Cá nhân"),
            ):
                of_kind = part.filter(pl.col("recipient_kind") == kind)
                if kind != "household" or of_kind.height:
                    rows.append({"label": f"– {label}", "is_detail": True, **_counts(of_kind)})
        for detail in sorted(part["form_detail"].drop_nulls().unique().to_list()):
            detailed = part.filter(pl.col("form_detail") == detail)
            rows.append({"label": f"– {detail}", "is_detail": True, **_counts(detailed)})
    table = pl.DataFrame(rows, schema={"label": pl.String, "is_detail": pl.Boolean,
                                       **{k: pl.Int64 for k in COLUMNS}})  # fmt: skip
    totals = _counts(awards)
    checks = []
    if totals[UNCLASSIFIED]:
        checks.append(_unclassified_said(awards, totals[UNCLASSIFIED]))
    if totals["type_unknown"]:
        checks.append(
            f"{totals['type_unknown']} lượt khen chưa rõ loại hình (tệp không có cột loại hình; "
            "cột «Kiểm tra: chưa rõ loại hình»)."
        )
    rules = (
        awards.filter(pl.col("class_rule").is_not_null())
        .group_by("individual_class", "class_rule").len("individuals")
        .sort("individual_class", "class_rule")
    )  # fmt: skip
    # By submitting body: the unit each award was proposed by (its unit), in the same columns.
    units = [
        {"unit_name": name, **_counts(awards.filter(pl.col("unit_name") == name))}
        for name in sorted(awards["unit_name"].drop_nulls().unique().to_list())
    ]
    if awards["unit_name"].null_count():
        units.append(
            {
                "unit_name": "(không ghi đơn vị)",
                **_counts(awards.filter(pl.col("unit_name").is_null())),
            }
        )
    by_unit = pl.DataFrame(units, schema={"unit_name": pl.String, **{k: pl.Int64 for k in COLUMNS}})
    return FormTable(form, year, unit, table, totals, rules, checks, by_unit)


# ── Form 0601: emulation campaigns by scope, duration and method ───────────────────────────
DURATIONS = {"under_1": "Dưới 1 năm", "one": "1 năm", "one_to_3": "Từ trên 1 năm đến dưới 3 năm",
             "three_to_5": "Từ 3 năm đến dưới 5 năm", "five_up": "Từ 5 năm trở lên"}  # fmt: skip
METHODS = {"thematic": "Chuyên đề (theo đợt)", "regular": "Thường xuyên"}


def _duration(start: date | None, end: date | None) -> str | None:
    if start is None or end is None:
        return None
    months = (
        (end.year - start.year) * 12 + end.month - start.month + (1 if end.day >= start.day else 0)
    )
    if months < 12:
        return "under_1"
    if months == 12:
        return "one"
    return "one_to_3" if months < 36 else "three_to_5" if months < 60 else "five_up"


def campaign_table(con: duckdb.DuckDBPyConnection, year: int) -> pl.DataFrame:
    """Form 0601: the campaigns launched in the year (the plan's date, else its start), by
    scope — the province's own plans, and the blocs and clusters' yearly emulation — duration
    and method (a campaign «theo đợt» is counted as thematic)."""
    plans = queries.run(con, "form_campaigns", year=year)
    blocs = queries.run(con, "form_blocs", year=year)
    rows = []
    for scope, label, part in (("province", "Cấp tỉnh (kế hoạch của UBND tỉnh)", plans),):
        durations = [_duration(s, e) for s, e in part.select("start_date", "end_date").iter_rows()]
        methods = ["regular" if k == "regular" else "thematic" for k in part["kind"]]
        rows.append({"scope": scope, "label": label, "total": part.height,
                     **{d: durations.count(d) for d in DURATIONS}, "duration_unknown": durations.count(None),
                     **{m: methods.count(m) for m in METHODS}})  # fmt: skip
    count = blocs.height
    rows.append({"scope": "blocs", "label": "Khối, cụm thi đua (phong trào thi đua năm của khối, cụm)",
                 "total": count, **{d: count if d == "one" else 0 for d in DURATIONS}, "duration_unknown": 0,
                 "thematic": 0, "regular": count})  # fmt: skip
    return pl.DataFrame(rows)
