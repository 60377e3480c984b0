"""Renderers: each turns a Report (and the catalog it came from) into one format."""
