"""The workbench's pages, one module per area."""
