"""A reading child kept on standby (the server's upload page asks for one): it reads the
next file without a Python to start, and reads it exactly as a child started for it would —
the same grids, the same bounds, the same refusals."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.reading import child
from etl.reading.stage import read_book
from tests.test_reading import REGISTER, refusal, register_xlsx, text_table
from thidua.settings import LIMITS, ImportLimits


@pytest.fixture
def standby() -> Iterator[None]:
    child.keep_one_ready()
    yield
    child.stop_keeping_ready()


def _waiting() -> child.Standby:
    assert child._ready is not None
    return child._ready


def _waiting_pid() -> int:
    return _waiting().process.pid


def test_the_child_on_standby_reads_the_file_and_another_waits_for_the_next(
    tmp_path: Path, standby: None
) -> None:
    path = register_xlsx(tmp_path / "so_khen.xlsx", rows=5)
    waiting = _waiting_pid()
    reading = child.take(path, path.name, LIMITS)
    assert reading.process.pid == waiting  # no Python started for this file
    assert _waiting_pid() != waiting  # the next one is loading already
    reading.finish()
    reading.cleanup()

    cold = read_book(path)  # stand-by or not, the same grids
    child.stop_keeping_ready()
    fresh = read_book(path)
    assert [g.cells.rows() for g in cold.grids] == [g.cells.rows() for g in fresh.grids]
    assert cold.grids[0].cells.height == 6  # the header and five awards


def test_the_time_bound_holds_on_standby(tmp_path: Path, standby: None) -> None:
    path = tmp_path / "so_khen_lon.csv"
    path.write_text(text_table(REGISTER[:1]) + text_table(REGISTER[1:2]) * 150_000, "utf-8")
    assert "đọc tệp quá 0,3 giây nên đã dừng" in refusal(path, ImportLimits(read_seconds=0.3))


def test_the_memory_bound_holds_on_standby(tmp_path: Path, standby: None) -> None:
    """The readers a child on standby has loaded count against the file's bound as they do
    in a child started for it: in 60 MB there is no reading."""
    path = register_xlsx(tmp_path / "so_khen.xlsx", rows=5)
    assert "đọc tệp cần hơn 60 MB bộ nhớ" in refusal(path, ImportLimits(read_memory_mb=60))
    assert read_book(path).grids[0].cells.height == 6  # and the next file as usual


def test_a_child_that_died_on_standby_is_replaced(tmp_path: Path, standby: None) -> None:
    os.kill(_waiting_pid(), signal.SIGKILL)
    path = register_xlsx(tmp_path / "so_khen.xlsx", rows=5)
    assert read_book(path).grids[0].cells.height == 6
    waiting = _waiting()
    waiting.process.kill()  # killed while it is handed the file
    waiting.process.wait()
    waiting.alive = lambda: True  # type: ignore[method-assign]  # not seen dead in time
    assert read_book(path).grids[0].cells.height == 6


def test_stopping_ends_the_child_on_standby(standby: None) -> None:
    waiting = _waiting().process
    child.stop_keeping_ready()
    assert waiting.poll() is not None and child._ready is None


def test_a_child_that_died_waiting_is_ended_with_its_folder(standby: None) -> None:
    dead = _waiting()
    dead.process.kill()
    dead.process.wait()
    child.keep_one_ready()  # as the upload page does at each run
    assert not dead.work.exists()  # its temporary folder is not left behind
    assert _waiting() is not dead and _waiting().alive()
