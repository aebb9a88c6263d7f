"""The row of headline figures at the top of a page, as one HTML block.

st.metric draws its label, value and delta each through Streamlit's Markdown renderer: a
row of four cost every page load 0,1-0,2 s of the reader's browser (measured side by side
in Chromium, `make bench`), a fifth of the time a leader waits for the overview. The row
is drawn here as one st.html element that looks like st.metric in the light theme.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

import streamlit as st

Tone = Literal["normal", "off"]

_TEXT = "rgb(49, 51, 63)"
_MUTED = "rgba(49, 51, 63, 0.6)"
# (text, background) of the delta: up is good, down is bad, "off" says neither.
_UP = ("rgb(23, 114, 51)", "rgba(33, 195, 84, 0.1)")
_DOWN = ("rgb(189, 64, 67)", "rgba(255, 43, 43, 0.09)")
_OFF = (_MUTED, "rgba(49, 51, 63, 0.08)")


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    delta: str | None = None
    tone: Tone = "normal"  # "normal": an arrow, green up and red down; "off": grey, no arrow
    help: str | None = None


def kpi_row(kpis: Sequence[Kpi], about: str | None = None) -> None:
    """The figures side by side; `about`, what they count («Năm 2018–2025 · mọi đơn vị»),
    said above them in the same block: a page counting a range of years beside the
    overview's one year must say so where its figures are, not only in the sidebar."""
    cells = "".join(_cell(kpi) for kpi in kpis)
    said = (
        f'<div data-kpi-about style="grid-column:1/-1;font-size:0.875rem;color:{_MUTED}">'
        f"{escape(about)}</div>"
        if about
        else ""
    )
    # A grid whose cells share its rows (subgrid): a label that wraps onto two lines makes
    # its whole row of labels taller, so every figure of a row stands on one line (the walk
    # read «Tỷ lệ người lao động trực tiếp» on two lines pushing its figure below the others).
    st.html(
        '<div role="list" style="display:grid;grid-template-columns:repeat(auto-fit,'
        f'minmax(10rem,1fr));column-gap:1rem;margin-bottom:0.5rem">{said}{cells}</div>'
    )


def _cell(kpi: Kpi) -> str:
    label = escape(kpi.label)
    help_mark = (
        f'<span title="{escape(kpi.help)}" aria-label="{escape(kpi.help)}" role="img" '
        f'style="display:inline-block;margin-left:0.35rem;width:1rem;height:1rem;'
        f"border:1px solid {_MUTED};border-radius:50%;font-size:0.7rem;line-height:0.95rem;"
        f'text-align:center;color:{_MUTED};cursor:help">?</span>'
        if kpi.help
        else ""
    )
    # The figures are also in data- attributes: what the tests read.
    said = f'data-kpi="{label}" data-value="{escape(kpi.value)}"' + (
        f' data-delta="{escape(kpi.delta)}"' if kpi.delta else ""
    )
    return (
        f'<div role="listitem" {said} style="display:grid;grid-row:span 3;'
        'grid-template-rows:subgrid;row-gap:0;padding-bottom:0.25rem">'
        f'<div style="font-size:0.875rem;color:{_TEXT};min-height:1.5rem;align-self:end">'
        f"{label}{help_mark}</div>"
        f'<div style="font-size:2.25rem;line-height:1.35;color:{_TEXT}">{escape(kpi.value)}</div>'
        f"{_delta(kpi.delta, kpi.tone)}</div>"
    )


def _delta(delta: str | None, tone: Tone) -> str:
    if not delta:
        return ""
    down = delta.lstrip().startswith(("-", "−"))
    up = delta.lstrip().startswith("+")
    if not (up or down):  # no change: neither good nor bad
        tone = "off"
    color, background = _OFF if tone == "off" else _DOWN if down else _UP
    arrow = "" if tone == "off" else ("↓ " if down else "↑ ")
    return (
        f'<div style="justify-self:start;align-self:start;font-size:0.875rem;color:{color};'
        f'background:{background};border-radius:0.5rem;padding:0 0.4rem">'
        f'<span aria-hidden="true">{arrow}</span>{escape(delta)}</div>'
    )
