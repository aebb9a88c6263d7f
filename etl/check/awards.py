"""The checks of an award list's rows: every cell read or said why not, the same person
listed twice for one award of one decision, and columns with values nobody mapped."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from etl import refusals
from etl.check.cells import Check
from etl.grid import Grid
from etl.parse.days import impossible_date
from etl.problems import Problem
from etl.recognise.headers import Header, unread_columns
from thidua import forms, reference

if TYPE_CHECKING:  # the parse stage imports these checks
    from etl.parse.awards.context import Context, RawGetter


def unread_problems(grid: Grid, header: Header, table: pl.DataFrame) -> list[Problem]:
    """A column with a header and values that no field took may be the unit or the
    position: asked, never dropped without a word."""
    rows = (table["source_row"] - grid.first_row).to_list()
    return [
        Problem(
            grid.file,
            row=grid.excel_row(header.row),
            column=label,
            message=refusals.unread_column(count, label.split()[0]),
        )
        for _, label, count in unread_columns(grid, header, rows)
    ]


def award_checks(raw: RawGetter, context: Context) -> list[Check]:
    r = raw
    award_types = [label for label, _ in reference.AWARD_TYPES.values()]
    return [
        Check(r("recipient_name").is_null(), "recipient_name", refusals.MISSING_RECIPIENT),
        Check(
            # Anchored to a column: two literals (a file without these columns) would make a
            # predicate of the wrong length for a frame of several chunks.
            pl.col("source_row").is_not_null()
            & r("birth_male").is_not_null()
            & r("birth_female").is_not_null(),
            "birth_female",
            refusals.BIRTH_YEAR_TWICE,
        ),
        Check(
            r("form").is_not_null() & pl.col("form_from_cell").is_null(),
            "form",
            refusals.UNKNOWN_FORM,
            forms.suggest_form,
        ),
        Check(
            r("form").is_null() & pl.col("form_code").is_null(),
            "form",
            refusals.MISSING_FORM,
        ),
        Check(
            r("recipient_kind").is_not_null() & pl.col("kind_from_cell").is_null(),
            "recipient_kind",
            refusals.UNKNOWN_RECIPIENT_KIND,
        ),
        Check(
            pl.col("recipient_kind").is_null()
            & r("recipient_kind").is_null()
            & pl.col("form_code").is_not_null(),
            "recipient_name",
            refusals.RECIPIENT_KIND_UNSAID,
        ),
        Check(
            pl.col("form_recipients").is_in(["individual", "collective"])
            & pl.col("recipient_kind").is_not_null()
            & (pl.col("form_recipients") != pl.col("recipient_kind")),
            "form",
            refusals.FORM_NOT_FOR_KIND,
        ),
        Check(
            r("gender").is_not_null() & pl.col("gender").is_null(),
            "gender",
            refusals.UNKNOWN_GENDER,
        ),
        Check(
            r("year").is_not_null()
            & ~pl.col("year_from_cell").is_between(1945, 2100).fill_null(False),
            "year",
            refusals.BAD_YEAR,
        ),
        Check(
            r("year").is_null() & pl.col("year").is_null(),
            "year",
            refusals.MISSING_YEAR,
        ),
        Check(
            r("decision_date").is_not_null() & pl.col("decision_date").is_null(),
            "decision_date",
            refusals.BAD_DECISION_DATE,
            reword=impossible_date,
        ),
        Check(
            pl.col("year_from_cell").is_not_null()
            & pl.col("decision_date").is_not_null()
            & (pl.col("year_from_cell") != pl.col("decision_date").dt.year()),
            "year",
            refusals.YEAR_NOT_DECISION_YEAR,
        ),
        Check(
            r("award_type").is_not_null() & pl.col("award_type").is_null(),
            "award_type",
            refusals.unknown_award_type(award_types),
        ),
        Check(
            r("achievement_year").is_not_null() & pl.col("achievement_year").is_null(),
            "achievement_year",
            refusals.BAD_ACHIEVEMENT_YEAR,
        ),
    ]


# The same award to the same person (name, post and unit as typed) in the same decision.
# Collectives are not checked: registers do list one collective twice in a decision (the
# 2019 sample does, and its truth counts both).
_SAME_AWARD = (
    "recipient_kind", "recipient_name", "position", "unit_name", "form_code", "decision_no", "year"
)  # fmt: skip


def listed_twice(frame: pl.DataFrame, file: str) -> list[Problem]:
    """A person listed twice for one award of one decision would be counted twice: said
    with both Excel rows. Namesakes in other units, or one person given two different
    awards in one list, are different rows and stay."""
    twice = (
        frame.filter(pl.col("recipient_kind") == "individual")
        .group_by(_SAME_AWARD)
        .agg(pl.col("source_row").sort(), pl.col("form_text").first())
        .filter(pl.col("source_row").list.len() > 1)
        .sort(pl.col("source_row").list.get(1))
    )
    return [
        Problem(
            file=file,
            row=rows[1],
            column=None,
            value=name,
            message=refusals.same_award_twice(rows[0], form, decision, rows[2:]),
        )
        for name, decision, form, rows in twice.select(
            "recipient_name", "decision_no", "form_text", "source_row"
        ).iter_rows()
    ]
