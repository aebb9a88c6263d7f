"""A dossier register of the one-stop desk: one row per proposal dossier received."""

from __future__ import annotations

from etl.grid import Grid
from etl.recognise.base import Recognition, score
from etl.recognise.headers import Header


def recognise(grid: Grid, header: Header) -> Recognition | None:
    return score(
        "dossiers",
        header,
        defining=("dossier_no", "received_on", "due_on"),
        supporting=(
            "unit",
            "returned_on",
            "status",
            "reason",
            "proposed_forms",
            "recipients",
            "decision_no",
        ),  # fmt: skip
        absent=("recipient_name",),
    )
