"""The page every address answers with (Streamlit's index.html), as the dashboard sends it:
in Vietnamese, saying where the server is, with what the page's head carries for every page
(Streamlit's English words, the tab links' style, the early request for the charts' code).
asgi.py puts it in front of the dashboard; bench/nav_chart_shell.py in front of the
benchmark's skeleton, to measure what it gives."""

from __future__ import annotations

import gzip
import json
from typing import Any

import streamlit as st

from ui.chart_code import early_chart_code_script
from ui.layout import TAB_STYLE
from ui.widget_texts import words_script


class PageShell:
    """ASGI middleware over the HTML page every address answers with (Streamlit's
    index.html): the page is sent as `page_in_shell` makes it.

    Why the server's address is in it: left to itself, the frontend opened on a deep link (/lanh-dao-nld, a leader's bookmark)
    first asks /lanh-dao-nld/_stcore/health, is answered 404, and only after a pause asks
    /_stcore/health: every page but the first waited ~140 ms more before its script ran
    (measured in Chromium). With the server's address given (window.__streamlit, read by the
    frontend as it starts) it connects at once; the page is still found from the address."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        start: dict[str, Any] | None = None
        body: list[bytes] = []

        async def shell(message: Any) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message["status"] == 200 and _is_html(message["headers"]):
                    start = message  # held until the whole page is read
                    return
            elif start is not None and message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                page, headers = page_in_shell(b"".join(body), start["headers"])
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": page})
                return
            await send(message)

        await self.app(scope, receive, shell)


# Before Streamlit's own module script, which reads window.__streamlit when it loads.
_FRONTEND = b'<script type="module"'
_SERVER_ADDRESS = (
    "<script>window.__streamlit = Object.assign({}, window.__streamlit, "
    "{BACKEND_BASE_URL: location.origin + %s})</script>\n    "
)


def page_in_shell(
    page: bytes, headers: list[tuple[bytes, bytes]]
) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """index.html as Streamlit sent it (gzip or not) → the same page with the server's
    address, lang="vi", the script for Streamlit's English words (ui.widget_texts), the
    tab links' style (ui.layout) and the early request for the charts' code (ui.chart_code),
    and its headers with the new length. A page without Streamlit's script (another
    version's) is left as it is."""
    zipped = (b"content-encoding", b"gzip") in [(k.lower(), v) for k, v in headers]
    text = gzip.decompress(page) if zipped else page
    if _FRONTEND not in text:
        return page, headers
    base = "/" + (st.get_option("server.baseUrlPath") or "").strip("/")
    script = _SERVER_ADDRESS % json.dumps(base if base.endswith("/") else base + "/")
    script += words_script() + TAB_STYLE + early_chart_code_script()
    text = text.replace(_FRONTEND, script.encode() + _FRONTEND, 1)
    text = text.replace(b'<html lang="en">', b'<html lang="vi">', 1)
    out = gzip.compress(text) if zipped else text
    kept = [(k, v) for k, v in headers if k.lower() != b"content-length"]
    return out, [*kept, (b"content-length", str(len(out)).encode())]


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers)
