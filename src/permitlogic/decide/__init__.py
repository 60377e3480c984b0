"""Eligibility decisions: green channel (1+3+2+1) and 容缺受理, from rule packs via durable-rules.

- ``api``: the Python API (``decide_green_channel``, ``decide_deferral`` and
  their ``_batch`` / ``_each`` forms for lists).
- ``green_channel``, ``deferral``: a pack as rules, the facts an input gives
  them, and the decision assembled from what fired.
- ``rules`` → ``compiler`` → ``session``: small single-field rules, compiled
  with ``durable.lang`` into one ruleset per pack version, and run on batches
  of facts in one reused, always-deleted session under one lock.
- ``inputs``: models, dicts or files, validated with every error located.
- ``notice``, ``text``: the 一次性告知 notice and the text tables.
- ``golden``: the golden cases of ``cases/decisions/``.
"""
