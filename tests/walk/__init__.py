"""The teacher's whole path, as separate processes: the real `dala` under Xvfb, a real keychain, a real server."""
