"""Checks of the structure area."""
