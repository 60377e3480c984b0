"""The words of the HTML and XLSX reports, in Chinese and English."""

from __future__ import annotations

from permitlogic.models.report import Severity

_LABELS: dict[str, tuple[str, str]] = {
    "title": ("审批事项目录审查报告", "Approval catalog review"),
    "catalog": ("目录", "Catalog"),
    "jurisdiction": ("行政区", "Jurisdiction"),
    "source": ("文件", "File"),
    "items_count": ("事项数", "Items"),
    "tool": ("检查工具", "Checked with"),
    "summary": ("概况", "Summary"),
    "not_judged": (
        "未能判断（目录未给出所需信息）",
        "Not judged (the catalog does not give what the check needs)",
    ),
    "by_severity": ("按级别", "By severity"),
    "by_department": ("按实施机关", "By department"),
    "by_rule": ("按规则", "By check"),
    "department": ("实施机关", "Department"),
    "whole_catalog": ("（全目录）", "(whole catalog)"),
    "external": ("外部条件", "External prerequisites"),
    "unlisted": ("目录外事项", "Not in the catalog"),
    "total": ("合计", "Total"),
    "rule": ("规则", "Check"),
    "count": ("数量", "Count"),
    "graph": ("前置条件关系图", "Prerequisite graph"),
    "graph_hint": (
        "箭头由前置条件指向需要它的事项；有问题的事项按最高级别着色。点击事项查看其问题和设定依据。",
        "Arrows run from a prerequisite to the item that needs it; items with findings are "
        "coloured by their worst severity. Click an item to see its findings and legal basis.",
    ),
    "graph_collapsed": (
        "本目录共 {nodes} 个节点，超过 {limit} 个，关系图按实施机关合并显示："
        "每个方框是一个实施机关，连线上的数字是跨部门前置条件的条数。"
        "点击方框查看该机关的问题；点击下方问题中的事项编码查看单个事项。",
        "This catalog has {nodes} nodes, more than {limit}, so the graph is drawn by "
        "department: each box is one department and the number on an arrow counts the "
        "prerequisites between two departments. Click a box to see that department's "
        "findings; click an item id in the findings below to see one item.",
    ),
    "legend_cycle": ("互为前置（成环）", "prerequisite cycle"),
    "legend_plain": ("前置条件", "prerequisite"),
    "timelines": ("流程时限（最坏情况）", "Chain time limits (worst case)"),
    "timelines_none": ("目录中没有定义审批流程（chains）。", "The catalog defines no chains."),
    "timelines_not_run": (
        "本报告未包含流程时限（时限检查未运行）。",
        "This report has no chain timelines (the time checks did not run).",
    ),
    "timeline_caption": (
        "横轴为工作日；红色为关键路径，虚线为时限上限。",
        "Working days across; the critical path is red, dashed lines are the bounds.",
    ),
    "worst_case": ("最坏", "worst case"),
    "bound": ("上限", "bound"),
    "days": ("工作日", "working days"),
    "day_unit": ("日", "d"),
    "holds": ("成立", "holds"),
    "violated": ("超限", "exceeded"),
    "no_bound": ("未设上限", "no bound"),
    "unschedulable": ("无法排期（前置条件成环）", "cannot be scheduled (prerequisite cycle)"),
    "critical_path": ("关键路径", "Critical path"),
    "chain_bound": ("全流程上限", "chain bound"),
    "stage": ("阶段", "Stage"),
    "more_items": ("另有 {n} 个事项未画出", "{n} more items not drawn"),
    "findings": ("问题清单", "Findings"),
    "no_findings": ("未发现问题。", "No findings."),
    "items": ("事项", "Items"),
    "citation": ("依据", "Legal basis"),
    "law_text": ("法条原文", "What the law says"),
    "fix": ("修改建议", "Suggested fix"),
    "where": ("位置", "Where"),
    "witness": ("证据", "Witness"),
    "changes": ("建议改动", "Proposed changes"),
    "panel_empty": (
        "点击关系图、时间线或问题清单中的事项查看详情。",
        "Click an item in the graph, a timeline or the findings to see it here.",
    ),
    "close": ("关闭", "Close"),
    "kind": ("事项类型", "Kind"),
    "basis": ("设定依据", "Legal basis"),
    "no_basis": ("（未填写）", "(none given)"),
    "promised_days": ("承诺时限", "Promised days"),
    "statutory_days": ("法定时限", "Statutory days"),
    "prerequisites": ("前置条件", "Prerequisites"),
    "needed_by": ("是以下事项的前置", "Prerequisite of"),
    "item_findings": ("该事项的问题", "Findings on this item"),
    "department_findings": ("该机关的问题", "Findings in this department"),
    "none": ("无", "none"),
    "generated_offline": (
        "本页为单一离线文件，不引用任何网络资源。",
        "This page is one offline file; it loads nothing from the network.",
    ),
    "severity": ("级别", "Severity"),
    "message": ("问题", "Finding"),
    "involved_items": ("涉及事项", "Items involved"),
    "rule_name": ("规则名称", "Check name"),
    "colon": ("：", ": "),
    "count_suffix": ("（{n}）", " ({n})"),
}

SEVERITY_LABELS: dict[Severity, tuple[str, str]] = {
    Severity.error: ("错误", "error"),
    Severity.warning: ("警告", "warning"),
    Severity.info: ("提示", "info"),
}


def labels(lang: str) -> dict[str, str]:
    """Every label in ``lang`` (``zh`` or ``en``)."""
    pick = 0 if lang == "zh" else 1
    return {key: pair[pick] for key, pair in _LABELS.items()}


def severity_label(severity: Severity, lang: str) -> str:
    return SEVERITY_LABELS[severity][0 if lang == "zh" else 1]
