"""Which rows of a list are awards. Section rows («I. CÁ NHÂN», «A. TẬP THỂ», «1. Bằng khen»)
set the kind and award of the rows under them; unit headings («1. Sở Y tế» over that unit's
people) set their unit; «Cộng: 12» subtotals and the footer are counts to check, never
awards; the footer ends the table."""

from __future__ import annotations

import re
from collections.abc import Callable

import polars as pl

from etl import refusals
from etl.grid import Grid
from etl.parse.awards.context import RAW, Context, Section
from etl.parse.awards.post_unit import UNIT_ALONE
from etl.parse.awards.preamble import row_text
from etl.parse.values import (
    map_by_keywords,
)
from etl.problems import Problem
from etl.recognise.headers import Header
from thidua import forms, reference
from thidua.text import fold

_ROMAN = re.compile(r"^(i{1,3}|iv|v|vi{1,3}|ix|x|[a-d])[.)]?\s*(?=\s|$)")
_NUMBERING = re.compile(r"^([0-9ivx]+|[a-d])[.)]\s*")
_SECTION_WORDS = ("ca nhan", "tap the", "ho gia dinh", "tang ", "danh hieu")
_FOOTER = re.compile(
    r"^(danh sach (nay )?co|tong (cong|so)|kt\.? ?chu tich|tm\.? ?|chu tich$|pho chu tich$|"
    r"nguoi lap|noi nhan|ghi chu:|"
    # The signer of a department's or a body's list: «GIÁM ĐỐC», «KT. GIÁM ĐỐC», «Q. HIỆU TRƯỞNG»
    r"((kt|q|tl|tuq)\.? ?)?(pho )?(giam doc|truong ban|cuc truong|hieu truong|vien truong|"
    r"thu truong|chanh van phong|truong phong)$)"
)
_FOOTER_COUNTS = re.compile(r"(\d+)\s*ca nhan.*?(\d+)\s*tap the")
# A subtotal's first cell: «Cộng», «Cộng: 12», «Cộng 12 người»; a grand total: «Tổng cộng: 52».
_SUBTOTAL = re.compile(r"^cong\b[\s:.]*(\d+)?\s*(nguoi|ca nhan|tap the|luot|don vi)?\.?$")
_GRAND_TOTAL = re.compile(r"^tong (cong|so)\b[\s:.]*(\d+)?\s*(nguoi|ca nhan|tap the|luot)?\.?$")
_BARE_COUNT = re.compile(r"^\d{1,6}$")
_NUMBERED = re.compile(r"^([0-9]{1,3}|[IVXivx]{1,4}|[a-dA-D])\s*[.)]\s*")


_DETAIL_FIELDS = ("position", "unit", "form", "gender", "recipient_kind", "decision_no")


def scan_rows(
    grid: Grid, header: Header, context: Context, unit_of: Callable[[str], str | None]
) -> int:
    """Section rows set recipient kind / award for the rows under them; unit headings
    («1. Sở Y tế» over the people of that unit) set their unit; the footer ends the table.
    Returns the grid index where the table ends."""
    cols = header.columns
    name_col = cols.get("recipient_name")
    detail_cols = [cols[f] for f in _DETAIL_FIELDS if f in cols]
    kind: str | None = None
    form: str | None = None
    # The kind the title's award is given to, when only one (a flag: collectives).
    listed = forms.recipients_of(context.title_form)
    # Only rows with nothing in the detail columns, or no name and no number (a signer's
    # title under the unit column), can be sections or the footer: find them in one
    # vectorised pass, then read just those (a 100k-row register has almost none).
    empty_details = (
        pl.all_horizontal(pl.col(f"c{c}").is_null() for c in detail_cols)
        if detail_cols
        else pl.lit(True)
    )
    unnamed = [cols[f] for f in ("recipient_name", "stt") if f in cols]
    if unnamed:
        empty_details = empty_details | pl.all_horizontal(
            pl.col(f"c{c}").is_null() for c in unnamed
        )
    candidates = (
        grid.cells.with_row_index("i")
        .slice(header.data_start)
        .filter(empty_details & pl.any_horizontal(pl.exclude("i").is_not_null()))["i"]
        .to_list()
    )
    for index in candidates:
        values = grid.row_values(index)
        text = row_text(values)
        folded = fold(text)
        said = [v for v in values if v]
        subtotal = _SUBTOTAL.match(fold(said[0])) if said else None
        if subtotal:
            context.subtotals[grid.excel_row(index)] = _stated_count(subtotal.group(1), said)
            continue
        if _FOOTER.match(folded) or (values[0] is None and _FOOTER.match(fold(values[-1] or ""))):
            counts = _FOOTER_COUNTS.search(folded)
            if counts:
                context.footer_counts = (int(counts.group(1)), int(counts.group(2)))
            elif grand := _GRAND_TOTAL.match(fold(said[0])):
                context.grand_total = _stated_count(grand.group(2), said)
            context.footer_row = grid.excel_row(index)
            return index
        stt = fold(values[cols["stt"]] or "") if "stt" in cols else ""
        # A section typed in one cell merged across the row sits in the first column.
        label = (
            fold(values[name_col] or "") if name_col is not None and values[name_col] else folded
        )
        mark = _NUMBERING.match(label)
        body = label[mark.end() :] if mark else label
        is_roman = bool(_ROMAN.match(stt)) or bool(_ROMAN.match(label) and "." in label[:5])
        if not (is_roman or body.startswith(_SECTION_WORDS) or forms.find_form_in(body)):
            unit = _heading_unit(
                grid,
                index,
                header,
                values,
                kind or forms.recipients_of(form) or listed,
                unit_of,
                context,
            )
            if unit is not None:
                context.unit_headings[index] = unit
            continue
        said_kind = map_by_keywords(body, reference.RECIPIENT_KINDS)
        said_form = forms.find_form_in(body)
        if is_roman:  # a top-level section starts afresh
            kind, form = said_kind, said_form
        else:
            kind, form = said_kind or kind, said_form or form
        context.sections[index] = (kind, form)
        context.section_list.append(
            Section(
                grid.excel_row(index),
                numbering_style(stt or (mark.group(1) if mark else "")),
                text,
                stated_in_title(label),
            )
        )
    return grid.cells.height


def _heading_unit(
    grid: Grid,
    index: int,
    header: Header,
    values: list[str | None],
    kind: str | None,
    unit_of: Callable[[str], str | None],
    context: Context,
) -> str | None:
    """The unit a row heads, when its only text («1. Sở Y tế», or «Sở Y tế» beside a number)
    names a unit. Inside a section of individuals it is a heading; inside a section of
    collectives, an award to that collective. With no section to say, the rows around it
    decide (see _lone_unit_row) — and when they cannot, the analyst is asked."""
    if kind == "collective":
        return None
    stt_col = header.columns.get("stt")
    texts = [v for i, v in enumerate(values) if v and i != stt_col]
    if len(texts) != 1:
        return None
    unit = _unit_named(texts[0], unit_of)
    if unit is None or kind == "individual":
        return unit
    row = (grid.excel_row(index), texts[0])
    # The analyst's answer, else the rule.
    verdict = context.unit_rows or _lone_unit_row(grid, index, header, unit_of)
    if verdict == "heading":
        if context.unit_rows is None:
            context.headings_by_rule.append(row)
        return unit
    if verdict == "unsure":
        context.unsure_unit_rows.append(row)
    else:
        context.unit_awards[index] = _NUMBERED.sub("", texts[0]).strip()
    return None


def _unit_named(text: str, unit_of: Callable[[str], str | None]) -> str | None:
    """The unit a lone text names: one of the table, or a name written as units are. A unit
    the table does not know yet heads its people all the same (it is then listed for
    mapping like any typed unit); counted as an award it would add one."""
    named = _NUMBERED.sub("", text).strip()
    return unit_of(named) or (named if UNIT_ALONE.match(named) else None)


def _lone_unit_row(
    grid: Grid, index: int, header: Header, unit_of: Callable[[str], str | None]
) -> str:
    """A row naming only a unit, in a list no section says is of people or of collectives:
    - "heading" when the next row is a person (it gives a post or a sex) numbered apart
      from it (not N then N+1: one sequence would make the unit one of the list);
    - "award" when the next row is another such unit row, or no named row follows (a list
      of collectives);
    - "unsure" otherwise: a named row follows with nothing that says it is a person, or a
      person follows in the same numbering — the analyst is asked."""
    cols = header.columns
    after = _next_filled(grid, index)
    if not after or "recipient_name" not in cols or not after[cols["recipient_name"]]:
        return "award"
    others = [v for i, v in enumerate(after) if v and i != cols.get("stt")]
    if len(others) == 1 and _unit_named(others[0], unit_of) is not None:
        return "award"
    person = any(after[cols[f]] for f in ("position", "gender") if f in cols)
    if person and not _one_sequence(grid.row_values(index), after, cols.get("stt")):
        return "heading"
    return "unsure"


def _next_filled(grid: Grid, index: int) -> list[str | None]:
    for following in range(index + 1, min(index + 4, grid.cells.height)):
        values = grid.row_values(following)
        if any(values):
            return values
    return []


def _one_sequence(row: list[str | None], after: list[str | None], stt: int | None) -> bool:
    """Both rows numbered in the STT column, the second one more than the first."""
    if stt is None:
        return False
    numbers = [(v or "").strip().rstrip(".") for v in (row[stt], after[stt])]
    return all(n.isdigit() for n in numbers) and int(numbers[1]) == int(numbers[0]) + 1


def _stated_count(in_cell: str | None, said: list[str]) -> int | None:
    """The count a total row states: in its own cell («Cộng: 12»), or as a bare number in
    the next filled cell («Cộng» | «12»). Any other number (a sum of money) is not a count."""
    if in_cell:
        return int(in_cell)
    if len(said) > 1 and _BARE_COUNT.match(said[1].strip()):
        return int(said[1])
    return None


def award_rows(grid: Grid, header: Header, end: int, context: Context) -> pl.DataFrame:
    """Data rows with raw field columns, the section in force, Excel row numbers."""
    frame = grid.cells.with_row_index("grid_row").slice(header.data_start, end - header.data_start)
    frame = frame.with_columns(source_row=pl.col("grid_row") + grid.first_row)
    section_rows = sorted(context.sections)
    section_kind = {r: k for r, (k, _) in context.sections.items()}
    section_form = {r: f for r, (_, f) in context.sections.items()}
    frame = frame.with_columns(
        section_kind=pl.col("grid_row").replace_strict(
            section_kind, default=None, return_dtype=pl.String
        ),
        section_form=pl.col("grid_row").replace_strict(
            section_form, default=None, return_dtype=pl.String
        ),
        is_section=pl.col("grid_row").is_in(section_rows),
        # Runs of award rows between sections, unit headings and subtotals (the STT check).
        block=(
            pl.col("grid_row").is_in(section_rows)
            | pl.col("grid_row").is_in(sorted(context.unit_headings))
            | pl.col("source_row").is_in(sorted(context.subtotals))
        ).cum_sum(),
        heading_unit=pl.col("grid_row").replace_strict(
            context.unit_headings, default=None, return_dtype=pl.String
        ),
    ).with_columns(
        # A heading's unit holds for the rows under it, until the next heading, section or
        # unit award (a collective's row is its own unit, not the heading's).
        pl.when(pl.col("is_section") | pl.col("grid_row").is_in(sorted(context.unit_awards)))
        .then(pl.lit(""))
        .otherwise(pl.col("heading_unit"))
        .forward_fill()
        .replace("", None)
        .alias("heading_unit"),
        # A row that only names a unit, read as an award, is a collective's; a section can
        # say "no kind" explicitly: forward-fill from section rows only.
        pl.when(pl.col("grid_row").is_in(sorted(context.unit_awards)))
        .then(pl.lit("collective"))
        .otherwise(
            pl.when(pl.col("is_section")).then(pl.col("section_kind").fill_null("")).forward_fill()
        )
        .alias("section_kind"),
        pl.when(pl.col("is_section"))
        .then(pl.col("section_form").fill_null(""))
        .forward_fill()
        .alias("section_form"),
    )
    raw = {f"{RAW}{name}": pl.col(f"c{col}") for name, col in header.columns.items()}
    if context.unit_awards and f"{RAW}recipient_name" in raw:
        # The collective's name as typed, without the list's numbering («1. Sở Y tế»).
        raw[f"{RAW}recipient_name"] = pl.col("grid_row").replace_strict(
            context.unit_awards, default=raw[f"{RAW}recipient_name"], return_dtype=pl.String
        )
    field_cols = [f"c{c}" for c in header.columns.values()]
    frame = frame.filter(
        ~pl.col("is_section")
        & ~pl.col("grid_row").is_in(sorted(context.unit_headings))
        & ~pl.col("source_row").is_in(sorted(context.subtotals))
        # An unsure unit row is asked about; counted either way it would only add problems
        # that depend on the answer.
        & ~pl.col("source_row").is_in(sorted(row for row, _ in context.unsure_unit_rows))
        & pl.any_horizontal(pl.col(field_cols).is_not_null())
    )
    return frame.select(
        "source_row",
        "block",
        "heading_unit",
        pl.col("section_kind").replace("", None),
        pl.col("section_form").replace("", None),
        **raw,
    )


# «(12 người)», «(05)», «gồm 12 cá nhân», «: 3 tập thể» in a section's (folded) title.
_SECTION_COUNT = re.compile(
    r"\((\d{1,4})(?:\s*(?:tap the|ca nhan|nguoi|don vi|dong chi|ho gia dinh|ho))?\)"
    r"|\b(\d{1,4})\s+(?:tap the|ca nhan|nguoi|don vi|dong chi|ho gia dinh)\b"
)
_ROMAN_MARK = re.compile(r"^[ivx]+$")


def numbering_style(mark: str) -> str:
    """The kind of numbering a section row has (its STT cell, or its title's prefix)."""
    mark = mark.strip().rstrip(".)")
    if _ROMAN_MARK.match(mark):
        return "roman"
    if len(mark) == 1 and mark.isalpha():
        return "letter"
    if mark.isdigit():
        return "arabic"
    return "none"


def stated_in_title(folded_title: str) -> int | None:
    found = _SECTION_COUNT.search(folded_title)
    if not found:
        return None
    return int(found.group(1) or found.group(2))


def unit_row_questions(context: Context, file: str, label: str) -> list[Problem]:
    """Rows the rule could not decide: asked, naming each one, with both ways to answer."""
    return [
        Problem(file, refusals.UNIT_ROW_HEADING_OR_AWARD, row=row, column=label, value=text)
        for row, text in context.unsure_unit_rows
    ]


def unit_row_notes(context: Context) -> list[str]:
    """Rows read as headings by the rule (a person follows, numbered apart): said, with the
    way to say otherwise."""
    rows = context.headings_by_rule
    return [refusals.unit_rows_read_as_headings(rows)] if rows else []
