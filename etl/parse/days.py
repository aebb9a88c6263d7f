"""Days no calendar has («31/02/2020»), told apart from values that are not dates at all —
without Polars, so the refusal sentences can use it (etl.refusals stays light)."""

from __future__ import annotations

import calendar
import re

# «ngày 02 tháng 7 năm 2024» typed in a date column, read as 02/7/2024.
WORDED_DATE = r"(?i)^ng[àa]y\s*(\d{1,2})\s*th[áa]ng\s*(\d{1,2})\s*n[ăa]m\s*(\d{4})$"
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YEAR_MONTH_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def impossible_date(text: str) -> str | None:
    """What is wrong with a value shaped as a date that no calendar has («31/02/2020»: the
    month has no 31st) — said as such, not as a format to learn; None for anything else."""
    typed = re.sub(WORDED_DATE, r"\1/\2/\3", text.strip())
    if match := _DAY_MONTH_YEAR.match(typed):
        day, month, year = (int(g) for g in match.groups())
    elif match := _YEAR_MONTH_DAY.match(typed):
        year, month, day = (int(g) for g in match.groups())
    else:
        return None
    if not 1 <= month <= 12:
        return f"không có tháng {month} (tháng chỉ từ 1 đến 12); hãy sửa lại ngày."
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (
            f"tháng {month} năm {year} chỉ có {days} ngày, không có ngày {day}; hãy sửa lại ngày."
        )
    return None
