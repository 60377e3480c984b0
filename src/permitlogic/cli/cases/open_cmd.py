"""``permitlogic cases open``: a case per accept_with_deferral decision."""

from __future__ import annotations

from typing import Annotated

import typer
from pydantic import RootModel
from rich.console import Console

from permitlogic.cli.cases.common import (
    FormatOption,
    KeyOption,
    StoreOption,
    TextOrJson,
    emit_records,
    guarded,
    open_ledger,
)
from permitlogic.cli.options import Lang, LangOption
from permitlogic.errors import InputError, Problem
from permitlogic.models.decision import DeferralDecision, DeferralOutcome


def open_command(
    decisions: Annotated[
        list[str],
        typer.Argument(
            help=(
                "容缺受理决定（permitlogic decide deferral 的 JSON 输出，一个或一组；- 表示标准输入）"
                " / accept_with_deferral decisions (the JSON of `permitlogic decide deferral`, "
                "one or a list; - for stdin)"
            ),
            show_default=False,
        ),
    ],
    skip_others: Annotated[
        bool,
        typer.Option(
            "--skip-others",
            help=(
                "跳过非容缺受理的决定（列在标准错误中），而不是报错 / skip decisions that are "
                "not accept_with_deferral (listed on stderr) instead of refusing the input"
            ),
        ),
    ] = False,
    key: KeyOption = None,
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """受理容缺案件：每个容缺受理决定建立一个案件 / Open a case per accept_with_deferral decision.

    Any decision that is not accept_with_deferral is an input error (exit 2) and
    nothing is opened, unless --skip-others. Opening the same decision again
    changes nothing.
    """
    from permitlogic.ledger import service

    with guarded(lang):
        loaded: list[DeferralDecision] = []
        skipped: list[DeferralDecision] | None = [] if skip_others else None
        problems: list[Problem] = []
        for path in decisions:
            try:
                loaded.extend(read_decisions(path, skipped))
            except InputError as error:
                problems.extend(error.problems)
        if problems:
            raise InputError(problems)
        if skipped:
            listed = ", ".join(f"{d.application} ({d.decision.value})" for d in skipped)
            Console(stderr=True, highlight=False, emoji=False).print(
                f"跳过 {len(skipped)} 个非容缺受理的决定：{listed}"
                if lang is Lang.zh
                else f"skipped {len(skipped)} decisions that are not accept_with_deferral: {listed}",
                markup=False,
            )
        with open_ledger(store) as ledger:
            records = service.open_cases(ledger, loaded, key)
        emit_records(records, format, lang, many=True)


class _DecisionList(RootModel[list[DeferralDecision]]):
    pass


def read_decisions(
    path: str, skipped: list[DeferralDecision] | None = None
) -> list[DeferralDecision]:
    """One decision or a list (JSON or YAML, ``-`` for stdin), each able to open a case.

    With ``skipped``, decisions other than accept_with_deferral go there instead of
    being an error.
    """
    from permitlogic.decide.inputs import read_document
    from permitlogic.ledger.step import check_opens_case
    from permitlogic.load.validate import validate

    sourced = read_document(path)
    if sourced.data is None:
        raise InputError.single(sourced.file, "文件为空", "the file is empty")
    is_list = isinstance(sourced.data, list)
    decisions = (
        validate(_DecisionList, sourced).root if is_list else [validate(DeferralDecision, sourced)]
    )
    problems: list[Problem] = []
    kept = []
    for index, decision in enumerate(decisions):
        if skipped is not None and decision.decision is not DeferralOutcome.accept_with_deferral:
            skipped.append(decision)
            continue
        kept.append(decision)
        prefix: tuple[str | int, ...] = (index,) if is_list else ()
        try:
            check_opens_case(decision, sourced.file)
        except InputError as error:
            for problem in error.problems:
                key = problem.location.key or "decision"
                where = sourced.locate((*prefix, key))
                problems.append(problem.model_copy(update={"location": where}))
    if problems:
        raise InputError(problems)
    return kept
