"""``python -m permitlogic.cli``: the same as the ``permitlogic`` command."""

from permitlogic.cli import run_as_process

run_as_process()
