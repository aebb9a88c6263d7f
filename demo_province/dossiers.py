"""The demo province's dossier register (issue 24): the dossiers its units sent to the
provincial one-stop desk for the chairman's decisions — one per decision and unit, mostly
answered before the appointment date, some on the day, a few late; a few returned for more
documents and submitted again; a few refused as ineligible with their reasons; at the end
of the last year a few still open. Drawn from the awards' truth with a generator of its
own, so the awards drawn before are not changed by it."""

from __future__ import annotations

import csv
from datetime import date

import numpy as np
import polars as pl

from thidua import reference
from thidua.settings import REFERENCE_DIR

SEED = 2024_24
RETURN_REASONS = (
    "Thiếu báo cáo thành tích có xác nhận của cấp trên",
    "Biên bản họp Hội đồng thi đua - khen thưởng chưa đủ chữ ký",
    "Thiếu tờ trình đề nghị khen thưởng",
)
REJECT_REASONS = (
    "Chưa đủ thời gian công tác theo quy định",
    "Không đạt danh hiệu Chiến sĩ thi đua cơ sở 03 năm liên tục",
    "Tập thể chưa đạt danh hiệu Tập thể lao động xuất sắc",
    "Hồ sơ gửi quá thời hạn đăng ký",
)
DOSSIER_COLUMNS = (
    "dossier_no", "submission", "unit_name", "received_on", "due_on", "returned_on", "status",
    "reason", "forms_text", "recipients", "decision_no",
)  # fmt: skip


def _days_off() -> np.ndarray:
    with (REFERENCE_DIR / "calendar_days.csv").open(encoding="utf-8") as handle:
        days = [r["day"] for r in csv.DictReader(handle) if r["kind"] == "holiday"]
    return np.array(days, dtype="datetime64[D]")


def _shift(day: date, working_days: int, off: np.ndarray) -> date:
    """The working day `working_days` after (before, if negative) `day`."""
    rolled = np.busday_offset(np.datetime64(day), working_days, roll="forward", holidays=off)
    return rolled.astype(object)


def dossiers_frame(awards: pl.DataFrame, last_year: int) -> pl.DataFrame:
    """One row per submission, in the register's columns (the truth the demo files hold)."""
    rng = np.random.default_rng(SEED)
    off = _days_off()
    names = {f.code: f.name_vi for f in reference.AWARD_FORMS}
    pairs = (
        awards.filter(
            pl.col("decision_no").str.ends_with("QĐ-UBND") & pl.col("unit_name").is_not_null()
        )
        .group_by("decision_no", "decision_date", "unit_name")
        .agg(granted=pl.len(), forms=pl.col("form_code").unique(maintain_order=True))
        .sort("decision_date", "decision_no", "unit_name")
    )
    rows: list[dict[str, object]] = []
    for p in pairs.iter_rows(named=True):
        rows += _decided(rng, off, p, names)
    units = pairs["unit_name"].unique().sort().to_list()
    for year in sorted({d.year for d in pairs["decision_date"]}):
        for _ in range(int(rng.integers(8, 15))):
            rows.append(_refused(rng, off, year, units))
    for _ in range(3):
        rows.append(_still_open(rng, off, last_year, units))
    # A number is given when a dossier is first received (its year's sequence) and kept
    # when it is submitted again.
    first: dict[str, date] = {}
    for row in sorted(rows, key=lambda r: (r["received_on"], r["unit_name"])):
        first.setdefault(str(row["key"]), row["received_on"])  # type: ignore[arg-type]
    numbers: dict[str, str] = {}
    per_year: dict[int, int] = {}
    for key, day in first.items():
        per_year[day.year] = per_year.get(day.year, 0) + 1
        numbers[key] = f"000.00.32.H33-{day:%y%m%d}-{per_year[day.year]:04d}"
    for row in rows:
        row["dossier_no"] = numbers[str(row["key"])]
    return pl.DataFrame(rows).sort("received_on", "dossier_no").select(DOSSIER_COLUMNS)


def _decided(
    rng: np.random.Generator, off: np.ndarray, p: dict[str, object], names: dict[str, str]
) -> list[dict[str, object]]:
    decided_on = p["decision_date"]
    assert isinstance(decided_on, date)
    returned = _shift(decided_on, int(rng.integers(0, 3)), off)
    processing = int(rng.integers(8, 19))
    received = _shift(returned, -processing, off)
    draw = rng.random()
    if draw < 0.05:  # late by one to three working days
        due = _shift(received, processing - int(rng.integers(1, 4)), off)
    elif draw < 0.2:  # on the appointment day
        due = returned
    else:
        due = _shift(received, processing + int(rng.integers(1, 6)), off)
    forms = [str(c) for c in p["forms"]]  # type: ignore[attr-defined]
    granted = int(p["granted"])  # type: ignore[call-overload]
    key = f"{p['decision_no']}|{p['decision_date']}|{p['unit_name']}"
    row = {
        "key": key, "submission": 1, "unit_name": p["unit_name"], "received_on": received,
        "due_on": due, "returned_on": returned, "status": "decided", "reason": None,
        "forms_text": "; ".join(names[c] for c in forms),
        "recipients": granted + (int(rng.integers(1, 3)) if rng.random() < 0.15 else 0),
        "decision_no": p["decision_no"],
    }  # fmt: skip
    if rng.random() >= 0.04:
        return [row]
    # Returned for more documents first, then submitted again under the same number.
    first_received = _shift(received, -int(rng.integers(12, 25)), off)
    first = {
        **row, "received_on": first_received, "due_on": _shift(first_received, 7, off),
        "returned_on": _shift(first_received, int(rng.integers(2, 6)), off), "status": "returned",
        "reason": RETURN_REASONS[int(rng.integers(len(RETURN_REASONS)))], "decision_no": None,
    }  # fmt: skip
    return [first, {**row, "submission": 2}]


def _refused(
    rng: np.random.Generator, off: np.ndarray, year: int, units: list[str]
) -> dict[str, object]:
    received = _shift(date(year, int(rng.integers(1, 12)), int(rng.integers(1, 28))), 0, off)
    processing = int(rng.integers(5, 15))
    unit = units[int(rng.integers(len(units)))]
    return {
        "key": f"refused|{year}|{received}|{unit}", "submission": 1, "unit_name": unit,
        "received_on": received, "due_on": _shift(received, 20, off),
        "returned_on": _shift(received, processing, off), "status": "rejected",
        "reason": REJECT_REASONS[int(rng.integers(len(REJECT_REASONS)))],
        "forms_text": "Chiến sĩ thi đua cấp tỉnh" if rng.random() < 0.5 else "Bằng khen của Chủ tịch UBND tỉnh",
        "recipients": int(rng.integers(1, 4)), "decision_no": None,
    }  # fmt: skip


def _still_open(
    rng: np.random.Generator, off: np.ndarray, year: int, units: list[str]
) -> dict[str, object]:
    received = _shift(date(year, 12, int(rng.integers(8, 20))), 0, off)
    unit = units[int(rng.integers(len(units)))]
    return {
        "key": f"open|{received}|{unit}", "submission": 1, "unit_name": unit,
        "received_on": received, "due_on": _shift(received, 20, off), "returned_on": None,
        "status": "appraising" if rng.random() < 0.5 else "submitted", "reason": None,
        "forms_text": "Bằng khen của Chủ tịch UBND tỉnh", "recipients": int(rng.integers(1, 6)),
        "decision_no": None,
    }  # fmt: skip
