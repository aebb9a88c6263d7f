"""The vectorised award draw shared by the province and the national set: form, text,
award type, recipient kind, campaign, unit, person and position per row, the decisions
awards are grouped into and numbered by, and the frame of Enum columns made from them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from demo_province.campaigns import CAMPAIGN_TAIL_DAYS
from demo_province.catalog import _Catalog, _draw_units_at, _draw_units_for_years, _year_bounds
from demo_province.dictionaries import NAME_SIZES, _Dictionaries, _dictionaries
from demo_province.forms import (
    AWARD_TYPES,
    BATCHES,
    BMVNAH,
    DECISION_LIST_TEXT,
    DEFAULT_NUMBER_GAP,
    FORM_CODES,
    FORM_INDEX,
    FORMS,
    GK_UNIT_TEXTS,
    ISSUER_SUFFIX,
    ISSUERS,
    KIND_SHARES,
    NUMBER_GAP,
    RECIPIENT_KINDS,
    TEXT_INDEX,
    TEXTS,
)
from demo_province.helpers import Array, _day, _enum, _gather, _null_where, _probs, _Strings
from demo_province.people import (
    BLANK_POSITION_SHARE,
    FAMILY_NAMES,
    FEMALE_SHARE,
    JOINED_POSITION_SHARE,
)

AWARD_COLUMNS = (
    "year", "decision_no", "decision_date", "recipient_kind", "recipient_name", "gender",
    "position", "unit_name", "form_code", "form_text", "award_type", "achievement_year",
    "campaign_code", "is_leader", "file_kind",
)  # fmt: skip


@dataclass(frozen=True)
class _Campaigns:
    codes: list[str]
    start: Array
    end: Array


def _campaign_arrays(campaigns: pl.DataFrame) -> _Campaigns:
    return _Campaigns(
        codes=campaigns["plan_no"].to_list(),
        # No award under a plan before the plan is signed.
        start=np.array(
            [_day(max(a, b)) for a, b in campaigns.select("start", "issued_on").iter_rows()]
        ),
        end=np.array([_day(d) for d in campaigns["end"].to_list()]),
    )


def _choose_by_form(
    rng: np.random.Generator, form: Array, tables: dict[int, tuple[Array, Array]], fill: int
) -> Array:
    """Per form index, draw from its own (values, probabilities)."""
    out = np.full(len(form), fill, dtype=np.int64)
    for f, (values, p) in tables.items():
        rows = np.flatnonzero(form == f)
        if len(rows):
            out[rows] = values[rng.choice(len(values), size=len(rows), p=p)]
    return out


def _draw_types(rng: np.random.Generator, form: Array, text: Array) -> Array:
    tables = {i: (np.arange(len(AWARD_TYPES)), _probs(f.types)) for i, f in enumerate(FORMS)}
    kind = _choose_by_form(rng, form, tables, 0)
    kind[text == TEXT_INDEX[BMVNAH]] = AWARD_TYPES.index("resistance")
    return kind


def _draw_kinds(rng: np.random.Generator, form: Array) -> Array:
    tables: dict[int, tuple[Array, Array]] = {}
    for i, f in enumerate(FORMS):
        shares = KIND_SHARES.get(f.code) or (
            (1.0, 0.0, 0.0) if f.recipients == "individual" else (0.0, 1.0, 0.0)
        )
        tables[i] = (np.arange(3), _probs(shares))
    return _choose_by_form(rng, form, tables, 0)


def _draw_campaigns(
    rng: np.random.Generator, camp: _Campaigns, years: Array, award_type: Array
) -> Array:
    """A campaign running in the award's year for campaign awards; -1 elsewhere. Years
    without a running campaign turn their campaign awards into regular ones."""
    out = np.full(len(years), -1, dtype=np.int64)
    is_campaign = award_type == AWARD_TYPES.index("campaign")
    first, last = _year_bounds(np.arange(1900, 2101))
    for year in np.unique(years[is_campaign]):
        rows = np.flatnonzero(is_campaign & (years == year))
        y0, y1 = first[year - 1900], last[year - 1900]
        running = np.flatnonzero((camp.start <= y1) & (camp.end + CAMPAIGN_TAIL_DAYS >= y0))
        if len(running):
            out[rows] = running[rng.integers(0, len(running), size=len(rows))]
        else:
            award_type[rows] = AWARD_TYPES.index("regular")
    return out


def _type_windows(
    camp: _Campaigns, years: Array, award_type: Array, campaign: Array
) -> tuple[Array, Array]:
    """Earliest and latest decision day by award type: regular awards are decided in
    January–April for the year before, the rest any time, campaign awards in the campaign."""
    y0, y1 = _year_bounds(years)
    lo, hi = y0 + 1, y1 - 3
    regular = award_type == AWARD_TYPES.index("regular")
    hi = np.where(regular, y0 + 117, hi)  # 28 April (29 in leap years: close enough)
    lo = np.where(regular, y0 + 4, lo)
    has = campaign >= 0
    safe = np.where(has, campaign, 0)
    lo = np.where(has, np.maximum(lo, camp.start[safe]), lo)
    hi = np.where(has, np.minimum(hi, camp.end[safe] + CAMPAIGN_TAIL_DAYS), hi)
    return lo, hi


@dataclass(frozen=True)
class _Draw:
    """Per-row codes of an award draw (before strings)."""

    year: Array
    group: Array
    form: Array
    text: Array
    award_type: Array
    kind: Array
    campaign: Array
    unit: Array
    day: Array
    decision: Array  # index into decision_texts
    decision_texts: list[str]
    decision_list: Array  # bool


def _draw_core(
    rng: np.random.Generator,
    cat: _Catalog,
    camp: _Campaigns,
    years: Array,
    groups: Array,
    decision_list: Array,
) -> _Draw:
    n = len(years)
    form = rng.choice(len(FORMS), size=n, p=_probs([f.weight for f in FORMS]))
    form[decision_list] = FORM_INDEX["BK_TINH"]
    text_tables = {
        i: (np.array([TEXT_INDEX[t] for t, _ in f.texts]), _probs([w for _, w in f.texts]))
        for i, f in enumerate(FORMS)
    }
    text = _choose_by_form(rng, form, text_tables, 0)
    text[decision_list] = TEXT_INDEX[DECISION_LIST_TEXT]
    award_type = _draw_types(rng, form, text)
    award_type[decision_list] = AWARD_TYPES.index("regular")
    kind = _draw_kinds(rng, form)
    kind[decision_list] = np.where(rng.random(int(decision_list.sum())) < 0.75, 0, 1)
    campaign = _draw_campaigns(rng, camp, years, award_type)

    levels = ("unit", "province", "ttg", "ctn")
    issuer_level = np.array([levels.index(f.issuer) for f in FORMS], dtype=np.int8)[form]
    by_unit = issuer_level == 0
    unit = np.full(n, -1, dtype=np.int64)
    unit[by_unit] = _draw_units_for_years(rng, cat, years[by_unit])
    lo, hi = _type_windows(camp, years, award_type, campaign)
    lo = np.where(by_unit, np.maximum(lo, cat.valid_from[unit]), lo)
    hi = np.where(by_unit, np.minimum(hi, cat.valid_to[unit]), hi)
    # A campaign or season the unit did not live through: an ad-hoc award instead.
    empty = lo > hi
    if empty.any():
        award_type[empty] = AWARD_TYPES.index("adhoc")
        campaign[empty] = -1
        y0, y1 = _year_bounds(years[empty])
        own = by_unit[empty]
        lo[empty] = np.where(own, np.maximum(y0, cat.valid_from[unit[empty]]), y0)
        hi[empty] = np.where(own, np.minimum(y1, cat.valid_to[unit[empty]]), y1)

    issuer = np.select(
        [decision_list, by_unit, issuer_level == 1, issuer_level == 2],
        [ISSUERS["decision_list"], len(ISSUERS) + unit, ISSUERS["province"], ISSUERS["ttg"]],
        ISSUERS["ctn"],
    )
    batches = np.array(
        [BATCHES[level] for level in ("province", "ttg", "ctn", "decision_list", "unit")]
    )
    level = np.minimum(issuer, len(ISSUERS))
    batch = (rng.random(n) * batches[level, award_type]).astype(np.int64)
    day, decision, texts = _decisions(
        rng, cat, years, groups, issuer, award_type, campaign, batch, lo, hi
    )
    need_unit = unit < 0
    unit[need_unit] = _draw_units_at(rng, cat, day[need_unit])
    _pin_honours(cat, text, unit)
    return _Draw(
        year=years,
        group=groups,
        form=form,
        text=text,
        award_type=award_type,
        kind=kind,
        campaign=campaign,
        unit=unit,
        day=day,
        decision=decision,
        decision_texts=texts,
        decision_list=decision_list,
    )


def _pin_honours(cat: _Catalog, text: Array, unit: Array) -> None:
    """Teachers' and doctors' honorary titles belong to education and health."""
    for title, code in (("Nhà giáo ưu tú", "SGDDT"), ("Thầy thuốc ưu tú", "SYT")):
        if code in cat.codes:
            unit[text == TEXT_INDEX[title]] = cat.codes.index(code)


def _decisions(
    rng: np.random.Generator,
    cat: _Catalog,
    years: Array,
    groups: Array,
    issuer: Array,
    award_type: Array,
    campaign: Array,
    batch: Array,
    lo: Array,
    hi: Array,
) -> tuple[Array, Array, list[str]]:
    """Group awards into decisions, date them, and number them per issuer suffix and year
    in date order (a province's UBND numbers run through the year)."""
    n_camp = int(campaign.max()) + 2 if len(campaign) else 1
    key = groups.astype(np.int64)
    for value, size in (
        (years - years.min(), 200),
        (issuer, len(ISSUERS) + len(cat.names)),
        (award_type, len(AWARD_TYPES)),
        (campaign + 1, n_camp),
        (batch, 16),
    ):
        key = key * size + value
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    d_lo, d_hi = lo[first], hi[first]
    d_day = d_lo + (rng.random(len(first)) * (d_hi - d_lo + 1)).astype(np.int64)
    d_issuer = issuer[first]
    unit_of = np.maximum(d_issuer - len(ISSUERS), 0)
    d_suffix = np.where(
        d_issuer >= len(ISSUERS),
        cat.suffix[unit_of],
        np.array([cat.suffixes.index(s) for s in ISSUER_SUFFIX])[np.minimum(d_issuer, 3)],
    )
    gap_max = np.array([NUMBER_GAP.get(s, DEFAULT_NUMBER_GAP) for s in cat.suffixes])
    gaps = 1 + (rng.random(len(first)) * gap_max[d_suffix]).astype(np.int64)
    numbering = (groups[first].astype(np.int64) * 200 + years[first] - years.min()) * len(
        cat.suffixes
    ) + d_suffix
    order = np.lexsort((np.arange(len(first)), d_day, numbering))
    steps = np.cumsum(gaps[order])
    starts = np.r_[True, numbering[order][1:] != numbering[order][:-1]]
    offset = np.maximum.accumulate(np.where(starts, steps - gaps[order], 0))
    number = np.empty(len(first), dtype=np.int64)
    number[order] = steps - offset
    texts = _Strings()
    d_text = np.array(
        [
            texts.add(f"{num}/QĐ-{cat.suffixes[s]}")
            for num, s in zip(number.tolist(), d_suffix.tolist(), strict=True)
        ],
        dtype=np.int64,
    )
    return d_day[inverse], d_text[inverse], texts.values()


def _leader_share(rng: np.random.Generator, n_groups: int, years: Array) -> Array:
    """Each province-year has its own leader share (35–45 %), as in real reports."""
    span = int(years.max() - years.min() + 1)
    share = np.clip(0.40 + rng.normal(0, 0.025, size=(n_groups, span)), 0.35, 0.45)
    return share


def _draw_people(
    rng: np.random.Generator, cat: _Catalog, dic: _Dictionaries, draw: _Draw, n_groups: int
) -> tuple[Array, Array, Array, Array]:
    """Recipient name id, gender (0 M, 1 F, -1 none), position id (-1 blank)."""
    n = len(draw.year)
    person = draw.kind != 1
    female = rng.random(n) < FEMALE_SHARE
    female[draw.text == TEXT_INDEX[BMVNAH]] = True
    f_size, m_size, g_size = NAME_SIZES
    family = rng.choice(f_size, size=n, p=_probs([w for _, w in FAMILY_NAMES]))
    middle = rng.integers(0, m_size, size=n)
    given = rng.integers(0, g_size, size=n)
    person_id = ((female * f_size + family) * m_size + middle) * g_size + given
    base = np.where(draw.kind == 2, dic.household_base, dic.person_base)
    slot = (rng.random(n) * dic.collective_count[draw.unit]).astype(np.int64)
    collective = dic.collective_ids[dic.collective_first[draw.unit] + slot]
    name = np.where(person, base + person_id, collective)
    gender = np.where(draw.kind == 0, female.astype(np.int64), -1)
    gender[draw.decision_list] = -1  # the decision list has no gender column

    share = _leader_share(rng, n_groups, draw.year)
    leads = rng.random(n) < share[draw.group, draw.year - draw.year.min()]
    sector = cat.sector[draw.unit]
    position = np.full(n, -1, dtype=np.int64)
    for (sec, is_leader), (ids, p) in dic.pools.items():
        rows = np.flatnonzero((draw.kind == 0) & (sector == sec) & (leads == is_leader))
        position[rows] = ids[rng.choice(len(ids), size=len(rows), p=p)]
    _join_positions(rng, cat, dic, draw.unit, position)
    blank = (rng.random(n) < BLANK_POSITION_SHARE) | (draw.text == TEXT_INDEX[BMVNAH])
    position[blank | (draw.kind != 0)] = -1
    return name, gender, position, leads


def _join_positions(
    rng: np.random.Generator, cat: _Catalog, dic: _Dictionaries, unit: Array, position: Array
) -> None:
    """Offices type some posts with their unit or commune: "Phó Giám đốc Sở Y tế",
    "Chủ tịch UBND xã Mong Thọ"."""
    is_so = np.array([n.startswith("Sở ") for n in cat.names])[unit]
    joined = is_so & (rng.random(len(unit)) < JOINED_POSITION_SHARE)
    for base, ids in dic.joined.items():
        rows = joined & (position == base)
        position[rows] = ids[unit[rows]]
    has_commune = cat.commune_first[unit] >= 0
    pick = cat.commune_first[unit] + rng.integers(0, 2, size=len(unit))
    for template, ids in dic.commune_forms.items():
        rows = (position == template) & has_commune
        position[rows] = ids[pick[rows]]
    is_city = np.array(["thành phố" in n for n in cat.names])[unit]
    huyen, city = dic.city_remap
    position[(position == huyen) & is_city] = city


def _achievement_year(draw: _Draw) -> Array:
    """Regular awards reward the year before; undated merits (dedication, seniority,
    resistance) have no achievement year (0 here, null in the frame)."""
    t = draw.award_type
    none = np.isin(t, [AWARD_TYPES.index(k) for k in ("dedication", "seniority", "resistance")])
    return np.where(none, 0, np.where(t == 0, draw.year - 1, draw.year))


def _awards_frame(
    rng: np.random.Generator,
    cat: _Catalog,
    camp: _Campaigns,
    years: Array,
    groups: Array,
    decision_list: Array,
    n_groups: int,
) -> pl.DataFrame:
    """The award frame with Enum (code) string columns."""
    dic = _dictionaries(cat)
    draw = _draw_core(rng, cat, camp, years, groups, decision_list)
    name, gender, position, _ = _draw_people(rng, cat, dic, draw, n_groups)
    text = draw.text.copy()
    gk = draw.form == FORM_INDEX["GIAY_KHEN"]
    text[gk] = np.where(
        cat.is_district[draw.unit[gk]],
        TEXT_INDEX[GK_UNIT_TEXTS["district"]],
        TEXT_INDEX[GK_UNIT_TEXTS["department"]],
    )
    achievement = _achievement_year(draw)
    blank_position = position < 0
    safe_position = np.maximum(position, 0)
    return pl.DataFrame(
        {
            "year": pl.Series(draw.year.astype(np.int32)),
            "decision_no": _gather(_enum(draw.decision_texts), draw.decision),
            "decision_date": pl.Series(draw.day.astype(np.int32)).cast(pl.Date),
            "recipient_kind": _gather(_enum(RECIPIENT_KINDS), draw.kind),
            "recipient_name": _gather(_enum(dic.names.values()), name),
            "gender": _gather(_enum(["M", "F"]), np.maximum(gender, 0), gender < 0),
            "position": _gather(_enum(dic.positions.values()), safe_position, blank_position),
            "unit_name": _gather(_enum(cat.names), draw.unit),
            "form_code": _gather(_enum(FORM_CODES), draw.form),
            "form_text": _gather(_enum(TEXTS), text),
            # A decision list has no type column: the type of its awards is not recorded.
            "award_type": _gather(_enum(AWARD_TYPES), draw.award_type, draw.decision_list),
            "achievement_year": _null_where(
                pl.Series(achievement.astype(np.int32)), achievement == 0
            ),
            "campaign_code": _gather(
                _enum(camp.codes), np.maximum(draw.campaign, 0), draw.campaign < 0
            ),
            "is_leader": _null_where(pl.Series(dic.position_leader[safe_position]), blank_position),
            "file_kind": _gather(
                _enum(["register", "decision_list"]), draw.decision_list.astype(np.int64)
            ),
        }
    )
