"""Every named query parses once its fragments are in place (a comment naming {counts} once
received the fragment and commented out its first line: the distribution page failed)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from thidua import queries

# aggregates*.sql are the warehouse's build scripts (thidua.db.aggregates_sql fills them).
NAMES = sorted(
    p.stem
    for p in (Path(queries.__file__).parent / "sql").glob("*.sql")
    if p.stem[0] != "_" and not p.stem.startswith("aggregates")
)


@pytest.mark.parametrize("name", NAMES)
def test_named_query_parses(name: str) -> None:
    text, _ = queries.text(name)
    assert "{" not in text.replace("{'", "").replace("'}", ""), "a fragment was not put in"
    statements = duckdb.connect().extract_statements(text)
    assert statements, name


def test_a_comment_naming_a_fragment_is_harmless() -> None:
    assert len(NAMES) > 20
    text, _ = queries.text("top_units")
    assert "--" not in text and "AS households" in text


ROOT = Path(queries.__file__).parent.parent
# module -> its file of named statements (thidua/sql/…)
STORES = {
    "thidua/access_file.py": "access/access_file.sql",
    "thidua/accounts.py": "access/accounts.sql",
    "thidua/app_settings.py": "access/app_settings.sql",
    "thidua/audit.py": "access/audit.sql",
    "thidua/sessions.py": "access/sessions.sql",
    "etl/load.py": "etl/load.sql",
    "thidua/db.py": "db/warehouse.sql",
    "thidua/units.py": "core/units.sql",
    "thidua/scope.py": "core/scope.sql",
    "thidua/meta.py": "core/meta.sql",
    "thidua/positions.py": "core/positions.sql",
    "etl/rules.py": "etl/rules.sql",
    "etl/doubles.py": "etl/doubles.sql",
    "etl/ladder_rules.py": "etl/ladder_rules.sql",
    "etl/upload.py": "etl/upload.sql",
    "etl/importer.py": "etl/importer.sql",
    "etl/demo_import.py": "etl/demo_import.sql",
    "etl/status.py": "etl/status.sql",
}


@pytest.mark.parametrize("module", sorted(STORES))
def test_a_module_names_each_of_its_statements_and_uses_them_all(module: str) -> None:
    """The access stores and the loader keep their SQL in named files: every SQL["…"] the
    module uses is there, every statement there is used, and none is left inline (but those
    that name a table from a fixed list, f-strings)."""
    import ast
    import re

    from thidua import sql_files

    source = (ROOT / module).read_text(encoding="utf-8")
    used = set(re.findall(r'SQL\["(\w+)"\]', source))
    assert used == set(sql_files.named_statements(STORES[module]))
    tree = ast.parse(source)
    templated = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    inline = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and id(node) not in templated
        and isinstance(node.value, str)
        and re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE|ALTER|PRAGMA)\s", node.value)
    ]
    assert inline == []


def test_no_fixed_statement_is_left_inline() -> None:
    """Every fixed SQL statement of the core, the importer and the UI is in a named file;
    only statements that put in a name from a fixed list (f-strings) are built in Python."""
    import ast
    import re

    left = []
    for path in sorted([*(ROOT / "thidua").rglob("*.py"), *(ROOT / "etl").rglob("*.py"),
                        *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").rglob("*.py")]):  # fmt: skip
        tree = ast.parse(path.read_text(encoding="utf-8"))
        templated = {
            id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values
        }
        left += [
            f"{path.relative_to(ROOT)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and id(node) not in templated
            and isinstance(node.value, str)
            and re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|PRAGMA)\s", node.value)
        ]
    assert left == []
