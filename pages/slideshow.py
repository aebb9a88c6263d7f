"""Trình chiếu: the conference slideshow. Chosen here (year, slides, interval — all in the
link so the operator can bookmark it), then shown full screen with no Streamlit chrome."""

from __future__ import annotations

import streamlit as st

from thidua import app_settings, metrics, slides
from ui.account import access_db
from ui.data import VERSIONED_CACHES, connection, data_key
from ui.layout import no_data
from ui.show import choose, export_panel, linked_choice, preview, running, stage

con = connection()
years = metrics.available_years(con)
if not years:
    no_data("Chưa có khen thưởng nào trong kho để trình chiếu.", filtered=False)
    st.stop()


@st.cache_data(max_entries=32, show_spinner=False)
def _show(
    key: tuple[tuple[int, int] | None, str | None],
    year: int,
    sets: tuple[str, ...],
    interval: int,
    target: float,
) -> str:
    # Keyed on the data version and the reader's scope: a new import gives a new show on
    # the next load, and a unit's show is never served to another unit.
    built = slides.build_slides(connection(), year, list(sets), target)
    return slides.render_show(
        built, interval, f"Hội nghị tổng kết công tác thi đua, khen thưởng năm {year}"
    )


VERSIONED_CACHES["slides"] = _show
linked = linked_choice(years)
target = app_settings.non_leader_target(access_db())
show = _show(data_key(), linked.year, linked.sets, linked.interval, target)
if running():
    stage(show)
    st.stop()

st.title("Trình chiếu hội nghị tổng kết")
st.caption(
    "Chọn năm, các trang trình chiếu và thời gian mỗi trang rồi bấm «Bắt đầu». Khi đang chiếu (bút trình "
    "chiếu dùng được ngay): → PageDown hoặc phím cách để sang trang, ← PageUp để lùi, B để tắt/bật màn hình "
    "đen, bấm chuột hoặc P để tạm dừng, Esc để thoát. Nhấn F11 để toàn màn hình."
)
chosen = choose(years, linked)
export_panel(show, chosen.year)
preview(show)
