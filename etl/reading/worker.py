"""The reading child: `python -m etl.reading.worker REQUEST.json`, or `… --standby` for one
started before its file is known (the server keeps one ready: child.keep_one_ready).

It bounds itself (address space, CPU seconds, size of what it writes) before it opens the
file — a child started for its file even before it imports anything heavy; one on standby
imports the readers first, then waits for a request's path on its standard input —, reads
one file into text grids and writes them as Arrow IPC files beside a result.json. Whatever
the file does to calamine — an allocation of hundreds of GiB, a deflate bomb, an endless
parse — happens to this process, never to the dashboard or the CLI.
"""

from __future__ import annotations

import json
import math
import os
import resource
import sys
from pathlib import Path
from typing import Any


def _bound_self(limits: dict[str, Any]) -> None:
    memory = int(limits["read_memory_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # CPU seconds count from the process's start: a child on standby has spent some loading.
    used = resource.getrusage(resource.RUSAGE_SELF)
    seconds = math.ceil(float(limits["read_seconds"]) + used.ru_utime + used.ru_stime) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    written = 2 * int(limits["max_unzipped_bytes"]) + 64 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (written, written))


def main(request_path: str) -> int:
    request = json.loads(Path(request_path).read_text(encoding="utf-8"))
    _bound_self(request["limits"])
    # Imported only now, inside the bounds.
    from etl.problems import FileRefused
    from etl.reading.book import ScanFirst, read_here
    from etl.reading.child import high_water_kb
    from thidua.settings import ImportLimits

    out = Path(request["out"])
    limits = ImportLimits(**request["limits"])
    try:
        result = read_here(Path(request["path"]), request["name"], limits, out, request["fast"])
    except ScanFirst:
        result = {"ok": False, "scan_first": True}
    except FileRefused as refused:
        result = {
            "ok": False,
            "problems": [
                {"message": p.message, "row": p.row, "column": p.column} for p in refused.problems
            ],
        }
    except MemoryError:
        result = {"ok": False, "memory": True}
    result["peak_mb"] = high_water_kb() / 1024
    (out / "result.tmp").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    (out / "result.tmp").rename(out / "result.json")
    # Not a normal exit: a fast read's calamine thread may still be at work on a file the
    # scan refused; nothing of it is wanted.
    os._exit(0)


def standby() -> int:
    """Load what reading takes (~0,2 s of a child's life), then wait for the request; an
    empty line or a closed pipe (the parent has gone) ends it."""
    import pyarrow.compute  # noqa: F401
    import pyarrow.ipc  # noqa: F401
    import python_calamine  # noqa: F401

    import etl.reading.book  # noqa: F401
    import etl.reading.text  # noqa: F401

    request = sys.stdin.readline().strip()
    return main(request) if request else 0


if __name__ == "__main__":
    sys.exit(standby() if sys.argv[1] == "--standby" else main(sys.argv[1]))
