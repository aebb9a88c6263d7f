"""What every recogniser returns, and the scoring they share: the fields that define a
layout weigh 10 together, each field that supports it 1."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from etl.recognise.headers import FIELD_LABELS, Header

DEFINING = 10


@dataclass(frozen=True)
class Recognition:
    layout: str
    score: int
    reasons: tuple[str, ...]  # Vietnamese, for the preview and the dry run

    def said(self) -> str:
        return "; ".join(self.reasons)


def score(
    layout: str,
    header: Header,
    defining: Iterable[str],
    supporting: Iterable[str],
    absent: Iterable[str] = (),
    extra: Iterable[tuple[int, str]] = (),
) -> Recognition | None:
    """None unless every defining field has a column and no field of `absent` has one (a
    membership list names no person)."""
    fields = header.columns
    defining = list(defining)
    if not all(f in fields for f in defining) or any(f in fields for f in absent):
        return None
    found = [f for f in supporting if f in fields]
    reasons = [f"có cột {_named(header, defining)}"]
    if found:
        reasons.append(f"thêm {_named(header, found)}")
    points = DEFINING + len(found)
    for bonus, why in extra:
        points += bonus
        reasons.append(why)
    return Recognition(layout, points, tuple(reasons))


def _named(header: Header, fields: list[str]) -> str:
    return ", ".join(
        header.labels.get(f, f"«{FIELD_LABELS.get(f, f)}»").split(" ", 1)[-1] for f in fields
    )
