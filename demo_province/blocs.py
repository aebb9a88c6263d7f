"""Emulation blocs and clusters (khối, cụm thi đua): yearly memberships carried over
the 2025 mergers, with heads and deputies, and each group's yearly score summary."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import polars as pl

from demo_province.helpers import Array, _nfc

# Groups are formed when pledges are signed; on 1 March the 2025 merged departments
# already exist and the districts still do, so that date decides a year's members.
MEMBERSHIP_DAY = (3, 1)


def _valid_on(units: pl.DataFrame, when: date, kind: str) -> list[str]:
    frame = units.filter(
        (pl.col("kind") == kind)
        & (pl.col("valid_from").is_null() | (pl.col("valid_from") <= when))
        & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= when))
    )
    return frame["name"].to_list()


def _rebalance(rng: np.random.Generator, groups: list[list[str]], low: int, high: int) -> None:
    """Move members from the largest to the smallest group until sizes are in bounds."""
    while True:
        sizes = [len(g) for g in groups]
        big, small = int(np.argmax(sizes)), int(np.argmin(sizes))
        if sizes[big] <= high and sizes[small] >= low or sizes[big] - sizes[small] <= 1:
            return
        groups[small].append(groups[big].pop(int(rng.integers(0, len(groups[big])))))


def _shuffle_one(rng: np.random.Generator, groups: list[list[str]], low: int, high: int) -> None:
    """A unit changes group from one year to the next (if sizes allow)."""
    donors = [i for i, g in enumerate(groups) if len(g) > low]
    if not donors:
        return
    src = donors[int(rng.integers(0, len(donors)))]
    takers = [i for i, g in enumerate(groups) if i != src and len(g) < high]
    if takers:
        dst = takers[int(rng.integers(0, len(takers)))]
        groups[dst].append(groups[src].pop(int(rng.integers(0, len(groups[src])))))


def _carry_over(
    units: pl.DataFrame, groups: list[list[str]], valid: list[str], n_groups: int
) -> list[list[str]]:
    """Keep last year's groups, drop units that ended, put successors where their
    predecessor sat, dissolve surplus groups into the smallest ones."""
    successor = dict(
        units.join(units.select("unit_code", succ_name="name"), left_on="successor_code",
                   right_on="unit_code", how="left")
        .select("name", "succ_name")
        .iter_rows()
    )  # fmt: skip
    kept = [[u for u in g if u in valid] for g in groups]
    placed = {u for g in kept for u in g}
    for gi, group in enumerate(groups):
        for u in group:
            s = successor.get(u)
            if u not in valid and s in valid and s not in placed:
                kept[gi].append(s)
                placed.add(s)
    for u in valid:
        if u not in placed:
            min(kept, key=len).append(u)
    while len(kept) > n_groups:
        for u in kept.pop():
            min(kept, key=len).append(u)
    return kept


def _roles(
    rng: np.random.Generator, members: list[str], previous: tuple[str, str] | None
) -> tuple[str, str]:
    """Last year's deputy takes over as head; a new deputy who was not just head."""
    if previous and previous[1] in members:
        head = previous[1]
    else:
        head = members[int(rng.integers(0, len(members)))]
    barred = {head, previous[0] if previous else head}
    options = [m for m in members if m not in barred] or [m for m in members if m != head]
    return head, options[int(rng.integers(0, len(options)))]


def _group_count(n_units: int, kind: str) -> int:
    if kind == "district":
        return max(1, round(n_units / 8))
    return 6 if n_units >= 42 else 5


def memberships_frame(rng: np.random.Generator, units: pl.DataFrame, years: range) -> pl.DataFrame:
    rows: list[dict[str, Any]] = []
    state: dict[str, list[list[str]]] = {}
    heads: dict[str, tuple[str, str]] = {}
    for year in years:
        when = date(year, *MEMBERSHIP_DAY)
        for kind, word, bloc_kind in (
            ("department", "Khối", "bloc"),
            ("district", "Cụm", "cluster"),
        ):
            valid = sorted(_valid_on(units, when, kind))
            n_groups = _group_count(len(valid), kind)
            if kind not in state:
                order = [valid[i] for i in rng.permutation(len(valid))]
                groups = [list(g) for g in np.array_split(np.array(order, dtype=object), n_groups)]
            else:
                groups = _carry_over(units, state[kind], valid, n_groups)
                _shuffle_one(rng, groups, 7, 10)
            _rebalance(rng, groups, 7, 10)
            state[kind] = groups
            for gi, members in enumerate(groups):
                name = f"{word} thi đua số {gi + 1}"
                head, deputy = _roles(rng, members, heads.get(name))
                heads[name] = (head, deputy)
                for unit in members:
                    role = "head" if unit == head else "deputy" if unit == deputy else "member"
                    rows.append(
                        dict(year=year, bloc_name=_nfc(name), bloc_kind=bloc_kind,
                             unit_name=unit, role=role)
                    )  # fmt: skip
    role_order = pl.col("role").replace_strict({"head": 0, "deputy": 1, "member": 2})
    frame = pl.DataFrame(rows, schema={"year": pl.Int64, "bloc_name": pl.String,
                                       "bloc_kind": pl.String, "unit_name": pl.String,
                                       "role": pl.String})  # fmt: skip
    return frame.sort(
        "year", pl.col("bloc_kind") != "bloc", pl.col("bloc_name"), role_order, "unit_name"
    )


def _score_group(rng: np.random.Generator, n: int) -> tuple[Array, Array, Array, Array, Array]:
    """Scores in tenths of a point; totals redrawn until no two units tie."""
    bloc = rng.integers(860, 990, size=n)
    while True:
        self_score = np.clip(bloc + rng.integers(-8, 9, size=n), 800, 1000)
        bonus = rng.choice([0, 0, 0, 5, 10, 20, 30, 50], size=n)
        penalty = rng.choice([0, 0, 0, 0, 5, 10, 20], size=n)
        total = bloc + bonus - penalty
        if len(np.unique(total)) == n:
            return self_score, bloc, bonus, penalty, total
        bloc = rng.integers(860, 990, size=n)


def bloc_scores_frame(rng: np.random.Generator, memberships: pl.DataFrame) -> pl.DataFrame:
    parts = []
    for (year, bloc), group in memberships.group_by(
        "year", "bloc_name", maintain_order=True
    ):  # one summary per group and year
        n = group.height
        self_score, bloc_score, bonus, penalty, total = _score_group(rng, n)
        order = np.argsort(-total, kind="stable")
        rank = np.empty(n, dtype=np.int32)
        rank[order] = np.arange(1, n + 1)
        units = [group["unit_name"][int(i)] for i in rng.permutation(n)]  # rows in STT order
        parts.append(
            pl.DataFrame(
                {
                    "year": pl.Series([year] * n, dtype=pl.Int64),
                    "bloc_name": [bloc] * n,
                    "unit_name": units,
                    "self_score": self_score / 10,
                    "bloc_score": bloc_score / 10,
                    "bonus": bonus / 10,
                    "penalty": penalty / 10,
                    "total": total / 10,
                    "rank": rank,
                }
            )
        )
    return pl.concat(parts)
