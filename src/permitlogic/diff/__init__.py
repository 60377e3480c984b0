"""``permitlogic diff``: last year's catalog against this year's, and the reform's cuts."""
