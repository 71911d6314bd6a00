"""Backups of a journal file and their restore: copies of the encrypted file (so exactly as protected as it is), made
on a schedule and before every migration, kept in a `backups` folder beside it and rotated, checked by SQLite's own
integrity check; and a journal restored from one, the journal and its outbox together.

A restore brings back an older state: what the teacher typed after the backup and had already sent is on the server,
and what she had not sent is gone with the damaged file. So the restored journal is marked (sync_state.restored_seq:
the next operation number it had); its next online sync reconciles it with the server (`reconcile`): the operations
the server has already processed (numbered up to its last for this PC) leave the outbox, those it never had stay to
be sent, those typed since the restore are numbered after the server's last, and the journal is downloaded again, so
every acknowledged edit comes back and nothing is sent twice.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, select, update

from storage import device, sqlite_file, sync_state
from storage.models import OutboxOp

FOLDER = "backups"
KEEP = 10  # scheduled backups kept; a migration's are kept apart, KEEP of them too
EVERY = dt.timedelta(hours=24)  # the schedule: one when the newest is older than this
_OPS = OutboxOp.__table__


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: dt.datetime
    reason: str  # "scheduled", "migration", "before_restore", "stick"


def folder_of(journal: Path) -> Path:
    return journal.parent / FOLDER


def make(engine: Engine, journal: Path, reason: str, target_folder: Path | None = None) -> Path:
    """A copy of the journal file as it is on disk: the write-ahead log checkpointed into it first, and the write lock
    held while copying, so the copy is one consistent state. Into `target_folder` (a USB stick), else the journal's
    backups folder; rotated there."""
    made = dt.datetime.now(dt.UTC)
    folder = target_folder or folder_of(journal)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = folder / f"{journal.stem}-{made:%Y%m%dT%H%M%S%fZ}-{reason}{journal.suffix}"
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("BEGIN IMMEDIATE")
        try:
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(journal, partial)
            os.chmod(partial, 0o600)
            os.replace(partial, target)
        finally:
            cursor.execute("ROLLBACK")
        cursor.close()
    finally:
        raw.close()
    if target_folder is None:
        rotate(folder, reason)
    return target


def listed(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first."""
    found = []
    for path in folder.glob("*.db"):
        parts = path.stem.rsplit("-", 2)
        if len(parts) != 3:
            continue
        try:
            made = dt.datetime.strptime(parts[1], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        found.append(Backup(path, made, parts[2]))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def rotate(folder: Path, reason: str, keep: int = KEEP) -> None:
    """The newest `keep` backups of `reason` kept, the older ones removed."""
    for old in [b for b in listed(folder) if b.reason == reason][keep:]:
        old.path.unlink(missing_ok=True)


def due(journal: Path, now: dt.datetime | None = None) -> bool:
    """Whether a scheduled backup is due: none yet, or the newest older than EVERY."""
    scheduled = [b for b in listed(folder_of(journal)) if b.reason == "scheduled"]
    return not scheduled or (now or dt.datetime.now(dt.UTC)) - scheduled[0].made_at >= EVERY


def sound(path: Path, key: bytes | None) -> bool:
    """Whether the file opens under `key` and passes SQLite's integrity check (read-only: nothing is written)."""
    try:
        conn = sqlite_file.connect(path, key=key)
    except (sqlite_file.WrongKey, OSError):
        return False
    except Exception:  # noqa: BLE001 (any driver error opening a damaged file means: not sound)
        return False
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        return rows == [("ok",)] and sqlite_file.revision(conn) is not None
    except Exception:  # noqa: BLE001 (sqlite3's or sqlcipher3's DatabaseError, whichever made it)
        return False
    finally:
        conn.close()


def newest_sound(journal: Path, key: bytes | None) -> Backup | None:
    """The newest backup of the journal that opens and passes the integrity check."""
    return next((b for b in listed(folder_of(journal)) if sound(b.path, key)), None)


def restore(journal: Path, backup: Path | None, key: bytes | None) -> Path:
    """The journal replaced by `backup` (the file closed by the caller): the file it replaces kept beside it as
    `…damaged-<when>` (never deleted: it may still be read by a specialist), the restored one marked for its
    reconciliation at the next online sync. `backup` None: the journal only set aside, for a fresh download. Returns
    where the replaced file went."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = journal.with_name(f"{journal.name}.damaged-{stamp}")
    if journal.exists():
        os.replace(journal, aside)
    for extra in ("-wal", "-shm"):  # the write-ahead log of the file replaced belongs to it alone
        sidecar = journal.with_name(journal.name + extra)
        if sidecar.exists():
            os.replace(sidecar, aside.with_name(aside.name + extra))
    if backup is None:
        return aside
    partial = journal.with_name(journal.name + ".restoring")
    shutil.copyfile(backup, partial)
    os.chmod(partial, 0o600)
    os.replace(partial, journal)
    conn = sqlite_file.connect(journal, key=key)
    try:
        next_seq = conn.execute("SELECT next_seq FROM device_state").fetchone()
        if conn.execute("SELECT count(*) FROM sync_state").fetchone()[0]:
            conn.execute("UPDATE sync_state SET restored_seq = ?", (next_seq[0] if next_seq else 1,))
    finally:
        conn.close()
    return aside


def reconcile(conn: Connection, server_last_seq: int) -> dict[str, int]:
    """A restored journal squared with the server, which has processed this PC's operations up to
    `server_last_seq`: those of the backup it processed leave the outbox (their effect comes back with the download
    that follows), those typed since the restore are numbered after it, and the journal is to be downloaded again
    (its pending edits kept over what it downloads: storage.first_download_rows). Returns what was done."""
    state = sync_state.load(conn)
    restored = state.get("restored_seq") if state else None
    if restored is None:
        return {}
    backup_ops = _OPS.c.seq < restored
    dropped = conn.execute(_OPS.delete().where(backup_ops, _OPS.c.seq <= server_last_seq)).rowcount
    renumbered = 0
    if restored <= server_last_seq:
        # Typed since the restore, numbered from the backup's counter: numbers the server has already processed
        # (it would answer them as replays and apply nothing). All of them renumbered after its last, in order.
        newer = [seq for (seq,) in conn.execute(select(_OPS.c.seq).where(_OPS.c.seq >= restored)
                                                .order_by(_OPS.c.seq))]
        for seq in newer:  # out of the way first: no number is ever held twice
            conn.execute(update(_OPS).where(_OPS.c.seq == seq).values(seq=-seq))
        for i, seq in enumerate(newer):
            conn.execute(update(_OPS).where(_OPS.c.seq == -seq).values(seq=server_last_seq + 1 + i))
        renumbered = len(newer)
        device.continue_after(conn, server_last_seq + renumbered)
    sync_state.update_state(conn, restored_seq=None, bootstrapped=False, bootstrap_after=None, bootstrap_total=None)
    return {"dropped": int(dropped), "renumbered": renumbered}
