"""Validate parsed data against a model; every error named by location, in zh and en."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from permitlogic.errors import InputError, Problem
from permitlogic.load.yaml_source import Sourced

M = TypeVar("M", bound=BaseModel)

_ZH: dict[str, str] = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的键（可能是拼写错误）",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数，不能有小数",
    "string_type": "应为文本",
    "bool_type": "应为 true/false（是/否）",
    "bool_parsing": "应为 true/false（是/否）",
    "list_type": "应为列表",
    "dict_type": "应为键值对象",
    "model_type": "应为键值对象",
    "model_attributes_type": "应为键值对象",
    "enum": "取值不在允许范围内",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "日期格式错误，应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式错误，应为 YYYY-MM-DD",
    "date_from_datetime_inexact": "应为日期，不能带时间",
    "greater_than_equal": "数值太小",
    "greater_than": "数值太小",
    "less_than_equal": "数值太大",
    "too_short": "不能为空",
    "too_long": "条目太多",
    "string_too_short": "不能为空",
    "string_too_long": "文本太长",
    "string_pattern_mismatch": "只能包含字母、数字和 . _ -",
    "literal_error": "取值不在允许范围内",
    "value_error": "取值无效",
    "none_required": "此处不应填写",
}


def _message_zh(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "cross_field":
        return error["msg"].split(" / ", 1)[-1]
    if kind == "value_error" and " / " in error["msg"]:
        return error["msg"].split(" / ", 1)[-1]
    base = _ZH.get(kind, "取值无效")
    ctx = error.get("ctx") or {}
    if kind == "enum" and "expected" in ctx:
        return f"{base}：应为 {ctx['expected']}"
    if kind in ("greater_than_equal", "greater_than") and ctx:
        return f"{base}：应不小于 {next(iter(ctx.values()))}"
    return base


def _message_en(error: ErrorDetails) -> str:
    message = error["msg"]
    if error["type"] in ("cross_field", "value_error") and " / " in message:
        message = message.split(" / ", 1)[0]
    return message.removeprefix("Value error, ")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def problems_of(exc: ValidationError, sourced: Sourced) -> list[Problem]:
    """Every pydantic error as a Problem located in the source."""
    problems = []
    for error in exc.errors(include_url=False):
        path = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))
        location = sourced.locate(path)
        got = "" if error["type"] == "missing" else f" (got {_shown(error.get('input'))})"
        problems.append(
            Problem(
                location=location,
                message_zh=_message_zh(error) + got.replace("got", "实际为"),
                message_en=_message_en(error) + got,
            )
        )
    return problems


def validate(model: type[M], sourced: Sourced) -> M:
    """The model, or InputError carrying every problem at once (parsing's and the model's)."""
    try:
        result = model.model_validate(sourced.data)
    except ValidationError as exc:
        raise InputError(
            [*sourced.problems, *_not_under(problems_of(exc, sourced), sourced.problems)]
        ) from None
    if sourced.problems:
        raise InputError(sourced.problems)
    return result


def _not_under(problems: list[Problem], parsed: list[Problem]) -> list[Problem]:
    """The model's problems, less those at a value parsing already refused (it left None there)."""
    refused = [p.location.key for p in parsed if p.location.key]
    return [
        p
        for p in problems
        if not any(
            p.location.key is not None
            and (p.location.key == key or p.location.key.startswith((f"{key}.", f"{key}[")))
            for key in refused
        )
    ]
