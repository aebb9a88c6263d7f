"""Starting and waiting for the reading child (stdlib only, so the CLI can start one before
its own heavy imports: the file is being read while the importer loads DuckDB and Polars)."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from thidua.settings import LIMITS, PROJECT_ROOT, ImportLimits, child_environment


@dataclass
class Finished:
    """How the child ended: its wait status, peak resident memory, whether it was killed
    for running past the time bound, and the folder holding what it wrote."""

    status: int
    peak_mb: float
    timed_out: bool
    work: Path
    seconds: float  # from the child's start to its end


def high_water_kb(pid: int | str = "self") -> int:
    """A process's peak resident memory since its exec (VmHWM). getrusage's ru_maxrss is
    no use here: for a child it includes the parent's memory at the fork."""
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class Standby:
    """A reading child started before its file is known: it loads the readers and waits for
    a request on its standard input (worker.standby), in a work folder of its own."""

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="thidua-read-")
        self.work = Path(self.folder.name)
        self.process = _spawn(["--standby"], self.work, stdin=subprocess.PIPE)

    def alive(self) -> bool:
        return self.process.poll() is None

    def end(self) -> None:
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()  # an empty request: it ends by itself
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=1)
        if self.process.returncode is None:
            self.process.kill()
            self.process.wait()
        self.folder.cleanup()


class Child:
    """One reading child for one file; `finish()` waits for it within the time bound. Given
    a child on standby, that one reads the file."""

    def __init__(
        self,
        path: Path,
        name: str,
        limits: ImportLimits,
        fast: bool = True,
        standby: Standby | None = None,
    ) -> None:
        self.key = (str(path.resolve()), name, limits)
        self.limits = limits
        if standby is not None:
            self._folder, self.work = standby.folder, standby.work
        else:
            self._folder = tempfile.TemporaryDirectory(prefix="thidua-read-")
            self.work = Path(self._folder.name)
        request = self.work / "request.json"
        request.write_text(
            json.dumps(
                {
                    "path": self.key[0],
                    "name": name,
                    "out": str(self.work),
                    "limits": asdict(limits),
                    "fast": fast,
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        if standby is not None:
            self.process = standby.process
            assert self.process.stdin is not None
            self.process.stdin.write(f"{request}\n".encode())
            self.process.stdin.close()
        else:
            self.process = _spawn([str(request)], self.work)
        self.started = time.monotonic()
        self.deadline = self.started + limits.read_seconds

    def finish(self) -> Finished:
        """Wait (polling, without holding the GIL long) until the child ends or its time is up."""
        pid = self.process.pid
        pause = 0.002
        timed_out = False
        peak_kb = 0
        while True:
            peak_kb = max(peak_kb, high_water_kb(pid))
            done, status, _ = os.wait4(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > self.deadline:
                timed_out = True
                os.kill(pid, signal.SIGKILL)
                done, status, _ = os.wait4(pid, 0)
                break
            time.sleep(pause)
            # A poll is ~0,1 ms of work; pauses of up to 20 ms cost ~10 ms a file.
            pause = min(pause * 2, 0.005)
        self.process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        seconds = time.monotonic() - self.started
        return Finished(status, peak_kb / 1024, timed_out, self.work, seconds)

    def cleanup(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
            self.process.wait()
        self._folder.cleanup()


def _spawn(args: list[str], work: Path, stdin: int = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    env = child_environment(
        RUST_BACKTRACE="0",  # a panic is said in one line, not a backtrace
        OPENBLAS_NUM_THREADS="1",  # numpy comes with pyarrow; its threads' buffers
        # would count against the address-space bound for nothing
    )
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
    )
    with (work / "stderr.txt").open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "etl.reading.worker", *args],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )


_STARTED: dict[tuple[str, str, ImportLimits], Child] = {}
_ready: Standby | None = None  # while keep_one_ready was asked for
_READY_LOCK = threading.Lock()
_KEEP_READY = threading.Event()


@atexit.register
def _unused() -> None:
    """A child started ahead for a file never read (the import stopped first) is ended, and
    so is the one on standby."""
    for child in _STARTED.values():
        child.cleanup()
    stop_keeping_ready()


def keep_one_ready() -> None:
    """From now on keep one reading child on standby, so that the next file is read without
    waiting for a Python to start and load the readers (a 5,000-row list is read in 0,10 s
    instead of 0,25 s). For a server, where files come one at a time while it runs; the CLI starts its
    first child ahead instead (prestart)."""
    _KEEP_READY.set()
    _replenish()


def stop_keeping_ready() -> None:
    """No child on standby any more (the one there is ended)."""
    _KEEP_READY.clear()
    standby = _standby()
    if standby is not None:
        standby.end()


def _replenish() -> None:
    global _ready
    with _READY_LOCK:
        if _ready is not None and not _ready.alive():
            _ready.end()  # died waiting: its folder goes too
            _ready = None
        if _KEEP_READY.is_set() and _ready is None:
            with contextlib.suppress(OSError):  # no child now: the next file starts its own
                _ready = Standby()


def _standby() -> Standby | None:
    """The child on standby, taken out of its slot; None when there is none."""
    global _ready
    with _READY_LOCK:
        standby, _ready = _ready, None
    return standby


def prestart(path: Path, limits: ImportLimits = LIMITS) -> None:
    """Start reading a file the CLI is about to import, before the CLI imports the importer;
    `take` hands the child to read_book. A file that cannot be opened is left to read_book."""
    if path.is_file():
        child = Child(path, path.name, limits)
        _STARTED[child.key] = child


def take(path: Path, name: str, limits: ImportLimits) -> Child:
    """The child already reading this file with these limits, or a new one."""
    key = (str(path.resolve()), name, limits)
    started = _STARTED.pop(key, None)
    if started is not None:
        return started
    standby = _standby()
    if standby is not None and not standby.alive():
        standby.end()
        standby = None
    try:
        child = Child(path, name, limits, standby=standby)
    except OSError:  # the one on standby died as it was handed the file: start one
        if standby is None:
            raise
        standby.end()
        child = Child(path, name, limits)
    _replenish()  # the next one loads while this one reads
    return child


def prestart_import(argv: list[str]) -> None:
    """`python -m etl import FILE …`: start reading the first file at once (the CLI's own
    imports take ~0,4 s that the child spends reading)."""
    if "import" not in argv or "-h" in argv or "--help" in argv:
        return
    rest = iter(argv[argv.index("import") + 1 :])
    for arg in rest:
        if arg == "--db":
            next(rest, None)
        elif not arg.startswith("-"):
            prestart(Path(arg))
            return
