"""Awards given twice (issue 23): the same award to the same recipient for the same
achievement in two decisions or two files (sql/award_doubles.sql), for an analyst to review;
a pair said to be two different recipients stays listed as reviewed, with who said so."""

from __future__ import annotations

import duckdb
import polars as pl

from thidua import queries
from thidua.filters import Filters


def award_doubles(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Every pair under the filters, the ones not yet reviewed first."""
    pairs = queries.run(con, "award_doubles", filters)
    return pairs.sort("reviewed", maintain_order=True)
