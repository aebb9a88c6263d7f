"""Starting and waiting for the reading child (stdlib only, so the CLI can start one before
its own heavy imports: the file is being read while the importer loads DuckDB and Polars)."""

from __future__ import annotations

import atexit
import json
import os
import signal
import subprocess
import sys
import tempfile
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


class Child:
    """One reading child for one file; `finish()` waits for it within the time bound."""

    def __init__(self, path: Path, name: str, limits: ImportLimits, fast: bool = True) -> None:
        self.key = (str(path.resolve()), name, limits)
        self.limits = limits
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
        env = child_environment(
            RUST_BACKTRACE="0",  # a panic is said in one line, not a backtrace
            OPENBLAS_NUM_THREADS="1",  # numpy comes with pyarrow; its threads' buffers
            # would count against the address-space bound for nothing
        )
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
        )
        with (self.work / "stderr.txt").open("wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "etl.reading.worker", str(request)],
                cwd=PROJECT_ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,
            )
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


_STARTED: dict[tuple[str, str, ImportLimits], Child] = {}


@atexit.register
def _unused() -> None:
    """A child started ahead for a file never read (the import stopped first) is ended."""
    for child in _STARTED.values():
        child.cleanup()


def prestart(path: Path, limits: ImportLimits = LIMITS) -> None:
    """Start reading a file the CLI is about to import, before the CLI imports the importer;
    `take` hands the child to read_book. A file that cannot be opened is left to read_book."""
    if path.is_file():
        child = Child(path, path.name, limits)
        _STARTED[child.key] = child


def take(path: Path, name: str, limits: ImportLimits) -> Child:
    """The child already reading this file with these limits, or a new one."""
    key = (str(path.resolve()), name, limits)
    return _STARTED.pop(key, None) or Child(path, name, limits)


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
