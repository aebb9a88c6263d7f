"""The conference slideshow: slides as plain HTML and CSS, designed at 1920×1080 and
scaled to whatever screen shows them (4:3 projector, 16:9 TV, 4K). No chart library and
no server round-trip once loaded, so a show can run unattended all day."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date

import duckdb
import polars as pl

from thidua import metrics, queries
from thidua.charts import FORM_COLOURS, TIMELINESS_COLOURS, bloc_colour
from thidua.formatting import number, percent, points, signed
from thidua.reference import BLOC_ROLE_NAMES, FORMS_BY_CODE, ROLE_SIGNS

SLIDE_SETS = {
    "headline": "Số liệu chính của năm",
    "blocs": "Xếp hạng từng khối, cụm",
    "distribution": "Cơ cấu khen thưởng",
    "non_leader": "Tỷ lệ người lao động trực tiếp",
    "flags": "Cờ thi đua của Chính phủ và của UBND tỉnh",
    "dossiers": "Hồ sơ đề nghị: tỷ lệ đúng hạn",
}
WIDTH, HEIGHT = 1920, 1080


@dataclass(frozen=True)
class Slide:
    title: str
    body: str  # HTML inside the slide, already escaped


def _e(text: object) -> str:
    return html.escape(str(text))


# Rows of bars a slide holds at their full height (64 px, names on two lines) with a title,
# a lead line and a key: the walk's bloc of ten ran its last row onto the footer.
_FULL_HEIGHT_ROWS = 7


def _bars(
    rows: list[tuple[str, float, str, str]], maximum: float, target: float | None = None
) -> str:
    """Horizontal bars: (label, value, shown value, colour). A dashed line marks the target.
    More rows than fit at full height (a bloc of ten) are drawn dense: one line of a
    smaller name each, so that every row, and the key under them, stays above the footer."""
    items = []
    for label, value, shown, colour in rows:
        width = 0 if maximum <= 0 else 100 * value / maximum
        items.append(
            f'<div class="bar-row"><div class="bar-label">{_e(label)}</div>'
            f'<div class="bar-track"><div class="bar" style="width:{width:.2f}%;background:{colour}"></div>'
            f'<span class="bar-value">{_e(shown)}</span></div></div>'
        )
    line = ""
    if target is not None and maximum > 0:
        line = f'<div class="target" style="left:calc(var(--label) + (100% - var(--label) - var(--room)) * {target / maximum:.4f})"><span>Mục tiêu {_e(percent(target, 0))}</span></div>'
    dense = " dense" if len(rows) > _FULL_HEIGHT_ROWS else ""
    return f'<div class="bars{dense}">{"".join(items)}{line}</div>'


def _card(label: str, value: str, delta: str | None) -> str:
    """A headline figure: the value, what it counts, a note under it."""
    return f'<div class="card"><div class="card-value">{_e(value)}</div><div class="card-label">{_e(label)}</div><div class="card-delta">{_e(delta or "")}</div></div>'


def headline_slide(con: duckdb.DuckDBPyConnection, year: int) -> Slide:
    view = metrics.overview(con, year)
    now, before = view.current, view.previous

    def on_screen(delta: str | None) -> str | None:
        # The typographic minus on the big screen; the same rounding and sign as the pages.
        return None if delta is None else f"{delta.replace('-', '−', 1)} so với {year - 1}"

    def pts(a: float | None, b: float | None) -> str | None:
        return on_screen(points(metrics.change(a, b)))

    total_delta = None if before is None else on_screen(signed(now.awards - before.awards))
    cards = [
        _card("lượt khen thưởng", number(now.awards), total_delta),
        _card("cá nhân", number(now.individuals), None),
        _card("tập thể, hộ gia đình", number(now.collectives + now.households), None),
        _card(
            "khen người lao động trực tiếp",
            percent(now.non_leader_share),
            pts(now.non_leader_share, before.non_leader_share) if before else None,
        ),
        _card(
            "khen cá nhân là nữ",
            percent(now.women_share),
            pts(now.women_share, before.women_share) if before else None,
        ),
        _card(
            "khen thưởng đột xuất",
            percent(now.adhoc_share),
            pts(now.adhoc_share, before.adhoc_share) if before else None,
        ),
    ]
    return Slide(
        f"Công tác thi đua, khen thưởng năm {year}", f'<div class="cards">{"".join(cards)}</div>'
    )


def bloc_slides(con: duckdb.DuckDBPyConnection, year: int) -> list[Slide]:
    results = queries.run(con, "bloc_results_year", year=year)
    slides = []
    for (bloc,), rows in results.group_by("bloc_name", maintain_order=True):
        leader = rows.row(0, named=True)
        marks = {role: sign + " " for role, sign in ROLE_SIGNS.items()}
        bars = [
            (
                # The sign before the name: a long name is cut at its end, never the ★.
                f"{r['rank']}. {marks.get(r['role'] or '', '')}{r['unit_name']}",
                r["total_score"],
                number(r["total_score"], 1),
                bloc_colour(str(bloc)),
            )
            for r in rows.iter_rows(named=True)
        ]
        top = float(rows["total_score"].max() or 100)  # type: ignore[arg-type]
        body = (
            f'<div class="lead">Dẫn đầu: <b>{_e(leader["unit_name"])}</b> — {_e(number(leader["total_score"], 1))} điểm</div>'
            + _bars(bars, top * 1.05)
            + '<div class="note">'
            + " · ".join(
                f"{sign} {BLOC_ROLE_NAMES[role].lower()}" for role, sign in ROLE_SIGNS.items()
            )
            + "</div>"
        )
        slides.append(Slide(f"{bloc} — kết quả năm {year}", body))
    return slides


def distribution_slide(con: duckdb.DuckDBPyConnection, year: int) -> Slide:
    by_form = (
        metrics.overview(con, year)
        .by_form.filter(pl.col("awards") > 0)
        .sort("awards", descending=True)
    )
    top = float(by_form["awards"].max() or 1)  # type: ignore[arg-type]
    bars = [
        (FORMS_BY_CODE[c].name_vi, n, number(n), FORM_COLOURS.get(c, "#888"))
        for c, n in by_form.select("form_code", "awards").head(10).iter_rows()
    ]
    rest = by_form.height - len(bars)
    note = (
        f'<div class="note">và {rest} hình thức khác ({number(int(by_form["awards"][10:].sum()))} lượt)</div>'
        if rest > 0
        else ""
    )
    return Slide(f"Khen thưởng theo hình thức, năm {year}", _bars(bars, top * 1.1) + note)


def non_leader_slide(con: duckdb.DuckDBPyConnection, year: int, target: float) -> Slide:
    from thidua.filters import Filters

    by_year = metrics.with_shares(queries.run(con, "counts_by_year", Filters(year_to=year))).tail(8)
    colours = {True: "#e74c3c", False: "#2ecc71", None: "#95a5a6"}  # no share: grey, not 0
    bars = [
        (
            f"Năm {y}",
            share or 0.0,
            metrics.share_against_target(share, target),
            colours[metrics.below_target(share, target)],
        )
        for y, share in by_year.select("year", "non_leader_share").iter_rows()
    ]
    return Slide(
        f"Tỷ lệ khen người lao động trực tiếp (mục tiêu {percent(target, 0)})",
        _bars(bars, 1.0, target),
    )


FLAG_NAMES_PER_SLIDE = 24  # two columns of 12: a name on two lines still clears the footer
FLAGS = (("CO_CP", "Cờ thi đua của Chính phủ"), ("CO_TINH", "Cờ thi đua của UBND tỉnh"))


def _pages(names: list[str], most: int) -> list[list[str]]:
    """`names` over as few slides as hold them, shared evenly (73 → 19, 18, 18, 18, not
    24, 24, 24, 1)."""
    if not names:
        return [[]]
    count = -(-len(names) // most)
    sizes = [len(names) // count + (1 if i < len(names) % count else 0) for i in range(count)]
    starts = [sum(sizes[:i]) for i in range(count)]
    return [names[start : start + size] for start, size in zip(starts, sizes, strict=True)]


def flags_slides(con: duckdb.DuckDBPyConnection, year: int) -> list[Slide]:
    """Every collective given each flag in `year`, named in full: one flag per slide, paged
    over as many slides as its list needs (a province gives its own flag to seventy)."""
    winners = queries.run(con, "flag_winners", year=year)
    slides = []
    for code, label in FLAGS:
        names = winners.filter(pl.col("form_code") == code)["recipient_name"].to_list()
        pages = _pages(names, FLAG_NAMES_PER_SLIDE)
        for number_, page in enumerate(pages, start=1):
            items = "".join(f"<li>{_e(n)}</li>" for n in page) or (
                "<li class='more'>Không có tập thể nào trong năm</li>"
            )
            paged = f" ({number_}/{len(pages)})" if len(pages) > 1 else ""
            slides.append(
                Slide(
                    f"{label}, năm {year} — {len(names)} tập thể{paged}",
                    f'<ul class="flag-list">{items}</ul>',
                )
            )
    return slides


def dossier_slides(con: duckdb.DuckDBPyConnection, year: int, today: date) -> list[Slide]:
    """The year's dossiers through the one-stop desk (received that year): the on-time rate,
    how many, how long; early / on the day / late as bars. None without a register."""
    from thidua import dossiers
    from thidua.filters import Filters

    rows = dossiers.dossier_rows(con, Filters(year_from=year, year_to=year), today)
    if rows.height == 0:
        return []
    got = dossiers.figures(rows)

    median = "—" if got.median_days is None else number(got.median_days, 1)
    cards = (
        _card("hồ sơ tiếp nhận", number(got.dossiers), f"{number(got.answered)} đã trả kết quả")
        + _card("trả kết quả đúng hạn", percent(got.on_time_rate), f"{number(got.late)} hồ sơ trễ hạn")
        + _card("ngày làm việc mỗi hồ sơ (trung vị)", median, f"{number(got.rejected)} hồ sơ không đủ điều kiện")
    )  # fmt: skip
    bars = [
        (dossiers.TIMELINESS_NAMES[k], float(n), number(n), TIMELINESS_COLOURS[k])
        for k, n in (("early", got.early), ("on_time", got.on_time), ("late", got.late))
    ]
    body = f'<div class="cards" style="flex:0 0 auto;margin-bottom:40px">{cards}</div>' + _bars(
        bars, max(got.early, got.on_time, got.late, 1) * 1.1
    )
    return [Slide(f"Hồ sơ đề nghị khen thưởng qua bộ phận một cửa, năm {year}", body)]


def build_slides(
    con: duckdb.DuckDBPyConnection, year: int, chosen: list[str], target: float
) -> list[Slide]:
    slides: list[Slide] = []
    for name in chosen:
        if name == "headline":
            slides.append(headline_slide(con, year))
        elif name == "blocs":
            slides += bloc_slides(con, year)
        elif name == "distribution":
            slides.append(distribution_slide(con, year))
        elif name == "non_leader":
            slides.append(non_leader_slide(con, year, target))
        elif name == "flags":
            slides += flags_slides(con, year)
        elif name == "dossiers":
            from thidua.dossiers import vietnam_today

            slides += dossier_slides(con, year, vietnam_today())
    return slides


CSS = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: #061426; overflow: hidden; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #fff; }
.stage { position: absolute; left: 50%; top: 50%; width: 1920px; height: 1080px; transform-origin: center center; }
.slide { position: absolute; inset: 0; padding: 70px 100px 110px; background: linear-gradient(135deg, #0b2545 0%, #061426 100%); display: none; flex-direction: column; }
.slide.active { display: flex; }
.slide h1 { font-size: 64px; margin: 0 0 40px; color: #ffd166; line-height: 1.15; }
.slide .footer { position: absolute; left: 100px; right: 100px; bottom: 36px; display: flex; justify-content: space-between; font-size: 26px; color: #9fb3c8; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 40px; flex: 1; }
/* From the top, not centred: a label on two lines lifted its number above the row's others. */
.card { background: rgba(255,255,255,0.08); border-radius: 24px; padding: 64px 40px 36px; display: flex; flex-direction: column; justify-content: flex-start; }
.card-value { font-size: 110px; font-weight: 700; line-height: 1; }
.card-label { font-size: 36px; margin-top: 18px; color: #d9e2ec; }
.card-delta { font-size: 28px; margin-top: 12px; color: #9fb3c8; min-height: 34px; }
.lead { font-size: 40px; margin-bottom: 30px; }
/* The bars take the height left under the title and lead; their rows shrink to it. */
.bars { --label: 720px; --room: 150px; position: relative; display: flex; flex-direction: column; gap: 14px; flex: 1 1 0; min-height: 0; justify-content: center; }
.bars.dense { gap: 8px; }
.bar-row { display: flex; align-items: center; flex: 0 1 64px; min-height: 0; }
/* A long unit name takes two lines (clamped) rather than being cut at one; the line height
   and the padding keep the descenders of its last line (g, y) whole. */
.bar-label { width: var(--label); flex: none; font-size: 28px; line-height: 1.2; padding: 0 24px 4px 0; text-align: right; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.dense .bar-label { font-size: 26px; -webkit-line-clamp: 1; }
/* A bar is as long as its value says: room is kept right of the track for the figure (it
   squeezed the longest bars to one length, the leader's shorter than the third's). */
.bar-track { flex: 1; display: flex; align-items: center; height: 100%; padding-right: var(--room); }
.bar { flex: none; height: 70%; max-height: 46px; border-radius: 6px; }
/* Over the target's dashed line, which ran through the figures of bars just short of it. */
.bar-value { flex: none; position: relative; z-index: 1; font-size: 32px; margin-left: 10px; padding: 0 6px; border-radius: 6px; background: rgba(6, 20, 38, 0.85); font-weight: 700; white-space: nowrap; }
.dense .bar-value { font-size: 28px; }
.target { position: absolute; top: 0; bottom: 0; border-left: 4px dashed #ffd166; }
.target span { position: absolute; top: -40px; left: 10px; font-size: 28px; color: #ffd166; white-space: nowrap; }
.note { flex: none; font-size: 28px; color: #9fb3c8; margin-top: 20px; }
.flag-list { margin: 0; padding-left: 40px; font-size: 32px; line-height: 1.4; column-count: 2; column-gap: 80px; }
.flag-list li { break-inside: avoid; margin-bottom: 6px; }
.flag-list li.more { list-style: none; color: #9fb3c8; }
body.blank .stage { visibility: hidden; }
body.blank { background: #000; }
.paused-badge { position: fixed; top: 16px; right: 24px; font: 22px sans-serif; color: #061426; background: #ffd166; padding: 6px 14px; border-radius: 8px; display: none; }
body.paused .paused-badge { display: block; }
@media print {
  html, body { overflow: visible; height: auto; background: none; }
  .stage { position: static; transform: none !important; width: auto !important; height: auto !important; }
  .slide { position: relative; display: flex !important; width: 1920px; height: 1080px; page-break-after: always; break-after: page; }
  .paused-badge { display: none !important; }
}
@page { size: 1920px 1080px; margin: 0; }
"""

JS = """
const slides = [...document.querySelectorAll('.slide')];
const stage = document.querySelector('.stage');
let index = 0, paused = false, timer = null;
const interval = Math.max(3, INTERVAL) * 1000;
// The slides are laid out for 1920×1080 and scaled; the stage takes the window's own shape
// (1920×1440 on a 4:3 projector), so every screen is filled, not letterboxed.
function fit() {
  const w = window.innerWidth, h = window.innerHeight;
  const scale = Math.min(w / 1920, h / 1080);
  stage.style.width = `${w / scale}px`;
  stage.style.height = `${h / scale}px`;
  stage.style.transform = `translate(-50%, -50%) scale(${scale})`;
}
function show(i) {
  index = (i + slides.length) % slides.length;
  slides.forEach((s, k) => s.classList.toggle('active', k === index));
  document.body.dataset.slide = String(index);
}
function schedule() {
  clearInterval(timer);
  if (!paused && !document.body.classList.contains('blank')) timer = setInterval(() => show(index + 1), interval);
}
function step(d) { show(index + d); schedule(); }
function togglePause() { paused = !paused; document.body.classList.toggle('paused', paused); schedule(); }
function toggleBlank() { document.body.classList.toggle('blank'); schedule(); }
// Esc leaves the show for its settings page, the year and slides kept in the link. The
// frame may not navigate the page, but the page may follow a link of its own.
function leave() {
  try {
    const outer = window.parent.document;
    const url = new URL(outer.location.href);
    url.searchParams.delete('chay');
    const link = outer.createElement('a');
    link.href = url.toString();
    outer.body.appendChild(link);
    link.click();
  } catch (err) {}
}
const forward = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'n', 'N'];
const back = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'];
function onKey(e) {
  if (e.key === 'Escape') leave();
  else if (forward.includes(e.key)) step(1);
  else if (back.includes(e.key)) step(-1);
  else if (e.key === 'Home') step(-index);
  else if (['p', 'P', 'Pause'].includes(e.key)) togglePause();
  else if (['b', 'B', '.', 'w', 'W'].includes(e.key)) toggleBlank();  // a clicker's «blank screen»
  else return;
  e.preventDefault();
}
document.addEventListener('keydown', onKey);
// The show runs in a frame: until it is clicked, the keys (a clicker's too) go to the page
// around it. That page hands them on, so the show answers from the first key, no click needed.
if (!document.body.classList.contains('preview')) {
  try {
    const outer = window.parent;
    if (outer !== window) {
      if (outer.__thiduaShowKeys) outer.document.removeEventListener('keydown', outer.__thiduaShowKeys, true);
      outer.__thiduaShowKeys = (e) => { try { onKey(e); } catch (err) {} };
      outer.document.addEventListener('keydown', outer.__thiduaShowKeys, true);
    }
  } catch (err) {}
}
document.addEventListener('click', togglePause);
window.addEventListener('resize', fit);
fit(); show(0); schedule();
"""


def render_show(slides: list[Slide], interval_seconds: int, subtitle: str) -> str:
    """One self-contained HTML document holding every slide."""
    parts = []
    for i, slide in enumerate(slides, start=1):
        parts.append(
            f'<section class="slide" data-index="{i}"><h1>{_e(slide.title)}</h1>{slide.body}'
            f'<div class="footer"><span>{_e(subtitle)}</span><span>{i}/{len(slides)}</span></div></section>'
        )
    script = JS.replace("INTERVAL", json.dumps(int(interval_seconds)))
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trình chiếu thi đua – khen thưởng</title>'
        f'<style>{CSS}</style></head><body><div class="paused-badge">Tạm dừng — bấm để tiếp tục</div>'
        f'<div class="stage">{"".join(parts)}</div><script>{script}</script></body></html>'
    )
