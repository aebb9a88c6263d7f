"""The UI layer's shape: each component (ui/) owns its session keys — no two components
write the same key, and no page writes a component's key — and the core never imports the UI."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _constants(tree: ast.Module) -> dict[str, str]:
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }


def _is_state(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "session_state"


def _key(node: ast.AST, constants: dict[str, str]) -> str | None:
    """A key as written: a literal, a module constant, or an f-string's fixed start + «…»."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value + "…"
    return None


def written_keys(path: Path) -> set[str]:
    """The session keys a module sets (x[key] = …, setdefault, update(key=…))."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = _constants(tree)
    keys: set[str] = set()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AugAssign):
            targets = [node.target]
        written = [t.slice for t in targets if isinstance(t, ast.Subscript) and _is_state(t.value)]
        call = node if isinstance(node, ast.Call) else None
        if call and isinstance(call.func, ast.Attribute) and _is_state(call.func.value):
            if call.func.attr == "setdefault" and call.args:
                written.append(call.args[0])
            if call.func.attr == "update":
                keys |= {k.arg for k in call.keywords if k.arg}
        keys |= {key for node in written if (key := _key(node, constants)) is not None}
    return keys


def test_each_session_key_has_one_owner() -> None:
    owners: dict[str, list[str]] = {}
    for path in sorted([*(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]):
        for key in written_keys(path):
            owners.setdefault(key, []).append(str(path.relative_to(ROOT)))
    shared = {key: where for key, where in owners.items() if len(where) > 1}
    assert shared == {}
    # the check sees the components' keys at all (the filters', the account's, the uploader's)
    assert {"f_year_from", "f_bloc", "account", "uploader", "_page_title"} <= set(owners)
    assert owners["f_bloc"] == ["ui/filters.py"] and owners["account"] == ["ui/account.py"]


def test_core_and_etl_never_import_the_ui() -> None:
    for path in [*(ROOT / "thidua").rglob("*.py"), *(ROOT / "etl").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            bad = [n for n in names if n.split(".")[0] in {"streamlit", "ui", "pages"}]
            assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_one_access_guard() -> None:
    """Whether an account may is asked of ui.guard only: pages, components and app.py call
    guard.allowed / guard.require_page, never Account.can themselves (it was decided in six
    places)."""
    askers = {}
    for path in [*(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "can"
        ]
        if calls:
            askers[str(path.relative_to(ROOT))] = calls
    assert list(askers) == ["ui/guard.py"]


def test_pages_only_lay_out() -> None:
    """A page is widgets → one core call → chart: at most 80 lines each (issue 21); what it
    draws in detail lives in a ui/ component (kpis, *_panels, tables, drilldown…)."""
    lengths = {
        page.name: len(page.read_text(encoding="utf-8").splitlines())
        for page in sorted((ROOT / "pages").glob("*.py"))
    }
    assert {name: n for name, n in lengths.items() if n > 80} == {}
    assert lengths["overview.py"] < 80 and len(lengths) >= 9
