"""A bloc or cluster scoring summary: units with their total and rank."""

from __future__ import annotations

from etl.grid import Grid
from etl.recognise.base import Recognition, score
from etl.recognise.headers import Header


def recognise(grid: Grid, header: Header) -> Recognition | None:
    return score(
        "bloc_scores",
        header,
        defining=("unit", "total", "rank"),
        supporting=("stt", "self_score", "bloc_score", "bonus", "penalty", "bloc"),
        absent=("recipient_name",),
    )
