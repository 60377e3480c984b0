"""Time limits: per-item promises and chain schedules proved with z3."""
