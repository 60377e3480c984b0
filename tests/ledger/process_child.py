"""One of several processes writing the same cases of one store at once (test_processes.py).

    python process_child.py STORE_URL PHASES WORKER CASES

PHASES is one phase or several, comma-separated; before each the child waits
for a line on standard input, so that the parent starts every child's phase
at once, and only after all of them finished the one before. ``tick``: move the date past the odd cases' deadline; ``supplement``: hand
in this worker's own material for every case; ``close``: close every case;
``book``: apply the whole scripted day-book in order (CASES events). Prints
``applied N duplicate M`` after each phase and exits 0 after the last.
"""

from __future__ import annotations

import sys
from datetime import date

from ledger_support import scripted_events

from permitlogic.ledger import service
from permitlogic.ledger.model import EventRecord
from permitlogic.ledger.store import Store, open_store

MATERIALS = ("m2", "m3", "m5", "m7")
TICK_ON = date(2026, 2, 12)
SUPPLEMENT_ON = date(2026, 2, 20)
CLOSE_ON = date(2026, 3, 2)


def case_ids(count: int) -> list[str]:
    return [f"P-{n:03d}" for n in range(count)]


def main(url: str, phases: str, worker: int, count: int) -> int:
    store = open_store(url)
    try:
        for phase in phases.split(","):
            sys.stdin.readline()
            records = run_phase(store, phase, worker, count)
            duplicates = sum(1 for record in records if record.duplicate)
            print(f"applied {len(records) - duplicates} duplicate {duplicates}", flush=True)
    finally:
        store.close()
    return 0


def run_phase(store: Store, phase: str, worker: int, count: int) -> list[EventRecord]:
    """The events this worker's ``phase`` applied (or found already recorded)."""
    records: list[EventRecord] = []
    if phase == "book":
        return [service.apply(store, event) for event in scripted_events(count)]
    if phase == "tick":
        return service.tick(store, TICK_ON)
    # Each worker starts at another case, so that all of them meet on every case.
    ids = case_ids(count)
    ids = ids[worker * count // 4 :] + ids[: worker * count // 4]
    for case_id in ids:
        if phase == "supplement":
            material = MATERIALS[worker]
            records.append(service.supplement(store, case_id, [material], SUPPLEMENT_ON))
        else:
            # One close request per case, sent by every worker (as retries are).
            key = f"close:{case_id}:{CLOSE_ON.isoformat()}"
            records.append(service.close(store, case_id, CLOSE_ON, key=key))
    return records


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
