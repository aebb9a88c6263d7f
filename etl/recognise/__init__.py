"""Recognise: which kind of table a sheet holds, chosen by score among one small recogniser
per layout (each in its own module), with the reasons it was chosen — shown in the dry run
and the upload preview. Two kinds that score the same are a question for the analyst,
never a silent pick."""

from __future__ import annotations

from dataclasses import dataclass

from etl.grid import Grid
from etl.recognise import award_list, bloc_scores, campaigns, dossiers, memberships
from etl.recognise.base import Recognition
from etl.recognise.headers import Header

RECOGNISERS = (
    bloc_scores.recognise,
    memberships.recognise,
    campaigns.recognise,
    dossiers.recognise,
    award_list.recognise,
)

__all__ = ["Choice", "Recognition", "recognise"]


@dataclass(frozen=True)
class Choice:
    """The chosen layout (None: no kind of table recognised), and the runner-up when it
    scored the same (the sheet is then asked about)."""

    chosen: Recognition | None
    tied_with: Recognition | None = None


def recognise(grid: Grid, header: Header) -> Choice:
    found = sorted(
        (r for recogniser in RECOGNISERS if (r := recogniser(grid, header)) is not None),
        key=lambda r: -r.score,
    )
    if not found:
        return Choice(None)
    if len(found) > 1 and found[1].score == found[0].score:
        return Choice(found[0], found[1])
    return Choice(found[0])
