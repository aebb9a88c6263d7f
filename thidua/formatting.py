"""Numbers the way Vietnamese reports write them: 5.123 and 59,3%."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

# Vietnam keeps UTC+7 all year (no summer time): every time a reader sees is in it, labelled.
VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")
TIME_HEADER = "Thời gian (giờ Việt Nam)"


def number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    # Swap separators: 1,234.5 -> 1.234,5
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(share: float | None, decimals: int = 1) -> str:
    return "—" if share is None else number(share * 100, decimals) + "%"


def points(delta: float | None, decimals: int = 1) -> str | None:
    """A change of a share, in percentage points with its sign: "+2,4 điểm %" (ASCII minus:
    the headline row reads it to point the arrow); no sign when it rounds to nothing, so a
    change of -0,02 points is not shown as a fall ("0,0 điểm %")."""
    if delta is None:
        return None
    shown = number(abs(delta) * 100, decimals)
    return f"{_sign(delta, shown)}{shown} điểm %"


def signed(delta: float | None) -> str | None:
    if delta is None:
        return None
    shown = number(abs(delta))
    return f"{_sign(delta, shown)}{shown}"


def _sign(delta: float, shown: str) -> str:
    if not shown.strip("0,."):
        return ""
    return "+" if delta > 0 else "-"


def local_time(instant: datetime | None, seconds: bool = False) -> str:
    """An instant as a reader in Vietnam writes it, «03/12/2026 13:27». A value without a
    zone is UTC: the warehouse and the access file store UTC."""
    if instant is None:
        return ""
    aware = instant if instant.tzinfo else instant.replace(tzinfo=UTC)
    return aware.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M" + (":%S" if seconds else ""))
