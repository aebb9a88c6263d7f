"""What every page shares: the cached read-only connection to the snapshot."""

from __future__ import annotations

from pathlib import Path

import duckdb
import streamlit as st

from thidua import db, settings


@st.cache_resource(max_entries=2, show_spinner=False)
def _open(master: str, version: tuple[int, int]) -> duckdb.DuckDBPyConnection:
    # `version` is part of the cache key: a newly published snapshot opens a new connection.
    return db.open_snapshot(Path(master))


def connection() -> duckdb.DuckDBPyConnection:
    master = settings.db_path()
    version = db.snapshot_version(master)
    if version is None:
        st.warning(
            "Kho dữ liệu chưa có dữ liệu. Hãy nhập bảng tính bằng lệnh "
            f"`python -m etl import TỆP... --db {master}` rồi tải lại trang."
        )
        st.stop()
    return _open(str(master), version)
