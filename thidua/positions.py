"""Leader / direct-worker classification of free-text positions (DOMAIN.md).

The rules live in data/reference/position_rules.csv so the board can edit them
without touching code; each classified position keeps the id of the rule that
decided it, and positions no rule recognises stay unclassified (NULL) instead
of being guessed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from thidua.settings import REFERENCE_DIR
from thidua.text import fold

RULES_CSV = REFERENCE_DIR / "position_rules.csv"
# Words in front of a title that do not change the post it names.
_PREFIXES = re.compile(r"^(quyen|nguyen|kiem nhiem|dong chi|ong|ba)\s+")
# A position often arrives joined to more posts or to the unit: "Giáo viên, Tổ trưởng chuyên môn".
_PHRASE_SPLIT = re.compile(r"[,;/+]|\s-\s")


@dataclass(frozen=True)
class PositionRule:
    rule_id: str
    is_leader: bool
    pattern: re.Pattern[str]
    label: str


def load_rules(path: Path = RULES_CSV) -> list[PositionRule]:
    with path.open(encoding="utf-8") as handle:
        return [
            PositionRule(
                rule_id=row["rule_id"],
                is_leader=row["is_leader"].strip().lower() == "true",
                pattern=re.compile(row["pattern"]),
                label=row["label"],
            )
            for row in csv.DictReader(handle)
        ]


def rules_from_db(con: duckdb.DuckDBPyConnection) -> list[PositionRule]:
    """The warehouse's rules (seeded from the CSV, then kept by the admins), in their order."""
    rows = con.execute(
        "SELECT rule_id, is_leader, pattern, label FROM position_rules ORDER BY sort_order"
    ).fetchall()
    if not rows:
        return load_rules()
    return [PositionRule(r[0], bool(r[1]), re.compile(r[2]), r[3]) for r in rows]


def _phrases(position: str) -> list[str]:
    phrases = []
    for part in _PHRASE_SPLIT.split(fold(position)):
        phrase = part.strip(" .")
        while (stripped := _PREFIXES.sub("", phrase)) != phrase:
            phrase = stripped
        if phrase:
            phrases.append(phrase)
    return phrases


def classify(position: str | None, rules: list[PositionRule]) -> tuple[bool | None, str | None]:
    """(is_leader, rule_id). Any leader post makes the holder a leader."""
    if not position:
        return None, None
    worker_rule: str | None = None
    for phrase in _phrases(position):
        rule = next((r for r in rules if r.pattern.search(phrase)), None)
        if rule is None:
            continue
        if rule.is_leader:
            return True, rule.rule_id
        worker_rule = worker_rule or rule.rule_id
    return (False, worker_rule) if worker_rule else (None, None)


def classify_column(positions: pl.Series, rules: list[PositionRule] | None = None) -> pl.DataFrame:
    """Classify each distinct position once; returns position, is_leader, leader_rule."""
    rules = rules if rules is not None else load_rules()
    distinct = positions.drop_nulls().unique().to_list()
    decided = [classify(value, rules) for value in distinct]
    return pl.DataFrame(
        {
            "position": distinct,
            "is_leader": [leader for leader, _ in decided],
            "leader_rule": [rule for _, rule in decided],
        },
        schema={"position": pl.String, "is_leader": pl.Boolean, "leader_rule": pl.String},
    )
