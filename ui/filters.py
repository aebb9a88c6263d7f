"""The shared filters: drawn in the sidebar on every chart page, kept in the session and the
URL. This component owns the session keys f_*, kept_f_* and _filters_seeded."""

from __future__ import annotations

import streamlit as st

from thidua import metrics, reference
from thidua.filters import Filters, listed_in_url
from thidua.literal import markdown as md
from ui import account
from ui.data import options

URL_KEYS = {
    "year_from": "nam_tu",
    "year_to": "nam_den",
    "bloc": "khoi",
    "unit": "don_vi",
    "forms": "hinh_thuc",
    "award_types": "loai_hinh",
    "kinds": "doi_tuong",
}


FORM_NAMES, TYPE_NAMES, KIND_NAMES = (
    reference.FORM_NAMES,
    reference.TYPE_NAMES,
    reference.KIND_NAMES,
)


ALL = "Tất cả"


def _from_url(opts: metrics.FilterOptions) -> None:
    """Seed the widgets once per session from the link the reader opened."""
    if st.session_state.get("_filters_seeded"):
        return
    st.session_state["_filters_seeded"] = True
    params = st.query_params
    years = opts.years
    if years:
        low = _int(params.get(URL_KEYS["year_from"]), years[0])
        high = _int(params.get(URL_KEYS["year_to"]), years[-1])
        low, high = min(max(low, years[0]), years[-1]), min(max(high, years[0]), years[-1])
        st.session_state["f_year_from"] = _nearest(min(low, high), years)
        st.session_state["f_year_to"] = _nearest(max(low, high), years)
    bloc = params.get(URL_KEYS["bloc"])
    st.session_state["f_bloc"] = bloc if bloc in opts.blocs else ALL
    unit = params.get(URL_KEYS["unit"])
    st.session_state["f_unit"] = unit if unit in opts.units else ALL
    for name, allowed in (
        ("forms", FORM_NAMES),
        ("award_types", TYPE_NAMES),
        ("kinds", KIND_NAMES),
    ):
        st.session_state[f"f_{name}"] = listed_in_url(params.get_all(URL_KEYS[name]), allowed)


def _nearest(year: int, years: list[int]) -> int:
    return min(years, key=lambda y: abs(y - year))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def filter_sidebar() -> Filters:
    """The shared filters, drawn in the sidebar on every page; returns them and mirrors them in the URL."""
    opts = options()
    _from_url(opts)
    _restate_values()
    # In a popover: its widgets are drawn only when it is opened. Seven selects in the
    # sidebar cost the reader's browser 0,2-0,4 s of work on every page load.
    sidebar = st.sidebar.popover("Bộ lọc", icon=":material/filter_alt:", width="stretch")
    years = opts.years
    if years:
        # Two plain selects rather than a range slider: exact, keyboard-friendly, testable.
        left, right = sidebar.columns(2)
        left.selectbox("Từ năm", years, key="f_year_from")
        right.selectbox("Đến năm", years, key="f_year_to")
    # Paired where two fit side by side: at 1366×768 the box opens above its button, in
    # ~450 px, and one filter to a row hid «Đối tượng» and «Xóa bộ lọc» below its edge.
    bloc_box, unit_box = sidebar.columns(2)
    bloc_box.selectbox("Khối, cụm thi đua", [ALL, *opts.blocs], key="f_bloc")
    unit_box.selectbox("Đơn vị", [ALL, *opts.units], key="f_unit")
    sidebar.multiselect(
        "Hình thức khen thưởng",
        list(FORM_NAMES),
        format_func=FORM_NAMES.__getitem__,
        key="f_forms",
        placeholder=ALL,
    )
    type_box, kind_box = sidebar.columns(2)
    type_box.multiselect(
        "Loại hình",
        list(TYPE_NAMES),
        format_func=TYPE_NAMES.__getitem__,
        key="f_award_types",
        placeholder=ALL,
    )
    kind_box.multiselect(
        "Đối tượng",
        list(KIND_NAMES),
        format_func=KIND_NAMES.__getitem__,
        key="f_kinds",
        placeholder=ALL,
    )
    sidebar.button("Xóa bộ lọc", on_click=_reset, args=(opts,), width="stretch")
    filters = current_filters()
    st.sidebar.caption(f"Đang xem: {md(filters.describe())}")
    _to_url(filters, opts)
    _keep()
    return filters


FILTER_KEYS = (
    "f_year_from",
    "f_year_to",
    "f_bloc",
    "f_unit",
    "f_forms",
    "f_award_types",
    "f_kinds",
)


def _keep() -> None:
    # Streamlit forgets a widget's value on a page that does not draw it (search, upload);
    # a plain copy outside the widget keys survives the visit.
    for key in FILTER_KEYS:
        if key in st.session_state:
            st.session_state[f"kept_{key}"] = st.session_state[key]


def _restate_values() -> None:
    """Each run, before the widgets are made: every filter's value said again through the
    session state. The popover's widgets are drawn only when it opens, and a widget whose
    value was not set in the run took its first option when drawn: after a tab click the
    box read «Đến năm 2018» while the page counted 2018–2025, and the next filter chosen
    applied 2018 (the walk: 3.491 awards instead of the range's). A value set in the run
    goes to the browser with the widget. A value kept from a page without the filters
    (search, upload) comes back the same way."""
    for key in FILTER_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
        elif f"kept_{key}" in st.session_state:
            st.session_state[key] = st.session_state[f"kept_{key}"]


def _reset(opts: metrics.FilterOptions) -> None:
    if opts.years:
        st.session_state.update(f_year_from=opts.years[0], f_year_to=opts.years[-1])
    st.session_state.update(f_bloc=ALL, f_unit=ALL, f_forms=[], f_award_types=[], f_kinds=[])


def current_filters() -> Filters:
    state = st.session_state
    low, high = state.get("f_year_from"), state.get("f_year_to")
    if low is not None and high is not None and low > high:
        low, high = high, low  # "from 2024 to 2020" means the same years
    bloc, unit = state.get("f_bloc", ALL), state.get("f_unit", ALL)
    return Filters(
        year_from=low,
        year_to=high,
        bloc=None if bloc == ALL else bloc,
        unit=None if unit == ALL else unit,
        forms=tuple(state.get("f_forms", ())),
        award_types=tuple(state.get("f_award_types", ())),
        kinds=tuple(state.get("f_kinds", ())),
    ).clean()


def _to_url(filters: Filters, opts: metrics.FilterOptions) -> None:
    """Only what differs from the defaults goes into the link, so links stay short."""
    wanted: dict[str, str] = {}
    if opts.years and filters.year_from != opts.years[0]:
        wanted[URL_KEYS["year_from"]] = str(filters.year_from)
    if opts.years and filters.year_to != opts.years[-1]:
        wanted[URL_KEYS["year_to"]] = str(filters.year_to)
    for name in ("bloc", "unit"):
        value = getattr(filters, name)
        if value:
            wanted[URL_KEYS[name]] = value
    for name in ("forms", "award_types", "kinds"):
        values = getattr(filters, name)
        if values:
            wanted[URL_KEYS[name]] = ",".join(values)
    # Parameters of other pages (the slideshow's year, for instance) are left alone.
    others = {k: v for k, v in st.query_params.to_dict().items() if k not in URL_KEYS.values()}
    if st.query_params.to_dict() != {**others, **wanted}:
        st.query_params.from_dict({**others, **wanted})


def forget() -> None:
    """At sign-out: the next reader at this browser starts from the defaults."""
    for key in [k for k in st.session_state if str(k).startswith(("f_", "kept_f_"))]:
        del st.session_state[key]


account.ON_SIGN_OUT.append(forget)
