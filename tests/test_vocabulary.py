"""Each label a reader sees is written once, in thidua.reference: the pages, the components,
the charts, the slides and the exports take it from there instead of typing it again (a
retyped label drifts: issue 21 found bloc roles in two wordings, leader classes three
times)."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from thidua import charts, reference

ROOT = Path(__file__).resolve().parents[1]
# What a reader sees: pages, their components, the figures, the slides and the exports.
SHOWN = sorted(
    [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py")]
    + [ROOT / "thidua" / name for name in ("charts.py", "slides.py", "exports.py")]
)
FAMILIES = {
    "recipient kinds": set(reference.KIND_NAMES.values()),
    "campaign kinds": set(reference.CAMPAIGN_KIND_NAMES.values()),
    "bloc roles": set(reference.BLOC_ROLE_NAMES.values()),
    "leader classes": set(reference.LEADER_CLASS_NAMES.values()),
}


def _string_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


@pytest.mark.parametrize("family", FAMILIES)
def test_no_shown_module_retypes_a_label(family: str) -> None:
    labels = FAMILIES[family]
    retyped = {
        (path.relative_to(ROOT).as_posix(), label)
        for path in SHOWN
        for label in labels & _string_literals(path)
    }
    assert not retyped, f"{family} typed again instead of taken from thidua.reference"


def test_the_campaign_timeline_names_kinds_as_the_vocabulary_does() -> None:
    # Written out here, not read from the module under test.
    assert reference.CAMPAIGN_KIND_NAMES == {
        "regular": "Thường xuyên",
        "thematic": "Chuyên đề",
        "special": "Theo đợt",
    }
    campaigns = pl.DataFrame(
        {
            "campaign_code": ["1/KH", "2/KH"],
            "name": ["Thi đua yêu nước", "Chung sức xây dựng nông thôn mới"],
            "kind": ["regular", "special"],
            "start_date": [date(2024, 1, 1), date(2024, 3, 1)],
            "end_date": [date(2024, 12, 31), date(2024, 6, 30)],
            "registration_deadline": [date(2024, 2, 1), None],
            "awards": [3, 0],
        }
    )
    fig = charts.campaign_timeline(campaigns)
    names = {trace.name for trace in fig.data if trace.name}
    assert {"Thường xuyên", "Theo đợt"} <= names and "Chuyên đề" not in names


@pytest.mark.parametrize("family", FAMILIES)
def test_no_named_query_types_a_label(family: str) -> None:
    """The award list's SQL wrote the leader classes as its own text literals; a query now
    returns the code and thidua.reports words it from the vocabulary."""
    typed = {
        (path.relative_to(ROOT).as_posix(), label)
        for path in sorted((ROOT / "thidua" / "sql").rglob("*.sql"))
        for label in FAMILIES[family]
        if f"'{label}'" in path.read_text(encoding="utf-8")
    }
    assert not typed, f"{family} typed in SQL instead of taken from thidua.reference"
