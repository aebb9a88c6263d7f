"""Every list a link carries is read against its allow-list, each item once, and only so
much of it (issue 20: «?bo=» with one slide name 20,000 times took 281 s and 1.1 GB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo_province import DemoProvince
from tests.test_pages import open_page
from thidua import slides
from thidua.filters import MAX_PARAM_CHARS, listed_in_url

SETS = ("headline", "blocs", "flags")


def test_items_are_kept_once_in_order_and_only_when_allowed() -> None:
    assert listed_in_url(["flags,headline,flags", "x,headline,blocs"], SETS) == [
        "flags",
        "headline",
        "blocs",
    ]
    assert listed_in_url(["flags," * 20_000], SETS) == ["flags"]
    assert listed_in_url([], SETS) == []


def test_a_huge_value_is_read_only_as_far_as_the_cap() -> None:
    # An allowed name after 5 MB of junk is past what is read; one inside the cap is read.
    assert listed_in_url(["x" * 5_000_000 + ",flags"], SETS) == []
    assert listed_in_url(["x" * (MAX_PARAM_CHARS - 20) + ",flags"], SETS) == ["flags"]
    # The same key repeated 50,000 times: the first ones are read, the rest not at all.
    assert listed_in_url(["blocs"] * 50_000 + ["flags"], SETS) == ["blocs"]


def test_the_slideshow_builds_each_set_once_however_often_the_link_names_it(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []
    build = slides.build_slides

    def counted(con: object, year: int, sets: list[str], target: float) -> list[slides.Slide]:
        asked.append(list(sets))
        return build(con, year, sets, target)  # type: ignore[arg-type]

    monkeypatch.setattr(slides, "build_slides", counted)
    master, _ = demo
    sets = "flags," * 20_000
    at = open_page(master, "pages/slideshow.py", monkeypatch, nam="2024", bo=sets)
    assert at.pills(key="show_sets").value == ["flags"]
    open_page(master, "pages/slideshow.py", monkeypatch, nam="2024", bo=sets, chay="1")
    assert asked == [["flags"]]
