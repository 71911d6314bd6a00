"""Ids made on the client for records a teacher creates offline.

A lesson's id is derived from (course, date, slot): two PCs that add the same lesson offline make the
same id, and the server sees one lesson, not two. Summative works get random UUIDs.
"""

from __future__ import annotations

import datetime as dt
import uuid

_LESSON_NAMESPACE = uuid.UUID("5b0c7a3e-2f57-4d1f-9a77-6d616c612d6a")


def lesson_id(course_id: int, date: dt.date, slot: int) -> str:
    return str(uuid.uuid5(_LESSON_NAMESPACE, f"{course_id}/{date.isoformat()}/{slot}"))


def new_id() -> str:
    return str(uuid.uuid4())

