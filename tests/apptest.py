"""Start the dashboard in AppTest as a given signed-in account (injected into the session)."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from tests.accounts import VIEWER
from thidua.access import Account

APP = str(Path(__file__).parent.parent / "app.py")


def app_as(
    master: Path | str,
    monkeypatch: pytest.MonkeyPatch,
    account: Account | None = VIEWER,
    **query: str,
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


@dataclass(frozen=True)
class Shown:
    """A headline figure as the page drew it (ui.kpis: one st.html block per row)."""

    label: str
    value: str
    delta: str | None


class _Figures(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[Shown] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        said = dict(attrs)
        if "data-kpi" in said:
            self.found.append(
                Shown(said["data-kpi"] or "", said.get("data-value") or "", said.get("data-delta"))
            )


def headline(at: AppTest) -> list[Shown]:
    """Every headline figure on the page, in order."""
    parser = _Figures()
    for element in at.get("html"):
        parser.feed(element.proto.body)
    return parser.found
