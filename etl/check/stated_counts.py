"""The counts a list states about itself, checked against the rows read: the footer
(«Danh sách này có 40 cá nhân và 12 tập thể»), the subtotals and the grand total, the count
a section's title gives («II. CÁ NHÂN (12 người)») and the STT sequence. A disagreement is a
row missing, added or typed twice — or a count typed wrong: either way the file is refused
naming both numbers, since nobody can tell from here which one is right."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from etl import refusals
from etl.problems import Problem

if TYPE_CHECKING:
    from etl.parse.awards.context import Context, Section

# An STT as offices type it: «5», «5.», «05»; «1.2» or «5a» are not part of one sequence.
_STT_NUMBER = r"^0*(\d{1,6})\.?$"


def count_problems(frame: pl.DataFrame, context: Context, file: str) -> list[Problem]:
    """Every count the list states, against the award rows of `frame` (source_row,
    recipient_kind)."""
    rows = frame["source_row"].to_list()
    return (
        _footer_problems(frame, context, file)
        + _total_problems(rows, context, file)
        + _section_problems(rows, context.section_list, file)
    )


def _footer_problems(frame: pl.DataFrame, context: Context, file: str) -> list[Problem]:
    """'Danh sách này có 40 cá nhân và 12 tập thể' must agree with the rows read."""
    if context.footer_counts is None:
        return []
    individuals = frame.filter(pl.col("recipient_kind") == "individual").height
    collectives = frame.filter(pl.col("recipient_kind") == "collective").height
    stated = context.footer_counts
    if (individuals, collectives) == stated:
        return []
    return [
        Problem(
            file=file,
            row=context.footer_row,
            message=refusals.footer_differs(stated[0], stated[1], individuals, collectives),
        )
    ]


def _total_problems(rows: list[int], context: Context, file: str) -> list[Problem]:
    """Each «Cộng: N» must count the award rows since the total before it, and «Tổng cộng: N»
    all of them: a row missing, added or counted twice is said before anything is written."""
    problems = []
    since = 0
    for row, stated in sorted(context.subtotals.items()):
        counted = [r for r in rows if since < r < row]
        if stated is not None and stated != len(counted):
            problems.append(
                Problem(
                    file=file,
                    row=row,
                    message=refusals.stated_subtotal_differs(
                        stated, len(counted), refusals.rows_between(counted, since, row)
                    ),
                )
            )
        since = row
    if context.grand_total is not None and context.grand_total != len(rows):
        problems.append(
            Problem(
                file=file,
                row=context.footer_row,
                message=refusals.grand_total_differs(context.grand_total, len(rows)),
            )
        )
    return problems


def _section_problems(rows: list[int], sections: list[Section], file: str) -> list[Problem]:
    """A section's stated count covers the rows up to the next section of its own kind of
    numbering or of an enclosing kind — the kinds ranked in the order the list first uses
    them: «A.» over «I.» over «1.» in one list, «I.» over «1.» in another."""
    rank: dict[str, int] = {}
    for section in sections:
        rank.setdefault(section.style, len(rank))
    problems = []
    for position, section in enumerate(sections):
        if section.stated is None:
            continue
        end = next(
            (s.row for s in sections[position + 1 :] if rank[s.style] <= rank[section.style]),
            None,
        )
        counted = [r for r in rows if r > section.row and (end is None or r < end)]
        if len(counted) != section.stated:
            problems.append(
                Problem(
                    file=file,
                    row=section.row,
                    value=section.title,
                    message=refusals.section_count_differs(
                        section.stated,
                        len(counted),
                        refusals.rows_between(counted, section.row, end or 0) if counted else "",
                    ),
                )
            )
    return problems


def stt_problems(table: pl.DataFrame, stt: str, block: str, file: str, label: str) -> list[Problem]:
    """Within a run of award rows (no section, unit heading or subtotal between them) the
    STT goes up by one, or starts again at 1. A gap is a row deleted after numbering, a
    repeat a row typed twice or added without renumbering, a step back a row moved: all
    make the list disagree with the count it shows, and are refused naming both numbers.
    Cells that are not a whole number («1.2», «5a», empty) are not part of the sequence."""
    if stt not in table.columns:
        return []
    number = pl.col(stt).str.extract(_STT_NUMBER, 1).cast(pl.Int64, strict=False)
    numbered_row = pl.when(number.is_not_null()).then(pl.col("source_row"))
    steps = table.select(
        "source_row",
        number.alias("stt"),
        # The nearest numbered row above, within the same run, and its number.
        number.forward_fill().shift(1).over(block).alias("before"),
        numbered_row.forward_fill().shift(1).over(block).alias("before_row"),
    ).filter(
        pl.col("stt").is_not_null()
        & pl.col("before").is_not_null()
        & (pl.col("stt") != pl.col("before") + 1)
        & (pl.col("stt") != 1)
    )
    return [
        Problem(
            file=file,
            row=row,
            column=label,
            value=str(now),
            message=_stt_message(before, now, before_row),
        )
        for row, now, before, before_row in steps.select(
            "source_row", "stt", "before", "before_row"
        ).iter_rows()
    ]


def _stt_message(before: int, now: int, before_row: int) -> str:
    if now == before:
        return refusals.stt_repeated(now, before_row)
    if now > before:
        return refusals.stt_skips(before, before_row, now)
    return refusals.stt_goes_back(before, before_row, now)
