"""The central journal server: accounts and devices, the sync protocol, conflicts, the audit trail."""
