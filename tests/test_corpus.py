"""Every file of tests/corpus.py imported into a new warehouse, its figures against the
truth counted by hand (issue 19: at least 25 files covering every family)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.conftest import Importer
from tests.corpus import CASES, Case, Truth


def test_the_corpus_covers_every_family() -> None:
    families = {case.family.split()[0] for case in CASES}
    assert {str(n) for n in range(1, 13)} <= families
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.family} — {c.name}" for c in CASES])
def test_a_corpus_file_gives_its_hand_counted_figures(
    case: Case,
    tmp_path: Path,
    import_into: Importer,
    snapshot: Callable[[], duckdb.DuckDBPyConnection],
) -> None:
    path = case.make(tmp_path / case.name)
    assert path.name == case.name
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    con = snapshot()
    assert _figures(con, bool(case.truth.blocs)) == case.truth


def _figures(con: duckdb.DuckDBPyConnection, bloc_sheet: bool) -> Truth:
    if bloc_sheet:
        rows = con.execute("SELECT unit_name, total_score, rank FROM bloc_results").fetchall()
        return Truth(blocs={unit: (total, rank) for unit, total, rank in rows})
    row = con.execute(
        """SELECT count(*),
                  count(*) FILTER (recipient_kind = 'individual'),
                  count(*) FILTER (recipient_kind = 'collective'),
                  count(*) FILTER (is_leader),
                  count(*) FILTER (NOT is_leader)
           FROM awards"""
    ).fetchone()
    assert row is not None
    awards, individuals, collectives, leaders, direct_workers = row
    by_form = dict(con.execute("SELECT form_code, count(*) FROM awards GROUP BY 1").fetchall())
    by_year = dict(con.execute("SELECT year, count(*) FROM awards GROUP BY 1").fetchall())
    return Truth(awards, individuals, collectives, leaders, direct_workers, by_form, by_year)
