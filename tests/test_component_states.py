"""Each UI component drawn alone (AppTest.from_function) with nothing, one and many things to
show: what a reader would see in each state, not just that it runs."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import headline


def _table_script(rows: int) -> None:
    import polars as pl

    from ui.tables import show_table

    frame = pl.DataFrame(
        {
            "unit_name": [f"Đơn vị {i}" for i in range(rows)],
            "awards": [1000 + i for i in range(rows)],
            "share": [None if i == 0 else 0.5 + i / 1000 for i in range(rows)],
        },
        schema={"unit_name": pl.String, "awards": pl.Int64, "share": pl.Float64},
    )
    show_table(frame, {"unit_name": "Đơn vị", "awards": "Số lượt", "share": "Tỷ lệ"},
               {"awards": 0, "share": -1}, height=300)  # fmt: skip


@pytest.mark.parametrize("rows", [0, 1, 40])
def test_a_table_with_no_one_or_many_rows(rows: int) -> None:
    at = AppTest.from_function(_table_script, kwargs={"rows": rows}, default_timeout=30).run()
    assert not at.exception
    [table] = at.dataframe
    shown = table.value
    assert list(shown.columns) == ["Đơn vị", "Số lượt", "Tỷ lệ"]
    assert len(shown) == rows
    if rows:
        # numbers the Vietnamese way; a share with no base is a dash, not «None»
        assert list(shown["Số lượt"])[:1] == ["1.000"] and list(shown["Tỷ lệ"])[:1] == ["—"]
    if rows == 40:
        assert list(shown["Tỷ lệ"])[39] == "53,9%"  # 0.539
    # The numbers written as text stand right, as the grid's own numbers do; names left.
    import json

    config = json.loads(table.proto.columns)
    assert {name: c.get("alignment") for name, c in config.items() if name != "_index"} == {
        "Số lượt": "right", "Tỷ lệ": "right"
    }  # fmt: skip


def _kpi_script(count: int) -> None:
    from ui.kpis import Kpi, kpi_row

    kpi_row([Kpi(f"Chỉ số {i}", f"{i}.000", "+5" if i else None) for i in range(count)])


@pytest.mark.parametrize("count", [0, 1, 6])
def test_a_row_of_headline_figures(count: int) -> None:
    at = AppTest.from_function(_kpi_script, kwargs={"count": count}, default_timeout=30).run()
    assert not at.exception
    shown = headline(at)
    assert [(k.label, k.value) for k in shown] == [
        (f"Chỉ số {i}", f"{i}.000") for i in range(count)
    ]
    assert [k.delta for k in shown[:2]] == [None, "+5"][: min(count, 2)]


def _notices_script(messages: list[str]) -> None:
    import streamlit as st

    from ui.notices import say_last_run, say_next_run

    say_last_run()
    if not st.session_state.get("said"):
        st.session_state["said"] = True
        say_next_run(*messages)


@pytest.mark.parametrize("messages", [[], ["Đã lưu «A_b*»."], ["Một.", "Hai.", "Ba."]])
def test_notices_are_said_once_on_the_next_run(messages: list[str]) -> None:
    at = AppTest.from_function(_notices_script, kwargs={"messages": messages}, default_timeout=30)
    assert not at.run().success  # nothing the first time: it is said after the rerun
    said = [s.value for s in at.run().success]
    # names quoted as typed: Markdown's marks are escaped, so «A_b*» is not made italic
    assert len(said) == len(messages)
    assert all("\\*" in s for s in said if "*" in s)
    assert not at.run().success  # and once


def _drilldown_script(rows: int) -> None:
    from datetime import date

    import polars as pl
    import streamlit as st

    from ui.drilldown import same_for_all

    frame = pl.DataFrame(
        {
            "year": [2024] * rows,
            "unit_name": ["Sở Y tế"] * rows,
            "recipient_name": [f"Người {i}" for i in range(rows)],
            "decision_date": [date(2024, 1, 10 + i % 2) for i in range(rows)],
            "note": [None] * rows,
        },
        schema={"year": pl.Int64, "unit_name": pl.String, "recipient_name": pl.String,
                "decision_date": pl.Date, "note": pl.String},
    )  # fmt: skip
    listed, same = same_for_all(frame)
    st.write(list(listed.columns))
    st.caption(same or "(không có)")


@pytest.mark.parametrize(
    ("rows", "columns", "said"),
    [
        (0, ["year", "unit_name", "recipient_name", "decision_date", "note"], "(không có)"),
        (1, ["year", "unit_name", "recipient_name", "decision_date", "note"], "(không có)"),
        (5, ["recipient_name", "decision_date"], "Năm: 2024 · Đơn vị: Sở Y tế"),
    ],
)
def test_a_drill_down_list_says_once_what_every_row_shares(
    rows: int, columns: list[str], said: str
) -> None:
    """Many rows: the year and unit they all share are said above the list, the empty note
    column is left out; one row (or none) is kept whole."""
    at = AppTest.from_function(_drilldown_script, kwargs={"rows": rows}, default_timeout=30)
    at.run()
    assert not at.exception
    assert at.json[0].value == str(columns).replace("'", '"')
    assert at.caption[0].value == said


def test_a_drill_down_list_with_every_column_fits_beside_the_sidebar() -> None:
    """A unit's list can show every column but the unit (kinds, each award's detail): the
    walk measured 1005 px in the 904 px a 1366 px laptop leaves. The columns that wrap are
    narrowed alike until all fit; the year, decision number and date (one word each) keep
    their width, and a list that fits keeps every width."""
    from ui.drilldown import _WIDTHS, _fitted_widths

    every = [k for k in _WIDTHS if k != "unit_name"]
    fitted = _fitted_widths(every)
    assert sum(_WIDTHS[k] for k in every) > 1000 and sum(fitted.values()) <= 880
    # «Đối tượng» too: narrowed with the others, its header was cut (the third walk).
    kept = ("year", "kind_name", "decision_no", "decision_date")
    assert {k: fitted[k] for k in kept} == {
        "year": 50, "kind_name": 90, "decision_no": 110, "decision_date": 90
    }  # fmt: skip
    assert all(fitted[k] < _WIDTHS[k] for k in every if k not in kept)
    few = ["year", "recipient_name", "position", "leader_class", "unit_name", "decision_no"]
    assert _fitted_widths(few) == {k: _WIDTHS[k] for k in few}
