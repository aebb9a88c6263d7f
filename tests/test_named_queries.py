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


STORES = ["access_file", "accounts", "app_settings", "audit", "sessions"]


@pytest.mark.parametrize("store", STORES)
def test_a_store_names_each_of_its_statements_and_uses_them_all(store: str) -> None:
    """The access stores keep their SQL in thidua/sql/access/<store>.sql: every SQL["…"] the
    module uses is there, every statement there is used, and none is left inline."""
    import ast
    import re

    from thidua import db

    source = (Path(queries.__file__).parent / f"{store}.py").read_text(encoding="utf-8")
    used = set(re.findall(r'SQL\["(\w+)"\]', source))
    assert used == set(db.named_statements(f"access/{store}.sql"))
    inline = [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE|ALTER|PRAGMA)\s", node.value)
    ]
    assert inline == []
