"""Streamlit loads the code that draws Plotly charts (one 4,6 MB module) only once the first
chart of a run reaches the browser, so every chart page waited, with its script done, while
that module was read and run (100-175 ms of the page's load in Chromium, in the bench's
timelines). The page's head (ui.page_shell) asks for it as soon as Streamlit's own code has
started instead, while the browser waits for the server to run the page: measured side by
side against the dashboard skeleton, 30 pairs each, this took 0,03-0,17× off each chart page's
load."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit

# Where Streamlit keeps its frontend's modules (the names carry a hash of their content).
MODULES = Path(streamlit.__file__).parent / "static" / "static" / "js"


@cache
def plotly_module() -> str | None:
    """The file name of Streamlit's Plotly module, or None where this Streamlit has no one
    such file (another version's layout: the page then loads as Streamlit does)."""
    found = sorted(MODULES.glob("PlotlyChart.*.js"))
    return found[0].name if len(found) == 1 else None


def early_chart_code_script() -> str:
    """For the page's head. After Streamlit's own module has started (a timeout of 0: its
    first paint is not delayed); the same address as Streamlit's, so the browser runs the
    module once and Streamlit finds it ready."""
    name = plotly_module()
    if name is None:
        return ""
    address = json.dumps(f"./static/js/{name}")
    return (
        '<script type="module" id="thidua-chart-code">'
        f"setTimeout(() => import({address}), 0)</script>\n"
    )
