"""A deterministic demo province (Kiên Giang, 2018–2025) and a national benchmark set.

`build_province` draws the truth (one row per award, bloc scores, bloc memberships,
campaigns); `write_province` turns it into the spreadsheets a provincial office
would actually keep, so the demo goes through the same importer as real files.
`national_awards` draws ~10M award rows for benchmarks without writing files.

Everything is drawn with numpy over small dictionaries of strings (names,
positions, award texts) and mapped to polars Enum columns, so no Python string
is built per row. The same seed always gives the same frames.

Files vs truth: individuals in the decision lists (`qd_bang_khen_{year}.xlsx`)
have no gender column, so their `gender` is None in the truth and the importer
reads NULL for them; collectives there carry their unit only after the last
comma of the name ("Phòng Tổ chức cán bộ, Sở Y tế").

Modules, in the order they build on each other: `helpers`, `forms` (award forms),
`people` (names, positions, collectives), `catalog` (units), `dictionaries`,
`campaigns`, `awards` (the draw and its decisions), `blocs` (memberships, scores),
`province` (`build_province`), `national` (`national_awards`), `files` (spreadsheets).
"""

from __future__ import annotations

from demo_province.awards import AWARD_COLUMNS
from demo_province.catalog import load_units
from demo_province.files import write_decision_list, write_province, write_register
from demo_province.forms import COLLECTIVE_ONLY, INDIVIDUAL_ONLY, STATE_CODES
from demo_province.national import national_awards
from demo_province.province import DemoProvince, build_province

__all__ = [
    "AWARD_COLUMNS",
    "COLLECTIVE_ONLY",
    "INDIVIDUAL_ONLY",
    "STATE_CODES",
    "DemoProvince",
    "build_province",
    "load_units",
    "national_awards",
    "write_decision_list",
    "write_province",
    "write_register",
]
