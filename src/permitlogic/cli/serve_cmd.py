"""``permitlogic serve`` (the HTTP service) and ``permitlogic replay LOG`` (audit its log)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from permitlogic.cli.cases.common import StoreOption
from permitlogic.cli.options import Lang, LangOption, RulesOption, bad_option
from permitlogic.service.settings import MEGABYTE, ServiceSettings

if TYPE_CHECKING:
    from permitlogic.decision_replay import ReplayReport

DEFAULT_LOG = Path("decisions.jsonl")


class ReplayFormat(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    app.command("replay")(replay_command)


# Long because: a Typer command declares its options (type, default, help in two languages) in its signature.
def serve_command(
    host: Annotated[
        str,
        typer.Option(help="监听地址 / address to listen on (loopback by default)"),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口 / port", min=1, max=65535)] = 8000,
    rules: RulesOption = None,
    log: Annotated[
        Path,
        typer.Option(
            "--log",
            help="决定日志（JSON lines，追加写入）/ decision log, appended (JSON lines)",
            dir_okay=False,
        ),
    ] = DEFAULT_LOG,
    max_body_mb: Annotated[
        float,
        typer.Option("--max-body-mb", help="请求体上限（MB）/ request body limit in MB", min=0.001),
    ] = 16.0,
    max_list: Annotated[
        int,
        typer.Option("--max-list", help="每次请求最多几件 / most inputs in one request", min=1),
    ] = 10_000,
    max_catalog_items: Annotated[
        int,
        typer.Option(
            "--max-catalog-items",
            help="每个目录最多几个事项 / most items in one catalog",
            min=1,
        ),
    ] = 20_000,
    store: StoreOption = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="工作进程数；每个进程写自己的日志 decisions.<pid>.jsonl / worker processes, "
            "each with its own log decisions.<pid>.jsonl",
            min=1,
        ),
    ] = 1,
    catalog: Annotated[
        list[Path] | None,
        typer.Option(
            "--catalog",
            help="启动时登记的目录（可多次）/ catalogs to register at start (repeatable)",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """启动判定服务（HTTP，OpenAPI 见 /docs）/ Run the decision service (HTTP; OpenAPI at /docs)."""
    from permitlogic.ledger.store import store_url
    from permitlogic.service.port import ensure_port_free

    if log.parent != Path() and not log.parent.is_dir():
        raise bad_option(
            "--log",
            f"日志所在目录不存在：{log.parent}",
            f"the log's directory does not exist: {log.parent}",
        )
    ensure_port_free(host, port)
    settings = ServiceSettings(
        rules_dir=rules,
        log_path=log,
        max_body_bytes=int(max_body_mb * MEGABYTE),
        max_list=max_list,
        max_catalog_items=max_catalog_items,
        store=store_url(store).render_as_string(hide_password=False),
    )
    _serve(settings, list(catalog or []), log, host, port, workers)


def _serve(
    settings: ServiceSettings,
    catalogs: list[Path],
    log: Path,
    host: str,
    port: int,
    workers: int,
) -> None:
    """Announce the addresses, then serve in this process or in ``workers`` processes."""
    import uvicorn

    from permitlogic.service.workers import SETTINGS_ENV, ready_app, settings_env

    shown = log if workers == 1 else log.with_name(f"{log.stem}.<pid>{log.suffix}")
    if workers > 1:
        os.environ[SETTINGS_ENV] = settings_env(settings, catalogs)
        # Refuse bad rules or catalogs here, once, before any worker starts.
        ready_app(replace(settings, log_path=None), catalogs)
    typer.echo(
        f"permitlogic serve: http://{host}:{port}  (工作台 / workbench /workbench/, "
        f"OpenAPI /openapi.json, 日志 / log {shown}"
        + (f", {workers} workers)" if workers > 1 else ")"),
        err=True,
    )
    if workers > 1:
        uvicorn.run(
            "permitlogic.service.workers:worker_app",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
        )
        return
    app = ready_app(settings, catalogs)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def replay_command(
    log: Annotated[
        Path,
        typer.Argument(
            help="决定日志 / the decision log (JSON lines written by `permitlogic serve`)",
            show_default=False,
        ),
    ],
    rules: RulesOption = None,
    format: Annotated[
        ReplayFormat, typer.Option("--format", "-f", help="输出格式 / output format")
    ] = ReplayFormat.text,
    lang: LangOption = Lang.zh,
) -> None:
    """用当前规则包重放决定日志，列出结论会改变的决定（有则以 1 退出）。

    Replay a decision log with the current rule packs and list every decision that
    would now differ, with the fields that changed (exit 1 if any differs).
    """
    from permitlogic.decision_replay import replay

    report = replay(log, rules)
    if format is ReplayFormat.json:
        typer.echo(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        typer.echo(_text(report, lang))
    raise typer.Exit(1 if report.differences else 0)


def _text(report: ReplayReport, lang: Lang) -> str:
    zh = lang is Lang.zh
    packs = ", ".join(f"{name} {version}" for name, version in report.pack_versions.items())
    lines = [
        (
            f"重放 {report.log}：{report.decisions} 个决定，{report.differ} 个结论改变"
            f"（规则包 {packs}）"
            if zh
            else f"replayed {report.log}: {report.decisions} decisions, "
            f"{report.differ} would now differ (packs: {packs})"
        )
    ]
    for line in report.incomplete:
        lines.append(
            f"已跳过第 {line} 行：记录不完整（写入时进程中断）"
            if zh
            else f"skipped line {line}: an incomplete record (the writer stopped mid-line)"
        )
    for difference in report.differences:
        where = f"行 {difference.line}" if zh else f"line {difference.line}"
        lines.append(
            f"\n{difference.subject}  {difference.kind}  {where}  {difference.decision_id}"
        )
        for change in difference.changes:
            old = json.dumps(change.old, ensure_ascii=False)
            new = json.dumps(change.new, ensure_ascii=False)
            lines.append(f"  {change.field}: {old} → {new}")
    return "\n".join(lines)
