"""Text from the warehouse shown as it was typed, never read as markup.

Names, units, positions, decision numbers, file and sheet names come from spreadsheets that
anyone may write. Streamlit draws what a page writes (st.markdown, captions, headings, alert
boxes, widget labels, expander labels, spinners) through its Markdown renderer, and Plotly
draws a chart's labels, hover text, legend and titles through its own small HTML renderer.
A value is passed through one of the functions below where it meets that renderer, in the
page or the chart builder; values inside st.dataframe cells, the options of a select box
and st.html built with html.escape are already plain.
"""

from __future__ import annotations

import html
import re

# Every ASCII punctuation character that can open or close Markdown, GFM or one of
# Streamlit's extensions: emphasis * _, strikethrough ~, code ` and ~~~ fences, links and
# images [ ] ( ) !, autolinks < and the bare http://… www.… name@host.tld (: / . @),
# headings # and the = - underlines, lists - + * and 1. 1), block quotes >, tables |,
# thematic breaks, raw HTML < >, entities &, hard breaks \, LaTeX $, directives
# :color[…]{…} and :material/…: (: [ ] { } /), footnotes [^…]. CommonMark lets any ASCII
# punctuation be backslash-escaped and shows it as itself; , ; ? % ' " never start markup
# and are left as they are.
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]<>()#+-.!|~$:/&@=^")
_MARKDOWN_ESCAPES = {ord(ch): "\\" + ch for ch in _MARKDOWN_SPECIAL}
_LINES = re.compile(r"\r\n|\r|\n")
# After parsing, Streamlit still rewrites some plain text, escaped or not: a bare
# http://…, https://…, www.… or name@host.tld becomes a link (GFM's autolink literals are
# found in the parsed text), «:streamlit:» its logo, «:material_name:» an icon, emoji short
# codes emoji, and a free-standing -> <- <-> -- >= <= ~= a typographic arrow, dash or sign.
# A WORD JOINER (U+2060: no width, no glyph) inside those sequences keeps them as typed on
# screen (it is in the page's text, so a copy of it holds it too).
_WORD_JOINER = "\u2060"
_REWRITTEN = re.compile(
    r"(?<=https)(?=://)|(?<=http)(?=://)|(?<=www)(?=\.)|(?<=@)(?=[\w-])|:(?=[\w+-]+:)",
    re.ASCII | re.IGNORECASE,
)
_TYPOGRAPHIC = re.compile(r"(?<!\S)(<->|->|<-|--|>=|<=|~=)(?!\S)")


def markdown(text: object) -> str:
    """`text` as Streamlit Markdown that shows exactly its characters: no link, image,
    emphasis, heading, list, table, code, colour or icon directive, autolink or formula can
    form. Each line break stays a line break; the spaces that open a line are dropped (they
    are not shown in Markdown, and four of them would start a code block); an invisible word
    joiner breaks what Streamlit would still rewrite (an address, «:streamlit:», «--»)."""
    lines = []
    for line in _LINES.split(str(text)):
        line = line.lstrip(" \t")
        line = _TYPOGRAPHIC.sub(lambda m: _WORD_JOINER.join(m.group(1)), line)
        line = _REWRITTEN.sub(lambda m: m.group() + _WORD_JOINER, line)
        lines.append(line.translate(_MARKDOWN_ESCAPES))
    return "  \n".join(lines)


def plotly(text: object) -> str:
    """`text` as a Plotly label (tick, bar text, hover, legend, title, annotation) that shows
    exactly its characters. Plotly reads < … > as its tags (<a href>, <b>, <br>, <span
    style>…) and &…; as entities; $…$ is typeset as LaTeX when the page has MathJax."""
    return html.escape(str(text), quote=False).replace("$", "&#36;")


def from_plotly(label: object) -> str:
    """The value behind a label made by `plotly`: what a click on a bar or point gives back
    (Plotly returns the label as it was sent)."""
    return html.unescape(str(label))
