"""The title block of a list: «Kèm theo Quyết định số … ngày …», the award named above the
table (in its own line, or in one merged cell with the title), and the analyst's choices
that fill what it lacks."""

from __future__ import annotations

import contextlib
import re
from datetime import date

import polars as pl

from etl import refusals
from etl.grid import Grid
from etl.parse.awards.context import Context
from etl.parse.values import (
    vietnamese_date,
)
from etl.problems import Problem
from etl.recognise.headers import Header
from thidua import forms, reference
from thidua.text import fold

_DECISION = re.compile(r"quyết định số\s*:?\s*([0-9]+(?:\s*/\s*[^\s,;)]+)?)", re.IGNORECASE)
_KEM_THEO = re.compile(r"\(?\s*(kèm theo|kem theo)", re.IGNORECASE)


def row_text(values: list[str | None]) -> str:
    return " ".join(v for v in values if v)


def read_preamble(grid: Grid, header: Header) -> Context:
    context = Context()
    first_header_row = min(header.row, header.row - 1 if header.row else 0)
    for index in range(first_header_row + 1):
        text = row_text(grid.row_values(index))
        match = _DECISION.search(text)
        if match and context.decision_no is None:
            context.decision_no = normalise_decision_no(match.group(1))
            when = vietnamese_date(text[match.end() :])
            if when:
                context.decision_date = date(*when)
            # Title, award and «Kèm theo…» typed in one merged cell: the award is before it.
            before = _KEM_THEO.split(text[: match.start()])[0]
            if context.title_form is None and before.strip():
                context.title_form = forms.find_form_in(before)
        elif context.title_form is None and "quyet dinh" not in fold(text):
            context.title_form = forms.find_form_in(text)
    return context


def apply_given(context: Context, given: dict[str, str], file: str) -> list[Problem]:
    """The analyst's values fill what the title lacks; one that contradicts what the title
    says is a problem (which of the two is right is not for the importer to guess)."""
    said: dict[str, object] = {}
    if given.get("decision_no"):
        said["decision_no"] = normalise_decision_no(given["decision_no"])
    if given.get("decision_date"):
        with contextlib.suppress(ValueError):
            said["decision_date"] = date.fromisoformat(given["decision_date"])
    if given.get("form_code") in {f.code for f in reference.AWARD_FORMS}:
        said["title_form"] = given["form_code"]
    if given.get("year", "").isdigit():
        context.year = int(given["year"])
    if given.get("unit_rows") in ("heading", "award"):
        context.unit_rows = given["unit_rows"]
    problems = []
    for name, value in said.items():
        in_file = getattr(context, name)
        if in_file is None:
            setattr(context, name, value)
        elif in_file != value:
            problems.append(
                Problem(
                    file, refusals.choice_contradicts_file(name, _shown(in_file), _shown(value))
                )
            )
    return problems


def _shown(value: object) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return reference.FORM_NAMES.get(str(value), str(value))


_AROUND_SEPARATORS = r"\s*([/-])\s*"  # "12 / QĐ - UBND" → "12/QĐ-UBND"


def normalise_decision_no(text: str) -> str:
    return re.sub(_AROUND_SEPARATORS, r"\1", text.strip().rstrip("."))


def decision_numbers(column: pl.Expr) -> pl.Expr:
    """normalise_decision_no over a whole column (a 100k register holds ~4,000 numbers)."""
    return (
        column.str.strip_chars()
        .str.strip_chars_end(".")
        .str.replace_all(_AROUND_SEPARATORS, "${1}")
    )
