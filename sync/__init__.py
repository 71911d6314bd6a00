"""The client sync engine: replays the journal's queued changes to the school's server and pulls what
others changed, over httpx, from a background thread. No Qt here; the desktop shows `SyncEngine.status`."""
