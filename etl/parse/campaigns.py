"""The campaign list (phong trào thi đua): plan number, name, kind, period, deadline, slogan."""

from __future__ import annotations

import polars as pl

from etl import refusals
from etl.check.cells import Check, run_checks
from etl.grid import Grid
from etl.parse.awards import decision_numbers
from etl.parse.days import impossible_date
from etl.parse.values import map_by_keywords, parse_date, per_value
from etl.problems import Problem
from etl.recognise.headers import Header
from thidua import reference

DATE_FIELDS = ("issued_on", "start", "end", "deadline")


def parse_campaigns(grid: Grid, header: Header) -> tuple[pl.DataFrame, list[Problem]]:
    frame = grid.cells.with_row_index("grid_row").slice(header.data_start)
    raw = frame.select(
        source_row=pl.col("grid_row") + grid.first_row,
        **{name: pl.col(f"c{col}") for name, col in header.columns.items()},
    ).filter(pl.any_horizontal(pl.exclude("source_row").is_not_null()))
    for name in (*DATE_FIELDS, "campaign_kind", "slogan"):
        if name not in raw.columns:
            raw = raw.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    parsed = raw.with_columns(
        **{f"{n}_value": parse_date(pl.col(n)) for n in DATE_FIELDS},
        kind_value=per_value(
            raw, "campaign_kind", lambda v: map_by_keywords(v, reference.CAMPAIGN_KINDS)
        ).fill_null(pl.when(pl.col("campaign_kind").is_null()).then(pl.lit("thematic"))),
        code=decision_numbers(pl.col("plan_no")),
    )
    checks = [
        Check(pl.col("plan_no").is_null(), "plan_no", refusals.MISSING_PLAN_NO),
        Check(
            pl.col("code").is_duplicated() & pl.col("code").is_not_null(),
            "plan_no",
            refusals.PLAN_NO_TWICE,
        ),
        Check(pl.col("campaign_name").is_null(), "campaign_name", refusals.MISSING_CAMPAIGN_NAME),
        Check(
            pl.col("kind_value").is_null(),
            "campaign_kind",
            refusals.UNKNOWN_CAMPAIGN_KIND,
        ),
        *[
            Check(
                pl.col(n).is_not_null() & pl.col(f"{n}_value").is_null(),
                n,
                refusals.BAD_CAMPAIGN_DATE,
                reword=impossible_date,
            )
            for n in DATE_FIELDS
        ],
        Check(pl.col("end_value") < pl.col("start_value"), "end", refusals.END_BEFORE_START),
    ]
    problems = run_checks(parsed, checks, grid.file, header.labels, lambda f: f)
    result = parsed.select(
        "source_row",
        campaign_code="code",
        issued_on="issued_on_value",
        name="campaign_name",
        kind="kind_value",
        start_date="start_value",
        end_date="end_value",
        registration_deadline="deadline_value",
        slogan="slogan",
    )
    return result, problems
