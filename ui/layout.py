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


def open_tab(labels: list[str], key: str, url: str | None = None) -> tuple[str, Any]:
    """Tabs whose hidden panels are not run: the page draws only the open panel, so a first
    view sends one chart, not five (each costs the reader's browser 0,2-0,5 s to draw).
    With `url`, the open tab is kept in the link under that name (the first tab only once
    the link has named another of these: a first view's link stays as it was typed, and
    another page's tab named there is left alone). Returns the open tab's label and its
    container."""
    linked = from_url(url, labels, key) if url else None
    default = labels[linked] if linked is not None else None
    tabs = st.tabs(labels, key=key, on_change="rerun", default=default)
    label, tab = next(
        ((label, tab) for label, tab in zip(labels, tabs, strict=True) if tab.open),
        (labels[0], tabs[0]),
    )
    if url and (label != labels[0] or st.query_params.get(url) in labels):
        to_url(url, label)
    return label, tab
