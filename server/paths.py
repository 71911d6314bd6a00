"""The record numbers a URL path carries (a pupil's, a period's, a class's), bounded as their columns are: past
2**31 - 1 they name no record, and are a 422 before any query (SQLite took 2**64 for an
overflow: a 500)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

PathId = Annotated[int, Path(ge=1, le=2**31 - 1)]
