"""The checks, one module each; see registry.all_checks()."""
