"""The units catalog: units.csv loaded with its validity dates, made arrays (weights,
sectors, decision suffixes, communes), and the awarding units drawn from it by year or
by decision date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from demo_province.forms import ISSUER_SUFFIX, SUFFIX_OVERRIDES
from demo_province.helpers import Array, _day, _nfc
from demo_province.people import (
    COMMUNES,
    DISTRICT_WEIGHT,
    SECTORS,
    UNIT_SECTORS,
    UNIT_WEIGHTS,
)

UNITS_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "units.csv"
PROVINCE_NAME = "Kiên Giang"
OPEN_END = 2**30  # "no end date" as a day number


def load_units(path: Path = UNITS_CSV) -> pl.DataFrame:
    """units.csv with dates parsed; empty cells are open ends / no successor."""
    return pl.read_csv(path, infer_schema=False, encoding="utf8").with_columns(
        pl.col("name").map_elements(_nfc, return_dtype=pl.String),
        pl.col("valid_from", "valid_to").replace("", None).str.to_date("%Y-%m-%d"),
        pl.col("successor_code").replace("", None),
    )


@dataclass(frozen=True)
class _Catalog:
    """Units as arrays, plus the string dictionaries that depend on them."""

    codes: list[str]
    names: list[str]
    is_district: Array
    valid_from: Array  # day numbers
    valid_to: Array
    weight: Array
    sector: Array  # index into SECTORS
    suffix: Array  # index into suffixes
    suffixes: list[str]
    commune_first: Array  # index of the unit's first commune, -1 if none
    communes: list[str]


def _catalog(units: pl.DataFrame) -> _Catalog:
    codes = units["unit_code"].to_list()
    kinds = units["kind"].to_list()
    is_district = np.array([k == "district" for k in kinds])
    start = [_day(d) if d else -OPEN_END for d in units["valid_from"].to_list()]
    end = [_day(d) if d else OPEN_END for d in units["valid_to"].to_list()]
    weight = [
        UNIT_WEIGHTS.get(c, DISTRICT_WEIGHT if d else 1.0)
        for c, d in zip(codes, is_district, strict=True)
    ]
    sector = [
        SECTORS.index("district" if d else UNIT_SECTORS.get(c, "general"))
        for c, d in zip(codes, is_district, strict=True)
    ]
    suffixes = list(dict.fromkeys(ISSUER_SUFFIX))
    suffix = []
    for code, district in zip(codes, is_district, strict=True):
        text = "UBND" if district else SUFFIX_OVERRIDES.get(code, code)
        if text not in suffixes:
            suffixes.append(text)
        suffix.append(suffixes.index(text))
    communes: list[str] = []
    first = []
    for code in codes:
        first.append(len(communes) if code in COMMUNES else -1)
        communes.extend(COMMUNES.get(code, ()))
    return _Catalog(
        codes=codes,
        names=units["name"].to_list(),
        is_district=is_district,
        valid_from=np.array(start, dtype=np.int64),
        valid_to=np.array(end, dtype=np.int64),
        weight=np.array(weight),
        sector=np.array(sector),
        suffix=np.array(suffix),
        suffixes=suffixes,
        commune_first=np.array(first),
        communes=communes,
    )


def _year_bounds(years: Array) -> tuple[Array, Array]:
    first = np.array([_day(date(int(y), 1, 1)) for y in range(1900, 2101)])
    last = np.array([_day(date(int(y), 12, 31)) for y in range(1900, 2101)])
    return first[years - 1900], last[years - 1900]


def _draw_units_for_years(rng: np.random.Generator, cat: _Catalog, years: Array) -> Array:
    """Awarding units for unit-level awards: weighted by size and by how much of the year
    the unit existed (the 2025 predecessors only lived two months)."""
    out = np.empty(len(years), dtype=np.int64)
    for year in np.unique(years):
        rows = np.flatnonzero(years == year)
        lo, hi = _day(date(int(year), 1, 1)), _day(date(int(year), 12, 31))
        overlap = np.minimum(cat.valid_to, hi) - np.maximum(cat.valid_from, lo) + 1
        w = cat.weight * np.clip(overlap, 0, None)
        out[rows] = rng.choice(len(cat.names), size=len(rows), p=w / w.sum())
    return out


def _draw_units_at(rng: np.random.Generator, cat: _Catalog, days: Array) -> Array:
    """Units valid on each row's decision date; a few validity regimes, one draw each."""
    cuts = np.unique(np.concatenate([cat.valid_from, cat.valid_to + 1]))
    regime = np.searchsorted(cuts, days, side="right")
    out = np.empty(len(days), dtype=np.int64)
    for r in np.unique(regime):
        rows = np.flatnonzero(regime == r)
        when = days[rows[0]]
        w = cat.weight * ((cat.valid_from <= when) & (cat.valid_to >= when))
        out[rows] = rng.choice(len(cat.names), size=len(rows), p=w / w.sum())
    return out
