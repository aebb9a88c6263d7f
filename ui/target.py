"""The non-leader target a reader judges units against: the province's (set on the Quản trị
page), or another the reader tries for this session without saving it. Owns the session
key target and the dialog's widget keys."""

from __future__ import annotations

import streamlit as st

from thidua import app_settings
from ui.account import access_db
from ui.layout import page_sidebar
from ui.widget_texts import vietnamese_widget_texts

TARGET_KEY = "target"  # in whole percent


@st.dialog("Mục tiêu tỷ lệ người lao động trực tiếp")
def _choose_target(tried: int) -> None:
    province = round(app_settings.non_leader_target(access_db()) * 100)
    vietnamese_widget_texts()
    chosen = st.number_input("Mục tiêu (%)", 0, 100, value=tried, step=1, key="target_input")
    st.caption(
        f"Mục tiêu của tỉnh: {province}% (quản trị viên đổi ở trang Quản trị). "
        "Số khác ở đây chỉ để xem thử, không lưu lại."
    )
    if st.button("Áp dụng", type="primary", key="target_apply"):
        st.session_state[TARGET_KEY] = int(chosen)
        st.rerun()


def tried_target() -> float:
    """The target as a share (0.6), on a button in the page's sidebar that says it; the input
    opens in a dialog when asked for (a number input on the page, or in a popover, cost every
    load ~8% of the reader's browser, measured side by side). The province's setting is read
    when the page first opens in a session, not on every run."""
    if TARGET_KEY not in st.session_state:
        st.session_state[TARGET_KEY] = round(app_settings.non_leader_target(access_db()) * 100)
    tried = int(st.session_state[TARGET_KEY])
    if page_sidebar().button(
        f"Mục tiêu NLĐ trực tiếp: {tried}%",
        icon=":material/flag:",
        width="stretch",
        key="target_open",
        help="Đổi mục tiêu để xem thử",
    ):
        _choose_target(tried)
    return tried / 100
