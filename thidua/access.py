"""Who may see and change what.

Three roles, each including the one before: viewers (leaders) see the dashboards,
analysts also import and undo, admins also manage users, unit aliases, targets
and classification rules. What an account may *see* is its scope: the whole
province, one unit, or — the default — nothing. The functions that change data
call `require` themselves, so a page that forgot to hide a button still cannot
write.
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import hmac
import re
import secrets
import threading
from dataclasses import dataclass

ROLES = ("viewer", "analyst", "admin")
ROLE_NAMES = {"viewer": "Người xem", "analyst": "Chuyên viên", "admin": "Quản trị viên"}
# Capability -> the lowest role that has it.
CAPABILITIES = {
    "view": "viewer",
    "names": "viewer",  # individual records: search, drill-down lists (never anonymous)
    "export": "viewer",  # slides rendered by Chromium on the server (never anonymous)
    "import": "analyst",
    "undo": "analyst",
    "manage": "admin",  # users, unit aliases, targets, classification rules, audit log
}
CAPABILITY_NAMES = {
    "view": "xem số liệu",
    "names": "xem danh sách cá nhân",
    "export": "xuất ảnh và PDF trình chiếu",
    "import": "nhập dữ liệu",
    "undo": "hủy lần nhập",
    "manage": "quản trị hệ thống",
}
SIGNED_IN_ONLY = {"names", "export"}  # never for the public account of anonymous viewing
PROVINCE = "*"  # the scope of an account that sees the whole province


class PermissionDenied(Exception):
    """Raised by the functions that change data when the account may not; the text is Vietnamese."""


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    # PROVINCE, a unit's canonical name, or None: sees nothing (deny by default).
    unit: str | None = None
    display_name: str = ""
    anonymous: bool = False

    def can(self, capability: str) -> bool:
        if capability in SIGNED_IN_ONLY and self.anonymous:
            return False
        lowest = CAPABILITIES.get(capability)
        if lowest is None or self.role not in ROLES:
            return False
        return ROLES.index(self.role) >= ROLES.index(lowest)

    @property
    def province_wide(self) -> bool:
        return self.unit == PROVINCE

    @property
    def label(self) -> str:
        """How the account is named in the audit log and the history."""
        return self.display_name or self.username

    @property
    def signature(self) -> str:
        """Who did it, in the audit trail: the unique user name, with the person's name if known."""
        return f"{self.username} ({self.display_name})" if self.display_name else self.username

    def scope_label(self) -> str:
        if self.unit is None:
            return "chưa được gán đơn vị (không xem được số liệu)"
        return "toàn tỉnh" if self.province_wide else self.unit


def require(account: Account | None, capability: str) -> Account:
    """The account, if it has the capability; otherwise PermissionDenied with a sentence to show."""
    if account is None:
        raise PermissionDenied(f"Cần đăng nhập để {CAPABILITY_NAMES.get(capability, capability)}.")
    if not account.can(capability):
        raise PermissionDenied(
            f"Tài khoản «{account.label}» ({ROLE_NAMES.get(account.role, account.role)}) "
            f"không có quyền {CAPABILITY_NAMES.get(capability, capability)}."
        )
    return account


_OPERATOR = "cli:"


def actor_name(signature: str | None) -> str | None:
    """Who did something, as a reader is told: «cli:root», the server's operator running
    `python -m etl`, reads «root (dòng lệnh)»: the account first, as for a person (the walk
    read «Người nhập: dòng lệnh: root», two colons in a row); short, for a narrow column."""
    if signature and signature.startswith(_OPERATOR):
        return f"{signature.removeprefix(_OPERATOR)} (dòng lệnh)"
    return signature


def operator() -> Account:
    """Whoever runs `python -m etl` on the server: they hold the files, so they act as admin."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "không rõ"
    return Account(username=f"{_OPERATOR}{name}", role="admin", unit=PROVINCE)


ANONYMOUS = Account(
    username="khach",
    role="viewer",
    unit=PROVINCE,
    display_name="Khách (màn hình công cộng)",
    anonymous=True,
)

# --- passwords -----------------------------------------------------------------------------
# scrypt from the standard library: salted, memory-hard, no extra dependency. The cost is
# OWASP's current recommendation (N=2^17, r=8, p=1: 128 MiB and ~0.6 s here); a hash made
# at an older cost is made again at the next sign-in (needs_rehash).
_SCRYPT = {"n": 2**17, "r": 8, "p": 1}
_MAXMEM = 2**28  # the standard library's 32 MiB default is below 128 * r * n
# One hash at a time in this process: parallel sign-ins wait their turn rather than each
# taking 128 MiB (and the throttle's check-then-record stays one step; thidua.accounts).
HASHING = threading.Lock()
MIN_PASSWORD = 8
# Read no further than this: a longer sign-in field is refused before anything touches it.
MAX_USERNAME = 64
MAX_PASSWORD = 1024
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,63}$")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    with HASHING:
        digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, maxmem=_MAXMEM, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether `password` is the one `stored` was made from. With no stored hash (an unknown
    user, an OIDC-only account) the same work is done against a decoy, so the time a wrong
    answer takes does not tell which user names exist."""
    try:
        kind, n, r, p, salt, digest = (stored or _decoy()).split("$")
        if kind != "scrypt" or not (2**10 <= int(n) <= 2**20 and int(r) <= 16 and int(p) <= 4):
            kind, n, r, p, salt, digest = _decoy().split("$")
            stored = None
        with HASHING:
            actual = hashlib.scrypt(
                password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                dklen=32, maxmem=_MAXMEM,
            )  # fmt: skip
    except ValueError:
        return False
    return hmac.compare_digest(actual.hex(), digest) and stored is not None


def needs_rehash(stored: str | None) -> bool:
    """A hash made at another cost than today's (an account from before N=2^17)."""
    parts = (stored or "").split("$")
    return len(parts) == 6 and parts[1:4] != [str(_SCRYPT[k]) for k in ("n", "r", "p")]


@functools.cache
def _decoy() -> str:
    return hash_password(secrets.token_urlsafe(16))


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."
    if password.strip() != password:
        return "Mật khẩu không được bắt đầu hay kết thúc bằng khoảng trắng."
    return None


def username_problem(username: str) -> str | None:
    if not USERNAME.match(username):
        return (
            f"Tên đăng nhập «{username}» không hợp lệ: 3–64 ký tự thường không dấu "
            "(a–z, 0–9, dấu chấm, gạch dưới, gạch ngang, @), bắt đầu bằng chữ hoặc số."
        )
    return None
