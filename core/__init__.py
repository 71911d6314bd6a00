"""The core both the PC and the server stand on: the journal's tables, the protocol's messages, record keys,
the JSON codec and the write rules. It holds no engine, no HTTP and no Qt (tests/test_layering.py)."""
