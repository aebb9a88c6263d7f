"""The page every address answers with (Streamlit's index.html, through ui.page_shell.PageShell):
marked Vietnamese, and saying where the server is, so a deep link (a leader's bookmark of
/lanh-dao-nld) connects at once instead of first asking /lanh-dao-nld/_stcore/health,
being refused and waiting (~140 ms of every such page load, measured in Chromium)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import pytest
from streamlit import config

from tests.browser import browser_page, chromium_available, goto, serve, settle
from ui.chart_code import MODULES, plotly_module
from ui.page_shell import page_in_shell

INDEX = (Path(config.__file__).parent / "static" / "index.html").read_bytes()
HEADERS = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", b"1")]


def _address_script(page: bytes) -> str:
    text = page.decode()
    start = text.index("window.__streamlit")
    return text[start : text.index("</script>", start)]


def test_streamlit_page_gets_the_server_address_before_its_own_script() -> None:
    page, headers = page_in_shell(INDEX, HEADERS)
    text = page.decode()
    assert text.index("BACKEND_BASE_URL") < text.index('<script type="module"')
    assert 'location.origin + "/"' in _address_script(page)
    assert '<html lang="vi">' in text and 'lang="en"' not in text
    assert dict(headers)[b"content-length"] == str(len(page)).encode()
    assert [k for k, _ in headers].count(b"content-length") == 1


def test_the_page_carries_the_script_for_streamlits_english_words_before_streamlit() -> None:
    # Once, in the head: sent as an element of every run it cost each load 5-7 % (bench).
    text = page_in_shell(INDEX, HEADERS)[0].decode()
    assert text.count('<script id="thidua-words">') == 1
    assert text.index('id="thidua-words"') < text.index('<script type="module"')
    assert text.index('id="thidua-words"') < text.index("</head>")
    assert '"Show/hide columns": "Hi\\u1ec7n/\\u1ea9n c\\u1ed9t"' in text


def test_the_page_asks_for_the_charts_code_once_streamlits_own_has_started() -> None:
    # Streamlit itself loads it only when the first chart arrives, after the script's run.
    text = page_in_shell(INDEX, HEADERS)[0].decode()
    name = plotly_module()
    assert name is not None and (MODULES / name).stat().st_size > 1_000_000
    assert text.count('id="thidua-chart-code"') == 1
    start = text.index('id="thidua-chart-code"')
    assert start < text.index("</head>")
    # The address Streamlit's own code asks for (its modules import each other as ./name),
    # so the browser runs the module once.
    assert f'setTimeout(() => import("./static/js/{name}"), 0)' in text[start:]
    assert f"import(`./{name}`)" in (MODULES / _entry(text)).read_text()


def _entry(page: str) -> str:
    """The file name of Streamlit's own module script in its index.html."""
    prefix = '<script type="module" crossorigin src="./static/js/'
    start = page.index(prefix) + len(prefix)
    return page[start : page.index('"', start)]


def test_a_gzipped_page_stays_gzipped_with_its_new_length() -> None:
    zipped = gzip.compress(INDEX)
    page, headers = page_in_shell(zipped, [*HEADERS, (b"content-encoding", b"gzip")])
    assert "BACKEND_BASE_URL" in gzip.decompress(page).decode()
    assert dict(headers)[b"content-length"] == str(len(page)).encode()


def test_under_a_base_path_the_address_includes_it() -> None:
    before = config.get_option("server.baseUrlPath")
    config.set_option("server.baseUrlPath", "/thidua/")
    try:
        page, _ = page_in_shell(INDEX, HEADERS)
    finally:
        config.set_option("server.baseUrlPath", before)
    assert 'location.origin + "/thidua/"' in _address_script(page)


def test_another_page_is_left_as_it_is() -> None:
    other = b"<html><body>Trang kh\xc3\xa1c</body></html>"
    assert page_in_shell(other, HEADERS) == (other, HEADERS)


browser = pytest.mark.skipif(
    not chromium_available() and not os.environ.get("REQUIRE_BROWSER"),
    reason="Chromium is not installed",
)


@browser
@pytest.mark.browser
def test_a_deep_link_connects_to_the_server_at_once(demo: tuple[Path, Any]) -> None:
    master, _ = demo
    asked: list[str] = []
    with serve(master) as url, browser_page(1366, 768) as page:
        goto(page, url + "/")  # signs in
        page.on("request", lambda request: asked.append(request.url))
        failures: list[str] = []
        page.on("pageerror", lambda error: failures.append(str(error)))
        page.goto(url + "/lanh-dao-nld?nam_tu=2021")
        settle(page)
        assert "Lãnh đạo và người lao động trực tiếp" in page.inner_text("body")
        # The charts' code, asked for early by the head, is fetched once, at Streamlit's own
        # address for it (not under /lanh-dao-nld/), and the chart is drawn with it.
        charts_code = [a.removeprefix(url) for a in asked if "/PlotlyChart." in a]
        assert charts_code == [f"/static/js/{plotly_module()}"], charts_code
        assert page.locator("[data-testid=stPlotlyChart] .main-svg").count() >= 1
        assert failures == []
        assert page.evaluate("document.documentElement.lang") == "vi"
        health = [a.removeprefix(url) for a in asked if "/_stcore/health" in a]
        assert health == ["/_stcore/health"], asked
        # The page is still found from the address, and moving on by the menu works.
        page.get_by_text("Phong trào thi đua").first.click()
        settle(page)
        assert "/phong-trao" in page.url and "nam_tu=2021" in page.url
