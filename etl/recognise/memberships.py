"""A yearly list of the units of each bloc or cluster."""

from __future__ import annotations

from etl.grid import Grid
from etl.recognise.base import Recognition, score
from etl.recognise.headers import Header


def recognise(grid: Grid, header: Header) -> Recognition | None:
    return score(
        "memberships",
        header,
        defining=("bloc", "unit"),
        supporting=("year", "role", "stt"),
        absent=("recipient_name", "total", "rank"),
    )
