"""The SQL files of thidua/sql/: read whole (named queries, migrations, scripts) or as named
statements (a module's fixed statements, each under a «-- name: …» line). No imports of the
package: every module may use it, db and migrations included."""

from __future__ import annotations

from functools import cache
from importlib import resources


def read_sql(name: str) -> str:
    return resources.files("thidua").joinpath("sql", name).read_text(encoding="utf-8")


@cache
def named_statements(name: str) -> dict[str, str]:
    """The statements of a file of thidua/sql/, each under a «-- name: …» line (a store's
    statements live in one file: access/accounts.sql …), without their final «;»."""
    found: dict[str, str] = {}
    current = None
    for line in read_sql(name).splitlines():
        if line.startswith("-- name:"):
            current = line.removeprefix("-- name:").strip()
            found[current] = ""
        elif current is not None and not line.lstrip().startswith("--"):
            found[current] += line + "\n"
    return {key: text.strip().removesuffix(";").strip() for key, text in found.items()}
