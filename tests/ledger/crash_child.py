"""Apply the scripted day-book to a store, resuming from what the store already holds.

test_crash.py runs it (forked, and once as a fresh interpreter) and kills it with
SIGKILL at random moments. On start it reads the keys already recorded, sends
the last few again (they must come back as duplicates, not be applied twice),
then applies the rest in order.

    python crash_child.py STORE_URL COUNT
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from ledger_support import scripted_events
from sqlalchemy import select

from permitlogic.ledger.service import apply
from permitlogic.ledger.store import events, open_store

RESEND = 5


def main(url: str, count: int, announce: Callable[[str], None]) -> int:
    book = scripted_events(count)
    store = open_store(url)
    with store.read() as conn:
        recorded = set(conn.execute(select(events.c.idempotency_key)).scalars())
    resume = next((i for i, event in enumerate(book) if event.key not in recorded), len(book))
    announce(f"ready {resume}")
    for index in range(max(0, resume - RESEND), len(book)):
        record = apply(store, book[index])
        if record.duplicate != (index < resume):
            announce(f"event {index} duplicate={record.duplicate}")
            return 3
    store.close()
    announce("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), lambda line: print(line, flush=True)))
