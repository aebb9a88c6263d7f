"""Settings are one table: the README's section is generated from it, nothing else reads the
environment, and every THIDUA_ variable the code names is a row of it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from thidua import app_settings, settings

ROOT = settings.PROJECT_ROOT
SOURCES = [
    *sorted((ROOT / "etl").rglob("*.py")),
    *sorted((ROOT / "thidua").rglob("*.py")),
    *sorted((ROOT / "pages").rglob("*.py")),
    ROOT / "app.py",
    ROOT / "asgi.py",
    ROOT / "serve.py",
]


def test_readme_settings_section_is_the_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings.readme_with_settings(readme) == readme, "run `python -m thidua.settings`"
    # the section lists every environment variable, each once
    section = readme.split(settings.README_BEGIN)[1].split(settings.README_END)[0]
    named = re.findall(r"^\| `([A-Z_]+)` \|", section, flags=re.M)
    assert named == [s.name for s in settings.SETTINGS]
    # 9 general (DB, LAKE_DATA, LAKE_LEASE_SECONDS, ACCESS_DB, …), 11 import limits, 2 allocator settings
    assert len(set(named)) == len(named) == 9 + 11 + 2


def _reads_environment(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        os_attribute = (
            isinstance(node, ast.Attribute)
            and node.attr in {"environ", "getenv", "environb"}
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
        )
        from_os = (
            isinstance(node, ast.ImportFrom)
            and node.module == "os"
            and any(alias.name in {"environ", "getenv"} for alias in node.names)
        )
        if os_attribute or from_os:
            lines.append(getattr(node, "lineno", 0))
    return lines


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = {
        str(path.relative_to(ROOT)): lines
        for path in SOURCES
        if (lines := _reads_environment(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert readers == {"thidua/settings.py": readers.get("thidua/settings.py", [])}
    assert readers["thidua/settings.py"]  # the check would pass on nothing if it saw nothing


def test_every_variable_the_code_names_is_a_setting() -> None:
    known = {s.name for s in settings.SETTINGS}
    named: set[str] = set()
    for path in [*SOURCES, ROOT / "Makefile", ROOT / ".ci" / "run"]:
        named |= set(re.findall(r"\bTHIDUA_[A-Z_]*[A-Z]\b", path.read_text(encoding="utf-8")))
    named.discard("THIDUA_LIMIT")  # the prefix, spelt in the module's comments
    assert "THIDUA_ANONYMOUS" in named and "THIDUA_AUTH" in named
    assert named - known == set()


def test_admin_settings_fall_back_to_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "access.sqlite"
    assert app_settings.non_leader_target(path) == 0.6  # the table's default
    monkeypatch.setenv("THIDUA_NON_LEADER_TARGET", "0.55")
    assert app_settings.non_leader_target(path) == 0.55
    assert set(settings.ADMIN_SETTINGS) == {"non_leader_target", "anonymous"}
    assert settings.ADMIN_SETTINGS["anonymous"].label.startswith("Cho phép xem")


def test_limits_from_the_environment() -> None:
    limits = settings.limits_from_env(
        {"THIDUA_LIMIT_READ_SECONDS": "120", "THIDUA_LIMIT_MAX_ROWS": "5000"}
    )
    assert (limits.read_seconds, limits.max_rows, limits.max_columns) == (120.0, 5000, 512)
    with pytest.raises(ValueError):
        settings.limits_from_env({"THIDUA_LIMIT_MAX_ROWS": "nhiều"})
    # the README row gives the default as the code has it: 50 MB in bytes
    row = next(s for s in settings.SETTINGS if s.name == "THIDUA_LIMIT_MAX_FILE_BYTES")
    assert row.default == str(50 * 1024 * 1024)


def test_chromium_path_is_read_at_each_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_CHROMIUM", "/opt/chromium")
    assert settings.chromium() == "/opt/chromium"
    monkeypatch.delenv("THIDUA_CHROMIUM")
    assert settings.chromium() == "/usr/bin/chromium"


def _etl_imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "etl":
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names if alias.name.split(".")[0] == "etl"}
    return names


def test_pages_see_one_etl_door() -> None:
    """The dashboard reaches the importer through etl.upload only (it had 23 imports of
    importer, load, parse, problems, headers and templates)."""
    ui = [
        *sorted((ROOT / "pages").glob("*.py")),
        *sorted((ROOT / "ui").glob("*.py")),
        ROOT / "app.py",
        ROOT / "asgi.py",
    ]
    seen = {
        str(path.relative_to(ROOT)): imported
        for path in ui
        if (imported := _etl_imports(ast.parse(path.read_text(encoding="utf-8"))))
    }
    # the upload page and the components of the upload, admin, double-award review and ladder
    # pages (a pair's review is written, a draft list read, through the same door), nothing else
    assert "pages/upload.py" in seen and "ui/upload_review.py" in seen
    writers = ("ui/admin_", "ui/upload_", "ui/import_", "ui/double_", "ui/ladder_")
    assert {p for p in seen if not p.startswith(writers)} == {"pages/upload.py"}
    allowed = {"etl.upload", "etl.upload.Inspection", "etl.upload.Overrides"}
    assert set().union(*seen.values()) <= allowed, seen
