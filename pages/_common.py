"""What every page shares: the cached read-only connection to the snapshot and
the shared filters, kept in the sidebar, the session and the URL."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Concatenate, Literal, ParamSpec, TypeVar, cast

import duckdb
import streamlit as st

from pages._access import current_account, require_page
from thidua import charts, db, metrics, readers, reference, reports, settings
from thidua import formatting as fmt
from thidua.exports import file_part
from thidua.filters import Filters, listed_in_url
from thidua.literal import markdown as md

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
P = ParamSpec("P")
R = TypeVar("R")


@st.cache_resource(show_spinner=False)
def _readers() -> readers.Readers:
    """The process's read connections: only the newest snapshot's are kept (thidua.readers)."""
    return readers.Readers()


def _open(master: str, version: tuple[int, int], scope: str | None) -> duckdb.DuckDBPyConnection:
    return _readers().get(master, version, scope)


@st.cache_resource(show_spinner=False)
def _newest() -> dict[str, tuple[int, int]]:
    """The newest snapshot version seen, per warehouse (the whole process shares it)."""
    return {}


# Caches of results read from a snapshot (keyed by its version), by name; a page with its
# own registers it here. Emptied when a newer snapshot is seen: results of the one before
# would otherwise stay until pushed out (the load test saw tens of MB after a few imports).
VERSIONED_CACHES: dict[str, Any] = {}


def _version(master: Path) -> tuple[int, int] | None:
    """The published snapshot's version; the first run to see a newer one empties the caches."""
    version = db.snapshot_version(master)
    newest = _newest()
    seen = newest.get(str(master))
    if version is not None and (seen is None or version[1] > seen[1]):
        newest[str(master)] = version
        if seen is not None:
            for cache in VERSIONED_CACHES.values():
                cache.clear()
    return version


def scope() -> str | None:
    """What the signed-in account may see (access.PROVINCE, a unit, or None: nothing)."""
    account = current_account()
    return account.unit if account is not None and account.can("view") else None


def connection() -> duckdb.DuckDBPyConnection:
    """The warehouse as the signed-in account may see it; every page reads through this."""
    require_page("view")
    master = settings.db_path()
    version = _version(master)
    if version is None:
        st.warning(
            "Kho dữ liệu chưa có dữ liệu. Hãy nhập bảng tính bằng lệnh "
            f"`python -m etl import TỆP... --db {master}` rồi tải lại trang."
        )
        st.stop()
    return _open(str(master), version, scope())


def data_key() -> tuple[tuple[int, int] | None, str | None]:
    """The key for caching anything read from the warehouse: its version and the reader's scope."""
    return _version(settings.db_path()), scope()


# The core calls whose results a page may keep: keyed on the data version, the reader's
# scope and the arguments, so a reload or a second reader with the same filters is served
# from memory, and a new import or another unit never is.
CACHEABLE: dict[str, Callable[..., Any]] = {
    f.__qualname__: f
    for f in (
        metrics.overview,
        reports.distribution,
        reports.leader_shares,
        reports.shares_by_bloc,
        reports.position_classes,
        reports.campaigns,
        reports.bloc_years,
        reports.bloc_ranking,
        reports.bloc_rank_history,
        reports.bloc_leaders,
    )  # fmt: skip
}


@st.cache_data(max_entries=256, show_spinner=False)
def _cached_call(
    name: str, master: str, version: tuple[int, int], scope: str | None, args: tuple[Any, ...]
) -> Any:
    return CACHEABLE[name](_open(master, version, scope), *args)


def cached(
    fn: Callable[Concatenate[duckdb.DuckDBPyConnection, P], R], *args: P.args, **kwargs: P.kwargs
) -> R:
    """fn(connection, *args), remembered per data version and scope (see CACHEABLE)."""
    if CACHEABLE.get(fn.__qualname__) is not fn or kwargs:
        raise ValueError(f"{fn.__qualname__} is not a cacheable core call")
    master = settings.db_path()
    version = _version(master)
    if version is None:
        return fn(connection(), *args)
    require_page("view")
    return cast(R, _cached_call(fn.__qualname__, str(master), version, scope(), tuple(args)))


@st.cache_data(max_entries=64, show_spinner=False)
def _options(master: str, version: tuple[int, int], scope: str | None) -> metrics.FilterOptions:
    return metrics.filter_options(_open(master, version, scope))


def options() -> metrics.FilterOptions:
    master = settings.db_path()
    version = _version(master)
    if version is None:
        return metrics.FilterOptions([], [], [])
    return _options(str(master), version, scope())


VERSIONED_CACHES.update(calls=_cached_call, options=_options)


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
    _restore_kept()
    # In a popover: its widgets are drawn only when it is opened. Seven selects in the
    # sidebar cost the reader's browser 0,2-0,4 s of work on every page load.
    sidebar = st.sidebar.popover("Bộ lọc", icon=":material/filter_alt:", width="stretch")
    years = opts.years
    if years:
        # Two plain selects rather than a range slider: exact, keyboard-friendly, testable.
        left, right = sidebar.columns(2)
        left.selectbox("Từ năm", years, key="f_year_from")
        right.selectbox("Đến năm", years, key="f_year_to")
    sidebar.selectbox("Khối, cụm thi đua", [ALL, *opts.blocs], key="f_bloc")
    sidebar.selectbox("Đơn vị", [ALL, *opts.units], key="f_unit")
    sidebar.multiselect(
        "Hình thức khen thưởng",
        list(FORM_NAMES),
        format_func=FORM_NAMES.__getitem__,
        key="f_forms",
        placeholder=ALL,
    )
    sidebar.multiselect(
        "Loại hình",
        list(TYPE_NAMES),
        format_func=TYPE_NAMES.__getitem__,
        key="f_award_types",
        placeholder=ALL,
    )
    sidebar.multiselect(
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


def _restore_kept() -> None:
    for key in FILTER_KEYS:
        if key not in st.session_state and f"kept_{key}" in st.session_state:
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


PAGE_SIDEBAR = "_page_sidebar"


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


def no_data(sentence: str) -> None:
    """A filter that matches nothing is said in a sentence, never an error box."""
    st.info(sentence, icon=":material/filter_alt_off:")


# The figures a page may draw, by name: built once per distinct data and kept (building one
# validates every property, 30 ms of each page load), the same object for every reader.
FIGURES: dict[str, Callable[..., Any]] = {
    f.__name__: f
    for f in (
        charts.kind_bars, charts.form_bars, charts.bloc_bars, charts.bump_chart,
        charts.composition_treemap, charts.trend_bars, charts.top_units_bars,
        charts.share_by_unit_bars, charts.shares_by_year_lines, charts.campaign_timeline,
        charts.campaign_awards_bars,
    )
}  # fmt: skip


@st.cache_resource(max_entries=128, show_spinner=False)
def _figure(name: str, args: tuple[Any, ...]) -> Any:
    return FIGURES[name](*args)


# Built from one snapshot's figures, these are emptied with the results at a newer one: the
# load test saw an analyst's undo-and-reimport turns fill all 128 with figures of data no
# page would show again (+110 MB after 36 writes).
VERSIONED_CACHES.update(figures=_figure)


def chart(
    build: Callable[..., Any], *args: Any, key: str, on_select: bool = False
) -> list[dict[str, object]]:
    """Draw build(*args), a figure of thidua.charts, in our own template with a PNG download
    in its toolbar; returns the points the reader clicked when the chart is selectable."""
    if FIGURES.get(build.__name__) is not build:
        raise ValueError(f"{build.__name__} is not a figure of thidua.charts")
    fig = _figure(build.__name__, args)
    if not on_select:
        st.plotly_chart(fig, theme=None, width="stretch", config=charts.PNG_CONFIG, key=key)
        return []
    event = st.plotly_chart(
        fig, theme=None, width="stretch", config=charts.PNG_CONFIG, key=key,
        on_select="rerun", selection_mode="points",
    )  # fmt: skip
    try:
        return list(event["selection"]["points"])
    except (KeyError, TypeError):
        return []


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
    With `url`, the open tab is kept in the link under that name. Returns the open tab's
    label and its container."""
    linked = from_url(url, labels, key) if url else None
    default = labels[linked] if linked is not None else None
    tabs = st.tabs(labels, key=key, on_change="rerun", default=default)
    label, tab = next(
        ((label, tab) for label, tab in zip(labels, tabs, strict=True) if tab.open),
        (labels[0], tabs[0]),
    )
    if url:
        to_url(url, label)
    return label, tab


def download_table(
    frame: object,
    headers: dict[str, str],
    filename: str,
    key: str,
    title: str,
    filters: Filters | None = None,
    decimals: dict[str, int] | None = None,
) -> None:
    """An .xlsx of the table with Vietnamese headers and formula-like cells neutralised,
    written when the reader clicks (not on every run of the page). Above the table it says
    what it holds: `title`, the filters it was read with, when it was made; numbers are
    formatted as on the page (`decimals` as show_table's; years plainly)."""
    import polars as pl

    from thidua import exports

    assert isinstance(frame, pl.DataFrame)

    def workbook() -> bytes:
        about = [title]
        if filters is not None:
            about.append(f"Bộ lọc: {filters.describe()}")
        about.append(f"Xuất lúc {fmt.local_time(datetime.now(UTC))} (giờ Việt Nam)")
        return exports.to_xlsx(frame, headers, about=about, decimals=decimals)

    st.download_button(
        "Tải bảng (.xlsx)",
        data=workbook,
        file_name=filename,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=key,
        icon=":material/download:",
    )


# Above this many awards the default list (nothing clicked) is loaded only on request.
AUTO_LIST_LIMIT = 2_000


def award_list_panel(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    selection: object,
    title: str,
    key: str,
    total: int | None = None,
) -> None:
    """The drill-down: the awards behind a figure, as a table and an .xlsx. `total` is how
    many awards the selection holds when known: a long list waits for the reader's request.
    `title` names what was clicked (a unit, an award) as plain text."""
    from thidua import reports
    from thidua.exports import AWARD_LIST_HEADERS
    from thidua.formatting import number

    assert isinstance(selection, reports.Selection)
    st.markdown(f"#### Danh sách khen thưởng: {md(title)}")
    _into_view_once(key, selection, reports.Selection())
    account = current_account()
    if account is None or not account.can("names"):
        st.caption("Danh sách từng người, từng tập thể chỉ hiện khi đã đăng nhập.")
        return
    if (
        total is not None
        and total > AUTO_LIST_LIMIT
        and not st.toggle(f"Hiện danh sách ({number(total)} lượt)", key=f"{key}_show")
    ):
        st.caption(
            "Danh sách dài chỉ được tải khi bật «Hiện danh sách». Muốn xem một phần: bấm vào một "
            "cột ở thẻ biểu đồ, hoặc thu hẹp năm, đơn vị trong «Bộ lọc»."
        )
        return
    rows = reports.award_list(con, filters, selection)
    if rows.height == 0:
        no_data("Không có khen thưởng nào khớp với lựa chọn này.")
        return
    listed, same = same_for_all(rows)
    st.caption(
        list_note(rows.height, total, reports.DRILL_LIMIT) + (f" · {md(same)}" if same else "")
    )
    shown = dashed(listed).rename(
        {k: v for k, v in AWARD_LIST_HEADERS.items() if k in listed.columns}
    )
    # Where each award came from is for the analyst checking a figure: hidden at first (the
    # toolbar's «Hiện/ẩn cột» shows it), always in the .xlsx.
    st.dataframe(shown, hide_index=True, width="stretch", height=360,
                 column_config={"Ngày quyết định": st.column_config.DateColumn(format="DD/MM/YYYY"),
                                "Năm": st.column_config.NumberColumn(format="%d"),
                                "Tệp nguồn": None, "Dòng trong tệp": None})  # fmt: skip
    st.caption("Tệp nguồn và dòng của từng khen thưởng: bật ở «Hiện/ẩn cột» trên bảng, hoặc "
               "xem trong tệp .xlsx tải về.")  # fmt: skip
    download_table(rows, AWARD_LIST_HEADERS, f"danh_sach_khen_thuong_{file_part(title)}.xlsx",
                   key=f"{key}_xlsx", title=f"Danh sách khen thưởng: {title}", filters=filters)  # fmt: skip


# Columns a drill-down often holds one value in (a clicked unit, year, award, decision):
# said once above the list instead of repeated on every row, so the columns that differ fit
# a 1366 px screen. The .xlsx keeps every column.
_SAID_ONCE = ("year", "unit_name", "kind_name", "form_name", "decision_no", "decision_date")


def same_for_all(rows: Any) -> tuple[Any, str]:
    """The list without the columns of `_SAID_ONCE` that hold one value in every row, and
    those values in words («Năm: 2025 · Đơn vị: Sở Y tế»); columns empty in every row are
    left out. A list of one row is kept whole."""
    import polars as pl

    from thidua.exports import AWARD_LIST_HEADERS

    if rows.height < 2:
        return rows, ""
    # A column empty in every row (no «Chi tiết» in any of these awards) says nothing.
    rows = rows.drop([c for c in rows.columns if rows[c].null_count() == rows.height])
    same = [
        c for c in _SAID_ONCE
        if c in rows.columns and rows[c].null_count() == 0 and rows[c].n_unique() == 1
    ]  # fmt: skip
    said = []
    for column in same:
        value = rows[column][0]
        text = value.strftime("%d/%m/%Y") if rows[column].dtype == pl.Date else str(value)
        said.append(f"{AWARD_LIST_HEADERS[column]}: {text}")
    return rows.drop(same), " · ".join(said)


# Scrolls the page to the element drawn just before it (the list's heading), once drawn.
_SCROLL_TO_HEADING = """<style>.stElementContainer:has(.thidua-into-view) { display: none; }</style>
<script class="thidua-into-view">
(() => {
  const box = document.currentScript && document.currentScript.closest('.stElementContainer');
  const heading = box && box.previousElementSibling;
  if (heading) setTimeout(() => heading.scrollIntoView({ block: 'start', behavior: 'smooth' }), 250);
})();
</script>"""


def _into_view_once(key: str, selection: object, nothing: object) -> None:
    """A list opened by a click on a tall chart is drawn below the whole chart, far from
    the bar clicked: the page scrolls to it — once per new click, not on every rerun, and
    not for a tab's own list (nothing clicked)."""
    seen = f"_{key}_in_view"
    if selection == nothing or st.session_state.get(seen) == selection:
        return
    st.session_state[seen] = selection
    st.html(_SCROLL_TO_HEADING, unsafe_allow_javascript=True)


def list_note(listed: int, total: int | None, limit: int) -> str:
    """What the drill-down list holds: all of it, or the newest `limit` awards of a longer
    list (newest years first), with the whole count when it is known."""
    from thidua.formatting import number

    if listed < limit:
        return f"{number(listed)} lượt"
    whole = f"{number(total)} lượt; " if total else "Danh sách dài hơn; "
    return (
        f"{whole}hiển thị và tải về {number(limit)} lượt mới nhất — chọn ít năm hơn hoặc một "
        "đơn vị trong bộ lọc để xem đủ."
    )


def dashed(frame: Any) -> Any:
    """Empty cells as a dash: the grid writes a missing value as «None». An integer column
    with empty cells (an id such as «Thay bằng lần», an achievement year) becomes text for it."""
    import polars as pl

    gaps = [c for c, t in frame.schema.items() if t.is_integer() and frame[c].null_count()]
    return frame.with_columns(pl.col(gaps).cast(pl.String)).with_columns(
        pl.col(pl.String).fill_null("—")
    )


_ROW_PX = 35  # a row of Streamlit's grid, header included


def table_height(rows: int, most: int | None) -> int | Literal["auto"]:
    """`most` is a most: a short table is drawn to its rows, without empty ones below."""
    return most if most and _ROW_PX * (rows + 1) + 3 > most else "auto"


def show_table(
    frame: object,
    headers: dict[str, str],
    decimals: dict[str, int] | None = None,
    height: int | None = None,
    widths: dict[str, Literal["small", "medium", "large"] | int] | None = None,
) -> None:
    """A table with Vietnamese headers and numbers written the Vietnamese way (1.234; 59,3%);
    `widths` (a size or pixels) sets a column's width: wide enough for its text, narrow
    enough that every column fits a 1366 px screen."""
    import polars as pl

    assert isinstance(frame, pl.DataFrame)
    columns = [c for c in headers if c in frame.columns]
    shown = frame.select(columns)
    for column, digits in (decimals or {}).items():
        if column in shown.columns:
            shown = shown.with_columns(
                pl.col(column).map_elements(_formatter(digits), return_dtype=pl.String)
            )
    shown = dashed(shown)
    st.dataframe(
        shown.rename({c: headers[c] for c in columns}),
        hide_index=True,
        width="stretch",
        height=table_height(shown.height, height),
        column_config={
            headers[c]: st.column_config.Column(width=w) for c, w in (widths or {}).items()
        },
    )


def _formatter(digits: int) -> Callable[[float], str]:
    """digits >= 0: a number with that many decimals; digits < 0: a share as a percentage with -digits decimals."""
    from thidua.formatting import number, percent

    if digits < 0:
        return lambda value: percent(value, -digits)
    return lambda value: number(value, digits)
