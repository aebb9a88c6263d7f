"""What one award list's layout says beyond its rows: the decision and award of its title, the
sections, unit headings, subtotals and footer found among its rows. Filled by the preamble
and the row scan, read by the parse and by the checks of stated counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import polars as pl

RAW = "raw_"
RawGetter = Callable[[str], pl.Expr]


@dataclass(frozen=True)
class Section:
    """A section row: where it is, how it is numbered, the count its title states."""

    row: int  # Excel row
    style: str  # "roman", "letter", "arabic" or "none"
    title: str
    stated: int | None


@dataclass
class Context:
    """What the preamble and footer of a decision list say."""

    decision_no: str | None = None
    decision_date: date | None = None
    title_form: str | None = None
    footer_counts: tuple[int, int] | None = None
    year: int | None = None  # given by the analyst for a list that says no date nor year
    footer_row: int | None = None
    sections: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    # «Cộng: 12» rows: Excel row → the count they state (None: no count of people to check,
    # e.g. only a sum of money). They are checks on the rows above, never awards.
    subtotals: dict[int, int | None] = field(default_factory=dict)
    grand_total: int | None = None  # «Tổng cộng: 52» on the footer row
    # «1. Sở Y tế» rows inside a list of people: grid index → the unit they head
    unit_headings: dict[int, str] = field(default_factory=dict)
    # Every section row in order, with its numbering and the count its title states.
    section_list: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # said to the analyst, not refusals
    # Rows that only name a unit, in a list no section says is of people or of collectives:
    # the analyst's answer ("heading" or "award"; None until asked), the rows read as
    # headings by the rule (said), and the rows the rule cannot decide (asked) — each as
    # (Excel row, text).
    unit_rows: str | None = None
    headings_by_rule: list[tuple[int, str]] = field(default_factory=list)
    unsure_unit_rows: list[tuple[int, str]] = field(default_factory=list)
    # Such rows read as awards (answered so, or a list of units): grid index → the name
    # without its numbering. A row that names only a unit is that unit's award: a collective.
    unit_awards: dict[int, str] = field(default_factory=dict)
