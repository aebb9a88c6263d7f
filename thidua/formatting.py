"""Numbers the way Vietnamese reports write them: 5.123 and 59,3%."""

from __future__ import annotations


def number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    # Swap separators: 1,234.5 -> 1.234,5
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(share: float | None, decimals: int = 1) -> str:
    return "—" if share is None else number(share * 100, decimals) + "%"


def points(delta: float | None, decimals: int = 1) -> str | None:
    """A change of a share, in percentage points with its sign: "+2,4 điểm %" (ASCII minus: Streamlit reads it to point the arrow)."""
    if delta is None:
        return None
    return f"{'+' if delta >= 0 else '-'}{number(abs(delta) * 100, decimals)} điểm %"


def signed(delta: float | None) -> str | None:
    if delta is None:
        return None
    return f"{'+' if delta >= 0 else '-'}{number(abs(delta))}"
