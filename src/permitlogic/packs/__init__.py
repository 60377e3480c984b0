"""Rule packs: the county's numbers, tables and citations, as validated data."""
