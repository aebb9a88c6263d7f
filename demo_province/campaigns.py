"""The province's campaigns (phong trào thi đua) 2018–2025 and their frame."""

from __future__ import annotations

from datetime import date

import polars as pl

from demo_province.helpers import _nfc

CAMPAIGN_KINDS = {"regular": "Thường xuyên", "thematic": "Chuyên đề", "special": "Theo đợt"}
_CAMPAIGNS: tuple[tuple[str, date, str, str, date, date, date | None, str | None], ...] = (
    (
        "28/KH-UBND", date(2018, 2, 5),
        "Phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",
        "regular", date(2018, 1, 1), date(2020, 12, 31), None, None,
    ),
    (
        "52/KH-UBND", date(2018, 3, 20),
        "Phong trào thi đua “Cả nước thi đua xây dựng nông thôn mới”",
        "regular", date(2018, 1, 1), date(2025, 6, 30), None, None,
    ),
    (
        "89/KH-UBND", date(2018, 6, 12),
        "Phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển”",
        "regular", date(2018, 7, 1), date(2020, 12, 31), None, None,
    ),
    (
        "136/KH-UBND", date(2019, 9, 13),
        "Phong trào thi đua thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh",
        "thematic", date(2019, 6, 1), date(2020, 6, 30), date(2019, 10, 30),
        "Đoàn kết, đổi mới, sáng tạo, hiệu quả, bứt phá",
    ),
    (
        "41/KH-UBND", date(2019, 3, 8),
        "Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”",
        "thematic", date(2019, 3, 15), date(2025, 6, 30), date(2019, 4, 30),
        "Kỷ cương, trách nhiệm, thân thiện, phục vụ",
    ),
    (
        "61/KH-UBND", date(2020, 4, 2),
        "Phong trào thi đua phòng, chống dịch COVID-19",
        "special", date(2020, 3, 15), date(2021, 12, 31), None, "Chống dịch như chống giặc",
    ),
    (
        "18/KH-UBND", date(2020, 2, 10),
        "Phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh lần thứ XI",
        "special", date(2020, 2, 15), date(2020, 10, 31), date(2020, 3, 15), None,
    ),
    (
        "35/KH-UBND", date(2021, 2, 26),
        "Phong trào thi đua “Chuyển đổi số tỉnh Kiên Giang giai đoạn 2021 - 2025”",
        "thematic", date(2021, 3, 1), date(2025, 6, 30), date(2021, 4, 15),
        "Chuyển đổi số vì người dân, doanh nghiệp",
    ),
    (
        "77/KH-UBND", date(2021, 4, 19),
        "Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025",
        "regular", date(2021, 5, 1), date(2025, 6, 30), None, None,
    ),
    (
        "95/KH-UBND", date(2023, 5, 22),
        "Phong trào thi đua đẩy mạnh cải cách hành chính, nâng cao Chỉ số PAR INDEX",
        "thematic", date(2023, 6, 1), date(2025, 6, 30), date(2023, 7, 15),
        "Hành chính phục vụ",
    ),
    (
        "150/KH-UBND", date(2024, 5, 10),
        "Phong trào thi đua “Cả nước chung tay xóa nhà tạm, nhà dột nát”",
        "special", date(2024, 5, 10), date(2025, 8, 31), date(2024, 6, 15),
        "Mái ấm cho người nghèo",
    ),
    (
        "12/KH-UBND", date(2025, 1, 14),
        "Phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030",
        "special", date(2025, 1, 15), date(2025, 9, 30), date(2025, 2, 28), None,
    ),
)  # fmt: skip
CAMPAIGN_TAIL_DAYS = 60  # campaign awards may be decided shortly after a campaign ends


def campaigns_frame() -> pl.DataFrame:
    rows = [
        dict(
            zip(
                ("plan_no", "issued_on", "name", "kind", "start", "end"),
                (c[0], c[1], _nfc(c[2]), c[3], c[4], c[5]),
                strict=True,
            ),
            registration_deadline=c[6],
            slogan=_nfc(c[7]) if c[7] else None,
        )
        for c in _CAMPAIGNS
    ]
    schema = {
        "plan_no": pl.String,
        "issued_on": pl.Date,
        "name": pl.String,
        "kind": pl.String,
        "start": pl.Date,
        "end": pl.Date,
        "registration_deadline": pl.Date,
        "slogan": pl.String,
    }
    return pl.DataFrame(rows, schema=schema).sort("issued_on", "plan_no")
