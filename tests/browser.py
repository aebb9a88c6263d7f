"""Drive the real dashboard in Debian's Chromium through Playwright (never `playwright install`)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from thidua.lake import Lake
from thidua.settings import CHROMIUM_FLAGS, chromium

ROOT = Path(__file__).resolve().parent.parent
READY = "[data-testid=stApp][data-test-script-state=notRunning]"


def chromium_available() -> bool:
    return Path(chromium()).exists() or shutil.which("chromium") is not None


def skip_without_chromium() -> None:
    """At the top of a browser test module: skip it when Chromium is missing — or fail, when
    CI asked for the browser tests (REQUIRE_BROWSER)."""
    if not chromium_available():
        if os.environ.get("REQUIRE_BROWSER"):
            raise RuntimeError("REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("Chromium is not installed", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(master: Path, **env: str) -> Iterator[str]:
    """Run the dashboard as `make run` does (serve.py) on `master`; yields the base URL.
    Accounts for `goto` are made in the warehouse's access file first."""
    ensure_accounts(master)
    with serve_process(master, env) as (url, _):
        yield url


@contextlib.contextmanager
def serve_process(
    master: Path, extra: dict[str, str] | None = None, log: Path | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The server (with `extra` environment) and its process (the benchmarks read its
    memory); its output to `log`."""
    env = {**os.environ, "THIDUA_DB": str(master), **(extra or {})}
    with serve_script(["serve.py"], env, log=log) as served:
        yield served


@contextlib.contextmanager
def serve_script(
    command: list[str],
    env: dict[str, str],
    port: int | None = None,
    host: str = "127.0.0.1",
    log: Path | None = None,
    cwd: Path = ROOT,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run a Streamlit server (`python *command*` plus server options, from `cwd`: another
    checkout for bench.against) until it answers; on `port` when the caller must know it
    beforehand (an OIDC redirect address)."""
    port = port or _free_port()
    output = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, *command, "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://{host}:{port}"
    try:
        for _ in range(120):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            time.sleep(0.5)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # an export's Chromium still rendering: not waited for
            process.kill()
            process.wait()
        if log:
            output.close()  # type: ignore[union-attr]


@contextlib.contextmanager
def browser_page(width: int = 1600, height: int = 1000) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(
                viewport={"width": width, "height": height}, locale="vi-VN"
            )
            page = context.new_page()
            yield page
        finally:
            browser.close()


def click_tab(page: Any, name: str) -> None:
    """Open a page's tab (ui.layout.open_tab: a row of links styled as tabs)."""
    page.locator('[class*="st-key-tabs_"]').get_by_role("link", name=name, exact=True).click()


def settle(page: Any, timeout_ms: int = 60_000) -> None:
    """Wait until the script has finished and no skeleton placeholder is left."""
    page.wait_for_selector(READY, timeout=timeout_ms)
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=stSkeleton]').length === 0",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(800)  # let Plotly finish drawing


_WIDER_THAN_SHOWN = """el => { const s = el.querySelector('.dvn-scroller');
  return s ? [s.scrollWidth, s.clientWidth] : null; }"""


def table_widths(table: Any, settle_ms: int = 3000) -> tuple[int, int]:
    """A data grid's content width and the width it is shown in: a table whose last columns
    are behind a horizontal scrollbar has the first larger than the second. A grid just
    drawn may still be laying its columns out (hidden ones counted at first): read again
    for up to `settle_ms` until it fits, and report the last reading."""
    for _ in range(max(1, settle_ms // 250)):
        wide, shown = table.evaluate(_WIDER_THAN_SHOWN)
        if wide <= shown + 1:
            break
        table.page.wait_for_timeout(250)
    return int(wide), int(shown)


# Lines a text takes in a grid cell `width` px wide: the grid's font (Source Sans, 14 px),
# 8 px of padding each side, words wrapped the way a browser wraps them.
_LINES_IN_CELL = """([texts, width]) => {
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = '14px "Source Sans", sans-serif';
  const room = width - 16;
  return texts.map(text => {
    let lines = 1, line = '';
    for (const word of String(text).split(' ')) {
      const next = line ? line + ' ' + word : word;
      if (line && ctx.measureText(next).width > room) { lines += 1; line = word; }
      else line = next;
      if (ctx.measureText(line).width > room) lines += 1;  // one word wider than the cell
    }
    return lines;
  });
}"""


# Measured only once the grid's font has loaded (a fallback font measures otherwise).
_FONT_READY = "document.fonts.check('14px \"Source Sans\"')"


# The grid's columns (title, pixel width) and row height as it laid them out — read from the
# data grid's React properties, which the page does not otherwise show — and the texts of
# the rows drawn, by column (its accessible mirror holds them).
_GRID_LAYOUT = """el => {
  const scroller = el.querySelector('.dvn-scroller');
  const key = Object.keys(scroller).find(k => k.startsWith('__reactFiber'));
  let fiber = scroller[key];
  for (let i = 0; fiber && i < 60; i++, fiber = fiber.return) {
    const props = fiber.memoizedProps;
    if (props && Array.isArray(props.columns) && props.columns.length
        && props.columns[0].width !== undefined) {
      // A row-selection column (no title) comes first and is not mirrored.
      const columns = props.columns.filter(c => c.title);
      const texts = columns.map(() => []);
      for (const cell of el.querySelectorAll('[role=gridcell]')) {
        texts[Number(cell.getAttribute('aria-colindex')) - 1]?.push(cell.innerText);
      }
      return {columns: columns.map(c => [c.title, c.width]), rowHeight: props.rowHeight, texts};
    }
  }
  return null;
}"""


def cut_cells(table: Any) -> list[tuple[str, str, int]]:
    """The texts a grid shows cut — (column, text, lines it needs) — among its headers and
    the rows drawn: a text needing more lines than a row holds at its column's width (a row
    of 64 px or less holds one line: the grid wraps only in taller rows)."""
    layout = table.evaluate(_GRID_LAYOUT)
    assert layout is not None, "no data grid"
    table.page.wait_for_function(_FONT_READY)
    holds = 1 if layout["rowHeight"] <= 64 else (layout["rowHeight"] - 10) // 21
    cut = []
    for (title, width), texts in zip(layout["columns"], layout["texts"], strict=True):
        # The header (one line, always) and the cells measured in one call.
        header, *cells = table.page.evaluate(_LINES_IN_CELL, [[title, *texts], width])
        cut += [(title, title, header)] if header > 1 else []
        cut += [(title, t, n) for t, n in zip(texts, cells, strict=True) if n > holds]
    return cut


def assert_read_whole(table: Any, where: object = None) -> None:
    """A grid at this window's width: every column within it (no sideways scrollbar) and no
    header or drawn cell cut at its column's edge; `where` names it when it fails."""
    wide, shown = table_widths(table)
    assert wide <= shown + 1, (where, wide, shown)
    assert cut_cells(table) == [], where


PASSWORD = "mat-khau-thu-nghiem"
# user name -> (role, scope)
ACCOUNTS = {
    "quantri": ("admin", "*"),
    "chuyenvien": ("analyst", "*"),
    "lanhdao": ("viewer", "*"),
}


def ensure_accounts(master: Path | Lake, **units: str) -> None:
    """The browser tests' accounts (and unit accounts named here: user name -> unit), where
    the warehouse keeps them: beside a file or a SQLite catalog, or in a lake's PostgreSQL."""
    from thidua import access_file, accounts, warehouse
    from thidua.access import PROVINCE, Account

    path = (
        warehouse.access_store(master)
        if isinstance(master, Lake)
        else access_file.access_path(master)
    )
    if not accounts.has_users(path):
        accounts.add_user(path, None, "quantri", PASSWORD, "admin")
    admin = Account("quantri", "admin", PROVINCE)
    wanted = {**ACCOUNTS, **{name: ("viewer", unit) for name, unit in units.items()}}
    for name, (role, unit) in wanted.items():
        if accounts.get_user(path, name) is None:
            accounts.add_user(path, admin, name, PASSWORD, role, unit)


SIGN_IN_SHOWN = (
    "() => [...document.querySelectorAll('h1')].some(h => h.innerText.trim() === 'Đăng nhập')"
)


def goto(page: Any, url: str, username: str = "lanhdao") -> None:
    """Open an address as a person would; sign in on the form if it asks (each new page load
    is a new session). Cookies are cleared first, so each call signs in as `username`."""
    page.context.clear_cookies()
    page.goto(url)
    settle(page)
    if page.evaluate(SIGN_IN_SHOWN):
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_function(f"() => !({SIGN_IN_SHOWN})()", timeout=60_000)
        settle(page)
