"""The string dictionaries award rows point into by id: person and household names,
each unit's collectives, and positions (with is_leader, joined to their unit or
commune as offices type them)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demo_province.catalog import _Catalog
from demo_province.helpers import Array, _probs, _Strings
from demo_province.people import (
    COMMUNE_COLLECTIVES,
    COMMUNES,
    DEPT_COLLECTIVES,
    DISTRICT_COLLECTIVES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    LEADER_POOLS,
    MIDDLE_NAMES,
    SECTORS,
    SPECIFIC_COLLECTIVES,
    WORKER_POOLS,
)


@dataclass(frozen=True)
class _Dictionaries:
    names: _Strings
    person_base: int  # id of the first individual name
    household_base: int
    collective_ids: Array  # flat candidate ids per unit (CSR)
    collective_first: Array
    collective_count: Array
    positions: _Strings
    position_leader: Array  # per position id
    pools: dict[tuple[int, bool], tuple[Array, Array]]  # (sector, leader) -> (ids, probs)
    joined: dict[int, Array]  # base position id -> id of "<base> <unit>" per unit
    commune_forms: dict[int, Array]  # template id -> id of "<template> <commune>" per commune
    city_remap: tuple[int, int]  # "Phó Chủ tịch UBND huyện" -> "... thành phố"


NAME_SIZES = (len(FAMILY_NAMES), len(MIDDLE_NAMES["M"]), len(GIVEN_NAMES["M"]))


def _person_names(prefix: str = "") -> list[str]:
    """All names in id order: gender (M, F) × family × middle × given."""
    out = []
    for gender in ("M", "F"):
        title = {"M": "ông ", "F": "bà "}[gender] if prefix else ""
        for family, _ in FAMILY_NAMES:
            for middle in MIDDLE_NAMES[gender]:
                for given in GIVEN_NAMES[gender]:
                    out.append(f"{prefix}{title}{family} {middle} {given}")
    return out


def _dictionaries(cat: _Catalog) -> _Dictionaries:
    names = _Strings()
    person = [names.add(n) for n in _person_names()]
    household = [names.add(n) for n in _person_names("Hộ gia đình ")]
    # Name ids are computed arithmetically from their parts, so they must be contiguous.
    assert len(names.index) == len(person) + len(household)
    flat: list[int] = []
    first, count = [], []
    for code, name, district in zip(cat.codes, cat.names, cat.is_district, strict=True):
        templates = DISTRICT_COLLECTIVES if district else DEPT_COLLECTIVES
        ids = [names.add(t.format(unit=name)) for t in templates]
        ids += [names.add(t) for t in SPECIFIC_COLLECTIVES.get(code, ())]
        for commune in COMMUNES.get(code, ()):
            ids += [names.add(t.format(commune=commune)) for t in COMMUNE_COLLECTIVES]
        first.append(len(flat))
        count.append(len(ids))
        flat.extend(ids)

    positions = _Strings()
    leader: dict[int, bool] = {}
    pools: dict[tuple[int, bool], tuple[Array, Array]] = {}
    for is_leader, table in ((True, LEADER_POOLS), (False, WORKER_POOLS)):
        for sector, pool in table.items():
            ids = [positions.add(text) for text, _ in pool]
            leader.update(dict.fromkeys(ids, is_leader))
            pools[(SECTORS.index(sector), is_leader)] = (
                np.array(ids),
                _probs([w for _, w in pool]),
            )
    joined: dict[int, Array] = {}
    for base in ("Giám đốc", "Phó Giám đốc"):
        joined[positions.index[base]] = np.array([positions.add(f"{base} {n}") for n in cat.names])
    commune_forms: dict[int, Array] = {}
    for text, template_id in list(positions.index.items()):
        if "{commune}" in text:
            commune_forms[template_id] = np.array(
                [positions.add(text.format(commune=c)) for c in cat.communes] or [template_id]
            )
    for id_array in [*joined.values(), *commune_forms.values()]:
        leader.update(dict.fromkeys(id_array.tolist(), True))
    city = positions.add("Phó Chủ tịch UBND thành phố")
    leader[city] = True
    position_leader = np.array([leader[i] for i in range(len(positions.index))])
    return _Dictionaries(
        names=names,
        person_base=person[0],
        household_base=household[0],
        collective_ids=np.array(flat),
        collective_first=np.array(first),
        collective_count=np.array(count),
        positions=positions,
        position_leader=position_leader,
        pools=pools,
        joined=joined,
        commune_forms=commune_forms,
        city_remap=(positions.index["Phó Chủ tịch UBND huyện"], city),
    )
