"""Two dashboard servers on one lake (issue 22), as two replicas behind a proxy would be: an
import through the command line shows on both at their next load, with no copy published;
a session signed in on one is known to the other, and signing out on one ends it on both."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from deploy import postgres_local
from etl.cli import main as etl
from tests.browser import (
    SIGN_IN_SHOWN,
    browser_page,
    ensure_accounts,
    goto,
    serve_process,
    settle,
    skip_without_chromium,
)
from tests.conftest import SAMPLES, TRUTH
from thidua import lake, warehouse

pytestmark = pytest.mark.browser

skip_without_chromium()

TOTAL = "[data-kpi='Tổng số lượt khen thưởng']"


@pytest.mark.parametrize("catalog", ["sqlite", "postgres"])
def test_two_servers_on_one_lake_share_its_data_and_its_sessions(
    catalog: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a SQLite catalog the servers share the accounts file beside it; on PostgreSQL the
    accounts, sessions and audit trail in that PostgreSQL (a national deployment's replicas)."""
    extra: dict[str, str] = {}
    if catalog == "sqlite":
        setting = f"ducklake:sqlite:{tmp_path / 'kho.sqlite'}"
    else:
        cluster: postgres_local.Cluster = request.getfixturevalue("postgres")
        database = cluster.new_database("servers_" + uuid.uuid4().hex[:8])
        setting = f"ducklake:postgres:{database}"
        extra["THIDUA_LAKE_DATA"] = str(tmp_path / "data") + "/"
        monkeypatch.setenv("THIDUA_LAKE_DATA", extra["THIDUA_LAKE_DATA"])
    first_file, second_file = "qd_bang_khen_2020.xlsx", "so_khen_thuong_2021.csv"
    assert etl(["--db", setting, "import", str(SAMPLES / first_file)]) == 0
    where = warehouse.chosen(setting)
    assert isinstance(where, lake.Lake)
    ensure_accounts(where)  # where both servers find them
    with (
        serve_process(setting, extra) as (one, _),  # type: ignore[arg-type]  # a lake: not a Path
        serve_process(setting, extra) as (two, _),  # type: ignore[arg-type]
        browser_page(1600, 1000) as page,
    ):
        goto(page, one)
        assert page.locator(TOTAL).get_attribute("data-value") == str(TRUTH[first_file]["awards"])
        # The other server: the same browser's session (cookies are the host's, not the
        # port's), known there without signing in again.
        other = page.context.new_page()
        other.goto(two)
        settle(other)
        assert not other.evaluate(SIGN_IN_SHOWN)
        assert other.locator(TOTAL).get_attribute("data-value") == str(TRUTH[first_file]["awards"])
        # An import while both run (the register of 2021, a newer year than the decision of
        # 2020): each opens on its year at the next load.
        assert etl(["--db", setting, "import", str(SAMPLES / second_file)]) == 0
        for shown in (page, other):
            shown.reload()
            settle(shown)
            total = shown.locator(TOTAL).get_attribute("data-value")
            assert total == str(TRUTH[second_file]["awards"])
        # Signing out on the first ends the session on the second too.
        page.get_by_role("link", name="Tài khoản").click()
        page.get_by_role("button", name="Đăng xuất").click()
        page.wait_for_function(SIGN_IN_SHOWN, timeout=60_000)
        other.reload()
        settle(other)
        assert other.evaluate(SIGN_IN_SHOWN)
    # Nothing of the accounts on this machine's disk when they live in PostgreSQL.
    assert catalog == "sqlite" or not list(tmp_path.rglob("*.sqlite"))
