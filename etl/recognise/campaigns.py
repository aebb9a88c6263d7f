"""A list of emulation campaigns (plans) with their dates."""

from __future__ import annotations

from etl.grid import Grid
from etl.recognise.base import Recognition, score
from etl.recognise.headers import Header


def recognise(grid: Grid, header: Header) -> Recognition | None:
    return score(
        "campaigns",
        header,
        defining=("plan_no", "campaign_name"),
        supporting=("issued_on", "campaign_kind", "start", "end", "deadline", "slogan"),
        absent=("recipient_name",),
    )
