"""The pages' read connections (thidua.readers): only the newest snapshot's are held, so an
import neither grows the server by a DuckDB instance nor keeps deleted snapshots on disk."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SAMPLES, TRUTH, Importer
from thidua import access, db
from thidua.readers import GRACE, Readers


def _awards(con: object) -> int:
    return int(con.execute("SELECT count(*) FROM awards").fetchone()[0])  # type: ignore[attr-defined]


def _deleted_snapshots_open() -> list[str]:
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if ".snapshot." in target and target.endswith("(deleted)"):
            held.append(target)
    return held


def test_a_new_snapshot_replaces_the_connection_to_the_old(
    master: Path, import_into: Importer
) -> None:
    now = [0.0]
    readers = Readers(clock=lambda: now[0], sweep_every=None)
    province = access.PROVINCE
    csv_rows = TRUTH["so_khen_thuong_2021.csv"]["awards"]
    xlsx_rows = TRUTH["so_khen_thuong_2019.xlsx"]["awards"]
    import_into(SAMPLES / "so_khen_thuong_2021.csv")
    first = db.snapshot_version(master)
    assert first is not None
    assert _awards(readers.get(str(master), first, province)) == csv_rows
    assert readers.get(str(master), first, province) is readers.get(str(master), first, province)

    dropped = [readers.get(str(master), first, province)]
    for name in ("so_khen_thuong_2019.xlsx", "qd_bang_khen_2020.xlsx", "so_khen_2006_vni.xls"):
        import_into(SAMPLES / name)
        version = db.snapshot_version(master)
        assert version is not None and version != first
        dropped.append(readers.get(str(master), version, province))
    gc.collect()
    assert version is not None
    newest = readers.get(str(master), version, province)
    expected = (
        csv_rows
        + xlsx_rows
        + sum(TRUTH[n]["awards"] for n in ("qd_bang_khen_2020.xlsx", "so_khen_2006_vni.xls"))
    )
    assert _awards(newest) == expected
    assert readers.held() == 1
    # The three dropped ones are closed once their grace is over, though nothing else
    # asked for a connection (the sweep) — and whoever still holds one (a page's globals
    # kept by a cache) holds a closed connection, not a DuckDB instance of an old snapshot.
    kept_by_a_page = dropped[0]
    assert readers.open_dropped() == 3
    now[0] += GRACE + 1
    readers.sweep()
    assert readers.open_dropped() == 0
    with pytest.raises(duckdb.ConnectionException):
        kept_by_a_page.execute("SELECT 1")
    assert _awards(newest) == expected  # the one in use stays open
    # Three publications later the first snapshots are deleted: nothing here still holds one.
    assert _deleted_snapshots_open() == []


def test_a_page_that_read_the_old_version_is_served_without_displacing_the_new(
    master: Path, import_into: Importer
) -> None:
    readers = Readers()
    import_into(SAMPLES / "so_khen_thuong_2021.csv")
    old = db.snapshot_version(master)
    import_into(SAMPLES / "so_khen_thuong_2019.xlsx")
    new = db.snapshot_version(master)
    assert old is not None and new is not None
    current = readers.get(str(master), new, access.PROVINCE)
    late = readers.get(str(master), old, access.PROVINCE)  # the run began before the import
    assert late is not current
    assert readers.get(str(master), new, access.PROVINCE) is current
    assert readers.held() == 1


def test_scopes_are_held_apart_and_the_least_used_goes_first(tmp_path: Path) -> None:
    opened: list[tuple[str, str | None]] = []

    def opener(master: str, scope: str | None) -> object:
        opened.append((master, scope))
        return object()

    readers = Readers(opener, most=2, sweep_every=None)  # type: ignore[arg-type]
    v = (1, 1)
    a = readers.get("w", v, "Sở Y tế")
    readers.get("w", v, "Sở Tài chính")
    assert readers.get("w", v, "Sở Y tế") is a  # used again: now the most recent
    readers.get("w", v, access.PROVINCE)  # a third scope: «Sở Tài chính» goes
    assert readers.held() == 2
    assert readers.get("w", v, "Sở Y tế") is a
    readers.get("w", v, "Sở Tài chính")
    assert opened.count(("w", "Sở Tài chính")) == 2


def test_a_newer_snapshot_empties_the_caches_of_results_read_from_older_ones(
    master: Path, import_into: Importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import data

    cleared: list[str] = []

    class Probe:
        def clear(self) -> None:
            cleared.append("cleared")

    monkeypatch.setitem(data.VERSIONED_CACHES, "probe", Probe())
    import_into(SAMPLES / "so_khen_thuong_2021.csv")
    first = data._version(str(master))
    assert first is not None and cleared == []  # the first version seen: nothing older held
    assert data._version(str(master)) == first and cleared == []
    import_into(SAMPLES / "so_khen_thuong_2019.xlsx")
    second = data._version(str(master))
    assert second is not None and second != first and cleared == ["cleared"]
    assert data._version(str(master)) == second and cleared == ["cleared"]  # once per version


def test_figures_of_an_older_snapshot_are_let_go_at_a_newer_one(
    master: Path, import_into: Importer
) -> None:
    """A figure is kept for the next reader of the same data (built once, 30 ms saved), but
    not past the snapshot it came from: after a newer one, drawing the same data builds it
    afresh, and the old one is no longer held."""
    import polars as pl

    from ui import data, figures

    trend = pl.DataFrame({"year": [2024, 2025], "form_code": ["BK"] * 2, "level": ["province"] * 2,
                          "form_name": ["Bằng khen"] * 2, "awards": [3, 5]})  # fmt: skip
    import_into(SAMPLES / "so_khen_thuong_2021.csv")
    data._version(str(master))
    first = figures._figure("trend_bars", (trend, ""))
    assert figures._figure("trend_bars", (trend, "")) is first  # kept within a snapshot
    import_into(SAMPLES / "so_khen_thuong_2019.xlsx")
    data._version(str(master))
    assert figures._figure("trend_bars", (trend, "")) is not first


def test_a_snapshot_duckdb_cannot_read_is_said_for_every_scope(tmp_path: Path) -> None:
    """Whole province and one unit alike: a sentence (the pages show it), not DuckDB's
    IOException."""
    from thidua.readers import open_reader
    from thidua.settings import snapshot_path

    master = tmp_path / "warehouse.duckdb"
    snapshot_path(master).write_bytes(b"not a warehouse " * 500)
    for scope in (access.PROVINCE, "Sở Y tế"):
        with pytest.raises(db.WarehouseUnreadable) as refused:
            open_reader(str(master), scope)
        assert str(refused.value) == (
            "Không mở được kho dữ liệu: tệp không phải kho DuckDB hoặc đã hỏng. Hãy lấy lại "
            "bản sao lưu hoặc dựng lại kho từ các tệp đã nhập."
        )
