"""What the importer tells a person about a file it will not load.

Every message is Vietnamese and names the file, the row as Excel numbers it,
the column header, the value and what is wrong. The sentence saying what is wrong (and
how to fix it) comes from etl.refusals; a Problem puts where before it when shown.
"""

from __future__ import annotations

from dataclasses import dataclass


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA (as Excel labels columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    row: int | None = None
    column: str | None = None  # "I «Hình thức khen thưởng»"
    value: str | None = None
    suggestion: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.column:
            where.append(f"cột {self.column}")
        text = ", ".join(where) + ": "
        if self.value is not None:
            text += f"giá trị «{self.value}» — "
        text += self.message
        if self.suggestion:
            text += f" Có phải ý bạn là «{self.suggestion}»?"
        return text


class FileRefused(Exception):
    """The file is refused whole; nothing of it was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def refused(
    file: str, message: str, row: int | None = None, column: str | None = None
) -> FileRefused:
    """A file refused for one reason (the reading stage's refusals)."""
    return FileRefused([Problem(file=file, message=message, row=row, column=column)])
