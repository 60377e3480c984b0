"""Deterministic synthetic catalogs of realistic shape, for benchmarks and property tests.

``python -m permitlogic.synth --items 50000 --seed 7 --cycle 10000 --small-cycles 1000``
writes a catalog (JSON by default) with departments, kinds and bases in
realistic proportions, a prerequisite DAG across departments, chains in four
stages, and the planted defects asked for. The same arguments always give the
same catalog.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from typing import Any

import yaml

DEPARTMENTS: list[tuple[str, str]] = [
    ("FG", "县发展和改革局"),
    ("ZR", "县自然资源和规划局"),
    ("JS", "县住房和城乡建设局"),
    ("HB", "市生态环境局示范县分局"),
    ("RF", "县人民防空办公室"),
    ("SL", "县水利局"),
    ("JT", "县交通运输局"),
    ("SJ", "县市场监督管理局"),
    ("WJ", "县卫生健康局"),
    ("XF", "县消防救援大队"),
    ("LY", "县林业局"),
    ("WL", "县文化和旅游局"),
]

BASES: list[tuple[str, str]] = [
    ("law", "中华人民共和国城乡规划法"),
    ("law", "中华人民共和国建筑法"),
    ("law", "中华人民共和国环境影响评价法"),
    ("law", "中华人民共和国水法"),
    ("law", "中华人民共和国公路法"),
    ("law", "中华人民共和国食品安全法"),
    ("administrative_regulation", "建设工程质量管理条例"),
    ("administrative_regulation", "企业投资项目核准和备案管理条例"),
    ("administrative_regulation", "取水许可和水资源费征收管理条例"),
    ("administrative_regulation", "医疗机构管理条例"),
    ("state_council_decision", "国务院对确需保留的行政审批项目设定行政许可的决定"),
    ("local_regulation", "某省城乡规划条例"),
]

ACTS = ["核发", "审批", "许可", "审查", "登记", "核准", "备案", "验收"]
SUBJECTS = [
    "建设工程",
    "建设用地",
    "取水",
    "涉路施工",
    "食品经营",
    "医疗机构执业",
    "公共场所卫生",
    "人防工程",
    "水土保持方案",
    "排水",
    "城市道路占用",
    "临时建设",
    "特种设备",
    "林木采伐",
    "娱乐场所",
]
ARTICLES = ["第七条", "第八条", "第十一条", "第二十二条", "第三十五条", "第四十条", "第四十八条"]
STAGES = ["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收"]


@dataclass(frozen=True)
class SynthOptions:
    items: int = 1000
    seed: int = 0
    cycle: int = 0
    """Plant one prerequisite cycle through this many items (0: none)."""
    small_cycles: int = 0
    """Plant this many 2- and 3-item cycles."""
    defect_rate: float = 0.01
    """Share of items given a planted defect (missing basis, unlisted or piggyback prerequisite)."""
    chains: int = 1
    chain_items: int = 40
    """Items per chain (spread over the four stages)."""
    max_prerequisites: int = 3


def _basis(rng: random.Random) -> dict[str, Any]:
    level, title = rng.choice(BASES[:11])
    return {"level": level, "title": title, "article": rng.choice(ARTICLES)}


def _prerequisite_basis(rng: random.Random) -> dict[str, Any]:
    level, title = rng.choice(BASES[:10])
    return {"level": level, "title": title, "article": rng.choice(ARTICLES)}


def synth_catalog(options: SynthOptions) -> dict[str, Any]:
    """A catalog as plain data (validates as permitlogic.models.Catalog)."""
    rng = random.Random(options.seed)
    items = [_synth_item(index, rng) for index in range(max(options.items, 1))]
    licenses = [i for i, item in enumerate(items) if item["kind"] == "license"]
    license_set = set(licenses)
    # Items for planted cycles stay out of the DAG, so each cycle is its own component.
    reserved_count = min(len(licenses), options.cycle + 3 * options.small_cycles)
    reserved = rng.sample(licenses, reserved_count)
    reserved_set = set(reserved)
    dag = [i for i in licenses if i not in reserved_set]
    _link_dag(items, dag, options, rng)
    _plant_cycles(items, reserved, options, rng)
    _plant_defects(items, license_set, options, rng)
    data: dict[str, Any] = {
        "catalog": {
            "id": f"synthetic-{options.items}-{options.seed}",
            "jurisdiction": "合成县",
            "level": "county",
            "effective": "2026-01-01",
        },
        "items": items,
        "chains": _chains(items, dag, options, rng),
    }
    return data


def _synth_item(index: int, rng: random.Random) -> dict[str, Any]:
    """Item ``index``: its department in turn, a kind drawn with the county's proportions."""
    prefix, department = DEPARTMENTS[index % len(DEPARTMENTS)]
    roll = rng.random()
    kind = (
        "license"
        if roll < 0.62
        else "filing"
        if roll < 0.78
        else "service"
        if roll < 0.94
        else "intermediary"
    )
    item: dict[str, Any] = {
        "id": f"{prefix}-{index:06d}",
        "name": f"{rng.choice(SUBJECTS)}{rng.choice(ACTS)}（{index}）",
        "department": department,
        "kind": kind,
    }
    if kind == "license":
        statute = rng.choice([20, 20, 20, 30, 45, 60])
        previous = rng.randint(5, statute)
        item["basis"] = [_basis(rng)]
        item["statutory_days"] = statute
        item["previous_promised_days"] = previous
        item["promised_days"] = max(1, int(previous * 0.7))
        item["review_levels"] = 1 if rng.random() < 0.93 else 2
        item["on_the_spot"] = rng.random() < 0.3
    elif kind == "filing":
        item["decision"] = "record_only"
        item["on_the_spot"] = True
    else:
        item["on_the_spot"] = rng.random() < 0.7
    item["materials"] = [
        {"id": f"m{k + 1}", "name": f"申请材料{k + 1}", "core": k == 0}
        for k in range(rng.randint(1, 5))
    ]
    return item


def _link_dag(
    items: list[dict[str, Any]], dag: list[int], options: SynthOptions, rng: random.Random
) -> None:
    """A prerequisite DAG: each license may require earlier licenses of other departments."""
    for position, index in enumerate(dag):
        if position == 0 or rng.random() < 0.45:
            continue
        wanted = rng.randint(1, options.max_prerequisites)
        chosen: set[int] = set()
        for _ in range(wanted):
            other = dag[rng.randrange(max(0, position - 200), position)]
            if items[other]["department"] != items[index]["department"]:
                chosen.add(other)
        items[index]["prerequisites"] = [
            {"item": items[o]["id"], "basis": _prerequisite_basis(rng)} for o in sorted(chosen)
        ]


def _add_prerequisite(source: dict[str, Any], target: dict[str, Any], rng: random.Random) -> None:
    """Make ``source`` a prerequisite of ``target`` (with a lawful basis)."""
    prerequisites = target.setdefault("prerequisites", [])
    if all(p.get("item") != source["id"] for p in prerequisites):
        prerequisites.append({"item": source["id"], "basis": _prerequisite_basis(rng)})


def _plant_cycles(
    items: list[dict[str, Any]], pool: list[int], options: SynthOptions, rng: random.Random
) -> None:
    cursor = 0
    if options.cycle >= 2 and len(pool) >= options.cycle:
        ring = pool[: options.cycle]
        cursor = options.cycle
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
            _add_prerequisite(items[a], items[b], rng)
    for _ in range(options.small_cycles):
        size = rng.choice([2, 3])
        if cursor + size > len(pool):
            break
        ring = pool[cursor : cursor + size]
        cursor += size
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
            _add_prerequisite(items[a], items[b], rng)


def _plant_defects(
    items: list[dict[str, Any]], licenses: set[int], options: SynthOptions, rng: random.Random
) -> None:
    for index, item in enumerate(items):
        if index not in licenses or rng.random() >= options.defect_rate:
            continue
        defect = rng.choice(["missing_basis", "unlisted", "piggyback"])
        if defect == "missing_basis":
            item["basis"] = []
        elif defect == "unlisted":
            item.setdefault("prerequisites", []).append(
                {"item": f"XX-{index:06d}", "basis": _prerequisite_basis(rng)}
            )
        else:
            item.setdefault("prerequisites", []).append(
                {
                    "external": "银行资信证明",
                    "basis": {"level": "normative_document", "title": "县政府办公室通知"},
                }
            )


def _chains(
    items: list[dict[str, Any]], licenses: list[int], options: SynthOptions, rng: random.Random
) -> list[dict[str, Any]]:
    chains = []
    per_chain = max(len(STAGES), options.chain_items)
    for number in range(options.chains):
        start = number * per_chain
        members = licenses[start : start + per_chain]
        if len(members) < len(STAGES):
            break
        quarter = max(1, len(members) // len(STAGES))
        stages = []
        for s, name in enumerate(STAGES):
            part = members[s * quarter : (s + 1) * quarter] if s < 3 else members[3 * quarter :]
            stages.append({"name": name, "items": [items[i]["id"] for i in part]})
        chains.append(
            {
                "id": f"chain-{number + 1}",
                "name": f"合成工程建设项目流程{number + 1}",
                "stages": stages,
            }
        )
    return chains


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m permitlogic.synth",
        description="生成确定性的合成审批事项目录 / write a deterministic synthetic catalog",
    )
    parser.add_argument("--items", type=int, default=1000, help="事项数 / number of items")
    parser.add_argument("--seed", type=int, default=0, help="随机种子 / random seed")
    parser.add_argument(
        "--cycle", type=int, default=0, help="一个大环的事项数 / one cycle of N items"
    )
    parser.add_argument(
        "--small-cycles", type=int, default=0, help="小环个数 / number of 2–3 item cycles"
    )
    parser.add_argument(
        "--defect-rate", type=float, default=0.01, help="缺陷比例 / share of defective items"
    )
    parser.add_argument("--chains", type=int, default=1, help="流程数 / number of chains")
    parser.add_argument(
        "--chain-items", type=int, default=40, help="每个流程的事项数 / items per chain"
    )
    parser.add_argument("--format", choices=["json", "yaml"], default="json")
    parser.add_argument(
        "--output", "-o", help="输出文件（默认标准输出）/ output file (default stdout)"
    )
    args = parser.parse_args(argv)
    data = synth_catalog(
        SynthOptions(
            items=args.items,
            seed=args.seed,
            cycle=args.cycle,
            small_cycles=args.small_cycles,
            defect_rate=args.defect_rate,
            chains=args.chains,
            chain_items=args.chain_items,
        )
    )
    text = (
        json.dumps(data, ensure_ascii=False)
        if args.format == "json"
        else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    )
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
