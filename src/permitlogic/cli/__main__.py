"""``python -m permitlogic.cli``: the same as the ``permitlogic`` command."""

from permitlogic.cli import main

main()
