"""Dossiers through the one-stop desk (issue 24): how many were answered on time, how long
they took, which were refused and why, which are still open past their appointment date —
per year, unit and award form — and how many of the recipients proposed were granted.

One dossier is one number of the register (a dossier returned for more documents and
submitted again is still one). Whether a submission was on time is decided once, in SQL
(sql/dossier_rows.sql, on the working-day calendar); every figure here is counted from
those rows by `figures`, so the page, its tables, the slide and the export say the same."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import duckdb
import polars as pl

from thidua import queries, reference
from thidua.filters import Filters

ANSWERED = ("decided", "returned", "rejected")
TIMELINESS_NAMES = {"early": "Trước hạn", "on_time": "Đúng ngày hẹn", "late": "Trễ hạn"}
# How the per-group tables are grouped: a key of `by` -> the column it groups on.
GROUPINGS = {"year": "year", "unit": "unit_name", "form": "form_code"}


def vietnam_today() -> date:
    """Today in Vietnam (the server may keep UTC): the day open dossiers are judged on."""
    return datetime.now(timezone(timedelta(hours=7))).date()


def dossier_rows(
    con: duckdb.DuckDBPyConnection, filters: Filters, today: date | None = None
) -> pl.DataFrame:
    """Every dossier under the filters (Filters.dossier_sql), one row each
    (sql/dossier_rows.sql), judged on `today`."""
    return queries.run(con, "dossier_rows", filters, today=today or vietnam_today())


@dataclass(frozen=True)
class DossierFigures:
    dossiers: int  # received (first submission) in the period
    answered: int  # the office returned a result: decided, rejected, or returned for documents
    early: int
    on_time: int  # on the appointment day itself
    late: int
    open: int  # still with the office (received, appraising, submitted to the chairman)
    overdue: int  # open and past the appointment date on the day judged
    waiting: int  # returned for more documents and not submitted again yet
    decided: int
    rejected: int
    median_days: float | None  # working days with the office, answered dossiers
    proposed: int  # recipients proposed by the decided dossiers
    granted: int  # awards of their decisions to their units (decisions in the warehouse)
    decisions_missing: int  # decided dossiers whose decision is not in the warehouse

    @property
    def in_time(self) -> int:
        return self.early + self.on_time

    @property
    def on_time_rate(self) -> float | None:
        """Answered on or before the appointment date, of those answered."""
        return self.in_time / self.answered if self.answered else None

    @property
    def rejected_share(self) -> float | None:
        """Refused as ineligible, of the dossiers given a final answer (decided or refused)."""
        final = self.decided + self.rejected
        return self.rejected / final if final else None


def dossier_figures(
    con: duckdb.DuckDBPyConnection, filters: Filters, today: date | None = None
) -> DossierFigures:
    """figures() of dossier_rows(): the page's headline as one call a page may keep."""
    return figures(dossier_rows(con, filters, today))


def dossiers_by(
    con: duckdb.DuckDBPyConnection, filters: Filters, today: date | None, grouping: str
) -> pl.DataFrame:
    """by() of dossier_rows(), as one call a page may keep: computed anew on every run, the
    figures per year cost each visit of the page ~20 ms of the server before its chart."""
    return by(dossier_rows(con, filters, today), grouping)


def figures(rows: pl.DataFrame) -> DossierFigures:
    def count(condition: pl.Expr) -> int:
        return int(rows.select(condition.fill_null(False).sum()).item()) if rows.height else 0

    status, timeliness = pl.col("status"), pl.col("timeliness")
    answered = rows.filter(status.is_in(ANSWERED))
    decided = rows.filter(status == "decided")
    # Granted counted once per decision and unit: two dossiers of a unit under one decision
    # share its awards.
    granted = decided.filter(pl.col("decision_known")).unique(["decision_no", "unit_name"])
    median = answered["working_days"].median() if answered.height else None
    return DossierFigures(
        dossiers=rows.height,
        answered=answered.height,
        early=count(timeliness == "early"),
        on_time=count(timeliness == "on_time"),
        late=count(timeliness == "late"),
        open=count(status.is_in(reference.OPEN_DOSSIER_STATUSES)),
        overdue=count(pl.col("overdue_days").is_not_null()),
        waiting=count(status == "returned"),
        decided=decided.height,
        rejected=count(status == "rejected"),
        median_days=float(median) if isinstance(median, (int, float)) else None,
        proposed=int(decided["recipients"].sum() or 0),
        granted=int(granted["granted"].sum() or 0),
        decisions_missing=count((status == "decided") & ~pl.col("decision_known")),
    )


def by(rows: pl.DataFrame, grouping: str) -> pl.DataFrame:
    """The figures per year, unit or proposed form (a dossier proposing two forms counts
    under each): one row per group, in the columns of FIGURE_COLUMNS."""
    column = GROUPINGS[grouping]  # allow-listed
    source = rows
    if grouping == "form":
        source = rows.with_columns(
            form_code=pl.col("form_codes")
            .str.split(",")
            .fill_null(pl.lit([], dtype=pl.List(pl.String)))
        ).explode("form_code")
        source = source.with_columns(pl.col("form_code").fill_null("(không ghi)"))
    groups = []
    for key in source[column].unique().sort().to_list():
        part = figures(source.filter(pl.col(column) == key))
        groups.append({column: key, **_figure_row(part)})
    return pl.DataFrame(groups, schema={column: source.schema[column], **FIGURE_SCHEMA})


FIGURE_SCHEMA = {
    "dossiers": pl.Int64, "answered": pl.Int64, "early": pl.Int64, "on_time": pl.Int64,
    "late": pl.Int64, "on_time_rate": pl.Float64, "median_days": pl.Float64, "rejected": pl.Int64,
    "rejected_share": pl.Float64, "open": pl.Int64, "overdue": pl.Int64,
}  # fmt: skip


def _figure_row(part: DossierFigures) -> dict[str, Any]:
    return {
        "dossiers": part.dossiers, "answered": part.answered, "early": part.early,
        "on_time": part.on_time, "late": part.late, "on_time_rate": part.on_time_rate,
        "median_days": part.median_days, "rejected": part.rejected,
        "rejected_share": part.rejected_share, "open": part.open, "overdue": part.overdue,
    }  # fmt: skip


def rejection_reasons(rows: pl.DataFrame) -> pl.DataFrame:
    """The reasons dossiers were refused as ineligible, most frequent first."""
    refused = rows.filter(pl.col("status") == "rejected")
    return (
        refused.group_by(pl.col("reason").fill_null("(không ghi lý do)"))
        .len("dossiers")
        .sort(["dossiers", "reason"], descending=[True, False])
    )


# A listed dossier's state: (its name, the short name a narrow table column shows).
STATE_NAMES = {
    "late": ("Trả kết quả trễ hạn", "Trả trễ"),
    "overdue": ("Đang xử lý, đã quá hẹn", "Quá hẹn"),
    "waiting": ("Đang xử lý, chưa tới hẹn", "Chưa tới hẹn"),
}


def late_and_open(rows: pl.DataFrame) -> pl.DataFrame:
    """The dossiers a leader asks about: answered late, or still open past their date —
    most days past first — then the open ones not yet due."""
    status = pl.col("status")
    wanted = rows.filter(
        (pl.col("timeliness") == "late") | status.is_in(reference.OPEN_DOSSIER_STATUSES)
    )
    return wanted.with_columns(
        state=pl.when(pl.col("timeliness") == "late")
        .then(pl.lit(STATE_NAMES["late"][0]))
        .when(pl.col("overdue_days").is_not_null())
        .then(pl.lit(STATE_NAMES["overdue"][0]))
        .otherwise(pl.lit(STATE_NAMES["waiting"][0])),
        days_past=pl.coalesce("overdue_days", "late_days"),
        status_name=status.replace_strict(reference.DOSSIER_STATUS_NAMES, default=None),
    ).sort(["days_past", "effective_due"], descending=[True, False], nulls_last=True)
