"""``permitlogic cases``: the 容缺后补 ledger, from the decision to the case's end.

One module per subcommand (``open``; ``supplement``, ``revoke`` and ``close``,
the events on one case; ``tick``; ``due``; ``show``; ``export``; ``verify``),
what they share in :mod:`permitlogic.cli.cases.common`.
"""

from __future__ import annotations

import typer

from permitlogic.cli.cases.due_cmd import due_command
from permitlogic.cli.cases.event_cmds import close_command, revoke_command, supplement_command
from permitlogic.cli.cases.export_cmd import export_command
from permitlogic.cli.cases.open_cmd import open_command
from permitlogic.cli.cases.show_cmd import show_command
from permitlogic.cli.cases.tick_cmd import tick_command
from permitlogic.cli.cases.verify_cmd import verify_command

cases_app = typer.Typer(
    name="cases",
    help=(
        "容缺后补案件台账：受理后跟踪每个案件直到办结或撤销。\n\n"
        "The deferral ledger (容缺后补): follow every accepted-with-deferral case "
        "until it is closed or revoked. Every event is recorded once, in the store "
        "named by --store (default ./permitlogic.db, or $PERMITLOGIC_STORE)."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
)


for name, command in (
    ("open", open_command),
    ("supplement", supplement_command),
    ("tick", tick_command),
    ("revoke", revoke_command),
    ("close", close_command),
    ("due", due_command),
    ("show", show_command),
    ("export", export_command),
    ("verify", verify_command),
):
    cases_app.command(name)(command)


def register(app: typer.Typer) -> None:
    app.add_typer(cases_app, name="cases")
