"""Helpers shared by the checks: wording, basis levels, graph algorithms, rates, matching."""
