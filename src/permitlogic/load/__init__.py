"""Loaders: files in, validated models (or every problem with its location) out."""
