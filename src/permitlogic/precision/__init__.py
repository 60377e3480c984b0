"""Precision on real published catalogs: each finding judged true or false, with the reason."""
