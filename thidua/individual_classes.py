"""The five classes of individuals of forms 0602/0603 (Circular 02/2023/TT-BNV): leaders at
ministry/province level and above; leaders of a department (sở, ngành) or equivalent;
business people; other leaders from deputy head of division up; direct workers. Derived from
the leader / direct-worker rule that classed the position (award.leader_rule), the position
as typed and the unit's kind, by the rows of data/reference/individual_classes.csv — the
first that fits decides, and its id is shown beside the count like the leader ratio's rule.
A position no leader rule classed stays unclassified: a check column of its own, never a
guess."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from thidua.settings import REFERENCE_DIR
from thidua.text import fold

CLASSES_CSV = REFERENCE_DIR / "individual_classes.csv"
CLASS_NAMES = {
    "province": "Lãnh đạo cấp bộ, tỉnh trở lên",
    "department": "Lãnh đạo cấp vụ, sở, ngành và tương đương",
    "business": "Doanh nhân",
    "other_leader": "Lãnh đạo khác từ phó phòng trở lên",
    "direct": "Công nhân, nông dân, người lao động trực tiếp",
}
UNCLASSIFIED = "unclassified"


@dataclass(frozen=True)
class ClassRule:
    rule_id: str
    individual_class: str
    leader_rules: frozenset[str] | None  # None: any leader rule; empty: not a leader
    unit_kind: str | None
    pattern: re.Pattern[str] | None
    label: str

    def fits(
        self, leader_rule: str | None, is_leader: bool | None, where: str, unit_kind: str | None
    ) -> bool:
        if self.leader_rules is None:
            if not is_leader:
                return False
        elif not self.leader_rules:
            if is_leader is not False:
                return False
        elif leader_rule not in self.leader_rules:
            return False
        if self.unit_kind and unit_kind != self.unit_kind:
            return False
        return self.pattern is None or bool(self.pattern.search(where))


@cache
def class_rules() -> tuple[ClassRule, ...]:
    with CLASSES_CSV.open(encoding="utf-8") as handle:
        return tuple(
            ClassRule(
                r["rule_id"], r["class"],
                None if r["leader_rules"] == "*" else frozenset() if r["leader_rules"] == "-"
                else frozenset(r["leader_rules"].split("|")),
                r["unit_kind"] or None, re.compile(r["pattern"]) if r["pattern"] else None, r["label"],
            )
            for r in csv.DictReader(handle)
        )  # fmt: skip


def classify(
    position: str | None,
    leader_rule: str | None,
    is_leader: bool | None,
    unit_kind: str | None,
    unit_name: str | None = None,
) -> tuple[str, str | None]:
    """(class, the id of the rule that decided); (unclassified, None) when the position was not
    classed as leader or direct worker. The business rule reads the position and the unit."""
    if is_leader is None:
        return UNCLASSIFIED, None
    words = " ".join(fold(p) for p in (position, unit_name) if p)
    for rule in class_rules():
        where = words if rule.individual_class == "business" else fold(position or "").strip()
        if rule.fits(leader_rule, is_leader, where, unit_kind):
            return rule.individual_class, rule.rule_id
    return UNCLASSIFIED, None


def is_enterprise(name: str) -> bool:
    """A collective that is a business (form 0602/0603's «of which enterprises»): named as the
    business class's rule names a business — one list of words for both."""
    business = next(r for r in class_rules() if r.individual_class == "business")
    return business.pattern is not None and bool(business.pattern.search(fold(name)))
