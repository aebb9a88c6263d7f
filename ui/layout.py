"""What a page lays out around its figures: its own sidebar slot, a sentence for no data,
the guard around writing, and a page's choices kept in the link (keys _<widget>_from_url)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, cast

import streamlit as st

from thidua import db
from thidua.literal import markdown as md

PAGE_SIDEBAR = "_page_sidebar"


def open_page_sidebar() -> None:
    """app.py, on each run, after the shared filters: the slot page_sidebar() returns."""
    st.session_state[PAGE_SIDEBAR] = st.sidebar.container()


def page_sidebar() -> Any:
    """Where a page puts its own sidebar controls: under the shared filters, above the
    account box (app.py makes the slot on each run)."""
    return st.session_state.get(PAGE_SIDEBAR) or st.sidebar


@contextlib.contextmanager
def writing_from_page() -> Iterator[None]:
    """Around a page's change to the warehouse: when another import holds it (the command
    line, or another reader's upload on this server at the same moment), the reader is told
    so in a sentence and nothing is written; the page stops there."""
    try:
        yield
    except db.WarehouseBusy as busy:
        st.error(md(busy), icon=":material/hourglass_top:")
        st.stop()


def no_data(sentence: str, filtered: bool = True) -> None:
    """A filter that matches nothing is said in a sentence, never an error box; so is a list
    that is empty whatever the filters (`filtered=False`: no «filter off» sign beside it —
    the third walk found it beside «Chưa có tên gọi nào.», where no filter is involved)."""
    st.info(sentence, icon=":material/filter_alt_off:" if filtered else ":material/info:")


def from_url(name: str, options: list[Any], key: str) -> int | None:
    """The position among `options` of the value the link gives for `name` (None: the link
    names none, or one that is not an option), for the widget `key`. Read once, when that
    widget is first made: after that the reader's own choice rules, and the widget's
    default stays what it was (a changed default would make it a new widget)."""
    seen = f"_{key}_from_url"
    if seen not in st.session_state:
        typed = st.query_params.get(name)
        shown = [str(o) for o in options]
        st.session_state[seen] = shown.index(typed) if typed in shown else None
    return cast("int | None", st.session_state[seen])


def to_url(name: str, value: object) -> None:
    """Keep a page's own choice in the link, so a link shared opens what the reader saw."""
    if st.query_params.get(name) != str(value):
        st.query_params[name] = str(value)


def open_tab(labels: list[str], key: str, url: str) -> tuple[str, Any]:
    """Tabs whose hidden panels are not run: the page draws only the open panel, so a first
    view sends one chart, not five (each costs the reader's browser 0,2-0,5 s to draw).

    Drawn as a row of links to this page with the tab named in the link (`url`), styled as
    tabs (TAB_STYLE): Streamlit's own st.tabs cost each page load 4-12 % of the reader's
    browser time (measured side by side in Chromium, 25 pairs). A link opens the tab in
    place, keeps the other parameters of the address (the filters), and can be opened in a
    new browser tab. The open tab is kept in the session (`key`) and in the address (the
    first tab only once the address has named another of these: a first view's link stays
    as it was typed, and another page's tab named there is left alone). Returns the open
    tab's label and the container for its panel."""
    named = st.query_params.get(url)
    seen = f"_{key}_url_seen"
    if named in labels and named != st.session_state.get(seen):
        st.session_state[key] = named  # a tab's link was followed, or the page opened on one
    st.session_state[seen] = named
    label = st.session_state.get(key)
    if label not in labels:
        label = labels[0]
        st.session_state[key] = label
    others = [(k, v) for k in st.query_params if k != url for v in st.query_params.get_all(k)]
    row = st.container(horizontal=True, gap="small", key=f"tabs_{key}")
    for each in labels:
        row.page_link(
            this_page(), label=each, disabled=each == label, query_params=[*others, (url, each)]
        )
    if label != labels[0] or named in labels:
        # Said even when the run already has it: a link's parameters reach the run, not the
        # address bar, until the page writes them.
        st.query_params[url] = label
        st.session_state[seen] = label
    return label, st.container()


THIS_PAGE = "_this_page"


def set_this_page(page: Any) -> None:
    """app.py, on each run: the page being drawn (st.navigation's choice), for links to it."""
    st.session_state[THIS_PAGE] = page


def this_page() -> Any:
    return st.session_state[THIS_PAGE]


# In the page's head (ui.page_shell), not sent with each run: a row of tab links looks and
# reads as tabs — a line under the row, the open tab in the primary colour and underlined.
TAB_STYLE = """<style>
[class*="st-key-tabs_"] {
  --primary: #1f5fa8;  /* .streamlit/config.toml primaryColor */
  border-bottom: 1px solid rgba(49, 51, 63, 0.2); gap: 0.25rem;
}
[class*="st-key-tabs_"] [data-testid="stPageLink-NavLink"] {
  border-radius: 0; padding: 0.25rem 0.75rem 0.5rem; margin-bottom: -1px;
  border-bottom: 2px solid transparent; background: transparent;
}
[class*="st-key-tabs_"] [data-testid="stPageLink-NavLink"] > span:has([data-testid="stIconMaterial"]) {
  display: none;  /* the page's own icon, which a page link shows by default */
}
[class*="st-key-tabs_"] [data-testid="stPageLink-NavLink"] p { font-weight: 400; }
[class*="st-key-tabs_"] [data-testid="stPageLink-NavLink"]:hover { background: transparent; }
[class*="st-key-tabs_"] [data-testid="stPageLink-NavLink"]:hover span { color: var(--primary); }
[class*="st-key-tabs_"] [data-testid="stPageLink-NavLink"][disabled] {
  border-bottom-color: var(--primary); cursor: default;
}
[class*="st-key-tabs_"] [data-testid="stPageLink-NavLink"][disabled] span,
[class*="st-key-tabs_"] [data-testid="stPageLink-NavLink"][disabled] p {
  color: var(--primary); opacity: 1; font-weight: 600;
}
</style>"""
