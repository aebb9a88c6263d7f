"""What each dashboard page shows, as frames from named queries. Pages call one
function here and draw; every share goes through thidua.metrics."""

from __future__ import annotations

from dataclasses import dataclass, replace

import duckdb
import polars as pl

from thidua import metrics, queries, reference
from thidua.filters import Filters
from thidua.text import fold

# What a bloc's leading units customarily receive (DOMAIN.md), shown when no award is recorded.
CUSTOMARY_OUTCOME = {
    1: "Cờ thi đua của UBND tỉnh",
    2: "Bằng khen của Chủ tịch UBND tỉnh",
    3: "Bằng khen của Chủ tịch UBND tỉnh",
}
ROLE_NAMES = reference.BLOC_ROLE_NAMES  # one wording (thidua.reference)
DRILL_LIMIT = 5000


@dataclass(frozen=True)
class BlocRanking:
    """One bloc in one year, as the bloc page opens on it. Its members' ranks over the
    years and every bloc's leader are read when their tabs open (bloc_rank_history,
    bloc_leaders): together they were half of the page's first-view queries."""

    year: int
    bloc: str
    ranking: (
        pl.DataFrame
    )  # rank, unit_name, role, role_name, score parts, total_score, outcome, customary


def bloc_years(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return queries.run(con, "bloc_years")


def blocs_without_sheet(bloc_years: pl.DataFrame, year: int) -> list[tuple[str, int]]:
    """The blocs scored in an earlier year but not in `year` (dissolved, merged, or their
    sheet not imported yet), each with the last year it was scored: a table of `year`'s
    blocs must not drop one silently."""
    earlier = bloc_years.filter(pl.col("year") < year)
    now = set(bloc_years.filter(pl.col("year") == year)["bloc_name"].to_list())
    last = earlier.group_by("bloc_name").agg(pl.col("year").max()).sort("bloc_name")
    return [(bloc, int(last_year)) for bloc, last_year in last.iter_rows() if bloc not in now]


def bloc_ranking(con: duckdb.DuckDBPyConnection, year: int, bloc: str) -> BlocRanking:
    ranking = queries.run(con, "bloc_ranking", year=year, bloc=bloc).with_columns(
        role_name=pl.col("role").replace_strict(ROLE_NAMES, default=None, return_dtype=pl.String),
        customary=pl.col("rank").replace_strict(
            CUSTOMARY_OUTCOME, default=None, return_dtype=pl.String
        ),
    )
    return BlocRanking(year=year, bloc=bloc, ranking=ranking)


def bloc_rank_history(con: duckdb.DuckDBPyConnection, year: int, bloc: str) -> pl.DataFrame:
    """year, unit_name, rank, total_score: the bloc's members (in `year`) over the years."""
    return queries.run(con, "bloc_rank_history", year=year, bloc=bloc)


def bloc_leaders(con: duckdb.DuckDBPyConnection, year: int) -> pl.DataFrame:
    """bloc_name, bloc_kind, unit_name, total_score, members: every bloc's leader in `year`."""
    return queries.run(con, "bloc_leaders", year=year)


@dataclass(frozen=True)
class Distribution:
    composition: (
        pl.DataFrame
    )  # level, form_code, form_name, award_type, type_name, recipient_kind, awards
    trend: pl.DataFrame  # year, form_code, form_name, level, awards
    top_units: pl.DataFrame  # unit_name and the headline counts (_counts.sql)


def distribution(con: duckdb.DuckDBPyConnection, filters: Filters, top: int = 15) -> Distribution:
    return Distribution(
        composition=queries.run(con, "composition", filters),
        trend=queries.run(con, "counts_by_form_year", filters),
        top_units=queries.run(con, "top_units", filters, limit=top),
    )


@dataclass(frozen=True)
class LeaderShares:
    """What the leaders' page shows on opening: its headline figures and its first tab."""

    by_year: pl.DataFrame  # year + counts + shares
    # unit_name + counts + shares, + below_target, non_leader_label (the share written so it
    # agrees with that judgement: metrics.share_against_target), against_target (in words)
    by_unit: pl.DataFrame
    target: float


def leader_shares(con: duckdb.DuckDBPyConnection, filters: Filters, target: float) -> LeaderShares:
    by_unit = metrics.with_shares(queries.run(con, "counts_by_unit", filters))
    by_unit = _judged(by_unit.filter(pl.col("individuals") > 0), target)
    return LeaderShares(
        by_year=metrics.with_shares(queries.run(con, "counts_by_year", filters)),
        by_unit=by_unit,
        target=target,
    )


# The leaders' page's other tabs, each read when it is opened.
def shares_by_bloc(con: duckdb.DuckDBPyConnection, filters: Filters, target: float) -> pl.DataFrame:
    """bloc_name, bloc_kind + counts + shares, judged against `target` as the units are
    (the third walk read «Cụm thi đua số 1: 59,8%» unmarked under a 60% target)."""
    return _judged(metrics.with_shares(queries.run(con, "counts_by_bloc", filters)), target)


def _judged(frame: pl.DataFrame, target: float) -> pl.DataFrame:
    """`frame` with below_target, non_leader_label (the share written so it agrees with that
    judgement: metrics.share_against_target) and against_target in words; all empty where
    there is no share (no individual awarded)."""
    share = pl.col("non_leader_share")
    judged = frame.with_columns(
        below_target=share.map_elements(
            lambda s: metrics.below_target(s, target), return_dtype=pl.Boolean
        ),
        non_leader_label=share.map_elements(
            lambda s: metrics.share_against_target(s, target), return_dtype=pl.String
        ),
    )
    below = pl.col("below_target")
    return judged.with_columns(
        against_target=pl.when(below.is_null())
        .then(None)
        .when(below)
        .then(pl.lit("dưới mục tiêu"))
        .otherwise(pl.lit("đạt mục tiêu"))
    )


def leader_class(column: str = "is_leader") -> pl.Expr:
    """A position's class in words (reference.LEADER_CLASS_NAMES), for tables and exports."""
    names = reference.LEADER_CLASS_NAMES
    return (
        pl.when(pl.col(column))
        .then(pl.lit(names[True]))
        .when(pl.col(column).not_())
        .then(pl.lit(names[False]))
        .otherwise(pl.lit(names[None]))
    )


def position_classes(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """position, is_leader, leader_rule, rule_label, awards: how each position was classed."""
    return queries.run(con, "position_classes", filters)


def campaigns(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Every campaign with its period and the awards tied to it under the filters."""
    return queries.run(con, "campaign_list", filters)


@dataclass(frozen=True)
class Selection:
    """What a reader clicked: the figure's own restriction on top of the shared filters."""

    form_code: str | None = None
    form_level: str | None = None  # state / province / unit: the year bars' segments
    unit_name: str | None = None
    year: int | None = None
    campaign_code: str | None = None
    leader_class: str | None = None  # 'true' / 'false' / 'null'


def _parameters(selection: Selection) -> dict[str, object]:
    """A selection as the named drill-down queries take it (sql/_selection.sql)."""
    return {
        "form_code": selection.form_code,
        "form_level": selection.form_level,
        "unit_name": selection.unit_name,
        "year": selection.year,
        "campaign_code": selection.campaign_code,
        "leader_class": selection.leader_class,
    }


def award_list(
    con: duckdb.DuckDBPyConnection, filters: Filters, selection: Selection | None = None
) -> pl.DataFrame:
    chosen = selection or Selection()
    scoped = replace(filters, year_from=None, year_to=None) if chosen.year else filters
    picked = _parameters(chosen)
    years = queries.run(con, "award_list_years", scoped, **picked)
    rows = queries.run(con, "award_list", scoped, **picked, limit=DRILL_LIMIT,
                       from_year=_oldest_year_needed(years, DRILL_LIMIT))  # fmt: skip
    # A classified individual's class in words; a collective or an unclassified position
    # stays empty (the list's «—»), as it always read.
    names = {True: reference.LEADER_CLASS_NAMES[True], False: reference.LEADER_CLASS_NAMES[False]}
    return rows.with_columns(
        pl.col("leader_class").replace_strict(names, default=None, return_dtype=pl.String)
    )


def awards_by_year(
    con: duckdb.DuckDBPyConnection, filters: Filters, selection: Selection, years: list[int]
) -> dict[int, int]:
    """How many awards `selection` holds in each of `years` under the filters (their own
    year range set aside, as the drill-down does): a page says what a year's list will hold
    before opening it."""
    scoped = replace(filters, year_from=None, year_to=None)
    picked = _parameters(replace(selection, year=None))
    found = dict(queries.run(con, "award_list_years", scoped, **picked).iter_rows())
    return {year: int(found.get(year, 0)) for year in years}


def _oldest_year_needed(years: pl.DataFrame, limit: int) -> int:
    """The list is newest year first: the years up to the one where it reaches `limit` rows."""
    running = 0
    oldest = -(2**31)
    for year, awards in years.iter_rows():
        oldest = int(year)
        running += int(awards)
        if running >= limit:
            break
    return oldest


def search_recipients(con: duckdb.DuckDBPyConnection, text: str) -> pl.DataFrame:
    query = fold(text).strip()
    if len(query) < 2:
        return pl.DataFrame()
    return queries.run(con, "search_recipients", query=query)


def recipient_history(con: duckdb.DuckDBPyConnection, name: str, unit: str | None) -> pl.DataFrame:
    return queries.run(con, "recipient_history", name=name, unit=unit)


def statistical_form(
    con: duckdb.DuckDBPyConnection, form: str, year: int, unit: str | None, reporter: str
) -> tuple[bytes, str | None]:
    """Form 0601, 0602 or 0603 of `year` as the .xlsx to send (`unit`: one unit's, not for
    0601): (the workbook, None), or (b"", the sentence saying why not)."""
    from thidua import form_xlsx, statistics_forms

    if form == "0601":
        if unit:
            return b"", "Biểu 0601 (phong trào thi đua) là của cả tỉnh; bỏ lựa chọn đơn vị."
        return form_xlsx.campaign_form_xlsx(
            statistics_forms.campaign_table(con, year), year, reporter
        ), None
    if form not in statistics_forms.FORMS:
        return b"", f"Không có biểu {form}; chọn 0601, 0602 hoặc 0603."
    table = statistics_forms.form_table(con, form, year, unit)
    return form_xlsx.award_form_xlsx(table, unit or reporter), None


def units_now(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Each unit's name → the unit it is now (itself, or its successor after a merger)."""
    return dict(queries.run(con, "units_now").iter_rows())


def merged_among(names: list[str], now: dict[str, str]) -> list[tuple[str, str]]:
    """The units among `names` merged into another since (old name, name now), in the order
    given: a chart that counts years before a merger shows the old name beside the new one."""
    return [(name, now[name]) for name in names if now.get(name, name) != name]
