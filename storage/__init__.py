"""The local journal: SQLite through SQLAlchemy, with the sync outbox and audit trail.

Nothing in this package imports Qt; the desktop app and the sync engine build on it.
"""
