"""The sync protocol's messages (version 1), as the server validates and answers them.

docs/sync-protocol.md describes the protocol for client authors; these models are its exact shape and the
source of the served OpenAPI spec. Unknown fields are refused (a client built for another version should
hear so, not be half-understood).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue

from core import synced_kinds
from core.synced_kinds import DEVICE_ENTITIES

# Per call, at most: operations sent, changes pulled, lessons in a first download's page. Each is some ten seconds
# of a 32/64 kbit/s link when packed (sync.link sizes calls below them on slower links), and a bound on what one
# call costs the server.
MAX_OPS_PER_SYNC = 5000
MAX_PULL = 10_000
MAX_LESSONS_PAGE = 1000
# A PC's device id: a UUID as str(uuid.uuid4()) spells it (storage.device), kept in a native uuid column.
DeviceId = Annotated[str, Field(min_length=36, max_length=36,
                                pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]


def courses_digest(courses: Mapping[int, int]) -> str:
    """A short digest of a set of courses, each with its teacher's id (course id → teacher id), the same on both
    sides for the same courses and teachers: a course given to another teacher changes it on every PC that holds
    the course, which then downloads it again as it now stands (sync.course_set)."""
    return hashlib.sha256(",".join(f"{c}:{courses[c]}" for c in sorted(courses)).encode()).hexdigest()[:16]


def _declared(entity: str) -> str:
    if not synced_kinds.from_devices(entity):
        raise ValueError(f"not a synced kind a device may send: one of {', '.join(DEVICE_ENTITIES)}")
    return entity


# A synced kind of record a device may write (core.synced_kinds): its field and value are judged per operation.
Entity = Annotated[str, AfterValidator(_declared), Field(json_schema_extra={"enum": list(DEVICE_ENTITIES)})]


class Strict(BaseModel):
    """A request: an unknown field is refused (a client built for another version hears so)."""

    model_config = ConfigDict(extra="forbid")


class Answer(BaseModel):
    """An answer: a field a newer server adds is ignored by an older PC, which reads what it knows."""

    model_config = ConfigDict(extra="ignore")


# A public bundle key: base64 of two 32-byte keys (core.bundle.KeyPair.public).
BundleKey = Annotated[str, Field(min_length=88, max_length=88, pattern=r"^[A-Za-z0-9+/]{86}==$")]

# A record's number (a class's, a pupil's, a period's id): a 32-bit integer column on PostgreSQL and SQLite alike; a
# larger one names no record and never reaches a query (SQLite took 2**64 for an overflow: a 500).
RecordNumber = Annotated[int, Field(ge=1, le=2**31 - 1)]


class LoginRequest(Strict):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]
    device_id: DeviceId
    device_name: Annotated[str, Field(max_length=200)] | None = None


class PasswordChange(Strict):
    """A teacher's new password for the school's server, given with the one she has now."""

    current_password: Annotated[str, Field(min_length=1, max_length=256)]
    new_password: Annotated[str, Field(min_length=1, max_length=256)]


class MyDevice(Answer):
    id: str
    name: str | None
    created_at: dt.datetime
    last_seen_at: dt.datetime | None
    revoked: bool
    this_device: bool


class LoginResponse(Answer):
    token: str
    expires_at: dt.datetime
    account_id: int
    role: Literal["teacher", "admin"]
    teacher_id: int | None
    school_id: int
    last_seq: int  # the device's last sequence number the server has processed (0 for a new device)
    # base64 of 32 bytes, the same for this device at every login: the device keeps its journal key wrapped
    # under it too, so an online login recovers a journal whose offline password was forgotten
    recovery_key: str


class Operation(Strict):
    """One outbox operation: `field` of the record `key` of kind `entity` := `value`."""

    seq: Annotated[int, Field(ge=1, le=2**62)]
    hlc: Annotated[int, Field(ge=0, le=2**63 - 1)]
    entity: Entity
    key: Annotated[str, Field(min_length=1, max_length=80)]
    field: Annotated[str, Field(min_length=1, max_length=20)]
    value: JsonValue = None
    base: Annotated[int, Field(ge=0, le=2**31)] = 0


Hash = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class AuditCheckpoint(Strict):
    """The heads of some of a school's audit chains at a moment, signed by the server (core.audit_checkpoint): a
    PC's receipt for its own chain after each sync, or a whole school's for the school to keep. The heads are keyed
    by device id, and by "school" for the school's own chain."""

    school_id: RecordNumber
    at: dt.datetime
    heads: Annotated[dict[Annotated[str, Field(max_length=36)], Hash], Field(min_length=1, max_length=100_000)]
    key: Annotated[str, Field(min_length=1, max_length=64)]  # the server's Ed25519 public key (base64)
    signature: Annotated[str, Field(min_length=1, max_length=128)]  # base64


class SyncRequest(Strict):
    device_id: DeviceId
    cursor: Annotated[int, Field(ge=0, le=2**63 - 1)] = 0  # a feed position: a bigint on PostgreSQL
    ops: Annotated[list[Operation], Field(max_length=MAX_OPS_PER_SYNC)] = []
    limit: Annotated[int, Field(ge=1, le=MAX_PULL)] = 500
    # The head of the device's own chained audit trail (entries, last hash): kept in the server's audit log.
    audit_count: Annotated[int, Field(ge=0, le=2**62)] | None = None
    audit_hash: Hash | None = None
    # The server's last receipt for this device's chain in the server's audit log, handed back: the server checks
    # that its log still holds that entry (a log rewritten since, even with its hashes recomputed, does not).
    audit_receipt: AuditCheckpoint | None = None
    # The device's public bundle key (core.bundle.KeyPair.public), sent until the server has it: the server checks
    # the signature of the sealed bundles the device sends by another way (a USB stick, a relay) with it.
    bundle_key: BundleKey | None = None


Status = Literal["applied", "merged", "conflict", "rejected", "gap"]


class OperationResult(Answer):
    seq: int
    status: Status
    reason: str | None = None  # a code: not_your_course, period_closed, invalid_mark, … (see the protocol doc)
    message: str | None = None  # the same in English words
    version: int | None = None  # the record's version after the operation
    conflict_id: int | None = None
    # The value the field holds on the server after the operation (applied, merged, conflict: whichever edit
    # won), or, with a refusal the teacher may see, the value it still holds; null for a new record and for
    # other refusals
    value: JsonValue = None
    expected: int | None = None  # on a gap: the sequence number the server expected
    replayed: bool = False  # true when the operation had been processed before and this is its first result


class Change(Answer):
    id: int
    entity: str
    key: str
    field: str
    value: JsonValue
    version: int


class Conflict(Answer):
    id: int
    entity: str
    key: str
    field: str
    winner_value: JsonValue
    loser_value: JsonValue
    winner_device_id: str | None
    loser_device_id: str | None
    winner_account_id: int | None
    loser_account_id: int | None
    created_at: dt.datetime


class SyncResponse(Answer):
    results: list[OperationResult]
    last_seq: int
    changes: list[Change]
    cursor: int
    more: bool
    remaining: int = 0  # when `more`: how many changes are still waiting (for the client's progress bar)
    conflicts: list[Conflict]
    server_time: dt.datetime
    # The changes after `cursor` are no longer all kept (old ones trimmed): no changes are sent, and the device
    # downloads its journal again (GET /v1/bootstrap…) before it pulls; its operations were processed as ever.
    download_again: bool = False
    # Which courses the device may read now, and their teachers, as courses_digest gives it: when it differs from the
    # journal's own, the device asks which (GET /v1/courses), downloads those it lacks, drops those it may no longer
    # read (a course given to another teacher, a substitution) and downloads again one whose teacher changed. None
    # from a server that does not tell.
    courses: str | None = None
    # The server's signed receipt for the head of this device's chain in its audit log after this call: the PC keeps
    # it and hands it back next time. None from a server with no signing key.
    audit_receipt: AuditCheckpoint | None = None
    # The server's public bundle key, told when the request registered the device's own: what the device seals its
    # bundles for, and checks the answers' signatures by. None otherwise.
    bundle_key: str | None = None


class ErrorBody(Answer):
    error: str
    message: str
    detail: JsonValue = None
