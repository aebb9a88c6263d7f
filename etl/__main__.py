"""Command line: python -m etl import FILE... [--db PATH] | demo | status."""

from __future__ import annotations

import atexit
import os
import sys

from etl.reading.child import prestart_import

prestart_import(sys.argv[1:])  # the first file is read while the importer loads

from etl.cli import main  # noqa: E402

status = main()
# Everything is written, closed and published by now. The interpreter's own teardown
# (freeing each module, Polars' and DuckDB's memory piece by piece) took ~0,1 s of an
# import's 2 s and gives nothing the kernel does not do at exit; the exit handlers still
# run (the reading children started ahead are ended there).
atexit._run_exitfuncs()
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
