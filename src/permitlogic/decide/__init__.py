"""Eligibility decisions: green channel and 容缺受理, from rule packs via durable-rules."""
