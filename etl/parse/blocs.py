"""Bloc and cluster sheets: year-end scoring summaries and the membership list."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

import polars as pl

from etl import refusals
from etl.check.cells import Check, run_checks
from etl.grid import Grid
from etl.parse.values import map_by_keywords, parse_int, parse_number, per_value
from etl.problems import Problem
from etl.recognise.headers import Header
from thidua import reference
from thidua.text import fold

_TITLE = re.compile(r"\b(khoi|cum)( thi dua)?( so)? ?([0-9]+|[ivx]+)\b")
_YEAR = re.compile(r"\bnam (\d{4})\b")
SCORE_COLUMNS = ["self_score", "bloc_score", "bonus", "penalty", "total", "rank"]


def bloc_name_from(text: str) -> tuple[str, str] | None:
    """'... KHỐI THI ĐUA SỐ 4 NĂM 2018' -> ('Khối thi đua số 4', 'bloc')."""
    match = _TITLE.search(fold(text))
    if not match:
        return None
    kind = "bloc" if match.group(1) == "khoi" else "cluster"
    word = "Khối" if kind == "bloc" else "Cụm"
    return f"{word} thi đua số {match.group(4).upper()}", kind


def unit_suggester(known_units: set[str]) -> Callable[[str], str | None]:
    folded = {fold(u): u for u in known_units}

    def suggest(value: str) -> str | None:
        close = difflib.get_close_matches(fold(value), list(folded), n=1, cutoff=0.8)
        return folded[close[0]] if close else None

    return suggest


def known_unit_checks(known_units: set[str]) -> list[Check]:
    """Blocs and clusters are made of units of the units table (or their aliases)."""
    if not known_units:
        return []
    return [
        Check(
            ~pl.col("unit").is_in(sorted(known_units)),
            "unit",
            refusals.UNKNOWN_UNIT,
            unit_suggester(known_units),
        )
    ]


def _raw_frame(grid: Grid, header: Header) -> pl.DataFrame:
    frame = grid.cells.with_row_index("grid_row").slice(header.data_start)
    field_cols = {name: pl.col(f"c{col}") for name, col in header.columns.items()}
    return frame.select(source_row=pl.col("grid_row") + grid.first_row, **field_cols).filter(
        pl.any_horizontal(pl.exclude("source_row").is_not_null())
    )


def parse_bloc_scores(
    grid: Grid, header: Header, known_units: set[str]
) -> tuple[pl.DataFrame, list[Problem]]:
    title = " ".join(v for i in range(header.row) for v in grid.row_values(i) if v)
    named = bloc_name_from(title)
    year = _YEAR.search(fold(title))
    problems: list[Problem] = []
    if named is None or year is None:
        problems.append(
            Problem(
                grid.file,
                refusals.BLOC_TITLE_MISSING,
                row=grid.first_row,
                value=title or None,
            )
        )
    raw = _raw_frame(grid, header)
    # Rows under the table (signatures, "KHỐI TRƯỞNG", a signer's name typed in the unit
    # column) carry no total and no rank: the table ends at its last scored row.
    scored = (
        pl.col("total").is_not_null() | pl.col("rank").is_not_null()
        if "rank" in raw.columns
        else pl.col("total").is_not_null()
    )
    if "total" in raw.columns:
        last = raw.with_row_index("_i").filter(scored)["_i"].max()
        raw = raw.head(int(last) + 1) if isinstance(last, int) else raw.head(0)
    raw = raw.filter(pl.col("unit").is_not_null() | pl.col("total").is_not_null())
    for name in SCORE_COLUMNS:
        if name not in raw.columns:
            raw = raw.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    parsed = raw.with_columns(
        **{f"{n}_value": parse_number(pl.col(n)) for n in SCORE_COLUMNS if n != "rank"},
        rank_value=parse_int(pl.col("rank")).fill_null(
            per_value(raw, "rank", _rank_text).cast(pl.Int64)
        ),
    )
    expected_total = (
        pl.col("bloc_score_value")
        + pl.col("bonus_value").fill_null(0)
        - pl.col("penalty_value").fill_null(0)
    )
    checks = [
        Check(pl.col("unit").is_null(), "unit", refusals.MISSING_UNIT),
        Check(pl.col("total_value").is_null(), "total", refusals.TOTAL_NOT_A_NUMBER),
        Check(pl.col("rank_value").is_null(), "rank", refusals.BAD_RANK),
        *[
            Check(
                pl.col(n).is_not_null() & pl.col(f"{n}_value").is_null(),
                n,
                refusals.SCORE_NOT_A_NUMBER,
            )
            for n in ("self_score", "bloc_score", "bonus", "penalty")
        ],
        Check(
            pl.col("bloc_score_value").is_not_null()
            & ((pl.col("total_value") - expected_total).abs() > 0.051),
            "total",
            refusals.TOTAL_NOT_SUM,
        ),
        Check(
            pl.col("unit").is_duplicated() & pl.col("unit").is_not_null(),
            "unit",
            refusals.UNIT_TWICE,
        ),
    ]
    checks += known_unit_checks(known_units)
    problems += run_checks(parsed, checks, grid.file, header.labels, lambda f: f)
    if not problems:
        problems += _rank_order_problems(parsed, grid.file, header)
    frame = parsed.select(
        "source_row",
        year=pl.lit(int(year.group(1)) if year else None, dtype=pl.Int64),
        bloc_name=pl.lit(named[0] if named else None, dtype=pl.String),
        bloc_kind=pl.lit(named[1] if named else None, dtype=pl.String),
        unit_name=pl.col("unit"),
        self_score=pl.col("self_score_value"),
        bloc_score=pl.col("bloc_score_value"),
        bonus=pl.col("bonus_value"),
        penalty=pl.col("penalty_value"),
        total_score=pl.col("total_value"),
        rank=pl.col("rank_value"),
    )
    return frame, problems


def _rank_order_problems(parsed: pl.DataFrame, file: str, header: Header) -> list[Problem]:
    """Ranks follow the totals as a competition ranks (đồng hạng): a unit ranks one below the
    number of units with a higher total, so two units tied for 3rd are both 3rd and the next
    is 5th. Any other rank is said with the rank the totals give."""
    expected = parsed.with_columns(
        expected=(pl.col("total_value").rank("min", descending=True)).cast(pl.Int64)
    ).filter(pl.col("expected") != pl.col("rank_value"))
    problems = []
    for row, rank, should, total in expected.select(
        "source_row", "rank_value", "expected", "total_value"
    ).rows():
        tied = parsed.filter(pl.col("total_value") == total).height
        higher = parsed.filter(pl.col("total_value") > total).height
        problems.append(
            Problem(
                file,
                refusals.rank_should_be(total, tied - 1, higher, should),
                row=row,
                column=header.labels.get("rank"),
                value=str(rank),
            )
        )
    return problems


_RANK_WORDS = {
    "nhat": 1, "nhi": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "muoi ba": 13, "muoi bon": 14,
    "muoi lam": 15,
}  # fmt: skip
_ROMAN_RANKS = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}
_RANK_PREFIX = re.compile(r"^(hang|thu|xep thu|xep hang|giai)\s+")


def _rank_text(text: str) -> str | None:
    rank = rank_in_words(text)
    return None if rank is None else str(rank)


def rank_in_words(text: str) -> int | None:
    """«Nhất», «Nhì», «Ba», «Tư»…, «Hạng 3», «Thứ Ba», «III», «Đồng hạng Ba» → the rank."""
    folded = _RANK_PREFIX.sub("", fold(text).replace("dong hang", "").strip(" .")).strip()
    if folded.isdigit():
        return int(folded)
    return _RANK_WORDS.get(folded) or _ROMAN_RANKS.get(folded)


def parse_memberships(
    grid: Grid, header: Header, known_units: set[str]
) -> tuple[pl.DataFrame, list[Problem]]:
    raw = _raw_frame(grid, header)
    parsed = raw.with_columns(
        year_value=parse_int(pl.col("year"))
        if "year" in raw.columns
        else pl.lit(None, dtype=pl.Int64),
        role_value=per_value(
            raw, "role", lambda v: map_by_keywords(v, reference.BLOC_ROLES)
        ).fill_null(pl.when(pl.col("role").is_null()).then(pl.lit("member"))),
        bloc_name=per_value(raw, "bloc", lambda v: (bloc_name_from(v) or (None, None))[0]),
        bloc_kind=per_value(raw, "bloc", lambda v: (bloc_name_from(v) or (None, None))[1]),
    )
    group = ["year_value", "bloc_name"]
    checks = [
        Check(
            ~pl.col("year_value").is_between(1990, 2100).fill_null(False),
            "year",
            refusals.BAD_MEMBERSHIP_YEAR,
        ),
        Check(
            pl.col("bloc_name").is_null(),
            "bloc",
            refusals.UNKNOWN_BLOC,
        ),
        Check(pl.col("unit").is_null(), "unit", refusals.MISSING_UNIT),
        Check(
            pl.col("role_value").is_null(),
            "role",
            refusals.UNKNOWN_ROLE,
        ),
        Check(
            (pl.col("role_value") == "head")
            & ((pl.col("role_value") == "head").sum().over(group) > 1),
            "role",
            refusals.TWO_HEADS,
        ),
        Check(
            (pl.col("role_value") == "deputy")
            & ((pl.col("role_value") == "deputy").sum().over(group) > 1),
            "role",
            refusals.TWO_DEPUTIES,
        ),
        Check(
            pl.struct("year_value", "unit").is_duplicated() & pl.col("unit").is_not_null(),
            "unit",
            refusals.UNIT_IN_TWO_BLOCS,
        ),
    ]
    checks += known_unit_checks(known_units)
    problems = run_checks(parsed, checks, grid.file, header.labels, lambda f: f)
    frame = parsed.select(
        "source_row",
        year=pl.col("year_value"),
        bloc_name="bloc_name",
        bloc_kind="bloc_kind",
        unit_name=pl.col("unit"),
        role=pl.col("role_value"),
    )
    return frame, problems
