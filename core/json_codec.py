"""The one JSON codec for values kept in a database column: the outbox, the audit trails, conflicts, refusals
and the server's change feed, on either side.

Compact, UTF-8 kept as it is (a Kazakh comment stays readable in the file), dates and times as ISO text.
`column` keeps None as SQL NULL, for the nullable columns; `text` spells it `null`, for a column that must
hold text (an outbox operation clearing a field). `value` reads both back to None.
"""

from __future__ import annotations

import json
from typing import Any

# json.dumps with these arguments, without building an encoder a call (a sync writes three values an operation).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def text(value: Any) -> str:
    return _ENCODER.encode(value)


def column(value: Any) -> str | None:
    return None if value is None else text(value)


def value(stored: str | None) -> Any:
    return None if stored is None else json.loads(stored)
