"""The shared filters of every page, as SQL over the `awards` view.

Values always travel as named parameters; the only SQL text added is chosen
from fixed fragments below, never built from user input.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from thidua import reference

FORM_CODES = frozenset(f.code for f in reference.AWARD_FORMS)
AWARD_TYPES = frozenset(reference.AWARD_TYPES)
RECIPIENT_KINDS = frozenset(reference.RECIPIENT_KINDS)
# A value of a link's parameter longer than this is cut before it is split: every allowed
# list fits in it many times over (the longest, all award codes, is under 300 characters).
MAX_PARAM_CHARS = 2_000
MAX_PARAM_REPEATS = 20  # «?hinh-thuc=A&hinh-thuc=B…»: the first 20 are read


def listed_in_url(values: Iterable[str], allowed: Collection[str]) -> list[str]:
    """The comma-separated items of a link's list parameter (given once or repeated) that
    are in `allowed`, each once, in the order given — so the work a link asks for is bounded
    by the allow-list, not by the link: «?bo=a,a,a,…» 20,000 times is «?bo=a»."""
    kept: dict[str, None] = {}
    for value in itertools.islice(values, MAX_PARAM_REPEATS):
        for item in value[:MAX_PARAM_CHARS].split(","):  # ≤ 1,001 items
            if item in allowed:
                kept[item] = None
                if len(kept) == len(allowed):
                    return list(kept)
    return list(kept)


@dataclass(frozen=True)
class Filters:
    year_from: int | None = None
    year_to: int | None = None
    bloc: str | None = None
    unit: str | None = None
    forms: tuple[str, ...] = field(default_factory=tuple)
    award_types: tuple[str, ...] = field(default_factory=tuple)
    kinds: tuple[str, ...] = field(default_factory=tuple)

    def clean(self) -> Filters:
        """Drop values outside the reference lists (a hand-edited URL must not break a page)."""
        return replace(
            self,
            forms=tuple(v for v in self.forms if v in FORM_CODES),
            award_types=tuple(v for v in self.award_types if v in AWARD_TYPES),
            kinds=tuple(v for v in self.kinds if v in RECIPIENT_KINDS),
        )

    def _where_and_when(
        self, row: str, prefix: str, years: bool = True
    ) -> tuple[list[str], dict[str, Any]]:
        """The years, unit and bloc over a row `row` (an alias with year and unit_name), as
        fixed SQL fragments and their parameters named `prefix`_…: shared by the awards' and
        the dossiers' filters. `row` and `prefix` are ours, never user input."""
        assert (row, prefix) in (("a", "f"), ("d", "d"))  # fixed names only
        parts: list[str] = ["TRUE"]
        params: dict[str, Any] = {}
        if years and self.year_from is not None:
            parts.append(f"{row}.year >= ${prefix}_year_from")
            params[f"{prefix}_year_from"] = self.year_from
        if years and self.year_to is not None:
            parts.append(f"{row}.year <= ${prefix}_year_to")
            params[f"{prefix}_year_to"] = self.year_to
        if self.unit:
            parts.append(f"{row}.unit_name = ${prefix}_unit")
            params[f"{prefix}_unit"] = self.unit
        if self.bloc:
            # Membership is yearly: a row counts for the bloc its unit belonged to that year.
            parts.append(
                f"EXISTS (SELECT 1 FROM bloc_members AS m WHERE m.bloc_name = ${prefix}_bloc "  # noqa: S608
                f"AND m.year = {row}.year AND m.unit_name = {row}.unit_name)"
            )
            params[f"{prefix}_bloc"] = self.bloc
        return parts, params

    def sql(self, years: bool = True) -> tuple[str, dict[str, Any]]:
        """A WHERE clause over `awards AS a` (always valid, 'TRUE' when empty) and its parameters."""
        parts, params = self._where_and_when("a", "f", years)
        for name, column in (
            ("forms", "form_code"),
            ("award_types", "award_type"),
            ("kinds", "recipient_kind"),
        ):
            values = getattr(self, name)
            if values:
                parts.append(f"a.{column} IN (SELECT unnest($f_{name}))")
                params[f"f_{name}"] = list(values)
        return " AND ".join(parts), params

    def dossier_sql(self) -> tuple[str, dict[str, Any]]:
        """The same filters over a dossier `d` of the one-stop desk (thidua.dossiers): the
        year it was first received, its unit, the bloc its unit belonged to that year, a form
        it proposes. Award types and recipient kinds say nothing of a dossier."""
        parts, params = self._where_and_when("d", "d")
        if self.forms:
            parts.append("list_has_any(string_split(d.form_codes, ','), $d_forms)")
            params["d_forms"] = list(self.forms)
        return " AND ".join(parts), params

    def is_empty(self) -> bool:
        return all(not getattr(self, f.name) for f in fields(self))

    def period(self) -> str:
        """The years chosen as a chart's title says them: «năm 2025», «năm 2018–2025» (a
        chart downloaded as a picture keeps no filters beside it); "" when none are set."""
        if self.year_from is None or self.year_to is None:
            return ""
        same = self.year_from == self.year_to
        return f"năm {self.year_from}" + ("" if same else f"–{self.year_to}")

    def describe(self) -> str:
        """What the reader is looking at, in one line: the years, then only the filters set
        ("Năm 2021 · Khối Văn hóa – Xã hội · Cá nhân"; "… · mọi đơn vị, hình thức, đối tượng")."""
        period = self.period()
        years = [period[:1].upper() + period[1:]] if period else []
        parts = years + (self._chosen() or ["mọi đơn vị, hình thức, đối tượng"])
        return " · ".join(parts)

    def scope(self) -> str:
        """The years and whatever else is chosen, as a chart's title ends them («năm 2023 ·
        Sở Y tế»): a chart saved as a picture keeps no filters beside it."""
        period = self.period()
        return " · ".join(([period] if period else []) + self._chosen())

    def _chosen(self) -> list[str]:
        """The bloc, unit, awards, types and kinds chosen, in words."""
        chosen = [name for name in (self.bloc, self.unit) if name]
        for codes, names in (
            (self.forms, reference.FORM_NAMES),
            (self.award_types, reference.TYPE_NAMES),
            (self.kinds, reference.KIND_NAMES),
        ):
            if codes:
                chosen.append(", ".join(names[c] for c in codes))
        return chosen
