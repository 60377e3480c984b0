"""The synthetic catalog generator: deterministic, valid, with the defects asked for."""

from __future__ import annotations

import networkx as nx

from permitlogic.graph import prerequisite_graph
from permitlogic.models.catalog import Catalog
from permitlogic.synth import SynthOptions, synth_catalog


def test_same_seed_same_catalog_and_valid() -> None:
    options = SynthOptions(items=400, seed=3, cycle=20, small_cycles=5)
    first, second = synth_catalog(options), synth_catalog(options)
    assert first == second
    assert synth_catalog(SynthOptions(items=400, seed=4)) != first
    Catalog.model_validate(first)


def test_planted_cycles_are_there_and_only_there() -> None:
    clean = Catalog.model_validate(synth_catalog(SynthOptions(items=600, seed=1, defect_rate=0)))
    assert nx.is_directed_acyclic_graph(prerequisite_graph(clean))
    cyclic = Catalog.model_validate(
        synth_catalog(SynthOptions(items=600, seed=1, cycle=50, small_cycles=10, defect_rate=0))
    )
    sizes = sorted(
        len(c) for c in nx.strongly_connected_components(prerequisite_graph(cyclic)) if len(c) > 1
    )
    assert len(sizes) == 11 and sizes[-1] == 50 and all(s in (2, 3) for s in sizes[:-1])
