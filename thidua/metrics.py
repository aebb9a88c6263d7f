"""The headline figures, each defined once (DOMAIN.md).

- non-leader share = individual awards to direct workers ÷ individual awards.
  Collectives and households are outside it; individuals whose position no
  rule recognises stay in the denominator and are reported beside the share.
- women's share = individual awards to women ÷ individual awards whose gender
  the file records (decision lists often have no gender column).
- ad-hoc share = ad-hoc (đột xuất) awards ÷ awards whose type the file records (a
  decision list with no type column says nothing of it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import duckdb
import polars as pl

from thidua import queries
from thidua.filters import Filters
from thidua.formatting import percent

# share name -> (numerator count, denominator count); the counts are defined once in sql/_counts.sql.
SHARES: dict[str, tuple[str, str]] = {
    "non_leader_share": ("direct_workers", "individuals"),
    "women_share": ("women", "with_gender"),
    "adhoc_share": ("adhoc", "with_type"),
}


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def with_shares(counts: pl.DataFrame) -> pl.DataFrame:
    """Add the three shares to any frame of counts (per unit, bloc, year…); null when the base is 0."""
    return counts.with_columns(
        (pl.when(pl.col(whole) > 0).then(pl.col(part) / pl.col(whole))).alias(name)
        for name, (part, whole) in SHARES.items()
    )


@dataclass(frozen=True)
class YearFigures:
    year: int
    awards: int = 0
    individuals: int = 0
    collectives: int = 0
    households: int = 0
    direct_workers: int = 0
    leaders: int = 0
    unclassified: int = 0
    women: int = 0
    with_gender: int = 0
    adhoc: int = 0
    with_type: int = 0

    def share(self, name: str) -> float | None:
        part, whole = SHARES[name]
        return ratio(getattr(self, part), getattr(self, whole))

    @property
    def non_leader_share(self) -> float | None:
        return self.share("non_leader_share")

    @property
    def women_share(self) -> float | None:
        return self.share("women_share")

    @property
    def adhoc_share(self) -> float | None:
        return self.share("adhoc_share")


def counts_of_rows(rows: pl.DataFrame) -> YearFigures:
    """The headline counts of award rows not yet in the warehouse (an upload's preview), by
    the same SQL the warehouse is counted with (_counts.sql), run over the rows in memory."""
    con = duckdb.connect(":memory:")
    try:
        con.register("staged", rows.select("recipient_kind", "is_leader", "gender", "award_type"))
        counted = con.sql(
            f"SELECT {queries.sql('_counts')} FROM (SELECT *, 1 AS n FROM staged)"  # noqa: S608
        ).pl()
    finally:
        con.close()
    return YearFigures(0, **counted.row(0, named=True))


def below_target(share: float | None, target: float) -> bool | None:
    """The one judgement of a share against the target, for pages, slides and exports: below
    it or not, None when there is no share to judge (no individual award) — never 0."""
    return None if share is None else share < target


def share_against_target(share: float | None, target: float, fewest: int = 1) -> str:
    """A share written so its label agrees with the judgement beside it: 274/457 = 59,956%
    is «59,96%», not «60,0%» — red beside another unit's blue «60,0%» under «Mục tiêu 60%»
    read as two equal figures judged differently. `fewest` decimals (one; none on a chart's
    line) unless the rounding would meet the target's own figure from the other side; then
    as many as it takes (up to 3), then the words."""
    if share is None:
        return "chưa có dữ liệu"
    below = share < target
    for decimals in range(fewest, 4):
        shown = round(share * 100, decimals)
        if (shown < round(target * 100, decimals)) == below:
            return percent(share, decimals)
    return f"{percent(share, 3)} (dưới mục tiêu)" if below else percent(share, 3)


def change(now: float | int | None, before: float | int | None) -> float | None:
    return None if now is None or before is None else now - before


@dataclass(frozen=True)
class Overview:
    current: YearFigures
    previous: YearFigures | None  # None when the warehouse has no award for year − 1
    by_kind: pl.DataFrame  # year, recipient_kind, kind_name, awards
    by_form: pl.DataFrame  # form_code, form_name, level, sort_order, awards, awards_previous


def available_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    return queries.run(con, "years")["year"].to_list()


def overview(con: duckdb.DuckDBPyConnection, year: int, filters: Filters | None = None) -> Overview:
    """The year against the one before; shared filters apply except their year range."""
    scoped = replace(filters or Filters(), year_from=None, year_to=None)
    rows = {
        r["year"]: YearFigures(**r)
        for r in queries.run(con, "year_figures", scoped, year=year).to_dicts()
    }
    return Overview(
        current=rows.get(year, YearFigures(year)),
        previous=rows.get(year - 1),
        by_kind=queries.run(con, "awards_by_kind", scoped, year=year),
        by_form=queries.run(con, "awards_by_form", scoped, year=year),
    )


@dataclass(frozen=True)
class FilterOptions:
    years: list[int]  # ascending
    blocs: list[str]  # Vietnamese order
    units: list[str]  # Vietnamese order (COLLATE vi in the query)


def filter_options(con: duckdb.DuckDBPyConnection) -> FilterOptions:
    rows = queries.run(con, "filter_options")
    by_kind = {
        k: rows.filter(pl.col("kind") == k)["value"].to_list() for k in ("year", "bloc", "unit")
    }
    return FilterOptions(
        years=sorted(int(y) for y in by_kind["year"]),
        blocs=by_kind["bloc"],
        units=by_kind["unit"],
    )
