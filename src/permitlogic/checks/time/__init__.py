"""Checks of the time area."""
