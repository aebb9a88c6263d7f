"""Start the dashboard in AppTest as a given signed-in account (injected into the session)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from tests.accounts import VIEWER
from thidua.access import Account

APP = str(Path(__file__).parent.parent / "app.py")


def app_as(
    master: Path, monkeypatch: pytest.MonkeyPatch, account: Account | None = VIEWER, **query: str
) -> AppTest:
    monkeypatch.setenv("THIDUA_DB", str(master))
    at = AppTest.from_file(APP, default_timeout=60)
    if account is not None:
        at.session_state["account"] = account
    at.query_params.update(query)
    return at


def visit(at: AppTest, url_path: str) -> AppTest:
    """Open a page by its address, as typing or following a link would (the page need not
    be in the account's menu)."""
    at._page_hash = calc_hash(url_path)
    return at.run()


def open_tab(at: AppTest, key: str, label: str) -> AppTest:
    """Click a tab of a page's lazy tabs (only the open tab's panel is drawn)."""
    at.session_state[key] = label
    return at.run()
