"""The demo province's truth: awards, bloc scores, bloc memberships and campaigns
(`DemoProvince`), drawn by `build_province`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
import polars.selectors as cs

from demo_province.awards import AWARD_COLUMNS, _awards_frame, _campaign_arrays
from demo_province.blocs import bloc_scores_frame, memberships_frame
from demo_province.campaigns import campaigns_frame
from demo_province.catalog import _catalog, load_units
from demo_province.dossiers import dossiers_frame


@dataclass(frozen=True)
class DemoProvince:
    awards: pl.DataFrame  # the truth, one row per award
    bloc_scores: pl.DataFrame
    memberships: pl.DataFrame
    campaigns: pl.DataFrame
    dossiers: pl.DataFrame  # the one-stop desk's register, one row per submission


def _decision_list_collectives(awards: pl.DataFrame) -> pl.DataFrame:
    """In a decision list a collective's unit is written after its name, as in the sample."""
    name = pl.col("recipient_name")
    needs_unit = (
        (pl.col("file_kind") == "decision_list")
        & (pl.col("recipient_kind") == "collective")
        & ~name.str.ends_with(pl.lit(", ") + pl.col("unit_name"))
    )
    return awards.with_columns(
        pl.when(needs_unit)
        .then(name + ", " + pl.col("unit_name"))
        .otherwise(name)
        .alias("recipient_name")
    )


def _awards_each_year(rng: np.random.Generator, years: int, mean: int) -> np.ndarray:
    """How many awards each year: a real province's count rises slowly and moves ±6 % from
    year to year, so a delta «so với năm trước» is never always 0 (issue 21, 12); `mean`
    on average over the years."""
    trend = 0.03 * (np.arange(years) - (years - 1) / 2)
    scale = 1 + trend + rng.normal(0, 0.06, size=years)
    counts = np.maximum(np.round(mean * scale), 1).astype(np.int64)
    for i in range(1, years):  # never the same count two years running
        if counts[i] == counts[i - 1]:
            counts[i] += 1
    return counts


def build_province(
    seed: int = 2024, years: range = range(2018, 2026), awards_per_year: int = 5000
) -> DemoProvince:
    """The truth for the demo province; same seed, same frames."""
    rng = np.random.default_rng(seed)
    units = load_units()
    cat = _catalog(units)
    campaigns = campaigns_frame()
    year_list = list(years)
    per_year = _awards_each_year(rng, len(year_list), awards_per_year)
    in_list = rng.integers(40, 81, size=len(year_list)).clip(max=max(awards_per_year // 4, 1))
    year_arr = np.repeat(np.array(year_list, dtype=np.int64), per_year)
    decision_list = np.zeros(len(year_arr), dtype=bool)
    starts = np.concatenate([[0], np.cumsum(per_year)[:-1]])
    for start, k in zip(starts, in_list, strict=True):
        decision_list[int(start) : int(start) + int(k)] = True
    frame = _awards_frame(
        rng,
        cat,
        _campaign_arrays(campaigns),
        year_arr,
        np.zeros(len(year_arr), dtype=np.int64),
        decision_list,
        1,
    )
    awards = _decision_list_collectives(
        frame.with_columns(cs.enum().cast(pl.String)).with_columns(
            pl.col("year", "achievement_year").cast(pl.Int64)
        )
    )
    # A person drawn twice for the same award of the same decision gets another middle name
    # (the importer refuses a list that names one person twice for one award).
    same_award = ["recipient_name", "position", "unit_name", "form_code", "decision_no", "year"]
    repeat = (pl.col("recipient_kind") == "individual") & (
        pl.int_range(pl.len()).over(same_award) > 0
    )
    awards = awards.with_columns(
        recipient_name=pl.when(repeat)
        .then(pl.col("recipient_name").str.replace(" ", " Minh ", literal=True))
        .otherwise(pl.col("recipient_name"))
    )
    # A collective holds a yearly title once for a year's achievement: a draw that gave it the
    # same award twice is kept once (the individuals' few repeats stay, as the double-award
    # review of a real province finds some, issue 23).
    again = [
        "recipient_name",
        "unit_name",
        "form_code",
        "award_type",
        "campaign_code",
        "achievement_year",
    ]
    awards = awards.filter(
        (pl.col("recipient_kind") != "collective") | (pl.int_range(pl.len()).over(again) == 0)
    )
    awards = (
        awards.with_row_index("_draw")
        .sort("year", "decision_date", "decision_no", "_draw")
        .drop("_draw")
        .select(AWARD_COLUMNS)
    )
    memberships = memberships_frame(rng, units, years)
    return DemoProvince(
        awards=awards,
        bloc_scores=bloc_scores_frame(rng, memberships),
        memberships=memberships,
        campaigns=campaigns,
        dossiers=dossiers_frame(awards, year_list[-1]),
    )
