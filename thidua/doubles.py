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


# A search history is one name in one unit: two namesakes there are one history, since no
# list gives a birth date to tell them apart. The awards that the pairs name are marked.
NAMESAKES = "hai người trùng tên"
UNREVIEWED = "chưa rà soát"


def history_pairs(
    con: duckdb.DuckDBPyConnection, name: str, unit: str | None
) -> tuple[pl.DataFrame, str]:
    """For the search's history of `name` in `unit`: each of its awards that is one of a
    pair (award_id, what the pair is: NAMESAKES or UNREVIEWED), and what a reader must know
    of them in a sentence ("" when none). A recipient of no unit is not looked at: the
    pairs are made within one unit."""
    none = pl.DataFrame(schema={"award_id": pl.Int64, "pair": pl.String})
    if unit is None:
        return none, ""
    pairs = award_doubles(con, Filters(unit=unit)).filter(
        (pl.col("recipient_name") == name) | (pl.col("name_b") == name)
    )
    if pairs.height == 0:
        return none, ""
    what = pl.when(pl.col("reviewed")).then(pl.lit(NAMESAKES)).otherwise(pl.lit(UNREVIEWED))
    marked = pl.concat(
        pairs.select(pl.col(side).cast(pl.Int64).alias("award_id"), what.alias("pair"))
        for side in ("award_a", "award_b")
    ).unique("award_id", keep="first", maintain_order=True)
    reviewed = int(pairs["reviewed"].sum())
    said = []
    if reviewed:
        said.append(
            f"{reviewed} cặp khen thưởng của tên này đã được xác nhận là của hai người trùng tên "
            f"ở {unit} (trang «Rà soát khen trùng»): danh sách khen thưởng không ghi ngày sinh "
            f"nên quá trình dưới đây gộp khen thưởng của họ; các dòng «{NAMESAKES}» thuộc các "
            "cặp đó."
        )
    if pairs.height > reviewed:
        said.append(
            f"{pairs.height - reviewed} cặp khen thưởng giống nhau (cùng hình thức, cùng năm "
            "thành tích, hai quyết định) chưa được rà soát: có thể một người được khen hai lần "
            f"hoặc hai người trùng tên — các dòng «{UNREVIEWED}»."
        )
    spelled = sorted({*pairs["recipient_name"], *pairs["name_b"]} - {name})
    if spelled:
        said.append(
            "Trong các cặp đó tên còn được ghi là "
            + ", ".join(f"«{other}»" for other in spelled)
            + ": một kết quả tra cứu riêng."
        )
    return marked, " ".join(said)
