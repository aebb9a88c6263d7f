"""Text from spreadsheets is data, never markup (issue 20): the two functions that make a
value literal for Streamlit's Markdown and for Plotly's labels, and every chart built from
hostile names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import plotly.graph_objects as go
import polars as pl
import pytest

from thidua import charts
from thidua.literal import from_plotly, markdown, plotly

WJ = "\u2060"  # WORD JOINER: no width, no glyph

ORDINARY = [
    "Nguyễn Văn An",
    "Trần Thị Ánh Tuyết",
    "Sở Giáo dục và Đào tạo",
    "Ủy ban nhân dân huyện Phú Quốc",
    "Chiến sĩ thi đua cấp tỉnh",
    "Phòng Tổ chức, Sở Y tế",  # a comma starts nothing
    "Trường THPT «Nguyễn Trung Trực»",
    "Ông Đỗ Quý; bà Lê Ý?",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_vietnamese_text_is_unchanged(text: str) -> None:
    assert markdown(text) == text
    assert plotly(text) == text
    assert from_plotly(plotly(text)) == text


@pytest.mark.parametrize(
    ("typed", "literal"),
    [
        ("[x](http://evil.example)", rf"\[x\]\(http{WJ}\:\/\/evil\.example\)"),
        ("![](http://evil.example/i.png)", rf"\!\[\]\(http{WJ}\:\/\/evil\.example\/i\.png\)"),
        ("[bấm](http://evil.example)", rf"\[bấm\]\(http{WJ}\:\/\/evil\.example\)"),
        ("<http://evil.example>", rf"\<http{WJ}\:\/\/evil\.example\>"),
        ("http://evil.example/x", rf"http{WJ}\:\/\/evil\.example\/x"),  # no bare autolink
        ("www.evil.example", rf"www{WJ}\.evil\.example"),
        ("HTTPS://evil.example", rf"HTTPS{WJ}\:\/\/evil\.example"),
        ("a@evil.example", rf"a\@{WJ}evil\.example"),
        ("**đậm** _nghiêng_ ~~gạch~~ `mã`", r"\*\*đậm\*\* \_nghiêng\_ \~\~gạch\~\~ \`mã\`"),
        ("# Tiêu đề", r"\# Tiêu đề"),
        ("1. mục", r"1\. mục"),
        ("2) mục", r"2\) mục"),
        ("- mục", r"\- mục"),
        ("+ mục", r"\+ mục"),
        ("> trích", r"\> trích"),
        ("a | b", r"a \| b"),
        (":red[đỏ]", r"\:red\[đỏ\]"),
        (":material/home: nhà", r"\:material\/home\: nhà"),
        ("$x^2$", r"\$x\^2\$"),
        ("&amp; &#60;", r"\&amp; \&\#60;"),
        ("<b>x</b>", r"\<b\>x\<\/b\>"),
        ("{#id}", r"\{\#id\}"),
        ("a \\ b\\", r"a \\ b\\"),
        ("Sở GD&ĐT", r"Sở GD\&ĐT"),
        ("12/QĐ-UBND", r"12\/QĐ\-UBND"),
        ("===", r"\=\=\="),
    ],
)
def test_markup_in_a_value_is_escaped_for_markdown(typed: str, literal: str) -> None:
    assert markdown(typed) == literal


def test_line_breaks_stay_and_indentation_cannot_start_a_code_block() -> None:
    assert markdown("dòng một\n\n    mã?\r\n- hai") == "dòng một  \n  \nmã?  \n\\- hai"


def test_text_streamlit_rewrites_after_parsing_keeps_its_characters() -> None:
    """«:streamlit:» (its logo), «:material_x:» (an icon), emoji short codes and a free-standing
    «--» «->» «>=» are rewritten by Streamlit in the parsed text: a word joiner breaks them."""
    assert markdown(":streamlit:") == rf"\:{WJ}streamlit\:"
    assert markdown("a :material_home: b") == rf"a \:{WJ}material\_home\: b"
    assert markdown(":+1:") == rf"\:{WJ}\+1\:"
    assert markdown("A -- B -> C >= D") == rf"A \-{WJ}\- B \-{WJ}\> C \>{WJ}\= D"
    assert markdown("Khối 1 - Khối 2") == r"Khối 1 \- Khối 2"  # one hyphen: no dash made


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ('<a href="http://evil.example">x</a>', '&lt;a href="http://evil.example"&gt;x&lt;/a&gt;'),
        ("<b>đậm</b><br>", "&lt;b&gt;đậm&lt;/b&gt;&lt;br&gt;"),
        (
            '<span style="font-size:90px">to</span>',
            '&lt;span style="font-size:90px"&gt;to&lt;/span&gt;',
        ),
        ("Sở GD&ĐT", "Sở GD&amp;ĐT"),
        ("&lt;", "&amp;lt;"),  # an entity written out stays written out
        ("&#60;a&#62;", "&amp;#60;a&amp;#62;"),
        ("$\\frac{1}{2}$", "&#36;\\frac{1}{2}&#36;"),  # not typeset by MathJax
        ("[x](http://evil.example)", "[x](http://evil.example)"),  # not markup to Plotly
    ],
)
def test_markup_in_a_value_is_escaped_for_plotly(typed: str, label: str) -> None:
    assert plotly(typed) == label
    assert from_plotly(label) == typed


# --- Every chart, built from names that are Plotly markup. -----------------------------------

UNIT = '<a href="http://evil.example">x</a>'
NAME = "<b>Giấy khen</b> <a href='http://evil.example/f'>của Sở</a> $x$"
BLOC = '<span style="color:red"><a href="http://evil.example/b">Khối 1</a></span>'


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _figures() -> dict[str, go.Figure]:
    years = [2024, 2025]
    campaigns = pl.DataFrame(
        {
            "campaign_code": [f"{UNIT}/KH", "7/KH-UBND"],
            "name": [NAME, f"Phong trào thi đua {UNIT}"],
            "kind": ["regular", "thematic"],
            "start_date": [dt.date(2024, 1, 1), dt.date(2025, 1, 1)],
            "end_date": [dt.date(2024, 12, 31), dt.date(2025, 6, 30)],
            "registration_deadline": [dt.date(2024, 2, 1), dt.date(2025, 2, 1)],
            "awards": [3, 4],
        }
    )
    return {
        "kind_bars": charts.kind_bars(
            pl.DataFrame({"year": years, "kind_name": [UNIT, NAME], "awards": [3, 4]}), 2025
        ),
        "form_bars": charts.form_bars(
            pl.DataFrame(
                {
                    "form_code": ["GIAY_KHEN", "BK_TINH"],
                    "form_name": [NAME, UNIT],
                    "awards": [3, 4],
                    "awards_previous": [1, 2],
                }
            ),
            2025,
        ),  # fmt: skip
        "bloc_bars": charts.bloc_bars(
            pl.DataFrame(
                {
                    "rank": [1, 2],
                    "total_score": [95.5, 90.0],
                    "role": ["head", None],
                    "unit_name": [UNIT, NAME],
                }
            ),
            BLOC,
            2025,
        ),  # fmt: skip
        "bump_chart": charts.bump_chart(
            pl.DataFrame({"unit_name": [UNIT, UNIT], "year": years, "rank": [2, 1]}), BLOC
        ),
        "composition_treemap": charts.composition_treemap(
            pl.DataFrame(
                {
                    "level": ["province", "unit"],
                    "form_code": ["BK_TINH", "GIAY_KHEN"],
                    "form_name": [UNIT, NAME],
                    "awards": [3, 4],
                }
            ),
            "năm 2025",
        ),  # fmt: skip
        "trend_bars": charts.trend_bars(
            pl.DataFrame(
                {
                    "form_code": ["GIAY_KHEN", "GIAY_KHEN"],
                    "form_name": [NAME, NAME],
                    "level": ["unit", "unit"],
                    "year": years,
                    "awards": [3, 4],
                }
            ),
            "năm 2025",
        ),  # fmt: skip
        "top_units_bars": charts.top_units_bars(
            pl.DataFrame(
                {
                    "unit_name": [UNIT, NAME],
                    "individuals": [3, 4],
                    "collectives": [1, 0],
                    "awards": [4, 4],
                }
            ),
            f"năm 2025 · {UNIT}",  # a unit chosen in the filters, named in the title
        ),  # fmt: skip
        "share_by_unit_bars": charts.share_by_unit_bars(
            pl.DataFrame(
                {
                    "unit_name": [UNIT, NAME],
                    "non_leader_share": [0.4, 0.7],
                    "below_target": [True, False],
                    "non_leader_label": ["40,0%", "70,0%"],
                    "direct_workers": [4, 7],
                    "individuals": [10, 10],
                }
            ),
            0.6,
            "năm 2025",
        ),  # fmt: skip
        "campaign_timeline": charts.campaign_timeline(campaigns),
        "campaign_awards_bars": charts.campaign_awards_bars(campaigns, "năm 2025"),
    }


def test_every_chart_builder_is_checked() -> None:
    from ui.figures import FIGURES

    # The year lines and dossier_years_bars draw no names from files: years, fixed series
    # (the shares and target; early / on the day / late) and percentages.
    assert set(FIGURES) - set(_figures()) == {
        "non_leader_share_by_year",
        "shares_by_year_lines",
        "dossier_years_bars",
    }


@pytest.mark.parametrize("name", sorted(_figures()))
def test_no_chart_text_is_read_as_plotly_markup(name: str) -> None:
    """Ticks, bar text, hover, legend, titles, annotations and customdata hold the names as
    text: no tag and no $…$ of a name reaches Plotly unescaped."""
    fig = _figures()[name].to_plotly_json()
    texts = list(_strings(fig["data"])) + list(_strings(fig["layout"]))
    for text in texts:
        assert "<a" not in text and "<b>" not in text and "<span" not in text, (name, text)
        assert "$" not in text, (name, text)
    # The names are still there, as text Plotly shows as typed (a treemap's names on
    # several lines: our <br> between their words).
    shown = " ".join(texts).replace("<br>", " ")
    assert plotly(UNIT) in shown or plotly(NAME) in shown, name


def test_a_click_gives_back_the_name_as_typed() -> None:
    fig = _figures()["top_units_bars"]
    point = {"y": fig.data[0].y[-1], "x": 4}
    assert charts.clicked(point) in (UNIT, NAME)
    # A name written into a hovertemplate would be read as its placeholders: the unit's
    # own name comes from the trace instead.
    bump = _figures()["bump_chart"]
    assert bump.data[0].name == plotly(UNIT)
    assert (
        "evil" not in bump.data[0].hovertemplate
        and "%{fullData.name}" in bump.data[0].hovertemplate
    )


def test_a_clicked_campaign_label_still_names_its_plan() -> None:
    campaigns = pl.DataFrame({"campaign_code": [f"{UNIT}/KH"], "name": [NAME], "awards": [3]})
    [bars] = charts.campaign_awards_bars(campaigns, "").data
    assert charts.campaign_code_of(bars.y[0], campaigns) == f"{UNIT}/KH"
