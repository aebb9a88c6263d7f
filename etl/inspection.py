"""What the check stages found in one file before anything is written: the sheets recognised,
the rows parsed, the problems, and the analyst's choices that shaped them (the upload page's
mapping, the command line's options)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from etl.grid import Grid
from etl.problems import Problem
from etl.reading.stage import Book
from etl.recognise.headers import (
    letter_index,
)
from thidua import reference

LAYOUT_NAMES = reference.LAYOUT_NAMES  # one wording (thidua.reference)


@dataclass
class Parsed:
    layout: str
    frame: pl.DataFrame
    sheet: str


@dataclass(frozen=True)
class Overrides:
    """What an analyst corrected on the upload page before confirming."""

    # sheet name -> {0-based grid column -> field}; field "" ignores the column
    columns: dict[str, dict[int, str]] = field(default_factory=dict)
    # values a decision list's preamble lacks: decision_no, decision_date (ISO), form_code,
    # year
    context: dict[str, str] = field(default_factory=dict)
    # sheet name -> the Excel row that holds the column titles, when the importer found none
    # (or the wrong one): the page asks for it
    header_rows: dict[str, int] = field(default_factory=dict)
    # The command line's choices (an analyst fixing a refusal without editing the file):
    # only these sheets; Excel letter -> field, per sheet name or "*" for every sheet; a
    # typed unit name -> the unit it means, for this import.
    sheets: list[str] = field(default_factory=list)
    letters: dict[str, dict[str, str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    # Mappings remembered in the warehouse, by header set: used for a sheet the analyst
    # has not mapped here.
    remembered: dict[str, dict[int, str]] = field(default_factory=dict)

    def mapping_for(self, grid: Grid) -> dict[int, str]:
        """The analyst's column choices for one sheet, as grid columns."""
        chosen = dict(self.columns.get(grid.sheet, {}))
        for sheet in ("*", grid.sheet):
            for letter, name in self.letters.get(sheet, {}).items():
                column = letter_index(letter) - grid.first_col
                if 0 <= column < grid.cells.width:
                    chosen[column] = name
        return chosen


@dataclass
class SheetInfo:
    """What was recognised in one sheet, for the preview."""

    sheet: str
    layout: str | None
    header_row: int | None  # Excel row number
    columns: list[tuple[int, str, str | None, str | None]]  # (grid col, letter, header text, field)
    context: dict[str, str | None] = field(default_factory=dict)
    header_key: str | None = None  # the header set, for remembering a mapping
    mapping: dict[int, str] = field(default_factory=dict)  # the analyst's, or remembered
    remembered: bool = False  # the mapping came from an earlier import of this header set
    warnings: list[str] = field(default_factory=list)  # what the analyst should know
    reasons: str | None = None  # why the layout was chosen (etl.recognise)
    traits: list[str] = field(default_factory=list)  # what was recognised in an award list


@dataclass
class Inspection:
    """A file read and checked completely; nothing written yet."""

    path: Path
    file: str
    checksum: str
    book: Book = field(default_factory=lambda: Book([]))
    sheets: list[SheetInfo] = field(default_factory=list)
    parsed: list[Parsed] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicate_of: int | None = None  # an active batch with the same checksum
    replaces: int | None = None  # an active batch of the same decision(s), to be replaced
    # scoring sheets in force that this file's sheets take the place of (same bloc and
    # year): (bloc_name, year, batch_id, file_name), said before confirming
    displaces: list[tuple[str, int, int, str]] = field(default_factory=list)
    # Dossier numbers of a register already in the warehouse: their rows are replaced.
    known_dossiers: int = 0
    encoding: str | None = None
    # award units that match no unit nor alias: shown for mapping, never created silently
    unknown_units: pl.DataFrame = field(default_factory=pl.DataFrame)

    @property
    def ok(self) -> bool:
        return not self.problems and self.duplicate_of is None and bool(self.parsed)

    @property
    def grids(self) -> list[Grid]:
        return self.book.grids

    @property
    def warnings(self) -> list[str]:
        """What the reader noticed, then what each sheet's parse did that the analyst
        should know (a joined cell kept whole)."""
        return self.book.warnings + [w for sheet in self.sheets for w in sheet.warnings]

    def scores(self) -> pl.DataFrame:
        """Every scoring sheet's rows (bloc_name, year, rank, unit_name, total_score…)."""
        frames = [p.frame for p in self.parsed if p.layout == "bloc_scores"]
        return pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()

    def dossiers(self) -> pl.DataFrame:
        """Every dossier register row (dossier_no, submission, status, received_on…)."""
        frames = [p.frame for p in self.parsed if p.layout == "dossiers"]
        return pl.concat(frames) if frames else pl.DataFrame()

    @property
    def layout(self) -> str:
        return ",".join(dict.fromkeys(p.layout for p in self.parsed))

    @property
    def rows(self) -> int:
        return sum(p.frame.height for p in self.parsed)

    def awards(self) -> pl.DataFrame:
        frames = [p.frame for p in self.parsed if p.layout == "awards"]
        return pl.concat(frames) if frames else pl.DataFrame()
