"""The app on a plain, unencrypted journal file (`--journal FILE --teacher N`), for the benchmarks only.

A teacher's journal is always a profile's encrypted one (desktop.app); this entry point exists so that
benchmarks/desktop_bench.py can time the window on a prepared file without a keychain or a password. It is not
the shipped `dala` and not in the installer's bundle."""

from __future__ import annotations

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main(plain_journal=True))
