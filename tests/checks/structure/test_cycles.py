"""PL101's cycle search on shapes that make naive searches slow, and its tie-breaking."""

from __future__ import annotations

import itertools
import random

import networkx as nx

from permitlogic.check_support.cycles import find_cycles, is_cycle, shortest_cycle


def ring(ids: list[str]) -> nx.DiGraph:
    graph = nx.DiGraph()
    nx.add_cycle(graph, ids)
    return graph


def test_a_ten_thousand_item_ring_is_one_component_and_its_cycle_is_the_ring() -> None:
    ids = [f"R-{n:05d}" for n in range(10_000)]
    shuffled = ids[5000:] + ids[:5000]
    graph = ring(shuffled)
    cycles = find_cycles(graph)
    assert len(cycles.components) == 1
    cycle = shortest_cycle(graph, cycles.components[0])
    assert cycle == [*ids, ids[0]]


def test_a_chord_on_a_long_ring_gives_the_shorter_way_round() -> None:
    ids = [f"R-{n:05d}" for n in range(10_000)]
    graph = ring(ids)
    graph.add_edge(ids[9000], ids[100])
    cycle = shortest_cycle(graph, find_cycles(graph).components[0])
    assert cycle == [*ids[100:9001], ids[100]]
    assert is_cycle(graph, cycle)


def test_thousands_of_small_cycles_each_get_their_own_shortest_cycle() -> None:
    graph = nx.DiGraph()
    rng = random.Random(3)
    expected = {}
    for n in range(3000):
        size = rng.choice([2, 3])
        ids = [f"C{n:04d}-{k}" for k in range(size)]
        nx.add_cycle(graph, ids)
        expected[ids[0]] = [*ids, ids[0]]
    cycles = find_cycles(graph)
    assert len(cycles.components) == 3000
    for members in cycles.components:
        assert shortest_cycle(graph, members) == expected[members[0]]


def test_a_self_loop_inside_a_component_does_not_count_as_its_shortest_cycle() -> None:
    graph = ring(["A", "B", "C"])
    graph.add_edge("B", "B")
    cycles = find_cycles(graph)
    assert cycles.self_loops == ["B"]
    assert shortest_cycle(graph, cycles.components[0]) == ["A", "B", "C", "A"]


def test_ties_are_broken_the_same_way_whatever_the_insertion_order() -> None:
    edges = [("A", "B"), ("B", "A"), ("B", "C"), ("C", "B"), ("C", "A"), ("A", "C")]
    answers = set()
    for order in itertools.permutations(edges):
        graph = nx.DiGraph(list(order))
        answers.add(tuple(shortest_cycle(graph, find_cycles(graph).components[0])))
    assert answers == {("A", "B", "A")}


def test_a_dense_component_finds_its_two_cycle() -> None:
    graph = nx.gnm_random_graph(2000, 16_000, seed=5, directed=True)
    graph = nx.relabel_nodes(graph, {n: f"N{n:04d}" for n in graph})
    cycles = find_cycles(graph)
    lengths = [len(shortest_cycle(graph, members)) - 1 for members in cycles.components]
    has_two_cycle = any(graph.has_edge(v, u) for u, v in graph.edges if u != v)
    assert has_two_cycle and min(lengths) == 2
