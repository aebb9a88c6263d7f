"""What a change says after the page reruns (a confirmed import, an undo, a saved alias, a
new account): kept for one run, said once, quoted as typed. Owns the session key notices."""

from __future__ import annotations

import streamlit as st

from thidua.literal import markdown as md

NOTICES_KEY = "notices"


def say_next_run(*messages: str) -> None:
    st.session_state.setdefault(NOTICES_KEY, []).extend(messages)


def say_last_run() -> None:
    """Each notice kept by the run before, as a success line (names and units as typed)."""
    for message in st.session_state.pop(NOTICES_KEY, []):
        st.success(md(message))


def done(message: str) -> None:
    """A change is made: say so on the page as it reruns to show it."""
    say_next_run(message)
    st.rerun()
