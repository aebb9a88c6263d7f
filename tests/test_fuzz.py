"""Random spreadsheet cells and random filter values never end in an unhandled exception:
a file is imported or refused with messages; a filter shows figures or nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.importer import import_files
from tests.accounts import OPERATOR
from tests.builders import REGISTER_HEADER, write_rows
from tests.conftest import SAMPLES
from thidua import db, metrics, reports
from thidua.filters import Filters

# Text that offices and attackers type: Vietnamese, formulas, markup, control characters.
cell = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "=1+1",
            "<script>alert(1)</script>",
            "'; DROP TABLE award; --",
            "Nữ",
            "Bằng khen",
            "31/02/2020",
            "2020",
            "1e309",
        ]
    ),
    st.integers(min_value=-(10**12), max_value=10**12),
)
row = st.lists(cell, min_size=len(REGISTER_HEADER), max_size=len(REGISTER_HEADER))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=6))
def test_random_register_cells_are_imported_or_refused(rows: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_rows(folder / "ngau_nhien.xlsx", [REGISTER_HEADER, *rows])
        [report] = import_files([path], folder / "w.duckdb", OPERATOR)
        assert report.status in {"imported", "refused"}
        if report.status == "refused":
            assert report.problems and all(p.file == "ngau_nhien.xlsx" for p in report.problems)
            assert "Traceback" not in report.message()


@settings(max_examples=60, deadline=None)
@given(
    years=st.tuples(
        st.one_of(st.none(), st.integers(-5, 3000)), st.one_of(st.none(), st.integers(-5, 3000))
    ),
    text=st.one_of(st.none(), st.text(max_size=30)),
    codes=st.lists(st.text(max_size=12), max_size=3),
)
def test_random_filters_never_break_a_query(
    sample_warehouse: Path, years: tuple[int | None, int | None], text: str | None, codes: list[str]
) -> None:
    filters = Filters(
        year_from=years[0], year_to=years[1], bloc=text, unit=text,
        forms=tuple(codes), award_types=tuple(codes), kinds=tuple(codes),
    ).clean()  # fmt: skip
    con = db.open_snapshot(sample_warehouse)
    try:
        view = metrics.overview(con, years[1] or 2021, filters)
        assert view.current.awards >= 0
        reports.distribution(con, filters)
        reports.leader_shares(con, filters, 0.6)
        reports.award_list(con, filters)
        reports.search_recipients(con, text or "")
    finally:
        con.close()
    assert isinstance(con, duckdb.DuckDBPyConnection)


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    master = tmp_path_factory.mktemp("fuzz") / "w.duckdb"
    import_files(
        [SAMPLES / "so_khen_thuong_2021.csv", SAMPLES / "qd_bang_khen_2020.xlsx"], master, OPERATOR
    )
    return master
