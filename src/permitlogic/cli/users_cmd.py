"""``permitlogic users``: the workbench's accounts (the first admin is made here)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from permitlogic.cli.cases.common import StoreOption
from permitlogic.cli.options import bad_option
from permitlogic.errors import InputError

if TYPE_CHECKING:
    from permitlogic.workbench.db import WorkbenchDb

users_app = typer.Typer(
    name="users",
    help=(
        "工作台账户：管理员、审核人员（县或部门范围）、窗口人员；API 令牌。\n\n"
        "Workbench accounts: admin, reviewer (county or department scope), clerk; API tokens. "
        "Accounts live in the ledger's store (--store)."
    ),
    no_args_is_help=True,
)


class RoleName(StrEnum):
    admin = "admin"
    reviewer = "reviewer"
    clerk = "clerk"


NameArgument = Annotated[str, typer.Argument(help="用户名 / user name")]
PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="从标准输入读密码（一行）而非提示输入 / read the password from stdin (one line)",
    ),
]


def register(app: typer.Typer) -> None:
    app.add_typer(users_app)


@contextmanager
def _db(store: str | None) -> Iterator[WorkbenchDb]:
    from permitlogic.workbench.db import WorkbenchDb

    try:
        db = WorkbenchDb.open(store)
    except InputError as error:
        _fail(error)
    try:
        yield db
    except InputError as error:
        _fail(error)
    finally:
        db.close()


def _fail(error: InputError) -> typer.Exit:
    from permitlogic.cli import report_input_error

    report_input_error(error)
    raise typer.Exit(2)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = typer.prompt("密码 / password", hide_input=True, confirmation_prompt=True)
    return value


@users_app.command("add")
def add_command(
    name: NameArgument,
    role: Annotated[RoleName, typer.Option("--role", help="角色 / role")] = RoleName.clerk,
    county: Annotated[
        str | None,
        typer.Option("--county", help="审核人员的县（范围）/ a reviewer's county scope"),
    ] = None,
    department: Annotated[
        str | None,
        typer.Option("--department", help="审核人员的部门（范围）/ a reviewer's department scope"),
    ] = None,
    password_stdin: PasswordStdin = False,
    store: StoreOption = None,
) -> None:
    """新建账户（第一个管理员也用它创建）/ Add an account (the first admin too)."""
    from permitlogic.workbench.accounts import Role, add_user

    password = _password(password_stdin)
    with _db(store) as db:
        user = add_user(db, name, password, Role(role.value), county=county, department=department)
        typer.echo(f"已创建 / created: {user.name} ({user.role.value}, {user.scope_text('en')})")


@users_app.command("list")
def list_command(store: StoreOption = None) -> None:
    """列出账户 / List the accounts."""
    from permitlogic.workbench.accounts import list_users

    with _db(store) as db:
        for user in list_users(db):
            state = "" if user.active else "  (disabled)"
            typer.echo(f"{user.name}\t{user.role.value}\t{user.scope_text('en')}{state}")


@users_app.command("passwd")
def passwd_command(
    name: NameArgument, password_stdin: PasswordStdin = False, store: StoreOption = None
) -> None:
    """设置新密码（并结束其所有会话）/ Set a new password (and end the user's sessions)."""
    from permitlogic.workbench.accounts import set_password

    password = _password(password_stdin)
    with _db(store) as db:
        set_password(db, name, password)
        typer.echo(f"已更新 / updated: {name}")


@users_app.command("disable")
def disable_command(name: NameArgument, store: StoreOption = None) -> None:
    """停用账户 / Disable an account."""
    from permitlogic.workbench.accounts import set_active

    with _db(store) as db:
        set_active(db, name, False)
        typer.echo(f"已停用 / disabled: {name}")


@users_app.command("token")
def token_command(
    name: NameArgument,
    label: Annotated[str, typer.Option("--label", help="令牌用途 / what it is for")] = "",
    store: StoreOption = None,
) -> None:
    """为程序新建 API 令牌（只显示一次）/ Create an API token for programs (shown once)."""
    from permitlogic.workbench.accounts import create_token

    with _db(store) as db:
        if not name.strip():
            raise bad_option("NAME", "用户名为空", "the user name is empty")
        typer.echo(create_token(db, name, label, by="cli"))
