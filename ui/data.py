"""Data access for pages: the cached read-only connection to the published snapshot, as
the signed-in account may see it, and the core calls whose results are kept per data version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, NoReturn, ParamSpec, TypeVar, cast

import duckdb
import streamlit as st

from thidua import db, dossiers, doubles, metrics, readers, reports, warehouse
from thidua.lake import LakeUnavailable
from ui.account import current_account
from ui.as_of import pinned
from ui.guard import allowed, require_page

P = ParamSpec("P")
R = TypeVar("R")


@st.cache_resource(show_spinner=False)
def _readers() -> readers.Readers:
    """The process's read connections: only the newest snapshot's are kept (thidua.readers)."""
    return readers.Readers(opener=warehouse.open_reader)


def say_unreadable(unreadable: db.WarehouseUnreadable | LakeUnavailable) -> NoReturn:
    """A warehouse (or a lake's PostgreSQL) that cannot be read, said in Vietnamese on the page
    instead of Streamlit's English error; the run stops there."""
    st.error(f"{unreadable} Hãy báo quản trị viên.", icon=":material/database_off:")
    st.stop()


def _open(master: str, version: tuple[int, int], scope: str | None) -> duckdb.DuckDBPyConnection:
    try:
        return _readers().get(master, version, scope)
    except db.WarehouseUnreadable as unreadable:
        # Said on every page: the filters in the sidebar read the warehouse before any
        # page's own try.
        say_unreadable(unreadable)


@st.cache_resource(show_spinner=False)
def _newest() -> dict[str, tuple[int, int]]:
    """The newest snapshot version seen, per warehouse (the whole process shares it)."""
    return {}


# Caches of results read from a snapshot (keyed by its version), by name; a page with its
# own registers it here. Emptied when a newer snapshot is seen: results of the one before
# would otherwise stay until pushed out (the load test saw tens of MB after a few imports).
VERSIONED_CACHES: dict[str, Any] = {}


def _version(master: str) -> tuple[int, int] | None:
    """The data version (the published snapshot's, or the lake's newest snapshot); the first
    run to see a newer one empties the caches."""
    try:
        version = warehouse.version(warehouse.chosen(master))
    except db.WarehouseUnreadable as unreadable:  # a lake's catalog that cannot be read
        say_unreadable(unreadable)
    newest = _newest()
    seen = newest.get(master)
    if version is not None and (seen is None or version[1] > seen[1]):
        newest[master] = version
        if seen is not None:
            for cache in VERSIONED_CACHES.values():
                cache.clear()
    return version


def _master() -> str:
    """The warehouse setting (a file or a lake: thidua.warehouse), as the caches key it — on a
    lake at the past day the reader chose (ui.as_of), a setting of its own."""
    return warehouse.setting_of(pinned(warehouse.chosen()))


def scope() -> str | None:
    """What the signed-in account may see (access.PROVINCE, a unit, or None: nothing)."""
    account = current_account()
    return account.unit if account is not None and allowed("view") else None


def connection() -> duckdb.DuckDBPyConnection:
    """The warehouse as the signed-in account may see it; every page reads through this."""
    require_page("view")
    master = _master()
    version = _version(master)
    if version is None:
        st.warning(
            "Kho dữ liệu chưa có dữ liệu. Hãy nhập bảng tính bằng lệnh "
            f"`python -m etl import TỆP... --db {master}` rồi tải lại trang."
        )
        st.stop()
    return _open(master, version, scope())


def data_key() -> tuple[tuple[int, int] | None, str | None]:
    """The key for caching anything read from the warehouse: its version and the reader's scope."""
    return _version(_master()), scope()


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
        reports.units_now,
        dossiers.dossier_rows,
        dossiers.dossier_figures,
        dossiers.dossiers_by,
        doubles.award_doubles,
    )  # fmt: skip
}


# Kept as the objects themselves, shared by every reader (frames and frozen dataclasses that
# no page changes in place): a data cache hands each run an unpickled copy, ~4 ms of every
# run of the dossiers page for its register rows alone.
@st.cache_resource(max_entries=256, show_spinner=False)
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
    master = _master()
    version = _version(master)
    if version is None:
        return fn(connection(), *args)
    require_page("view")
    return cast(R, _cached_call(fn.__qualname__, master, version, scope(), tuple(args)))


@st.cache_resource(max_entries=64, show_spinner=False)
def _options(master: str, version: tuple[int, int], scope: str | None) -> metrics.FilterOptions:
    return metrics.filter_options(_open(master, version, scope))


def options() -> metrics.FilterOptions:
    master = _master()
    version = _version(master)
    if version is None:
        return metrics.FilterOptions([], [], [])
    return _options(master, version, scope())


VERSIONED_CACHES.update(calls=_cached_call, options=_options)
