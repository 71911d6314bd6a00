"""Accounts, passwords and device tokens.

Passwords are hashed with Argon2id (argon2-cffi's defaults, RFC 9106's second recommended setting). Logging
in from a PC registers it as a device and returns a bearer token; only the token's SHA-256 is stored, so a
copy of the database does not hold usable tokens. Tokens expire, and an admin can revoke a device.
Repeated wrong passwords lock the username for a while, growing with each failure.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any, overload

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, bindparam, insert, or_, select, update

from core.validation import kept
from server import audit_log, serials
from server.schema import account, device, login_name

TOKEN_LIFETIME = dt.timedelta(days=180)

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(school_id: int) -> str:
    """A bearer token that carries its school before a dot ("12.<secret>"), so the server finds the device
    in that school's rows alone (on Citus: one shard). The school is no secret; the 32 random bytes are."""
    return f"{school_id}.{secrets.token_urlsafe(32)}"


def school_of(token: str) -> int | None:
    """The school a token names (None: a token from before tokens carried it, or not one of ours)."""
    school, dot, _secret = token.partition(".")
    return int(school) if dot and school.isascii() and school.isdigit() and len(school) <= 9 else None


@dataclass(frozen=True)
class Principal:
    """Who is calling: the account behind a device token."""

    account_id: int
    school_id: int
    role: str
    teacher_id: int | None
    device_id: str | None  # None: the operator's own command (dala-server), on no device

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class LoginRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class TokenRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def create_account(
    conn: Connection, *, school_id: int, username: str, password: str, role: str, teacher_id: int | None
) -> int:
    [account_id] = add_accounts(conn, [dict(school_id=school_id, username=username,
                                            password_hash=hash_password(password), role=role,
                                            teacher_id=teacher_id)])
    return account_id


def add_accounts(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """New accounts (with their password hashes), each username entered in the directory of login names."""
    conn.execute(insert(login_name), [{"username": r["username"], "school_id": r["school_id"]} for r in rows])
    return serials.add(conn, account, rows)


def operator_for(conn: Connection, school_id: int) -> Principal | None:
    """Who the operator's command (dala-server) acts as in a school: its first admin account, on no device (so its
    entries go in the school's own audit chain); None for no such school, or one without an admin."""
    admin = conn.execute(select(account.c.id).where(account.c.school_id == school_id, account.c.role == "admin")
                         .order_by(account.c.id).limit(1)).scalar()
    return None if admin is None else Principal(admin, school_id, "admin", None, None)


def taken_usernames(conn: Connection) -> set[str]:
    """Every username in use, in any school."""
    return set(conn.execute(select(login_name.c.username)).scalars())


def login(
    conn: Connection, username: str, password: str, device_id: str, device_name: str | None, now: dt.datetime,
    ip: str | None = None,
) -> tuple[str, dt.datetime, dict, int]:
    """Check the password and register (or re-register) the device; returns (token, expiry, account, last_seq).
    A login to a known account is audited in its school's log, let in or refused (never the password); an unknown
    username has no school to log it in, and leaves nothing."""
    row = _account_named(conn, username, lock=True)
    school_id = row["school_id"] if row is not None else None
    device_name = (kept(device_name).strip() or None) if device_name is not None else None
    if row is None:
        _burn(password)  # take as long as a real check, so timing does not tell which usernames exist
        raise LoginRefused("bad_credentials", "Wrong username or password.")
    attempt = Principal(row["id"], row["school_id"], row["role"], row["teacher_id"], device_id)
    try:
        _hasher.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        _audit(conn, attempt, now, "login", username, "result", "bad_credentials", ip, result="rejected")
        raise LoginRefused("bad_credentials", "Wrong username or password.") from None

    token = new_token(row["school_id"])
    expires = now + TOKEN_LIFETIME
    existing = conn.execute(select(device.c.account_id, device.c.last_seq, device.c.recovery_key, device.c.revoked_at)
                            .where(device.c.school_id == school_id, device.c.id == device_id)).first()
    if existing is not None and existing.account_id != row["id"]:
        raise LoginRefused("device_taken", "This device id is registered to another account.")
    if existing is not None and existing.revoked_at is not None:
        # Revoked stays revoked (a PC reported lost or stolen): the right password does not undo the admin's
        # revocation; only the admin restores it (server.periods.restore_device). What waits on the PC stays there.
        _audit(conn, attempt, now, "login", username, "result", "device_revoked", ip, result="rejected")
        raise LoginRefused("device_revoked", "The school admin has revoked this PC; ask the admin to restore it.")
    recovery = existing.recovery_key if existing is not None and existing.recovery_key else \
        base64.b64encode(secrets.token_bytes(32)).decode("ascii")
    if existing is None:
        conn.execute(insert(device).values(
            school_id=school_id, id=device_id, account_id=row["id"], token_hash=token_digest(token), name=device_name,
            created_at=now,
            expires_at=expires, revoked_at=None, last_seq=0, recovery_key=recovery,
        ))
        last_seq = 0
    else:  # logging in again on a known device: a new token, the sequence carries on, the recovery key stays
        conn.execute(update(device).where(device.c.school_id == school_id, device.c.id == device_id).values(
            token_hash=token_digest(token), expires_at=expires, name=device_name or None,
            recovery_key=recovery,
        ))
        last_seq = existing.last_seq
    _audit(conn, attempt, now, "login", username, "result", "ok", ip)
    return token, expires, dict(row) | {"recovery_key": recovery}, last_seq


def note_throttled(conn: Connection, username: str, device_id: str, now: dt.datetime, ip: str | None) -> None:
    """A login held back by the wrong-password throttle (server.rate_limits), in the account's school's audit log
    when the username is an account's; an unknown one has no school to log it in."""
    row = _account_named(conn, username)
    if row is not None:
        _audit(conn, Principal(row["id"], row["school_id"], row["role"], row["teacher_id"], device_id), now,
               "login", username, "result", "locked", ip, result="rejected")


def _account_named(conn: Connection, username: str, *, lock: bool = False) -> Any:
    """The account (a row mapping) with this username, found through the username directory; None for a name no
    account has. A name with a character no column keeps (a NUL) names nobody, and never reaches the query."""
    school_id = None if kept(username) != username else conn.execute(
        select(login_name.c.school_id).where(login_name.c.username == username)).scalar()
    if school_id is None:
        return None
    query = select(account).where(account.c.school_id == school_id, account.c.username == username)
    return conn.execute(query.with_for_update() if lock else query).mappings().first()


MIN_PASSWORD = 8  # characters of a new password


def change_password(conn: Connection, who: Principal, current: str, new: str, now: dt.datetime) -> None:
    """Replace the account's password, given the one it has now (LoginRefused bad_credentials when wrong); a new
    one too short, or the username itself, is refused as weak_password. The account's devices stay signed in (a
    lost PC is the admin's to revoke); audited without either password."""
    row = conn.execute(select(account.c.username, account.c.password_hash)
                       .where(account.c.school_id == who.school_id, account.c.id == who.account_id)
                       .with_for_update()).one()
    try:
        _hasher.verify(row.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise LoginRefused("bad_credentials", "The current password is wrong.") from None
    if len(new) < MIN_PASSWORD or new.casefold() == row.username.casefold() or kept(new) != new:
        raise LoginRefused("weak_password", f"A new password has at least {MIN_PASSWORD} characters and is not "
                                            "the username.")
    conn.execute(update(account).where(account.c.school_id == who.school_id, account.c.id == who.account_id)
                 .values(password_hash=hash_password(new)))
    _audit(conn, who, now, "account", str(who.account_id), "password", "changed")


def sign_out(conn: Connection, who: Principal, now: dt.datetime) -> None:
    """This device's token no longer opens anything (a new login on the device gives a new one); audited."""
    conn.execute(update(device).where(device.c.school_id == who.school_id, device.c.id == who.device_id)
                 .values(token_hash=token_digest(secrets.token_urlsafe(32))))
    _audit(conn, who, now, "device", str(who.device_id), "signed_in", "false")


def devices_of(conn: Connection, who: Principal) -> list[dict[str, Any]]:
    """The account's devices, newest first: what a teacher checks before asking the admin to revoke a lost one."""
    rows = conn.execute(select(device.c.id, device.c.name, device.c.created_at, device.c.last_seen_at,
                               device.c.revoked_at)
                        .where(device.c.school_id == who.school_id, device.c.account_id == who.account_id)
                        .order_by(device.c.created_at.desc())).all()
    return [dict(id=str(r.id), name=r.name, created_at=r.created_at, last_seen_at=r.last_seen_at,
                 revoked=r.revoked_at is not None, this_device=str(r.id) == who.device_id) for r in rows]


def devices_of_school(conn: Connection, school_id: int) -> list[dict[str, Any]]:
    """The school's PCs (not the console's sessions) with whose they are: what the admin revokes or restores, by
    username, the most recently seen first."""
    rows = conn.execute(
        select(device.c.id, device.c.name, device.c.last_seen_at, device.c.revoked_at, account.c.username)
        .join(account, (account.c.school_id == device.c.school_id) & (account.c.id == device.c.account_id))
        .where(device.c.school_id == school_id, or_(device.c.name.is_(None), device.c.name != "console"))
        .order_by(account.c.username, device.c.last_seen_at.desc())).mappings().all()
    return [dict(row) for row in rows]


def _audit(conn: Connection, who: Principal, now: dt.datetime, entity: str, key: str, field: str, new: str,
           ip: str | None = None, result: str = "noted") -> None:
    audit_log.record(conn, at=now, school_id=who.school_id, account_id=who.account_id, device_id=who.device_id,
                     ip=ip, entity=entity, entity_key=key, field=field, new_value=new, result=result)


# A token's device and account, by the token's digest: built once (every sync asks it).
_BY_TOKEN = (select(device.c.id, device.c.expires_at, device.c.revoked_at, account.c.id.label("account_id"),
                    account.c.school_id, account.c.role, account.c.teacher_id)
             .join(account, (account.c.school_id == device.c.school_id) & (account.c.id == device.c.account_id))
             .where(device.c.token_hash == bindparam("digest")))
_BY_SCHOOLS_TOKEN = _BY_TOKEN.where(device.c.school_id == bindparam("school"))


def authenticate(conn: Connection, token: str, now: dt.datetime) -> Principal:
    school_id = school_of(token)
    # a token handed out before tokens named their school: found by its hash in every school's rows
    row = conn.execute(_BY_TOKEN if school_id is None else _BY_SCHOOLS_TOKEN,
                       {"digest": token_digest(token), "school": school_id}).first()
    if row is None:
        raise TokenRefused("bad_token", "Unknown device token; log in again.")
    if row.revoked_at is not None:
        raise TokenRefused("device_revoked", "This device was revoked by the school admin; log in again.")
    if _aware(row.expires_at) <= now:
        raise TokenRefused("token_expired", "The device token has expired; log in again.")
    return Principal(row.account_id, row.school_id, row.role, row.teacher_id, row.id)


def device_principal(conn: Connection, school_id: int, device_id: str) -> Principal:
    """Who sends a bundle signed by this device's key (server.bundles): its account, unless the admin revoked the
    device. A token's expiry does not matter here: the bundle's signature, not a token, shows who made it."""
    row = conn.execute(select(device.c.revoked_at, account.c.id.label("account_id"), account.c.school_id,
                              account.c.role, account.c.teacher_id)
                       .join(account, (account.c.school_id == device.c.school_id)
                             & (account.c.id == device.c.account_id))
                       .where(device.c.school_id == school_id, device.c.id == device_id)).first()
    if row is None:
        raise TokenRefused("bad_token", "Unknown device; it must log in online once.")
    if row.revoked_at is not None:
        raise TokenRefused("device_revoked", "This device was revoked by the school admin; log in again.")
    return Principal(row.account_id, row.school_id, row.role, row.teacher_id, device_id)


class RecentTokens:
    """Tokens this worker has seen valid within the last minute: a gate that keeps unknown tokens from
    taking a sync slot without a database look-up for every call. It decides nothing on its own: the sync
    transaction checks the token again (so a revoked device is refused at once)."""

    TTL_S = 60.0
    MAX = 10_000

    def __init__(self) -> None:
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def fresh(self, token: str) -> bool:
        with self._lock:
            until = self._seen.get(token_digest(token))
        return until is not None and until > time.monotonic()

    def remember(self, token: str) -> None:
        with self._lock:
            if len(self._seen) >= self.MAX:
                self._seen.clear()
            self._seen[token_digest(token)] = time.monotonic() + self.TTL_S

    def forget(self, token: str) -> None:
        with self._lock:
            self._seen.pop(token_digest(token), None)


@overload
def _aware(moment: dt.datetime) -> dt.datetime: ...


@overload
def _aware(moment: None) -> None: ...


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands datetimes back naive; they were stored in UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


@functools.cache
def _dummy_hash() -> str:
    """Made on first use: Argon2id is deliberately slow, and every worker and CLI command imports this."""
    return _hasher.hash("dala-no-such-user")


def _burn(password: str) -> None:
    try:
        _hasher.verify(_dummy_hash(), password)
    except VerificationError:
        pass
