"""Declarative row checks: each is a condition over a parsed frame that marks
bad rows, the field whose cell is shown, and the Vietnamese reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from etl.problems import Problem


@dataclass(frozen=True)
class Check:
    bad: pl.Expr  # True on rows that are wrong
    field: str | None  # the field whose raw value and header are reported
    message: str
    suggest: Callable[[str], str | None] | None = None
    # A sharper message for some values (a date no calendar has), else `message`.
    reword: Callable[[str], str | None] | None = None


def run_checks(
    frame: pl.DataFrame,
    checks: list[Check],
    file: str,
    labels: dict[str, str],
    raw: Callable[[str], str],
) -> list[Problem]:
    """Problems for every failing cell, in row order. `raw(field)` names the
    column holding the text exactly as the file had it."""
    problems: list[Problem] = []
    for check in checks:
        value_col = raw(check.field) if check.field else None
        columns = ["source_row"] + ([value_col] if value_col and value_col in frame.columns else [])
        failing = frame.filter(check.bad.fill_null(False)).select(columns)
        for row in failing.iter_rows(named=True):
            value = row.get(value_col) if value_col else None
            problems.append(
                Problem(
                    file=file,
                    row=row["source_row"],
                    column=labels.get(check.field or "", check.field),
                    value=value,
                    message=(check.reword and value and check.reword(value)) or check.message,
                    suggestion=check.suggest(value) if check.suggest and value else None,
                )
            )
    return sorted(problems, key=lambda p: p.row or 0)
