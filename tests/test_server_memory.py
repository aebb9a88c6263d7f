"""An idle server gives the heap's free pages back (thidua.allocator); the load test
(`python -m bench load`) measures the effect."""

from __future__ import annotations

import threading
import time

from thidua import allocator


def test_memory_is_given_back_once_per_quiet_spell(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    given: list[float] = []

    def count() -> bool:
        given.append(time.monotonic())
        return True

    monkeypatch.setattr(allocator, "give_back", count)
    held, stop = [2], threading.Event()  # two sessions open
    watcher = allocator.give_back_when_idle(lambda: held[0], idle_seconds=0.2, stop=stop)
    time.sleep(0.5)
    assert given == []  # busy
    held[0] = 0
    time.sleep(0.6)
    assert len(given) == 1  # quiet for 0,2 s: once, not every tick
    held[0] = 1
    time.sleep(0.3)
    held[0] = 0
    time.sleep(0.6)
    assert len(given) == 2  # somebody came and went: once more
    stop.set()
    watcher.join(timeout=2)
    assert not watcher.is_alive()


def test_giving_back_works_on_this_machine() -> None:
    assert allocator.give_back() is True  # glibc: malloc_trim is there and ran


def test_a_count_that_fails_is_busy_and_the_watcher_goes_on(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    given: list[int] = []

    def give_back() -> bool:
        given.append(1)
        return True

    monkeypatch.setattr(allocator, "give_back", give_back)
    answers = iter([RuntimeError("dictionary changed size during iteration")] * 3)

    def count() -> int:
        answer = next(answers, 0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    stop = threading.Event()
    watcher = allocator.give_back_when_idle(count, idle_seconds=0.2, stop=stop)
    time.sleep(0.8)
    assert watcher.is_alive() and len(given) == 1  # busy while it failed, then idle: once
    stop.set()
    watcher.join(timeout=2)
