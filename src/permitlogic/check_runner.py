"""The check runner: build the context once, run the selected checks, make the Report."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from permitlogic import __version__
from permitlogic.check_support.unknown import FIELD_EN, FIELD_ZH, unknown_ids
from permitlogic.checks.base import Check, CheckContext
from permitlogic.checks.registry import selected
from permitlogic.gc_pause import collector_paused
from permitlogic.graph import prerequisite_graph
from permitlogic.load.yaml_source import Sourced
from permitlogic.models.catalog import Catalog, Item, Kind
from permitlogic.models.reference import ReferenceList
from permitlogic.models.report import (
    CatalogInfo,
    Finding,
    NotJudged,
    Report,
    Summary,
    ToolInfo,
)
from permitlogic.packs.checks_pack import ChecksPack, bundled_checks_pack
from permitlogic.timing.timeline import chain_timelines


def build_context(
    catalog: Catalog,
    pack: ChecksPack | None = None,
    reference: ReferenceList | None = None,
    per_item: dict[Hashable, dict[str, Any]] | None = None,
) -> CheckContext:
    return CheckContext(
        catalog=catalog,
        graph=prerequisite_graph(catalog),
        pack=pack or bundled_checks_pack(),
        reference=reference,
        items=catalog.item_map(),
        index={item.id: i for i, item in enumerate(catalog.items)},
        per_item={} if per_item is None else per_item,
    )


def check(
    catalog: Catalog,
    *,
    pack: ChecksPack | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    reference: ReferenceList | None = None,
    source: Sourced | None = None,
) -> Report:
    """Run the checks on a catalog and return the Report.

    ``select``/``ignore`` are id prefixes (``PL1`` is every structure check).
    Checks that need a reference list run only when one is given.
    """
    context = build_context(catalog, pack, reference)
    return run_checks(context, select=select, ignore=ignore, source=source)


def run_checks(
    ctx: CheckContext,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    source: Sourced | None = None,
) -> Report:
    """:func:`check` on a context already built (whose prerequisite graph the reports draw)."""
    catalog = ctx.catalog
    checks = selected(select, ignore)
    # The checks build many indexes and findings, and no reference cycle: the
    # collector's passes over them (a sixth of a large catalog's checking) wait.
    with collector_paused():
        findings, not_judged = _run(ctx, checks)
        if source is not None:
            findings = [_located(f, ctx, source) for f in findings]
    return Report(
        tool=ToolInfo(version=__version__),
        catalog=CatalogInfo(
            id=catalog.catalog.id, items=len(catalog.items), source=source.file if source else None
        ),
        findings=findings,
        summary=Summary.of(findings),
        # The timelines are the time checks' proof: shown when those checks ran.
        timelines=chain_timelines(ctx) if any(c.meta.area == "time" for c in checks) else [],
        not_judged=not_judged,
    )


def _run(ctx: CheckContext, checks: list[Check]) -> tuple[list[Finding], list[NotJudged]]:
    """Every check's findings, and the items each could not judge."""
    scoped: dict[frozenset[Kind], CheckContext] = {}
    findings: list[Finding] = []
    not_judged: list[NotJudged] = []
    for chosen in checks:
        if chosen.meta.needs_reference and ctx.reference is None:
            continue
        if chosen.meta.kinds not in scoped:
            scoped[chosen.meta.kinds] = _scoped(ctx, chosen.meta.kinds)
        own = scoped[chosen.meta.kinds]
        findings.extend(chosen.run(own))
        unjudged = _not_judged(chosen, own)
        if unjudged is not None:
            not_judged.append(unjudged)
    return findings, not_judged


def _scoped(ctx: CheckContext, kinds: frozenset[Kind]) -> CheckContext:
    """The context over the items of ``kinds`` only (the same one when every item is of them)."""
    items = _of_kinds(ctx, kinds)
    if items is ctx.catalog.items:
        return ctx
    narrowed = ctx.catalog.model_copy(update={"items": items})
    return build_context(narrowed, ctx.pack, ctx.reference, ctx.per_item)


def _not_judged(chosen: Check, ctx: CheckContext) -> NotJudged | None:
    """The items the check read but could not judge, with the fields they leave unknown."""
    meta = chosen.meta
    if not meta.needs:
        return None
    kinds = meta.read_kinds
    read = ctx.shared(("read", kinds), lambda: _of_kinds(ctx, kinds))
    unknown = {field: _unknown_ids(ctx, field) for field in meta.needs}
    anything = frozenset().union(*unknown.values())
    if not anything:
        return None
    read_ids = ctx.shared(("read-ids", kinds), lambda: frozenset(item.id for item in read))
    # The items not judged, in catalog order: each leaves at least one field unknown.
    items = sorted(anything & read_ids, key=ctx.index.__getitem__)
    missing: dict[str, list[str]] = {}
    for item_id in items:
        for field in meta.needs:
            if item_id in unknown[field]:
                missing.setdefault(field, []).append(item_id)
    if not missing:
        return None
    zh = "；".join(f"{FIELD_ZH[f]}未给出 {len(m)} 个" for f, m in missing.items())
    en = "; ".join(f"{FIELD_EN[f]} not given for {len(m)}" for f, m in missing.items())
    return NotJudged(
        rule=meta.id,
        name=meta.name,
        count=len(items),
        of=len(read),
        fields=list(missing),
        items=items,
        message_zh=f"{meta.id}：{len(read)} 个事项中 {len(items)} 个无法判断（{zh}）",
        message_en=f"{meta.id}: {len(items)} of {len(read)} items not judged ({en})",
    )


def _of_kinds(ctx: CheckContext, kinds: frozenset[Kind]) -> list[Item]:
    """The catalog's items of ``kinds`` (all of them, as they are, when every item is)."""
    items = ctx.catalog.items
    if _present_kinds(ctx) <= kinds:
        return items
    return [item for item in items if item.kind in kinds]


def _present_kinds(ctx: CheckContext) -> frozenset[Kind]:
    return ctx.shared(("kinds",), lambda: frozenset(item.kind for item in ctx.catalog.items))


def _unknown_ids(ctx: CheckContext, field: str) -> frozenset[str]:
    """The items that leave ``field`` unknown (see check_support.unknown), found once."""
    return ctx.shared(
        ("unknown", field), lambda: unknown_ids(ctx.catalog.items, field, ctx.published)
    )


def _located(finding: Finding, ctx: CheckContext, source: Sourced) -> Finding:
    """The finding, pointing at the first of its items in the source file."""
    if finding.location is not None:
        return finding
    index = next((ctx.index[i] for i in finding.items if i in ctx.index), None)
    if index is None:
        return finding
    location = source.locate(("items", index)).model_copy(update={"key": None})
    return finding.model_copy(update={"location": location})
