"""PyYAML's safe loader and dumper, in libyaml's C build when it is installed.

The same documents as ``yaml.safe_load`` and ``yaml.safe_dump`` (permitlogic's
own YAML source reads with the C loader too), several times faster on the
catalogs the tests read and write.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load(stream: Any) -> Any:
    """``yaml.safe_load``."""
    return yaml.load(stream, Loader=_LOADER)


def dump(data: Any, **options: Any) -> str:
    """``yaml.safe_dump`` (to a string)."""
    text: str = yaml.dump(data, Dumper=_DUMPER, **options)
    return text
