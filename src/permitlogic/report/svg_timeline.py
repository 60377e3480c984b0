"""A chain's worst-case schedule laid out as a Gantt chart (the template draws the SVG).

One row per stage heading, then one row per item of the stage, each a bar
from its worst-case start to its end in working days; the critical path is
marked, each stage's bound and the chain's bound are vertical lines. A stage
with very many items shows its critical path and the longest others, and says
how many it left out.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from permitlogic.models.report import StageTimeline, Timeline, TimelineItem
from permitlogic.report.layout import clip

LABEL_W = 270
PLOT_W = 720
ROW_H = 22
STAGE_H = 26
AXIS_H = 30
MARGIN = 12
FONT_PX = 12
MAX_ROWS_PER_STAGE = 40


@dataclass(frozen=True)
class Bar:
    item: str
    label: str
    tooltip: str
    x: float
    y: float
    w: float
    days: int
    start: int
    end: int
    style: str  # critical | stage-critical | plain


@dataclass(frozen=True)
class StageBand:
    name: str
    label: str
    y: float
    h: float
    x: float
    w: float
    start: int
    worst_case_days: int
    bound_days: int | None
    holds: bool | None
    bound_x: float | None
    omitted: int


@dataclass(frozen=True)
class Tick:
    x: float
    day: int


@dataclass
class TimelineDrawing:
    width: float
    height: float
    plot_left: float
    plot_top: float
    plot_bottom: float
    chain_bound_x: float | None
    chain_total_x: float | None
    bars: list[Bar] = field(default_factory=list)
    stages: list[StageBand] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    critical_links: list[tuple[float, float, float, float]] = field(default_factory=list)


def draw_timeline(timeline: Timeline) -> TimelineDrawing:
    """The Gantt layout of one chain's timeline (``timeline.schedulable`` must be true)."""
    last_day = _last_day(timeline)
    scale = PLOT_W / last_day
    left = MARGIN + LABEL_W
    top = MARGIN + AXIS_H

    def at(day: float) -> float:
        return left + day * scale

    drawing = TimelineDrawing(
        width=left + PLOT_W + MARGIN * 3,
        height=0,
        plot_left=left,
        plot_top=top,
        plot_bottom=0,
        chain_bound_x=at(timeline.bound_days) if timeline.bound_days is not None else None,
        chain_total_x=at(timeline.total_days) if timeline.total_days is not None else None,
    )
    y = float(top)
    critical = set(timeline.critical_path)
    placed: dict[str, Bar] = {}
    for stage in timeline.stages:
        shown, omitted = _rows(stage, critical)
        rows_h = len(shown) * ROW_H
        bound_x = at(stage.start + stage.bound_days) if stage.bound_days is not None else None
        drawing.stages.append(
            StageBand(
                name=stage.name,
                label=clip(stage.name, (LABEL_W - 8) / FONT_PX),
                y=y,
                h=STAGE_H + rows_h + (ROW_H if omitted else 0),
                x=at(stage.start),
                w=max(stage.worst_case_days * scale, 1.0),
                start=stage.start,
                worst_case_days=stage.worst_case_days,
                bound_days=stage.bound_days,
                holds=stage.holds,
                bound_x=bound_x,
                omitted=omitted,
            )
        )
        y += STAGE_H
        for entry in shown:
            bar = _bar(entry, _bar_style(entry.item, critical, stage), at(entry.start), y, scale)
            drawing.bars.append(bar)
            placed.setdefault(entry.item, bar)
            y += ROW_H
        if omitted:
            y += ROW_H
    drawing.plot_bottom = y
    drawing.height = y + MARGIN
    drawing.ticks = [Tick(x=at(day), day=day) for day in _ticks(last_day)]
    path = [placed[i] for i in timeline.critical_path if i in placed]
    middle = (ROW_H - 6) / 2
    drawing.critical_links = [
        (a.x + a.w, a.y + middle, b.x, b.y + middle) for a, b in itertools.pairwise(path)
    ]
    return drawing


def _last_day(timeline: Timeline) -> int:
    """The last day the chart shows: the chain's end or bound, a stage's, or an item's."""
    return max(
        [
            1,
            timeline.total_days or 0,
            timeline.bound_days or 0,
            *(s.start + max(s.worst_case_days, s.bound_days or 0) for s in timeline.stages),
            *(i.end for s in timeline.stages for i in s.items),
        ]
    )


def _bar_style(item: str, critical: set[str], stage: StageTimeline) -> str:
    if item in critical:
        return "critical"
    return "stage-critical" if item in stage.critical_path else "plain"


def _bar(entry: TimelineItem, style: str, x: float, row_top: float, scale: float) -> Bar:
    """The item's bar in its row: from its worst-case start, ``entry.days`` long."""
    return Bar(
        item=entry.item,
        label=clip(f"{entry.item} {entry.name}", (LABEL_W - 12) / FONT_PX),
        tooltip=f"{entry.item} {entry.name}（{entry.department}） {entry.start}–{entry.end}",
        x=x,
        y=row_top + 3,
        w=max(entry.days * scale, 2.0),
        days=entry.days,
        start=entry.start,
        end=entry.end,
        style=style,
    )


def _rows(stage: StageTimeline, critical: set[str]) -> tuple[list[TimelineItem], int]:
    """The stage's items to draw (critical path first in order, then by start), and how many not."""
    on_path = [i for i in stage.items if i.item in critical or i.item in stage.critical_path]
    others = [i for i in stage.items if i not in on_path]
    room = max(MAX_ROWS_PER_STAGE - len(on_path), 0)
    kept = sorted(others, key=lambda i: (-i.days, i.item))[:room]
    shown = sorted([*on_path, *kept], key=lambda i: (i.start, i.end, i.item))
    return shown, len(stage.items) - len(shown)


def _ticks(last_day: int) -> list[int]:
    """Round day numbers for the axis: at most about a dozen."""
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000):
        step = candidate
        if last_day / candidate <= 12:
            break
    return list(range(0, last_day + 1, step))
