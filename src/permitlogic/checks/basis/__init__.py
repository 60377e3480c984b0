"""Checks of the basis area."""
