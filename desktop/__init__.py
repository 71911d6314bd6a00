"""The desktop app (PySide6): the journal grid with keyboard-first entry, the sync status, conflict review,
in Kazakh, Russian and English. It sits on `sync` and `storage`, which know nothing of Qt."""
