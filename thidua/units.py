"""Matching the unit names offices type to the units table.

"Sở GD&ĐT", "Sở Giáo dục - Đào tạo" and "Sở Giáo dục và Đào tạo" are one unit; so are
"UBND TP Rạch Giá" and "UBND thành phố Rạch Giá". Names are compared after folding and
spelling out the usual abbreviations; what still does not match can be mapped by an
analyst, and the mapping is kept as an alias (table unit_aliases). Nothing is created silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import duckdb

from thidua.sql_files import named_statements
from thidua.text import fold

SQL = named_statements("core/units.sql")

# Abbreviations as they are written, folded; applied before splitting into words.
_PHRASES = (
    (r"gd\s*(&|va|-|,)?\s*dt", "giao duc dao tao"),
    (r"kh\s*(&|va|-|,)?\s*cn", "khoa hoc cong nghe"),
    (r"kh\s*(&|va|-|,)?\s*dt", "ke hoach dau tu"),
    (r"tn\s*(&|va|-|,)?\s*mt", "tai nguyen moi truong"),
    (r"nn\s*(&|va|-|,)?\s*ptnt", "nong nghiep phat trien nong thon"),
    (r"ld\s*(-)?\s*tb\s*(&|va|-|,)?\s*xh", "lao dong thuong binh xa hoi"),
    (r"vh\s*(,|-)?\s*tt\s*(&|va|-|,)?\s*dl", "van hoa the thao du lich"),
    (r"vh\s*(&|va|-|,)?\s*tt", "van hoa the thao"),
    (r"tt\s*(&|va|-|,)?\s*tt", "thong tin truyen thong"),
    (r"gt\s*(-)?\s*vt", "giao thong van tai"),
)
_WORDS = {
    "ubnd": "uy ban nhan dan",
    "tp": "thanh pho",
    "tp.": "thanh pho",
    "h.": "huyen",
    "s.": "so",
    "mttq": "mat tran to quoc",
    "vn": "viet nam",
    "hdnd": "hoi dong nhan dan",
    "dbqh": "doan dai bieu quoc hoi",
    "bql": "ban quan ly",
}
_DROP = {"va", "&", "-", ",", "tinh", "kien", "giang"}  # "Sở Y tế" = "Sở Y tế tỉnh Kiên Giang"


def unit_key(name: str) -> str:
    text = fold(name).replace("đ", "d")
    for pattern, spelled in _PHRASES:
        text = re.sub(rf"\b{pattern}\b", spelled, text)
    words = [_WORDS.get(w, w) for w in re.findall(r"[a-z0-9.&]+", text)]
    return " ".join(w for w in " ".join(words).split() if w not in _DROP and w.strip("."))


@dataclass
class UnitMatcher:
    names: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)  # alias as typed -> unit name
    _keys: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.names:
            self._keys.setdefault(unit_key(name), name)
        for alias, name in self.aliases.items():
            self._keys.setdefault(unit_key(alias), name)

    @classmethod
    def from_db(cls, con: duckdb.DuckDBPyConnection) -> UnitMatcher:
        names = {r[0] for r in con.execute(SQL["unit_names"]).fetchall()}
        aliases = dict(con.execute(SQL["aliases"]).fetchall())
        return cls(names, aliases)

    def with_aliases(self, aliases: dict[str, str]) -> UnitMatcher:
        """This matcher with more aliases (an analyst's for one import), theirs first."""
        if not aliases:
            return self
        return UnitMatcher(set(self.names), {**self.aliases, **aliases})

    def canonical(self, typed: str | None) -> str | None:
        """The unit a typed name means, or None when no unit or alias matches."""
        if not typed:
            return None
        if typed in self.names:
            return typed
        if typed in self.aliases:
            return self.aliases[typed]
        return self._keys.get(unit_key(typed))
