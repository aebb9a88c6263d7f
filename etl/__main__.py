"""Command line: python -m etl import FILE... [--db PATH] | demo | status."""

from __future__ import annotations

import sys

from etl.reading.child import prestart_import

prestart_import(sys.argv[1:])  # the first file is read while the importer loads

from etl.cli import main  # noqa: E402

sys.exit(main())
