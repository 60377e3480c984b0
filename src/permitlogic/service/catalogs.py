"""Catalogs registered by id: validated once, then used by every deferral decision."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from permitlogic.decision_log import CatalogRef, catalog_sha256
from permitlogic.models.catalog import Catalog


@dataclass(frozen=True)
class RegisteredCatalog:
    catalog: Catalog
    sha256: str

    @property
    def id(self) -> str:
        return self.catalog.catalog.id

    @property
    def ref(self) -> CatalogRef:
        return CatalogRef(id=self.id, sha256=self.sha256)


class RegistryFull(Exception):
    """No room for another catalog id (a registered id may still be replaced)."""


class CatalogRegistry:
    """Thread-safe map of catalog id to catalog, bounded in how many it keeps."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._lock = threading.Lock()
        self._catalogs: dict[str, RegisteredCatalog] = {}

    def register(self, catalog: Catalog) -> tuple[RegisteredCatalog, bool]:
        """The registered catalog, and whether it replaced one with the same id."""
        entry = RegisteredCatalog(catalog=catalog, sha256=catalog_sha256(catalog))
        with self._lock:
            replaced = entry.id in self._catalogs
            if not replaced and len(self._catalogs) >= self.capacity:
                raise RegistryFull
            self._catalogs[entry.id] = entry
        return entry, replaced

    def get(self, catalog_id: str) -> RegisteredCatalog | None:
        with self._lock:
            return self._catalogs.get(catalog_id)

    def all(self) -> list[RegisteredCatalog]:
        with self._lock:
            return sorted(self._catalogs.values(), key=lambda c: c.id)

    def __len__(self) -> int:
        with self._lock:
            return len(self._catalogs)
