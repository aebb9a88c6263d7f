"""`python -m bench against REV`: this code's chart pages beside those of another revision
(the commit an issue was filed on), on this machine, in one run: "the redesign must not make
a page slower" is measured, not remembered from another machine's numbers.

Each revision is checked out in a temporary worktree (sharing this .venv), builds the demo
province with its own `python -m etl demo` and its own test accounts, and is served by its
own serve.py. Each page is paired with the dashboard skeleton as `python -m bench pages`
does (bench.pages.paired); the two codes are alternated round by round, and the median of
each page's rounds is printed with their range."""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench.pages import PAGES, floor_server, paired
from tests.browser import ROOT, browser_page, goto, serve_script
from thidua.formatting import number
from thidua.settings import DB

# The chart pages, and the order they are measured in.
CHART_PAGES = {k: v for k, v in PAGES.items() if k not in ("Tra cứu", "Trình chiếu")}


@contextlib.contextmanager
def checkout(rev: str, folder: Path) -> Iterator[Path]:
    """`rev` in a worktree under `folder`, with this checkout's .venv; removed afterwards."""
    tree = folder / "tree"
    git = ["git", "-C", str(ROOT)]
    subprocess.run([*git, "worktree", "add", "--detach", "-q", str(tree), rev], check=True)
    try:
        (tree / ".venv").symlink_to(ROOT / ".venv")
        yield tree
    finally:
        subprocess.run([*git, "worktree", "remove", "--force", str(tree)], check=False)


def demo_warehouse(tree: Path, folder: Path) -> Path:
    """The demo province as the code in `tree` builds it, with that code's test accounts."""
    master = folder / "warehouse.duckdb"
    env = {**os.environ, DB.name: str(master)}
    demo = [sys.executable, "-m", "etl", "demo"]
    subprocess.run(demo, cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)
    accounts = (
        "from pathlib import Path; from tests.browser import ensure_accounts; "
        f"ensure_accounts(Path({str(master)!r}))"
    )
    subprocess.run([sys.executable, "-c", accounts], cwd=tree, env=env, check=True)
    return master


def has_page(tree: Path, path: str) -> bool:
    """Whether the code in `tree` has the page at `path` (an older one may not: /ho-so)."""
    address = path.strip("/").split("?")[0]
    return not address or f'"{address}"' in (tree / "app.py").read_text(encoding="utf-8")


def rows(
    rev: str, rounds: int = 3, pages: dict[str, str] | None = None
) -> list[tuple[str, str, str]]:
    """(page, `rev`'s median ratio and range, this code's) over `rounds` alternated rounds."""
    pages = pages or CHART_PAGES
    ratios: dict[tuple[str, str], list[float]] = {}
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        other = stack.enter_context(checkout(rev, folder))
        trees = {
            rev: (other, demo_warehouse(other, _made(folder / "other"))),
            "HEAD": (ROOT, demo_warehouse(ROOT, _made(folder / "this"))),
        }
        skeleton = stack.enter_context(floor_server("nav_chart_app.py"))
        urls = {
            name: stack.enter_context(
                serve_script(["serve.py"], {**os.environ, DB.name: str(master)}, cwd=tree)
            )[0]
            for name, (tree, master) in trees.items()
        }
        page = stack.enter_context(browser_page(1920, 1080))
        for turn in range(rounds):
            order = list(trees) if turn % 2 == 0 else list(trees)[::-1]
            for name in order:
                goto(page, urls[name], "lanhdao")  # each server its own sign-in (one cookie jar)
                for title, path in pages.items():
                    if not has_page(trees[name][0], path):
                        continue
                    _, _, ratio, _ = paired(page, skeleton, urls[name] + path)
                    ratios.setdefault((name, title), []).append(ratio)
    return [
        (title, _said(ratios.get((rev, title), [])), _said(ratios[("HEAD", title)]))
        for title in pages
    ]


def _made(folder: Path) -> Path:
    folder.mkdir()
    return folder


def _said(ratios: list[float]) -> str:
    if not ratios:
        return "—"
    median = statistics.median(ratios)
    return f"{number(median, 2)}× ({number(min(ratios), 2)}–{number(max(ratios), 2)})"


def print_against(rev: str, rounds: int, paths: list[str] | None = None) -> None:
    pages = {k: v for k, v in CHART_PAGES.items() if not paths or v in paths}
    print(f"| trang (so với khung có menu và một biểu đồ, theo cặp) | {rev} | mã này |")
    print("|---|---:|---:|")
    for title, theirs, ours in rows(rev, rounds, pages):
        print(f"| {title} | {theirs} | {ours} |")
