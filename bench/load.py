"""`python -m bench load`: the server under a crowd, on loopback, bounded in count and time.

For `seconds` (120), against a copy of the demo province served as a real province is
(`serve.py`, sign-in required):
- `viewers` (30) leaders, each in a tab of their own: open a chart page or the slideshow
  (random years, slide sets), read it for 2–8 s, open another; every few pages the tab is
  reloaded (a new session);
- an analyst, on «Tải dữ liệu», takes back one sample file's import after another («Hủy lần
  nhập») and uploads and confirms that file again — every layout, every few turns;
- two signed-in tabs press «Tạo ảnh PNG … và tệp PDF» again and again, each time for a show
  not exported before (so Chromium must render it);
- two tabs submit the sign-in form as fast as it answers: wrong passwords for a real account
  and made-up user names.
Every 0.2 s the server's resident memory and the Chromium processes under it are counted.
Before the load each kind of work is done once (warm_up) and, like after it, the server
rests until the closed tabs' sessions are gone (SESSION_TTL); its memory is read then.

Budgets (issue 20): no error seen by a viewer, p95 of a viewer's page answer ≤ 1 s,
≤ 4 Chromium processes at any moment, server memory back within 10 % of its start."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from pathlib import Path

from bench.soak import rss_mb
from bench.tab import XSRF_COOKIE, Answer, Tab, xsrf_cookie
from tests.browser import serve_process
from thidua import access_file, accounts, allocator, sessions
from thidua.access import PROVINCE, Account
from thidua.slide_export import process_tree
from thidua.slides import SLIDE_SETS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"
CHART_PAGES = ["", "xep-hang-khoi", "co-cau", "lanh-dao-nld", "phong-trao"]
YEARS = range(2018, 2026)  # the demo province's years
PASSWORD = "mat-khau-tai-kiem-thu-1"
EXPORT_LABEL = "Tạo ảnh PNG (1920×1080) và tệp PDF"
SUCCESS = 4  # Alert.Format.SUCCESS
UNDO_SURE = "Tôi chắc chắn muốn gỡ toàn bộ dữ liệu của lần nhập này"
# A closed tab's session is kept this long for a reconnect (Streamlit's default is 120 s,
# kept by `make run`); shorter here so that "after the load" comes sooner. The same
# clean-up runs, only earlier.
SESSION_TTL = 20


@dataclass
class Tally:
    """Every answer of one kind of actor: (seconds, errors)."""

    answers: list[tuple[float, list[str]]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # a dropped connection, a timeout

    def add(self, answer: Answer) -> None:
        self.answers.append((answer.seconds, answer.errors))

    @property
    def errors(self) -> list[str]:
        return self.failures + [e for _, errors in self.answers for e in errors]

    def p(self, q: float) -> float:
        times = sorted(s for s, _ in self.answers)
        return times[min(len(times) - 1, int(q * len(times)))] if times else float("nan")


@dataclass
class Probe:
    """The server's memory and the Chromium processes under it, sampled."""

    pid: int
    rss: list[float] = field(default_factory=list)
    chromium_max: int = 0

    async def watch(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.rss.append(rss_mb(self.pid))
            self.chromium_max = max(self.chromium_max, chromium_under(self.pid))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.2)


def chromium_under(root: int) -> int:
    """Chromium processes descended from `root` (the export's browser and its helpers)."""
    count = 0
    for pid in process_tree(root) - {root}:
        with contextlib.suppress(OSError):  # ended meanwhile
            count += b"chrom" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0", 1)[0]
    return count


def _accounts(master: Path) -> dict[str, str]:
    """The people in the test (role → user name)."""
    access = access_file.access_path(master)
    accounts.add_user(access, None, "quantri", PASSWORD, "admin", unit=PROVINCE)
    admin = Account(username="quantri", role="admin", unit=PROVINCE)
    people = {"viewer": "lanhdao", "analyst": "phantich"}
    for role, name in people.items():
        accounts.add_user(access, admin, name, PASSWORD, role, unit=PROVINCE)
    return people


def _token(master: Path, username: str) -> str:
    access = access_file.access_path(master)
    account = accounts.current(access, username)
    assert account is not None
    return sessions.open_session(access, account)


async def viewer(
    base: str, cookie: dict[str, str], seed: int, deadline: float, tally: Tally
) -> None:
    rng = random.Random(seed)
    await asyncio.sleep(rng.uniform(0, 5))  # people do not arrive on the same tick
    while time.monotonic() < deadline:
        try:
            async with Tab(base, cookie) as tab:
                for _ in range(rng.randint(3, 10)):  # then the tab is reloaded
                    if time.monotonic() >= deadline:
                        return
                    page, query = _viewer_page(rng)
                    answer = await tab.run(page, query)
                    if not answer.kinds & {"plotly_chart", "iframe"}:  # what a leader came for
                        answer.errors.append(f"«/{page}?{query}» không vẽ biểu đồ nào")
                    tally.add(answer)
                    await asyncio.sleep(rng.uniform(2, 8))
        except Exception as failure:  # noqa: BLE001 — a timeout, a dropped connection: counted, shown
            tally.failures.append(f"{type(failure).__name__}: {failure}")


def _viewer_page(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.2:
        sets = rng.sample(list(SLIDE_SETS), rng.randint(1, len(SLIDE_SETS)))
        return "trinh-chieu", f"nam={rng.choice(YEARS)}&bo={','.join(sets)}"
    low = rng.choice(YEARS)
    high = rng.choice([y for y in YEARS if y >= low])
    return rng.choice(CHART_PAGES), f"nam_tu={low}&nam_den={high}"


async def analyst(
    base: str, cookie: dict[str, str], files: list[Path], deadline: float, tally: Tally
) -> None:
    """Each file, in turn, already imported: undo its import, then upload and confirm it
    again — both write and publish a snapshot, as an analyst correcting a file does."""
    async with Tab(base, cookie) as tab:
        for turn in itertools.count():
            if time.monotonic() >= deadline:
                return
            await reimport(tab, files[turn % len(files)], tally)
            await asyncio.sleep(3)


async def reimport(tab: Tab, path: Path, tally: Tally) -> None:
    await undo_import(tab, path, tally)
    await import_file(tab, path, tally)


async def undo_import(tab: Tab, path: Path, tally: Tally) -> None:
    """«Hủy lần nhập» for the batch in force of `path`, as the analyst picks it."""
    page = await tab.run("tai-du-lieu")
    tally.add(page)
    # The options read «#<batch> — <file name>»: the file's batch in force.
    picked = [o for o in page.options.get("Lần nhập", []) if o.endswith(f" — {path.name}")]
    if not picked:
        tally.failures.append(f"{path.name}: không thấy lần nhập để hủy")
        return
    choose, sure = page.widgets["Lần nhập"][1], page.widgets[UNDO_SURE][1]
    tab.choose(choose, picked[0])
    tab.tick(sure)
    done = await tab.run("tai-du-lieu", clicked=page.widgets["Hủy lần nhập"][1], timeout=120)
    tab.kept.pop(choose, None), tab.kept.pop(sure, None)
    tally.add(done)
    if not done.alert(SUCCESS):
        tally.failures.append(f"{path.name}: không thấy báo đã hủy")


async def import_file(tab: Tab, path: Path, tally: Tally) -> None:
    page = await tab.run("tai-du-lieu")
    await tab.upload(page.widgets["Chọn tệp"][1], path.name, path.read_bytes())
    preview = await tab.run("tai-du-lieu", timeout=120)
    tally.add(preview)
    button = preview.widgets.get("Xác nhận nhập 1 tệp")
    if button is None:
        tally.failures.append(f"{path.name}: không có nút xác nhận")
        return
    done = await tab.run("tai-du-lieu", clicked=button[1], timeout=120)
    tab.kept.clear()  # a fresh uploader after the confirm
    tally.add(done)
    if not done.alert(SUCCESS):  # «Đã nhập …»
        tally.failures.append(f"{path.name}: không thấy báo đã nhập")


async def exporter(
    base: str, cookie: dict[str, str], seed: int, deadline: float, tally: Tally
) -> None:
    """Press export for a show not exported before (another speed), again and again."""
    rng = random.Random(seed)
    async with Tab(base, cookie) as tab:
        while time.monotonic() < deadline:
            await export_once(tab, rng, tally)


async def export_once(tab: Tab, rng: random.Random, tally: Tally) -> None:
    query = f"nam={rng.choice(YEARS)}&giay={rng.randint(3, 600)}"
    shown = await tab.run("trinh-chieu", query)
    button = shown.widgets[EXPORT_LABEL][1]
    tally.add(await tab.run("trinh-chieu", query, clicked=button, timeout=150))


async def hammer(base: str, seed: int, deadline: float, tally: Tally) -> None:
    """Submit the sign-in form as fast as it answers: a real name, then made-up ones."""
    rng = random.Random(seed)
    async with Tab(base) as tab:
        while time.monotonic() < deadline:
            await wrong_sign_in(tab, rng, tally)


async def wrong_sign_in(tab: Tab, rng: random.Random, tally: Tally) -> None:
    form = await tab.run("")
    user, password = form.widgets["Tên đăng nhập"][1], form.widgets["Mật khẩu"][1]
    submit = form.widgets["Đăng nhập"][1]
    name = "phantich" if rng.random() < 0.5 else f"khach{rng.randrange(10**9)}"
    tab.submit({user: name, password: f"sai-{rng.randrange(10**9)}"}, submit)
    tally.add(await tab.run("", clicked=submit))


@dataclass
class Outcome:
    seconds: float
    viewers: Tally
    analyst: Tally
    exports: Tally
    sign_ins: Tally
    probe: Probe
    rss_cold: float  # the server just started
    rss_start: float  # after doing each kind of work once, every session gone
    rss_end: float  # after the load, every session gone


async def warm_up(base: str, jar: dict[str, dict[str, str]], files: list[Path]) -> None:
    """Each kind of work once — every page, an import of each file (each layout and
    encoding has its own first use), an undo, an export, a failed sign-in — so that what a
    first use loads for good (modules, pools) is in the start, and the comparison with the
    end shows what the load itself leaves behind."""
    spare = Tally()
    async with Tab(base, jar["analyst"]) as tab:
        for path in files:
            await import_file(tab, path, spare)
        await reimport(tab, files[0], spare)
    # The pages after the imports: read on the snapshot they leave, as after the load they
    # are read on the last one (its DuckDB keeps what it read: ~40 MB of the demo's).
    async with Tab(base, jar["viewer"]) as tab:
        for page in [*CHART_PAGES, "trinh-chieu"]:
            await tab.run(page)
        await export_once(tab, random.Random(0), spare)
    async with Tab(base) as tab:
        await wrong_sign_in(tab, random.Random(0), Tally())  # its refusal is expected
    if spare.errors:
        raise RuntimeError(f"khởi động thử không xong: {spare.errors[:3]}")


async def rested_rss(pid: int) -> float:
    """The server's memory once the closed tabs' sessions are gone (SESSION_TTL) and the
    server, idle, has given back what it freed (allocator.IDLE_SECONDS)."""
    await asyncio.sleep(SESSION_TTL + allocator.IDLE_SECONDS + 10)
    samples = []
    for _ in range(5):
        samples.append(rss_mb(pid))
        await asyncio.sleep(0.5)
    return statistics.median(samples)


async def crowd(base: str, pid: int, master: Path, seconds: float, viewers: int) -> Outcome:
    cookies = {role: _token(master, name) for role, name in _accounts(master).items()}
    xsrf = xsrf_cookie(base)
    jar = {
        role: {sessions.SESSION_COOKIE: token, XSRF_COOKIE: xsrf} for role, token in cookies.items()
    }
    # A decision list, registers in xlsx, csv, TCVN3 and VNI .xls, a bloc scoring sheet.
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".xlsx", ".xls", ".csv"})
    rss_cold = rss_mb(pid)
    await warm_up(base, jar, files)
    rss_start = await rested_rss(pid)
    probe, stop = Probe(pid), asyncio.Event()
    watching = asyncio.create_task(probe.watch(stop))
    tallies = {name: Tally() for name in ("viewers", "analyst", "exports", "sign_ins")}
    start = time.monotonic()
    deadline = start + seconds
    await asyncio.gather(
        *(viewer(base, jar["viewer"], i, deadline, tallies["viewers"]) for i in range(viewers)),
        _guarded(analyst(base, jar["analyst"], files, deadline, tallies["analyst"]),
                 tallies["analyst"]),
        *(_guarded(exporter(base, jar["viewer"], 100 + i, deadline, tallies["exports"]), tallies["exports"])
          for i in range(2)),
        *(_guarded(hammer(base, 200 + i, deadline, tallies["sign_ins"]), tallies["sign_ins"])
          for i in range(2)),
    )  # fmt: skip
    elapsed = time.monotonic() - start
    rss_end = await rested_rss(pid)
    stop.set()
    await watching
    t = tallies
    return Outcome(elapsed, t["viewers"], t["analyst"], t["exports"], t["sign_ins"], probe,
                   rss_cold, rss_start, rss_end)  # fmt: skip


async def _guarded(actor: Awaitable[None], tally: Tally) -> None:
    try:
        await actor
    except Exception as failure:  # noqa: BLE001 — an actor that broke is a finding, printed
        tally.failures.append(f"{type(failure).__name__}: {failure}")


def load(seconds: float = 120, viewers: int = 30, log: Path | None = None) -> Outcome:
    from etl.demo_import import import_demo

    with tempfile.TemporaryDirectory() as tmp:
        master = Path(tmp) / "warehouse.duckdb"
        import_demo(master)
        ttl = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(SESSION_TTL)}
        with serve_process(master, ttl, log) as (base, process):
            return asyncio.run(crowd(base, process.pid, master, seconds, viewers))


def print_load(outcome: Outcome, viewers: int) -> None:
    v = outcome.viewers
    print(f"| tải đồng thời ({viewers} người xem, {outcome.seconds:.0f} s) | đo được | ngân sách |")
    print("|---|---:|---|")
    rows = [
        ("trang người xem trả lời", f"{len(v.answers)} lần", ""),
        ("thời gian trả lời p50 / p95 / lớn nhất",
         f"{v.p(0.5):.2f} / {v.p(0.95):.2f} / {v.p(1.0):.2f} s", "p95 ≤ 1 s"),
        ("lỗi người xem thấy", str(len(v.errors)), "0"),
        ("chuyên viên hủy rồi nhập lại tệp (lượt trang)",
         f"{len(outcome.analyst.answers)} lần, lỗi {len(outcome.analyst.failures)}", ""),
        ("xuất PNG/PDF bấm", f"{len(outcome.exports.answers)} lần, p50 {outcome.exports.p(0.5):.1f} s", ""),
        ("đăng nhập sai gửi", f"{len(outcome.sign_ins.answers)} lần, p50 {outcome.sign_ins.p(0.5):.2f} s", ""),
        ("tiến trình Chromium cùng lúc (nhiều nhất)", str(outcome.probe.chromium_max), "≤ 4"),
        ("RSS máy chủ: mới chạy / đầu / đỉnh / sau khi nghỉ",
         f"{outcome.rss_cold:.0f} / {outcome.rss_start:.0f} / {max(outcome.probe.rss, default=0):.0f}"
         f" / {outcome.rss_end:.0f} MB", f"sau ≤ đầu × 1,1 = {outcome.rss_start * 1.1:.0f} MB"),
    ]  # fmt: skip
    for name, value, budget in rows:
        print(f"| {name} | {value} | {budget} |")
    for title, tally in (("người xem", v), ("chuyên viên", outcome.analyst),
                         ("xuất", outcome.exports)):  # fmt: skip
        for error in sorted(set(tally.errors))[:5]:
            print(f"  lỗi ({title}): {error[:200]}")
