"""Random spreadsheet cells and random filter values never end in an unhandled exception:
a file is imported or refused with messages; a filter shows figures or nothing."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.importer import import_files
from tests.accounts import OPERATOR
from tests.builders import REGISTER_HEADER, write_rows
from tests.conftest import SAMPLES
from thidua import db, metrics, reports, scope
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
        reports.shares_by_bloc(con, filters, 0.6)
        reports.position_classes(con, filters)
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


UNITS = ["Sở Y tế", "Thanh tra tỉnh", "Sở Giáo dục và Đào tạo"]


@settings(max_examples=40, deadline=None)
@given(
    unit=st.one_of(st.none(), st.sampled_from(UNITS), st.text(max_size=20)),
    text=st.one_of(st.none(), st.text(max_size=30)),
    year=st.one_of(st.none(), st.integers(1990, 2030)),
)
def test_random_scopes_and_filters_stay_inside_the_scope(
    sample_warehouse: Path, unit: str | None, text: str | None, year: int | None
) -> None:
    """A unit account's connection never shows another unit's award, whatever the filters."""
    con = scope.open_scoped(str(db.snapshot_path(sample_warehouse)), unit)
    try:
        filters = Filters(year_from=year, year_to=year, unit=text, bloc=text).clean()
        listed = reports.award_list(con, filters)
        assert set(listed["unit_name"].drop_nulls().to_list()) <= ({unit} if unit else set())
        found = reports.search_recipients(con, text or "")
        if found.height:
            assert set(found["unit_name"].drop_nulls().to_list()) <= ({unit} if unit else set())
        reports.distribution(con, filters)
        reports.leader_shares(con, filters, 0.6)
        reports.shares_by_bloc(con, filters, 0.6)
        reports.position_classes(con, filters)
    finally:
        con.close()


@pytest.fixture(scope="module")
def page_env(sample_warehouse: Path) -> Iterator[Path]:
    previous = os.environ.get("THIDUA_DB")
    os.environ["THIDUA_DB"] = str(sample_warehouse)
    yield sample_warehouse
    if previous is None:
        del os.environ["THIDUA_DB"]
    else:
        os.environ["THIDUA_DB"] = previous


QUERY_KEYS = [
    "nam_tu",
    "nam_den",
    "khoi",
    "don_vi",
    "hinh_thuc",
    "loai_hinh",
    "doi_tuong",
    "nam",
    "bo",
    "giay",
]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.dictionaries(st.sampled_from(QUERY_KEYS), st.text(max_size=25), max_size=5),
    address=st.sampled_from(["tong-quan", "co-cau", "lanh-dao-nld", "xep-hang-khoi", "phong-trao"]),
)
def test_random_links_never_break_a_page(
    page_env: Path, query: dict[str, str], address: str
) -> None:
    """Whatever a hand-edited link says, the page answers without an exception or error box."""
    from streamlit.testing.v1 import AppTest

    from tests.accounts import VIEWER
    from tests.apptest import APP, visit

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["account"] = VIEWER
    at.query_params.update(query)
    at = visit(at, address)
    assert not at.exception, (query, at.exception)
    assert not at.error, (query, [e.value for e in at.error])
