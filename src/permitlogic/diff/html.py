"""``permitlogic diff --format html``: the comparison as one self-contained page."""

from __future__ import annotations

from permitlogic import __version__
from permitlogic.diff.labels import change_text, labels, percent
from permitlogic.diff.model import CatalogDiff
from permitlogic.report.page import environment, page_style

BAR_W = 360
"""Pixels for a 100% cut in the department chart."""


def render(diff: CatalogDiff, lang: str = "zh") -> str:
    t = labels(lang)
    changes = {
        change.id: [change_text(f.field, f.old, f.new, t) for f in change.changes]
        for change in diff.changed
    }
    return (
        environment()
        .get_template("diff.html.j2")
        .render(
            d=diff,
            t=t,
            lang=lang,
            html_lang="zh-CN" if lang == "zh" else "en",
            version=__version__,
            style=page_style(),
            target=percent(diff.target),
            percent=percent,
            changes=changes,
            bar_w=BAR_W,
            chart_h=40 + 26 * (len(diff.departments) + 1),
        )
    )
