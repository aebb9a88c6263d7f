"""One writer of the lake's concurrency tests, in a process of its own (as a second server
or a province's import would be): `python -m tests.lake_writer_process SETTING DATA FILE…`
imports each file through the same path the upload page and the command line use, then
prints one JSON line per file: its status and rows. With `--hold-after N` it stops right
before committing its N-th file and waits to be killed."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from etl import load
from etl.importer import import_file
from tests.accounts import ANALYST
from thidua import lake, lake_writer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("setting")
    parser.add_argument("data")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--hold-after", type=int, default=0)
    args = parser.parse_args(argv)
    where = lake.lake_of(args.setting, args.data or None)
    if args.hold_after:
        _hold_before_commit(args.hold_after)
    with lake_writer.writing(where) as con:
        for path in args.files:
            report = import_file(con, path, ANALYST)
            print(json.dumps({"file": path.name, "status": report.status, "rows": report.rows,
                              "problems": [p.message for p in report.problems]},
                             ensure_ascii=False), flush=True)  # fmt: skip
    return 0


def _hold_before_commit(nth: int) -> None:
    """Stop inside the N-th file's transaction, everything written but the commit."""
    written = load._write_awards
    count = [0]

    def write_then_hold(con, batch_id):  # type: ignore[no-untyped-def]
        rows = written(con, batch_id)
        count[0] += 1
        if count[0] == nth:
            print(json.dumps({"holding": batch_id}), flush=True)
            while True:
                time.sleep(1)
        return rows

    load.WRITERS["awards"] = write_then_hold


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
