"""One of several processes writing the same cases of one store at once (test_processes.py).

    python process_child.py STORE_URL PHASE WORKER CASES

PHASE ``tick``: move the date past the odd cases' deadline; ``supplement``: hand
in this worker's own material for every case; ``close``: close every case;
``book``: apply the whole scripted day-book in order (CASES events). Prints
``applied N duplicate M`` and exits 0.
"""

from __future__ import annotations

import sys
from datetime import date

from ledger_support import scripted_events

from permitlogic.ledger import service
from permitlogic.ledger.model import EventRecord
from permitlogic.ledger.store import open_store

MATERIALS = ("m2", "m3", "m5", "m7")
TICK_ON = date(2026, 2, 12)
SUPPLEMENT_ON = date(2026, 2, 20)
CLOSE_ON = date(2026, 3, 2)


def case_ids(count: int) -> list[str]:
    return [f"P-{n:03d}" for n in range(count)]


def main(url: str, phase: str, worker: int, count: int) -> int:
    store = open_store(url)
    records: list[EventRecord] = []
    try:
        if phase == "book":
            records = [service.apply(store, event) for event in scripted_events(count)]
        elif phase == "tick":
            records = service.tick(store, TICK_ON)
        else:
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
    finally:
        store.close()
    duplicates = sum(1 for record in records if record.duplicate)
    print(f"applied {len(records) - duplicates} duplicate {duplicates}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
