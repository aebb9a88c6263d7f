"""«Số liệu tại ngày»: on a lake, every page that shows figures can show the warehouse as it
was at the end of a chosen day — what the dashboard said on 15 December — from DuckLake's
snapshots (thidua.warehouse.as_of). The day is kept in the link (?ngay=15-12-2026), so a link
shared opens the same past. This component owns the session keys KEY and _PINNED."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import streamlit as st

from thidua import warehouse
from thidua.lake import Lake
from thidua.warehouse import Warehouse
from ui.layout import to_url

KEY = "as_of_day"
_PINNED = "as_of_pinned"  # this run's pinned lake setting (as_of_control), read by pinned()
URL = "ngay"
_URL_FORMAT = "%d-%m-%Y"
VIETNAM = timezone(timedelta(hours=7))  # a day ends at midnight in Vietnam, not in UTC


def chosen_day() -> date | None:
    """The day chosen (first from the link), None for the newest figures."""
    if KEY not in st.session_state:
        st.session_state[KEY] = _from_link(st.query_params.get(URL))
    day = st.session_state[KEY]
    return day if isinstance(day, date) else None


def _from_link(typed: str | None) -> date | None:
    try:
        day = datetime.strptime(typed or "", _URL_FORMAT).date()
    except ValueError:
        return None  # a day no calendar has, or none: the newest figures
    return day if day <= _today() else None


def judged_on() -> date:
    """The day a page judges what is «past its date» on: the day chosen, else today."""
    return chosen_day() or _today()


def _today() -> date:
    return datetime.now(VIETNAM).date()


def end_of(day: date) -> datetime:
    """The last moment of `day` in Vietnam, in UTC as the lake's snapshots are stamped."""
    return datetime.combine(day + timedelta(days=1), time(), VIETNAM).astimezone(UTC)


def pinned(where: Warehouse) -> Warehouse:
    """`where` as the reader chose to see it: the lake at the end of the chosen day (found once
    a run, by as_of_control), else as it is now."""
    setting = st.session_state.get(_PINNED) if isinstance(where, Lake) else None
    return warehouse.chosen(setting) if setting else where


def as_of_control(showing: bool = False) -> None:
    """On a lake: the sidebar's day, the lake as it was at its end (for `pinned`: every query
    of the run reads that snapshot, looked up once), and above the page a note while a past
    day is shown (not on the big screen's slides, `showing`). A day the lake holds no import
    for is said, and the page stops there."""
    st.session_state.pop(_PINNED, None)
    where = warehouse.chosen()
    if not isinstance(where, Lake):
        return
    chosen_day()  # the link's day, before the widget is made
    st.sidebar.date_input(
        "Số liệu tại ngày",
        value=None,  # empty (clearable): the newest figures
        key=KEY,
        max_value=_today(),
        format="DD/MM/YYYY",
        help="Để trống: số liệu mới nhất. Chọn một ngày: số liệu như kho ghi đến hết ngày đó.",
    )
    day = chosen_day()
    if day is None:
        st.query_params.pop(URL, None)
        return
    to_url(URL, day.strftime(_URL_FORMAT))
    at = warehouse.as_of(where, end_of(day))
    if at is None:
        st.warning(
            f"Kho dữ liệu không có số liệu nào đến hết ngày {day:%d/%m/%Y} (khi đó chưa nhập "
            "gì, hoặc bản chụp của ngày đó đã được dọn). Xóa ngày ở ô «Số liệu tại ngày» "
            "để xem số liệu mới nhất.",
            icon=":material/history:",
        )
        st.stop()
    st.session_state[_PINNED] = warehouse.setting_of(at)
    if not showing:
        st.info(
            f"Đang xem số liệu như kho ghi đến hết ngày {day:%d/%m/%Y}, không phải số liệu "
            "mới nhất. Xóa ngày ở ô «Số liệu tại ngày» (thanh bên) để xem số liệu mới nhất.",
            icon=":material/history:",
        )
