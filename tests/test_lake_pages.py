"""The pages on a lake (issue 22): the small demo province imported into a DuckLake through
the same code shows, page by page, what it shows from a DuckDB file — and what the
generator's own truth says where a page's figures are checked against it."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from demo_province import DemoProvince
from deploy import postgres_local
from tests.accounts import ADMIN
from tests.apptest import app_as, headline, open_tab
from tests.conftest import DEMO_AWARDS_PER_YEAR
from thidua import access, accounts, audit, warehouse
from thidua.access_file import AccessDatabase

PAGES = ["pages/overview.py", "pages/bloc_ranking.py", "pages/distribution.py",
         "pages/leaders.py", "pages/campaigns.py"]  # fmt: skip


@pytest.fixture(scope="module")
def lake_demo(tmp_path_factory: pytest.TempPathFactory) -> str:
    from etl.demo_import import import_demo
    from thidua import warehouse

    root = tmp_path_factory.mktemp("lake")
    setting = f"ducklake:sqlite:{root / 'kho.sqlite'}"
    reports = import_demo(warehouse.chosen(setting), awards_per_year=DEMO_AWARDS_PER_YEAR,
                          out_dir=root / "files")  # fmt: skip
    assert reports and all(r.status == "imported" for r in reports)
    return setting


def _shown(master: Path | str, page: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    at = app_as(master, monkeypatch)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    charts = [json.loads(c.proto.spec)["data"] for c in at.get("plotly_chart")]
    return {
        "headline": [(m.label, m.value) for m in headline(at)],
        "charts": [
            [(t.get("x"), t.get("y"), t.get("labels"), t.get("values")) for t in c] for c in charts
        ],
        "markdown": [m.value for m in at.markdown if "bản chụp" not in m.value],
    }


@pytest.mark.parametrize("page", PAGES)
def test_a_page_on_a_lake_shows_what_it_shows_from_a_file(
    page: str, lake_demo: str, demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    on_file = _shown(demo[0], page, monkeypatch)
    on_lake = _shown(lake_demo, page, monkeypatch)
    assert on_file["charts"] or on_file["headline"], "the page drew nothing to compare"
    assert on_lake == on_file


def test_the_bloc_ranking_on_a_lake_is_the_generators_truth(
    lake_demo: str, demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    truth = (
        demo[1]
        .bloc_scores.filter((pl.col("year") == 2025) & (pl.col("bloc_name") == "Khối thi đua số 1"))
        .sort("rank")
    )
    bars = _shown(lake_demo, "pages/bloc_ranking.py", monkeypatch)["charts"][0][0]
    assert list(reversed(bars[1])) == truth["unit_name"].to_list()
    assert list(reversed(bars[0])) == pytest.approx(truth["total"].to_list())


def test_the_admin_page_on_a_postgres_lake_manages_the_accounts_every_replica_shares(
    postgres: postgres_local.Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Accounts, settings and the audit trail are in the lake's PostgreSQL: the page lists and
    makes accounts there; its other tabs open on a lake too."""
    setting = f"ducklake:postgres:{postgres.new_database('admin_' + uuid.uuid4().hex[:8])}"
    monkeypatch.setenv("THIDUA_LAKE_DATA", str(tmp_path / "data") + "/")
    store = warehouse.access_store(warehouse.chosen(setting))
    assert isinstance(store, AccessDatabase)
    accounts.add_user(store, None, "quantri", "mat-khau-quan-tri", "admin")
    at = app_as(setting, monkeypatch, ADMIN)
    at.run()
    at.switch_page("pages/admin.py").run()
    assert not at.exception, at.exception
    assert at.dataframe[0].value["Tên đăng nhập"].to_list() == ["quantri"]
    at.text_input(key="new_username").input("SoYTe")
    at.selectbox(key="new_scope").select(access.PROVINCE)
    at.text_input(key="new_password").input("mat-khau-so-y-te")
    next(b for b in at.button if b.label == "Tạo tài khoản").click().run()
    assert not at.exception, at.exception
    made = accounts.get_user(store, "soyte")
    assert made is not None and made.role == "viewer" and made.unit == access.PROVINCE
    assert [(e.who, e.action, e.target) for e in audit.audit_log(store)][0] == (
        ADMIN.signature,
        "user_add",
        "soyte",
    )
    open_tab(at, "admin_tab", "Tên gọi đơn vị")  # works on a lake (tests/test_upload_page.py)
    assert not at.exception, at.exception
    # No «filter off» sign: no filter is involved (the third walk).
    assert [(i.value, i.icon) for i in at.info] == [("Chưa có tên gọi nào.", ":material/info:")]
    open_tab(at, "admin_tab", "Quy tắc phân loại chức vụ")  # tests/test_access.py saves them
    assert not at.exception and not at.info, at.exception
    assert at.button(key="rules_save").label == "Lưu quy tắc và phân loại lại"
    assert not list(tmp_path.rglob("*.sqlite"))


def test_a_new_lake_on_postgres_says_it_has_no_data_yet(
    postgres: postgres_local.Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A national deployment's first start, before any province imported: the catalog database
    exists but holds no lake yet. The page says so in Vietnamese, as for an empty file."""
    database = postgres.new_database("empty_" + uuid.uuid4().hex[:8])
    monkeypatch.setenv("THIDUA_LAKE_DATA", str(tmp_path / "data") + "/")
    at = app_as(f"ducklake:postgres:{database}", monkeypatch)
    at.run()
    assert not at.exception, at.exception
    assert any("chưa có dữ liệu" in w.value for w in at.warning)


def test_a_lake_shows_its_figures_as_they_were_at_the_end_of_a_chosen_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«Số liệu tại ngày» (issue 22: what did the warehouse say on 15 December): a list
    imported on 20 November, another today; the overview on 20-11 shows the first alone, the
    link keeps the day, a day before any import says so, and no day is today's figures."""
    import sqlite3

    from etl.importer import import_files
    from tests.accounts import OPERATOR
    from tests.conftest import SAMPLES, TRUTH

    catalog = tmp_path / "kho.sqlite"
    setting = f"ducklake:sqlite:{catalog}"
    where = warehouse.chosen(setting)
    import_files([SAMPLES / "qd_bang_khen_2020.xlsx"], where, OPERATOR)
    first = warehouse.version(where)
    assert first is not None
    with sqlite3.connect(catalog) as con:  # as if that import had been on 20 November
        con.execute(
            "UPDATE ducklake_snapshot SET snapshot_time = '2026-11-20 03:00:00+00' "
            "WHERE snapshot_id <= ?",
            [first[1]],
        )
    import_files([SAMPLES / "so_khen_thuong_2021.csv"], where, OPERATOR)
    early, later = TRUTH["qd_bang_khen_2020.xlsx"], TRUTH["so_khen_thuong_2021.csv"]

    def shown(at: AppTest) -> tuple[str, str]:
        """The overview's total and the year it is of (the newest year it knows)."""
        total = next(m.value for m in headline(at) if m.label == "Tổng số lượt khen thưởng")
        return total, at.caption[0].value.split(" (")[0]

    at = app_as(setting, monkeypatch, ngay="20-11-2026")
    at.run()
    assert not at.exception, at.exception
    assert shown(at) == (str(early["awards"]), "Năm 2020")  # 2021 was not imported yet
    assert [i.value for i in at.info][0] == (
        "Đang xem số liệu như kho ghi đến hết ngày 20/11/2026, không phải số liệu mới nhất. "
        "Xóa ngày ở ô «Số liệu tại ngày» (thanh bên) để xem số liệu mới nhất."
    )
    assert at.query_params["ngay"] == "20-11-2026"
    # The day cleared in the sidebar: the newest figures, both lists.
    assert at.selectbox(key="f_year_to").options == ["2020"]
    at.date_input(key="as_of_day").set_value(None).run()
    assert not at.info and "ngay" not in at.query_params
    assert at.selectbox(key="f_year_to").options == ["2020", "2021"]
    newest = app_as(setting, monkeypatch)
    newest.run()
    assert shown(newest) == (str(later["awards"]), "Năm 2021")
    before = app_as(setting, monkeypatch, ngay="19-11-2026")
    before.run()
    assert not before.exception, before.exception
    assert [w.value for w in before.warning] == [
        "Kho dữ liệu không có số liệu nào đến hết ngày 19/11/2026 (khi đó chưa nhập gì, hoặc "
        "bản chụp của ngày đó đã được dọn). Xóa ngày ở ô «Số liệu tại ngày» để xem số liệu "
        "mới nhất."
    ]
