"""A list of awards: a decision's attached list, a department's list or a register — one
recipient a row. The title line «Kèm theo Quyết định số …» adds to the score."""

from __future__ import annotations

from etl.grid import Grid
from etl.recognise.base import Recognition, score
from etl.recognise.headers import Header
from thidua.text import fold


def recognise(grid: Grid, header: Header) -> Recognition | None:
    above = [v for r in range(header.row) for v in grid.row_values(r) if v]
    attached = any("kem theo quyet dinh" in fold(v) for v in above)
    return score(
        "awards",
        header,
        defining=("recipient_name",),
        supporting=(
            "form",
            "position",
            "unit",
            "position_unit",
            "recipient_kind",
            "decision_no",
            "decision_date",
            "year",
            "gender",
            "award_type",
        ),  # fmt: skip
        extra=[(2, "dòng «Kèm theo Quyết định số …» ở phần đầu")] if attached else [],
    )
