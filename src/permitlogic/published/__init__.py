"""Catalogs as published: read a county's own 清单 and platform records (``permitlogic import``)."""
