"""The office's workbench: review rounds of department catalogs, the window's decisions and
the ledger, in the browser, served by ``permitlogic serve`` at /workbench beside the JSON API.

Pages are rendered on the server (Jinja2) with one style sheet and a few lines of
script of our own; nothing is loaded from elsewhere, and nothing is built.
Accounts, sessions, API tokens, the audit trail and the review rounds live in
the ledger's database (``--store``).
"""
