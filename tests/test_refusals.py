"""The importer's refusal sentences are all in etl/refusals.py: no other module of etl/ spells
one itself, so a reader, a translator or the office writing the user guide finds every
reason a file is refused, and its fix, in that one file."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The calls that carry a refusal, and where their sentence is: (position, keyword).
MESSAGE_OF = {
    "Problem": (1, "message"),
    "Check": (2, "message"),
    "refused": (1, "message"),
    "Kind": (1, "refusal"),  # etl.reading.kinds: what a file is when the reader cannot take it
    "BadChoice": (0, None),  # etl.choices: an option's value that cannot be used
}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _message(call: ast.Call) -> ast.expr | None:
    position, keyword = MESSAGE_OF[_name(call.func) or ""]
    for given in call.keywords:
        if keyword is not None and given.arg == keyword:
            return given.value
    return call.args[position] if len(call.args) > position else None


def _spelled(node: ast.AST) -> Iterator[str]:
    """The text literals a message is built from (f-strings' text included). A call's
    arguments are not looked into — they are the values of a sentence made elsewhere,
    refusals.broken_sheet(name) — but what it is called on is: "…{}".format(n)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.Call):
        yield from _spelled(node.func)
    else:
        for child in ast.iter_child_nodes(node):
            yield from _spelled(child)


def sentences_spelled(source: str) -> list[tuple[int, str]]:
    """(line, text) of each non-ASCII literal given as the message of a refusal."""
    found = []
    for call in ast.walk(ast.parse(source)):
        if isinstance(call, ast.Call) and _name(call.func) in MESSAGE_OF:
            message = _message(call)
            if message is None:
                continue
            texts = [text for text in _spelled(message) if not text.isascii()]
            if texts:
                found.append((message.lineno, " … ".join(texts)))
    return found


def _checked_modules() -> list[Path]:
    return [path for path in sorted((ROOT / "etl").rglob("*.py")) if path.name != "refusals.py"]


def test_no_module_spells_a_refusal_itself() -> None:
    spelled = [
        f"{path.relative_to(ROOT).as_posix()}:{line}: {text[:70]}"
        for path in _checked_modules()
        for line, text in sentences_spelled(path.read_text(encoding="utf-8"))
    ]
    assert not spelled, "refusal sentences to move to etl/refusals.py:\n" + "\n".join(spelled)


def test_a_sentence_spelled_at_the_call_is_found() -> None:
    """The check above finds what it is for, in every shape a message is written."""
    source = """
Problem(file, "thiếu tên đơn vị.")
Problem(file, message=f"trang «{sheet}» trống.", row=3)
Check(bad, "unit", "đơn vị " + "lặp.")
refused(name, too_big(size) + " Hãy tách tệp.")
refused(name, "một ô dài quá {limit} ký tự".format(limit=n))
Kind("other", refusal="tệp này là ảnh.")
BadChoice(f"--year «{year}»: cần một năm.")
problems.Problem(file, ("dòng " if row else "") + "sai.")
"""
    lines = [line for line, _ in sentences_spelled(source)]
    assert lines == [2, 3, 4, 5, 6, 7, 8, 9]


def test_a_sentence_from_refusals_is_not_flagged() -> None:
    source = """
Problem(file, refusals.MISSING_UNIT)
Problem(file, refusals.no_such_sheet(f"«{sheet}»", names), value="Sở Y tế")
Check(bad, "unit", refusals.UNIT_TWICE, suggest)
refused(name, refusals.EMPTY_FILE, row=1, column="A")
Problem(file, "ASCII only: not a Vietnamese sentence")
"""
    assert sentences_spelled(source) == []


def test_refusals_import_nothing_heavy() -> None:
    """The reading child imports etl.refusals inside its memory bound, before any table
    library (etl.reading.worker)."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, etl.refusals; print(' '.join(sys.modules))"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert {"polars", "duckdb", "pyarrow", "fastexcel"}.isdisjoint(loaded)


def test_no_sentence_for_a_reader_names_a_folder_of_the_server() -> None:
    """Issue 21, 3: a file the page could not read was answered with «xem mẫu trong
    data/templates» — a folder on the server no analyst can open."""
    import contextlib
    import inspect

    from etl import refusals

    said = [v for k, v in vars(refusals).items() if isinstance(v, str) and not k.startswith("__")]
    for fn in vars(refusals).values():
        if inspect.isfunction(fn) and fn.__module__ == refusals.__name__:
            params = inspect.signature(fn).parameters
            if all(p.annotation in ("str", str) for p in params.values()):
                with contextlib.suppress(KeyError, ValueError):  # a code it looks up
                    said.append(fn(*["Trang1"] * len(params)))
    assert said and not [s for s in said if "data/" in s or "templates" in s]
    assert "Tải mẫu sổ khen thưởng" in refusals.no_known_table("Trang1")
