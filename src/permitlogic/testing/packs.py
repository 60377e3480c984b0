"""The rule packs a property runs over: a rules directory (a county's copy) or the bundled one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from permitlogic.load.catalog import load_catalog
from permitlogic.models.catalog import Catalog
from permitlogic.packs.checks_pack import ChecksPack, load_checks_pack
from permitlogic.packs.deferral import DeferralPack, load_deferral_pack
from permitlogic.packs.green_channel import GreenChannelPack, load_green_channel_pack
from permitlogic.workdays.calendar import WorkdayCalendar
from permitlogic.workdays.sources import load_calendar


@dataclass(frozen=True)
class Packs:
    """Every pack of one rules directory, and its working-day calendar."""

    directory: Path | None
    green_channel: GreenChannelPack
    deferral: DeferralPack
    checks: ChecksPack
    calendar: WorkdayCalendar

    @classmethod
    def load(cls, directory: str | os.PathLike[str] | None = None) -> Packs:
        """The packs of ``directory`` (a pack it lacks is the bundled one); InputError if invalid."""
        path = Path(directory) if directory is not None else None
        return cls(
            directory=path,
            green_channel=load_green_channel_pack(path),
            deferral=load_deferral_pack(path),
            checks=load_checks_pack(path),
            calendar=load_calendar(path),
        )


PacksLike = str | os.PathLike[str] | Packs | None
"""A rules directory (``"rules/"``), loaded Packs, or None for the bundled packs."""

CatalogLike = str | os.PathLike[str] | Catalog | None
"""A catalog file, a Catalog, or None to draw catalogs."""


def as_packs(packs: PacksLike) -> Packs:
    return packs if isinstance(packs, Packs) else Packs.load(packs)


def as_catalog(catalog: CatalogLike) -> Catalog | None:
    if catalog is None or isinstance(catalog, Catalog):
        return catalog
    return load_catalog(Path(catalog))
