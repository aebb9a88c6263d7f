"""Command line: python -m etl import FILE... [--db PATH] | demo | status."""

from __future__ import annotations

import sys

from etl.cli import main

sys.exit(main())
