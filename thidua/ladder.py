"""The eligibility ladder (issue 23): from the award history, who meets the ladder to a
higher award for a proposal year — Chiến sĩ thi đua tỉnh from three consecutive Chiến sĩ thi
đua cơ sở, Chiến sĩ thi đua toàn quốc from two consecutive provincial titles, the
Government's flag for a collective with the provincial flag that led its bloc. The rules are
rows of ladder_rules (data/reference/ladder_rules.csv) with the article they come from.

A person is matched by name (accents, đ, case and spaces aside) and unit as it is now (a unit
merged away is followed to its successor). What the warehouse cannot settle is said, never
joined silently: a name typed differently from year to year, two people of one name in one
unit the same year, a year read from the decision because the list gave no achievement year
— the candidate is then «chưa chắc chắn»; a rule's condition the warehouse does not hold (an
initiative) makes it «cần kiểm tra»."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import duckdb
import polars as pl

from thidua import queries, reference, reports
from thidua.text import fold

MEETS, TO_CHECK, UNCERTAIN = "meets", "to_check", "uncertain"
STATUS_NAMES = {MEETS: "Đủ tiêu chuẩn", TO_CHECK: "Cần kiểm tra", UNCERTAIN: "Chưa chắc chắn"}
CONDITION_NOTES = {
    "initiative": "chưa có dữ liệu sáng kiến: cần kiểm tra sáng kiến được công nhận",
}


@dataclass(frozen=True)
class Rule:
    rule_id: str
    target_form: str
    source_form: str
    recipient_kind: str
    times: int
    step_years: int
    condition: str | None
    source: str

    def years(self, proposal_year: int) -> list[int]:
        """The years the run must hold, the latest first (the year before the proposal)."""
        return [proposal_year - 1 - k * self.step_years for k in range(self.times)]


def rules(con: duckdb.DuckDBPyConnection) -> list[Rule]:
    return [Rule(*row) for row in queries.run(con, "ladder_rules").iter_rows()]


def _identity(name: str) -> str:
    return " ".join(fold(name).split())


def candidates(
    con: duckdb.DuckDBPyConnection, proposal_year: int, unit: str | None = None
) -> pl.DataFrame:
    """Everyone who meets a rule's run for `proposal_year` (in `unit` as it is now, or all):
    one row per candidate and rule, with the awards that make the run (evidence)."""
    holders = queries.run(con, "ladder_holders", unit=unit).with_columns(
        identity=pl.col("recipient_name").map_elements(_identity, return_dtype=pl.String)
    )
    firsts = queries.run(con, "bloc_firsts")
    found = [
        row for rule in rules(con) for row in _candidates_of(rule, holders, firsts, proposal_year)
    ]
    return pl.DataFrame(found, schema=CANDIDATE_SCHEMA, orient="row")


def nearest_year_with_candidates(
    con: duckdb.DuckDBPyConnection, years: list[int], unit: str | None = None
) -> tuple[int, int] | None:
    """The first of `years` (in the order given, at most five looked at) that has candidates,
    and how many: where a reader is sent from a proposal year that has none (the titles of
    the year just ended are decided in the new year, and are often not imported yet)."""
    for year in years[:5]:
        found = candidates(con, year, unit)
        if found.height:
            return year, found.height
    return None


CANDIDATE_SCHEMA = {
    "rule_id": pl.String, "target_form": pl.String, "target_name": pl.String,
    "recipient_name": pl.String, "unit_name": pl.String, "status": pl.String,
    "status_name": pl.String, "notes": pl.String, "evidence": pl.String, "decisions": pl.String,
    "source": pl.String,
}  # fmt: skip


def _candidates_of(
    rule: Rule, holders: pl.DataFrame, firsts: pl.DataFrame, proposal_year: int
) -> list[tuple[str | None, ...]]:
    years = rule.years(proposal_year)
    held = holders.filter(
        (pl.col("form_code") == rule.source_form)
        & (pl.col("recipient_kind") == rule.recipient_kind)
        & pl.col("counts_for").is_in(years)
    )
    found: list[tuple[str | None, ...]] = []
    for (identity, unit), awards in held.group_by("identity", "unit_now", maintain_order=True):
        if set(awards["counts_for"].to_list()) != set(years):
            continue  # a gap breaks the run
        notes = _doubts(awards)
        if rule.condition == "led_bloc":
            led = _led_bloc(firsts, str(unit), years[0], str(identity))
            if led is None:
                continue
            notes_extra = [led]
        else:
            notes_extra = (
                [CONDITION_NOTES[rule.condition]] if rule.condition in CONDITION_NOTES else []
            )
        status = UNCERTAIN if notes else TO_CHECK if rule.condition in CONDITION_NOTES else MEETS
        latest = awards.sort("counts_for").row(-1, named=True)
        found.append(
            (
                rule.rule_id, rule.target_form, reference.FORM_NAMES.get(rule.target_form),
                latest["recipient_name"], str(unit), status, STATUS_NAMES[status],
                "; ".join(notes + notes_extra) or None, _evidence(awards), _decisions(awards),
                rule.source,
            )
        )  # fmt: skip
    return found


def _doubts(awards: pl.DataFrame) -> list[str]:
    """Why a run is not certain to be one person's."""
    doubts = []
    per_year = awards.group_by("counts_for").len()
    if per_year["len"].max() > 1:  # type: ignore[operator]
        doubts.append("cùng năm có hai người trùng tên ở cùng đơn vị: cần phân biệt")
    typed = {unicodedata.normalize("NFC", n).lower().strip() for n in awards["recipient_name"]}
    if len(typed) > 1:
        doubts.append(
            "tên ghi khác nhau giữa các năm: "
            + ", ".join(sorted(awards["recipient_name"].unique()))
        )
    if awards["year_from_decision"].any():
        doubts.append("có năm không ghi năm thành tích, tính theo năm quyết định")
    return doubts


def _led_bloc(firsts: pl.DataFrame, unit: str, year: int, identity: str) -> str | None:
    """A collective that is the unit itself and stood first in its bloc that year."""
    if identity != _identity(unit):
        return None
    led = firsts.filter((pl.col("year") == year) & (pl.col("unit_name") == unit))
    if led.height == 0:
        return None
    return f"đứng đầu {led['bloc_name'][0]} năm {year}"


def _evidence(awards: pl.DataFrame) -> str:
    """Each award of the run: its year, decision, file and row."""
    parts = []
    for a in awards.sort("counts_for").iter_rows(named=True):
        day = f" ngày {a['decision_date']:%d/%m/%Y}" if a["decision_date"] else ""
        parts.append(
            f"{reference.FORM_NAMES.get(a['form_code'])} năm {a['counts_for']}: "
            f"QĐ {a['decision_no'] or '(không số)'}{day} ({a['file_name']}, dòng {a['source_row']})"
        )
    return "; ".join(parts)


def _decisions(awards: pl.DataFrame) -> str:
    """The run's decisions in brief, for a narrow column: «2021: 12/QĐ-UBND; 2022: …»."""
    return "; ".join(
        f"{a['counts_for']}: {a['decision_no'] or '(không số)'}"
        for a in awards.sort("counts_for").iter_rows(named=True)
    )


def check_proposals(
    con: duckdb.DuckDBPyConnection,
    proposal_year: int,
    proposals: pl.DataFrame,
    found: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """A draft proposal list (source_row, recipient_name, unit_name, form_code) checked row by
    row against the ladder: the candidate's status and evidence when the row proposes the
    target of a rule the person's run meets; «không đủ» with the run the rule asks for when
    not; «không có quy tắc» for an award no rule leads to. `found`: the year's candidates
    (of every unit), when the caller has them already."""
    found = (candidates(con, proposal_year) if found is None else found).with_columns(
        identity=pl.col("recipient_name").map_elements(_identity, return_dtype=pl.String)
    )
    targets = {rule.target_form: rule for rule in rules(con)}
    now = reports.units_now(con)
    checked = []
    for row in proposals.iter_rows(named=True):
        rule = targets.get(row["form_code"])
        if rule is None:
            checked.append((row["source_row"], "none", "Không có quy tắc", "", "", ""))
            continue
        unit = now.get(row["unit_name"], row["unit_name"])
        match = found.filter(
            (pl.col("rule_id") == rule.rule_id)
            & (pl.col("identity") == _identity(row["recipient_name"] or ""))
            & (pl.col("unit_name") == unit)
        )
        if match.height:
            m = match.row(0, named=True)
            checked.append((
                row["source_row"], m["status"], m["status_name"], m["notes"] or "", m["evidence"],
                m["decisions"],
            ))  # fmt: skip
        else:
            wanted = ", ".join(str(y) for y in sorted(rule.years(proposal_year)))
            checked.append((
                row["source_row"], "short", "Không đủ",
                f"cần {reference.FORM_NAMES.get(rule.source_form)} các năm {wanted}", "", "",
            ))  # fmt: skip
    verdicts = pl.DataFrame(
        checked,
        schema=["source_row", "verdict", "verdict_name", "notes", "evidence", "decisions"],
        orient="row",
    )
    return proposals.join(verdicts, on="source_row", how="left")
