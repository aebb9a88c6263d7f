"""An award list's rows to the columns of the `award` table: each value from its cell, else
from the section, the title or the analyst's choice — as a reader of the paper takes it."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from etl.check.awards import award_checks, listed_twice, unread_problems
from etl.check.cells import run_checks
from etl.check.stated_counts import count_problems, stt_problems
from etl.grid import Grid
from etl.parse.awards.context import RAW, RawGetter
from etl.parse.awards.post_unit import split_position_unit, unsplit_warnings
from etl.parse.awards.preamble import apply_given, decision_numbers, read_preamble
from etl.parse.awards.rows import award_rows, scan_rows, unit_row_notes, unit_row_questions
from etl.parse.awards.traits import traits
from etl.parse.values import (
    map_by_keywords,
    parse_date,
    parse_int,
    per_distinct,
    per_value,
)
from etl.problems import Problem
from etl.recognise.headers import FIELD_LABELS, Header
from thidua import forms, positions, reference
from thidua.text import fold


def _decision_column(table: pl.DataFrame, name: str) -> pl.Expr:
    return _per_distinct(table, name, decision_numbers, pl.String())


def _per_value(table: pl.DataFrame, name: str, fn: Callable[[str], str | None]) -> pl.Expr:
    return per_value(table, f"{RAW}{name}", fn)


def _per_distinct(
    table: pl.DataFrame, name: str, parse: Callable[[pl.Expr], pl.Expr], dtype: pl.DataType
) -> pl.Expr:
    return per_distinct(table, f"{RAW}{name}", parse, dtype)


def _year_said_in(text: pl.Expr) -> pl.Expr:
    """'Hoàn thành xuất sắc nhiệm vụ năm 2019' -> 2019."""
    return text.str.extract(r"năm (\d{4})", 1).cast(pl.Int64, strict=False)


def _unit_after_last_comma(name: pl.Expr) -> pl.Expr:
    return name.str.extract(r",\s*([^,]+)$", 1).str.strip_chars()


def parse_awards(
    grid: Grid,
    header: Header,
    known_units: set[str] | frozenset[str] = frozenset(),
    given: dict[str, str] | None = None,
    rules: list[positions.PositionRule] | None = None,
    unit_of: Callable[[str], str | None] | None = None,
) -> tuple[pl.DataFrame, list[Problem], dict[str, str | None], list[str], list[str]]:
    """Awards of one sheet, the problems found, what the preamble said (for the preview),
    what the analyst should know though nothing is wrong, and what was recognised in the
    list (etl.parse.awards.traits: its family of layout, with the rows that showed it).
    `given` fills what the preamble lacks: decision_no, decision_date (ISO), form_code.
    `unit_of`: the unit a typed name means (the units table and its aliases), if any."""
    context = read_preamble(grid, header)
    given_problems = apply_given(context, given or {}, grid.file)
    unit_named = unit_of or (lambda t: t if t in known_units else None)
    labels = _labels(header)
    end = scan_rows(grid, header, context, unit_named)
    table = award_rows(grid, header, end, context)

    def raw(name: str) -> pl.Expr:
        column = f"{RAW}{name}"
        return pl.col(column) if column in table.columns else pl.lit(None, dtype=pl.String)

    if "position_unit" in header.columns:
        post_rules = rules or positions.load_rules()  # once, not per distinct cell
        split = {
            v: split_position_unit(v, unit_named, post_rules)
            for v in table[f"{RAW}position_unit"].drop_nulls().unique()
        }
        context.warnings += unsplit_warnings(table, split, unit_named, header)
        table = table.with_columns(
            pl.col(f"{RAW}position_unit")
            .replace_strict({k: v[0] for k, v in split.items()}, default=None)
            .alias(f"{RAW}position"),
            pl.col(f"{RAW}position_unit")
            .replace_strict({k: v[1] for k, v in split.items()}, default=None)
            .alias(f"{RAW}unit"),
        )
    recipients = {f.code: f.recipients for f in reference.AWARD_FORMS}

    frame = (
        table.with_columns(
            form_from_cell=_per_value(table, "form", forms.form_code),
            kind_from_cell=_per_value(
                table, "recipient_kind", lambda v: map_by_keywords(v, reference.RECIPIENT_KINDS)
            ),
            award_type=_per_value(
                table, "award_type", lambda v: map_by_keywords(v, reference.AWARD_TYPES)
            ),
            gender=pl.coalesce(_per_value(table, "gender", _gender), _sex_from_birth(raw)),
            year_from_cell=_per_distinct(table, "year", parse_int, pl.Int64()),
            decision_date=_per_distinct(table, "decision_date", parse_date, pl.Date()).fill_null(
                pl.lit(context.decision_date, dtype=pl.Date)
            ),
            achievement_year=_per_distinct(
                table, "achievement_year", parse_int, pl.Int64()
            ).fill_null(_per_distinct(table, "achievement", _year_said_in, pl.Int64())),
        )
        .with_columns(
            form_code=pl.coalesce(
                "form_from_cell", "section_form", pl.lit(context.title_form, dtype=pl.String)
            ),
            year=pl.coalesce(
                "year_from_cell",
                pl.col("decision_date").dt.year().cast(pl.Int64),
                pl.lit(context.year, dtype=pl.Int64),
            ),
            decision_no=_decision_column(table, "decision_no").fill_null(
                pl.lit(context.decision_no, dtype=pl.String)
            ),
        )
        .with_columns(
            form_recipients=pl.col("form_code").replace_strict(
                recipients, default=None, return_dtype=pl.String
            ),
        )
        .with_columns(
            recipient_kind=pl.coalesce(
                "kind_from_cell",
                "section_kind",
                pl.when(pl.col("form_recipients") != "both").then(pl.col("form_recipients")),
                pl.when(pl.col("gender").is_not_null() | raw("position").is_not_null()).then(
                    pl.lit("individual")
                ),
            ),
        )
    )
    frame = frame.with_columns(
        # Award text as the file had it: the cell, else the section or title's award.
        form_text=pl.coalesce(
            raw("form"),
            pl.col("form_code").replace_strict(
                reference.FORM_NAMES,
                default=None,
                return_dtype=pl.String,
            ),
        ),
        # An empty cell of a type column is the office's usual «thường xuyên»; a list with
        # no type column at all says nothing of its type, which stays unknown (NULL) rather
        # than counted as regular: its ad-hoc share is «chưa có dữ liệu», not 0 %.
        award_type=pl.col("award_type").fill_null(
            pl.when(raw("award_type").is_null() & pl.lit(f"{RAW}award_type" in table.columns)).then(
                pl.lit("regular")
            )
        ),
    )
    problems = run_checks(
        frame, award_checks(raw, context), grid.file, labels, lambda f: f"{RAW}{f}"
    )
    problems = (
        unit_row_questions(context, grid.file, labels["recipient_name"])
        + given_problems
        + problems
        + count_problems(frame, context, grid.file)
    )
    problems += unread_problems(grid, header, table)
    problems += stt_problems(table, f"{RAW}stt", "block", grid.file, labels["stt"])
    said = {
        "decision_no": context.decision_no,
        "decision_date": context.decision_date.isoformat() if context.decision_date else None,
        "form_code": context.title_form,
        # Shown on the upload page when the list has rows that only name a unit.
        "unit_rows": context.unit_rows
        or ("?" if context.unsure_unit_rows or context.headings_by_rule else None),
    }
    context.warnings += unit_row_notes(context)
    finished = _finish(frame, raw, known_units, rules)
    recognised = traits(header, context, grid.first_row)
    return (
        finished,
        problems + listed_twice(finished, grid.file),
        said,
        context.warnings,
        recognised,
    )


def _sex_from_birth(raw: RawGetter) -> pl.Expr:
    """The column of «Năm sinh | Nam | Nữ» the birth year is written in."""
    male, female = raw("birth_male").is_not_null(), raw("birth_female").is_not_null()
    return (pl.when(male & ~female).then(pl.lit("M")).when(female & ~male).then(pl.lit("F"))).cast(
        pl.String
    )


def _gender(value: str) -> str | None:
    folded = fold(value)
    return {"nam": "M", "nu": "F", "m": "M", "f": "F"}.get(folded)


def _labels(header: Header) -> dict[str, str]:
    # A field with no column of its own (the award given by a section or the title) is
    # named in words, not by its code.
    labels = {name: f"«{label}»" for name, label in FIELD_LABELS.items()} | header.labels
    if "position_unit" in labels:
        labels.setdefault("position", labels["position_unit"])
        labels.setdefault("unit", labels["position_unit"])
    return labels


def _finish(
    frame: pl.DataFrame,
    raw: RawGetter,
    known_units: set[str] | frozenset[str],
    rules: list[positions.PositionRule] | None = None,
) -> pl.DataFrame:
    r = raw
    # Only a collective's name is looked at for a unit: a register's 100k people have ~70k
    # distinct names, its collectives a few hundred.
    collectives = frame.filter(pl.col("recipient_kind") != "individual")
    tail = _per_distinct(collectives, "recipient_name", _unit_after_last_comma, pl.String())
    name = r("recipient_name")
    # A person's name typed all in capitals or all in small letters ("NGUYỄN THỊ ĐÀO",
    # "nguyễn văn an") is stored as names are written; a collective keeps its own spelling.
    one_case = (name == name.str.to_uppercase()) | (name == name.str.to_lowercase())
    one_case = one_case & name.str.contains(r"^[\p{L} ]+$")  # a name, not «<b>…» or «Tổ 3»
    frame = frame.with_columns(
        recipient_name=pl.when((pl.col("recipient_kind") == "individual") & one_case)
        .then(name.str.to_titlecase())
        .otherwise(name),
        position=r("position"),
        # A collective's unit often only follows the last comma of its name
        # ("Trường THPT …, Sở Y tế"); take it when it is a unit the warehouse knows.
        unit_name=pl.coalesce(
            r("unit"),
            pl.col("heading_unit"),
            pl.when(
                (pl.col("recipient_kind") != "individual") & tail.is_in(sorted(known_units))
            ).then(tail),
            # A collective that is itself a unit («Sở Y tế» given the provincial flag).
            pl.when(
                (pl.col("recipient_kind") == "collective") & name.is_in(sorted(known_units))
            ).then(name),
        ),
        campaign_code=_decision_column(frame, "campaign"),
    )
    classes = positions.classify_column(frame["position"], rules)
    frame = frame.join(classes, on="position", how="left", nulls_equal=False).with_columns(
        is_leader=pl.when(pl.col("recipient_kind") == "individual").then(pl.col("is_leader")),
        leader_rule=pl.when(pl.col("recipient_kind") == "individual").then(pl.col("leader_rule")),
        gender=pl.when(pl.col("recipient_kind") == "individual").then(pl.col("gender")),
        form_detail=pl.when(pl.col("form_code").is_in(sorted(forms.DETAIL_CODES))).then(
            pl.col("form_text").str.strip_chars()
        ),
    )
    return frame.select(AWARD_COLUMNS).sort("source_row")


AWARD_COLUMNS = [
    "source_row",
    "year",
    "decision_no",
    "decision_date",
    "form_code",
    "form_text",
    "form_detail",
    "award_type",
    "recipient_kind",
    "recipient_name",
    "position",
    "is_leader",
    "leader_rule",
    "gender",
    "unit_name",
    "achievement_year",
    "campaign_code",
]
