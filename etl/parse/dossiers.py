"""The dossier register of the one-stop desk (sổ theo dõi hồ sơ đề nghị khen thưởng): one row
per submission of a proposal — its number, the submitting unit, the dates it was received,
promised (appointment) and answered, its state, the reason of a refusal, the award forms
and how many recipients it proposes, the decision once decided.

A dossier returned for more documents and submitted again keeps its number: the register
then holds it on two rows, the earlier one «trả lại để bổ sung». Any other repeated number
is a question for the analyst. A total row («Tổng cộng: 45 hồ sơ», with the recipients
summed) is checked against the rows read, never taken for a dossier."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import polars as pl

from etl import refusals
from etl.check.cells import Check, run_checks
from etl.grid import Grid
from etl.parse.awards import decision_numbers
from etl.parse.blocs import known_unit_checks
from etl.parse.days import impossible_date
from etl.parse.values import map_by_keywords, parse_date, parse_int, per_value
from etl.problems import Problem
from etl.recognise.headers import Header
from thidua import forms, reference
from thidua.text import fold

DATE_FIELDS = ("received_on", "due_on", "returned_on")
TEXT_FIELDS = ("unit", "status", "reason", "proposed_forms", "recipients", "decision_no")
# Several forms in one cell: «Bằng khen UBND tỉnh; Tập thể lao động xuất sắc».
_FORM_SEPARATORS = r"\s*(?:;|\n|\+|,)\s*"
_TOTAL_ROW = re.compile(r"^\W*(tong cong|tong so|cong)\b|\b(tong cong|tong so)\b")
_NUMBER = re.compile(r"(\d[\d.]*)")


def parse_dossiers(
    grid: Grid, header: Header, known_units: set[str], today: date | None = None
) -> tuple[pl.DataFrame, list[Problem]]:
    today = today or date.today()
    raw, totals = _rows_and_totals(grid, header)
    parsed = raw.with_columns(
        **{f"{n}_value": parse_date(pl.col(n)) for n in DATE_FIELDS},
        status_value=per_value(
            raw, "status", lambda v: map_by_keywords(v, reference.DOSSIER_STATUSES)
        ),
        recipients_value=parse_int(pl.col("recipients")),
        form_codes=per_value(raw, "proposed_forms", _form_codes),
        decision=decision_numbers(pl.col("decision_no")),
        dossier=pl.col("dossier_no").str.strip_chars(),
    )
    parsed = _submissions(parsed)
    problems = run_checks(parsed, _checks(known_units, today), grid.file, header.labels, str)
    problems += _total_problems(parsed, totals, grid.file)
    result = parsed.select(
        "source_row",
        dossier_no="dossier",
        submission="submission",
        unit_name="unit",
        received_on="received_on_value",
        due_on="due_on_value",
        returned_on="returned_on_value",
        status="status_value",
        reason=pl.col("reason").str.strip_chars(),
        form_codes="form_codes",
        forms_text=pl.col("proposed_forms").str.strip_chars(),
        recipients=pl.col("recipients_value").cast(pl.Int32),
        decision_no="decision",
    )
    return result, problems


def _rows_and_totals(grid: Grid, header: Header) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The register's rows with one column per field (text as typed), and apart its total
    rows: no received or appointment date, and words «Tổng cộng», «Tổng số» or a leading
    «Cộng»."""
    frame = grid.cells.with_row_index("grid_row").slice(header.data_start)
    fields = header.columns
    # The row's words but the recipients cell: a total row's count of dossiers is in them.
    words = [f"c{c}" for c in range(grid.cells.width) if c != fields.get("recipients")]
    raw = frame.select(
        source_row=pl.col("grid_row") + grid.first_row,
        row_text=pl.concat_str(words, separator=" ", ignore_nulls=True).fill_null(""),
        **{name: pl.col(f"c{col}") for name, col in fields.items()},
    ).filter(pl.any_horizontal(pl.exclude("source_row", "row_text").is_not_null()))
    for name in (*DATE_FIELDS, *TEXT_FIELDS):
        if name not in raw.columns:
            raw = raw.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    # Only rows without dates are looked at in Python (a register's total lines, a note).
    undated = raw.filter(pl.col("received_on").is_null() & pl.col("due_on").is_null())
    totals = undated.filter(
        pl.col("row_text").map_elements(
            lambda text: bool(_TOTAL_ROW.search(fold(text))), return_dtype=pl.Boolean
        )
    )
    return raw.join(totals.select("source_row"), on="source_row", how="anti"), totals


# A register without a «Lý do trả lại» column often titles it just «Lý do»: in a register
# that is the reason of a refusal, not an award's achievement; «Hình thức khen thưởng» there
# is what the dossier proposes.
_IN_A_REGISTER = {"achievement": "reason", "form": "proposed_forms"}


def register_header(header: Header) -> Header:
    """The header as a register's fields: «Lý do» is the reason, «Hình thức» the forms
    proposed (unless the register has columns for those already)."""
    renamed = {
        old: new
        for old, new in _IN_A_REGISTER.items()
        if old in header.columns and new not in header.columns
    }
    return dataclasses.replace(
        header,
        columns={renamed.get(k, k): v for k, v in header.columns.items()},
        labels={renamed.get(k, k): v for k, v in header.labels.items()},
    )


def _form_codes(text: str) -> str | None:
    """The award codes a cell proposes, comma-separated in the order typed; None when one
    part names no award (then _unknown_form says which)."""
    codes = [forms.form_code(part) for part in _form_parts(text)]
    if not codes or any(code is None for code in codes):
        return None
    return ",".join(dict.fromkeys(c for c in codes if c))


def _unknown_form(text: str) -> str | None:
    return next((part for part in _form_parts(text) if forms.form_code(part) is None), None)


def _form_parts(text: str) -> list[str]:
    return [part for part in re.split(_FORM_SEPARATORS, text.strip()) if part]


def _submissions(parsed: pl.DataFrame) -> pl.DataFrame:
    """Each row's place among the rows of its dossier number (1, 2… by received date) and
    whether the chain is one a register can hold: every row but the last returned for
    more documents, each received after the one before was returned."""
    by_dossier = pl.col("received_on_value").rank("ordinal").over("dossier")
    ordered = parsed.with_columns(submission=by_dossier.cast(pl.Int32))
    later = ordered.sort("dossier", "submission").with_columns(
        previous_status=pl.col("status_value").shift(1).over("dossier"),
        previous_returned=pl.col("returned_on_value").shift(1).over("dossier"),
    )
    repeated_badly = (pl.col("submission") > 1) & (
        (pl.col("previous_status") != "returned")
        | pl.col("previous_returned").is_null()
        | (pl.col("received_on_value") < pl.col("previous_returned"))
    )
    return later.with_columns(resubmitted_badly=repeated_badly.fill_null(True)).sort("source_row")


def _checks(known_units: set[str], today: date) -> list[Check]:
    status = pl.col("status_value")
    answered = status.is_in(["decided", "returned", "rejected"])
    dated = [
        Check(
            pl.col(n).is_not_null() & pl.col(f"{n}_value").is_null(),
            n,
            refusals.BAD_DOSSIER_DATE,
            reword=impossible_date,
        )
        for n in DATE_FIELDS
    ]
    return [
        Check(pl.col("dossier").is_null(), "dossier_no", refusals.MISSING_DOSSIER_NO),
        Check(pl.col("resubmitted_badly"), "dossier_no", refusals.DOSSIER_TWICE),
        Check(pl.col("unit").is_null(), "unit", refusals.MISSING_DOSSIER_UNIT),
        *known_unit_checks(known_units),
        Check(pl.col("received_on").is_null(), "received_on", refusals.MISSING_RECEIVED_ON),
        Check(pl.col("due_on").is_null(), "due_on", refusals.MISSING_DUE_ON),
        *dated,
        Check(
            pl.col("due_on_value") < pl.col("received_on_value"),
            "due_on",
            refusals.DUE_BEFORE_RECEIVED,
        ),
        Check(
            pl.col("returned_on_value") < pl.col("received_on_value"),
            "returned_on",
            refusals.RETURNED_BEFORE_RECEIVED,
        ),
        Check(pl.col("received_on_value") > today, "received_on", refusals.DATE_AFTER_TODAY),
        Check(pl.col("returned_on_value") > today, "returned_on", refusals.DATE_AFTER_TODAY),
        Check(status.is_null(), "status", refusals.UNKNOWN_DOSSIER_STATUS),
        Check(answered & pl.col("returned_on").is_null(), "status", refusals.ANSWERED_WITHOUT_DATE),
        Check(
            ~answered & status.is_not_null() & pl.col("returned_on").is_not_null(),
            "status",
            refusals.OPEN_WITH_RETURN_DATE,
        ),
        Check(
            (status == "decided") & pl.col("decision").is_null(),
            "decision_no",
            refusals.DECIDED_WITHOUT_DECISION,
        ),
        Check(
            (status == "rejected") & pl.col("reason").is_null(),
            "reason",
            refusals.REJECTED_WITHOUT_REASON,
        ),
        Check(
            pl.col("proposed_forms").is_not_null() & pl.col("form_codes").is_null(),
            "proposed_forms",
            refusals.UNKNOWN_PROPOSED_FORM,
            reword=lambda text: refusals.unknown_proposed_form(_unknown_form(text) or text),
            suggest=lambda text: forms.suggest_form(_unknown_form(text) or text),
        ),
        Check(
            pl.col("recipients").is_not_null()
            & (pl.col("recipients_value").is_null() | (pl.col("recipients_value") < 0)),
            "recipients",
            refusals.BAD_RECIPIENT_COUNT,
        ),
    ]


def _total_problems(parsed: pl.DataFrame, totals: pl.DataFrame, file: str) -> list[Problem]:
    """A total row states how many dossiers the register lists (a number in its text) and,
    in the recipients column, how many recipients they propose: both must be what was read."""
    problems = []
    rows = parsed.height
    dossiers = parsed["dossier"].n_unique()
    recipients = int(parsed["recipients_value"].sum() or 0)
    for total in totals.iter_rows(named=True):
        stated_sum = _first_number(total["recipients"])
        stated_rows = _first_number(total["row_text"])
        # «Tổng cộng: 9 hồ sơ» may count a dossier submitted twice once, or each row.
        if stated_rows is not None and stated_rows not in (rows, dossiers):
            problems.append(
                Problem(
                    file, refusals.dossier_total_differs(stated_rows, rows), total["source_row"]
                )
            )
        if stated_sum is not None and stated_sum != recipients:
            problems.append(
                Problem(
                    file,
                    refusals.recipient_total_differs(stated_sum, recipients),
                    total["source_row"],
                    value=total["recipients"],
                )
            )
    return problems


def _first_number(text: str | None) -> int | None:
    if not text:
        return None
    found = _NUMBER.search(str(text))
    return int(found.group(1).replace(".", "")) if found else None
