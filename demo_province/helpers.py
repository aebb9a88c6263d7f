"""Small helpers shared by the generators: day numbers, weights made probabilities,
Enum series gathered from numpy codes, and ordered string sets."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

Array = npt.NDArray[Any]

EPOCH = date(1970, 1, 1)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _day(when: date) -> int:
    return (when - EPOCH).days


def _date(day: int) -> date:
    return EPOCH + timedelta(days=int(day))


def _probs(weights: Sequence[float]) -> Array:
    p = np.asarray(weights, dtype=np.float64)
    return p / p.sum()


def _enum(values: Sequence[str]) -> pl.Series:
    """A one-of-each Enum series to gather codes from (cheap for millions of rows)."""
    cats = list(values)
    return pl.Series(cats, dtype=pl.Enum(cats))


def _null_where(series: pl.Series, missing: Array | None) -> pl.Series:
    if missing is None or not missing.any():
        return series
    return pl.select(
        pl.when(pl.lit(pl.Series(missing))).then(None).otherwise(pl.lit(series))
    ).to_series()


def _gather(dictionary: pl.Series, codes: Array, missing: Array | None = None) -> pl.Series:
    return _null_where(dictionary.gather(pl.Series(codes.astype(np.uint32))), missing)


class _Strings:
    """An ordered set of strings; ids are stable positions (dictionary for Enum columns)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def add(self, text: str) -> int:
        return self.index.setdefault(_nfc(text), len(self.index))

    def values(self) -> list[str]:
        return list(self.index)
