"""The national benchmark set: `national_awards` draws award rows for up to the 34
provinces of 2025 (~10M rows by default) without writing files."""

from __future__ import annotations

import numpy as np
import polars as pl

from demo_province.awards import AWARD_COLUMNS, _awards_frame, _campaign_arrays
from demo_province.campaigns import campaigns_frame
from demo_province.catalog import _catalog, load_units
from demo_province.helpers import _enum, _gather

PROVINCES_2025 = (
    "Hà Nội", "TP. Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "An Giang",
    "Bắc Ninh", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Đồng Tháp",
    "Gia Lai", "Hà Tĩnh", "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lạng Sơn", "Lào Cai",
    "Lâm Đồng", "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sơn La", "Tây Ninh", "Thái Nguyên", "Thanh Hóa", "Tuyên Quang", "Vĩnh Long",
)  # fmt: skip


def national_awards(
    seed: int = 7,
    provinces: int = 34,
    years: range = range(2006, 2026),
    awards_per_year: int = 15000,
) -> pl.DataFrame:
    """provinces × years × awards_per_year rows for benchmarks, Enum string columns.

    Units are the generic departments every province has (no Kiên Giang districts),
    with the 2025 mergers; no decision lists, every row is "register"."""
    if not 1 <= provinces <= len(PROVINCES_2025):
        raise ValueError(f"provinces must be 1..{len(PROVINCES_2025)}")
    rng = np.random.default_rng(seed)
    units = load_units().filter(
        (pl.col("kind") == "department") & ~pl.col("name").str.contains("Kiên Giang|Phú Quốc")
    )
    cat = _catalog(units)
    year_list = np.array(list(years), dtype=np.int64)
    per_province = len(year_list) * awards_per_year
    n = provinces * per_province
    groups = np.repeat(np.arange(provinces, dtype=np.int64), per_province)
    year_arr = np.tile(np.repeat(year_list, awards_per_year), provinces)
    frame = _awards_frame(
        rng,
        cat,
        _campaign_arrays(campaigns_frame()),
        year_arr,
        groups,
        np.zeros(n, dtype=bool),
        provinces,
    )
    province = _gather(_enum(PROVINCES_2025[:provinces]), groups).alias("province")
    return frame.with_columns(province).select("province", *AWARD_COLUMNS)
