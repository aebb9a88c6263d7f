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
from thidua.sql_files import named_statements
from thidua.text import fold

SQL = named_statements("core/positions.sql")

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
    rows = con.execute(SQL["rules_in_order"]).fetchall()
    if not rows:
        return load_rules()
    return [PositionRule(r[0], bool(r[1]), re.compile(r[2]), r[3]) for r in rows]


# Abbreviations typed for a post at the start of a position ("GĐ Sở Y tế", "P.GĐ", "TP. Tổ
# chức", "CV", "GV"), spelled out before the rules see the phrase. Only the first phrase of a
# position is the post itself: "Giáo viên, TP Rạch Giá" ends with a city, not a head of division.
_POST_ABBREVIATIONS = {
    "gd": "giam doc", "pgd": "pho giam doc", "tgd": "tong giam doc", "ptgd": "pho tong giam doc",
    "tp": "truong phong", "ptp": "pho truong phong", "pp": "pho phong",
    "ct": "chu tich", "pct": "pho chu tich", "bt": "bi thu", "pbt": "pho bi thu",
    "cvp": "chanh van phong", "pcvp": "pho chanh van phong",
    "ht": "hieu truong", "pht": "pho hieu truong",
    "cv": "chuyen vien", "cvc": "chuyen vien chinh", "cvcc": "chuyen vien cao cap",
    "cb": "can bo", "nv": "nhan vien", "gv": "giao vien", "bs": "bac si", "dd": "dieu duong",
    "ktv": "ky thuat vien", "ys": "y si", "ds": "duoc si", "ttv": "thanh tra vien",
}  # fmt: skip
_DOTTED_PHO = re.compile(r"^p\.\s*")  # "P.GĐ", "P. Trưởng phòng"
_FIRST_WORD = re.compile(r"^([a-z]+)\.?(?=\s|$)")


def _spelled_out(phrase: str) -> str:
    phrase = _DOTTED_PHO.sub("pho ", phrase)
    words = phrase.split(" ", 1)
    if words[0] == "pho" and len(words) == 2:
        return "pho " + _spelled_out(words[1])
    match = _FIRST_WORD.match(phrase)
    if match and match.group(1) in _POST_ABBREVIATIONS:
        return _POST_ABBREVIATIONS[match.group(1)] + phrase[match.end() :]
    return phrase


def _phrases(position: str) -> list[str]:
    phrases: list[str] = []
    for part in _PHRASE_SPLIT.split(fold(position)):
        phrase = part.strip(" .")
        while (stripped := _PREFIXES.sub("", phrase)) != phrase:
            phrase = stripped
        if phrase:
            phrases.append(_spelled_out(phrase) if not phrases else phrase)
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
