"""The HTTP API (FastAPI): login, sync, bootstrap and the school admin's actions, under /v1.

Every error is a JSON body {"error": code, "message": words}; bad input gets a 4xx, never a 500.
Sync calls beyond the worker's max_syncs at once, and logins beyond its max_logins (server.settings), get 503
with Retry-After rather than an unbounded queue; so does a call the database cannot serve (down, restarting,
out of connections): the client tries again later, nothing of the call was kept. Retry-After is jittered, so
the PCs turned away together do not come back together. Logins and syncs beyond their rate limits
(server.rate_limits) get 429 with Retry-After. A sync's body is read before it takes a slot and parsed on a
worker thread after, so a slow upload holds no slot and a refusal costs no parsing.
(No `from __future__ import annotations` here: FastAPI must see the Depends(...) in the signatures.)
"""

import asyncio
import contextlib
import datetime as dt
import gzip
import json
import logging
import random
import threading
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, text
from sqlalchemy.exc import DataError, DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from core import bundle, record_keys, wire_pack
from core.protocol import (
    MAX_LESSONS_PAGE,
    ErrorBody,
    LoginRequest,
    LoginResponse,
    MyDevice,
    PasswordChange,
    SyncRequest,
    SyncResponse,
)
from server import accounts, audit_checkpoint, bootstrap, bundles, console, partitions, periods, roster
from server.admission import SharedSlots
from server.bodies import BodyError, inflate, read_body, read_raw
from server.db import writer
from server.paths import PathId
from server.pull import course_ids, readable
from server.rate_limits import Limiter, PasswordThrottle, RateLimits
from server.security_headers import SecurityHeaders
from server.settings import Settings
from server.sync import DeviceMismatch, sync

RETRY_AFTER_S = 3  # the least Retry-After of a 503; each answer draws one up to twice that
LOGIN_WAIT_S = 10.0  # how long a login waits for a password check's turn before it is answered 503
VERSION = "1"
log = logging.getLogger("dala.server.api")



def retry_after(least: int = RETRY_AFTER_S) -> dict[str, str]:
    """A jittered Retry-After header: a whole number of seconds from `least` to twice it."""
    return {"Retry-After": str(random.randint(least, 2 * least))}  # noqa: S311  (spreading, not secrecy)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None,
                 detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers, self.detail = status, code, message, headers, detail


def _error(status: int, code: str, message: str, detail: Any = None, headers: dict | None = None) -> JSONResponse:
    body = ErrorBody(error=code, message=message, detail=detail).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


PARTITIONS_EVERY_S = 6 * 3600  # how often a running server makes the coming months' partitions


def create_app(engine: Engine, settings: Settings) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        async def keep_partitions_ahead() -> None:
            while True:  # this start's months were made by the migration before it (server.db.migrate)
                await asyncio.sleep(PARTITIONS_EVERY_S)
                await asyncio.to_thread(partitions.keep_ahead, engine)

        task = asyncio.create_task(keep_partitions_ahead())
        yield
        task.cancel()
        if shared_slots is not None:
            await shared_slots.close()

    # No /docs nor /redoc: their pages load scripts from a CDN, which a school's server must not make its admin's
    # browser run; the spec itself is at /openapi.json, and docs/sync-protocol.md says it in words.
    app = FastAPI(title="Dala Journal server", version=VERSION, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="The school's journal server that Dala Journal desktops sync with.")
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(SecurityHeaders)  # outermost: on every answer, errors included
    sync_slots = threading.BoundedSemaphore(settings.max_syncs)
    shared_slots = SharedSlots(settings.rate_store, settings.max_syncs_shared) if settings.max_syncs_shared else None
    login_slots = asyncio.Semaphore(settings.max_logins)
    recent_tokens = accounts.RecentTokens()
    # The tokens (by digest) whose sync this worker is answering: the event loop alone reads and changes it. (Across
    # workers a PC's syncs still take turns, on its device row; here a second one is refused before it takes a slot.)
    syncing: set[str] = set()
    limits = RateLimits.from_text(settings.rate_limits)
    limiter = Limiter(limits, settings.rate_store)
    signer = audit_checkpoint.load_key(settings.audit_key) if settings.audit_key else None
    bundle_keys = bundles.load_keys(settings.bundle_key) if settings.bundle_key else None
    bundle_public = bundle_keys.public() if bundle_keys is not None else None
    throttle = PasswordThrottle(engine, limits)

    def over_limit(request: Request, kind: str, token_digest: str | None = None) -> int | None:
        """Count the call per address, and a sync per device token (the server's, not a client-chosen id: a login
        has none yet, and is held to its address and the wrong-password throttle); the seconds to wait when it is
        over a limit."""
        address = request.client.host if request.client else "unknown"
        counted = [(f"{kind}_per_address", address)] + ([(f"{kind}_per_device", token_digest)] if token_digest else [])
        for name, who in counted:
            wait = limiter.hit(name, who)
            if wait is not None:
                return wait
        return None

    def held_back(wait: int) -> ApiError:
        """The answer to a password check held back by the wrong-password throttle (server.rate_limits)."""
        return ApiError(429, "locked", f"Too many wrong passwords; try again in {wait} seconds.",
                        {"Retry-After": str(wait)})

    async def acquire_login_slot() -> None:
        """A password check takes 64 MiB for its moment (Argon2id): a few at a time bound the worker's memory
        under a storm of logins. The others wait their turn here, on the event loop, holding no worker thread
        (which the syncs need meanwhile); one that waits too long is told to come back."""
        try:
            await asyncio.wait_for(login_slots.acquire(), LOGIN_WAIT_S)
        except TimeoutError:
            raise ApiError(503, "busy", "The server is busy; try again shortly.", retry_after()) from None

    def limit(request: Request, kind: str, token_digest: str | None = None) -> None:
        """Over a limit: 429 with Retry-After."""
        wait = over_limit(request, kind, token_digest)
        if wait is not None:
            raise ApiError(429, "rate_limited", f"Too many requests; try again in {wait} seconds.",
                           {"Retry-After": str(wait)})

    @app.exception_handler(ApiError)
    async def on_api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.detail, headers=exc.headers)

    @app.exception_handler(BodyError)
    async def on_body_error(_request: Request, exc: BodyError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(DataError)
    async def on_unstorable(_request: Request, exc: DataError) -> JSONResponse:
        log.warning("a value the database cannot store: %s", exc.orig)
        return _error(422, "invalid_request", "The request holds a value the server cannot store.")

    @app.exception_handler(DBAPIError)
    @app.exception_handler(PoolTimeout)
    async def on_database_trouble(_request: Request, exc: Exception) -> JSONResponse:
        log.warning("the database could not serve a call: %s", getattr(exc, "orig", exc))
        return _error(503, "unavailable", "The server cannot reach its database just now; try again shortly.",
                      headers=retry_after())

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", "The request does not follow the protocol.", _details(exc.errors()))

    def bearer_token(authorization: Annotated[str | None, Header()] = None) -> str:
        if not authorization or not authorization.lower().startswith("bearer "):
            raise ApiError(401, "no_token", "Log in first: this call needs a device token.",
                           {"WWW-Authenticate": "Bearer"})
        return authorization[7:].strip()

    def refused_token(refused: accounts.TokenRefused) -> ApiError:
        return ApiError(401, refused.code, refused.message, {"WWW-Authenticate": "Bearer"})

    def principal(token: Annotated[str, Depends(bearer_token)]) -> accounts.Principal:
        try:
            with engine.connect() as conn:
                return accounts.authenticate(conn, token, dt.datetime.now(dt.UTC))
        except accounts.TokenRefused as refused:
            raise refused_token(refused) from None

    def admin(who: Annotated[accounts.Principal, Depends(principal)]) -> accounts.Principal:
        if not who.is_admin:
            raise ApiError(403, "admin_only", "Only the school admin may do this.")
        return who

    async def parsed(request: Request, model: type[BaseModel]) -> Any:
        return parse(request, model, await read_body(request))

    def parse(request: Request, model: type[BaseModel], body: bytes) -> Any:
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media not in ("application/json", wire_pack.MEDIA_TYPE):  # a text/plain body is no request of ours
            raise ApiError(415, "unsupported_media_type",
                           f"Send the body as application/json or {wire_pack.MEDIA_TYPE}, not {media or 'untyped'}.")
        try:
            if media == wire_pack.MEDIA_TYPE:
                return model.model_validate(wire_pack.unpack_request(json.loads(body)))
            return model.model_validate_json(body)
        except (ValueError, RecursionError) as exc:  # pydantic's ValidationError, bad JSON, a bad packed body
            if isinstance(exc, ValidationError):
                raise ApiError(422, "invalid_request", "The request does not follow the protocol: "
                               + "; ".join(_details(exc.errors(include_url=False))[:3])) from None
            raise ApiError(422, "invalid_request", f"The request does not follow the protocol: {exc}") from None

    @app.get("/v1/health", responses={503: {"model": ErrorBody}})
    def health() -> dict:
        """Ok only when the database answers too: a load balancer sends no PC to a server that cannot serve it."""
        with engine.connect() as conn:  # trouble: 503 unavailable (on_database_trouble)
            conn.execute(text("SELECT 1"))
        return {"status": "ok", "protocol": VERSION}

    @app.post("/v1/login", response_model=LoginResponse,
              responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody}, 429: {"model": ErrorBody}},
              openapi_extra=_body_of(LoginRequest))
    async def login(request: Request) -> LoginResponse:
        body: LoginRequest = await parsed(request, LoginRequest)
        limit(request, "login")
        address = _address(request) or "unknown"
        wait = await run_in_threadpool(throttle.wait, body.username, address)
        if wait is not None:  # the same for a known and an unknown username

            def note() -> None:
                with writer(engine).begin() as conn:
                    accounts.note_throttled(conn, body.username, body.device_id, dt.datetime.now(dt.UTC), address)

            await run_in_threadpool(note)
            raise held_back(wait)

        def checked() -> LoginResponse:
            now = dt.datetime.now(dt.UTC)
            refused: accounts.LoginRefused | None = None
            with writer(engine).begin() as conn:
                try:
                    token, expires, acct, last_seq = accounts.login(
                        conn, body.username, body.password, body.device_id, body.device_name, now, address)
                except accounts.LoginRefused as caught:
                    refused = caught
            if refused is not None:
                if refused.code == "bad_credentials":
                    throttle.failed(body.username, address)
                status = {"device_taken": 409, "device_revoked": 403}.get(refused.code, 401)
                raise ApiError(status, refused.code, refused.message) from None
            return LoginResponse(token=token, expires_at=expires, account_id=acct["id"], role=acct["role"],
                                 teacher_id=acct["teacher_id"], school_id=acct["school_id"], last_seq=last_seq,
                                 recovery_key=acct["recovery_key"])

        await acquire_login_slot()
        try:
            return await run_in_threadpool(checked)
        finally:
            login_slots.release()

    @app.post("/v1/password", openapi_extra=_body_of(PasswordChange),
              responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody}, 429: {"model": ErrorBody}})
    async def change_password(request: Request, who: Annotated[accounts.Principal, Depends(principal)]) -> dict:
        """The caller's password for this server, given the one she has now (throttled as a login is)."""
        body: PasswordChange = await parsed(request, PasswordChange)
        address = _address(request) or "unknown"
        name = f"account:{who.school_id}:{who.account_id}"
        wait = await run_in_threadpool(throttle.wait, name, address)
        if wait is not None:
            raise held_back(wait)

        def change() -> dict:
            try:
                with writer(engine).begin() as conn:
                    accounts.change_password(conn, who, body.current_password, body.new_password,
                                             dt.datetime.now(dt.UTC))
            except accounts.LoginRefused as refused:
                if refused.code == "bad_credentials":
                    throttle.failed(name, address)
                raise
            return {"changed": True}

        await acquire_login_slot()
        try:
            return await run_in_threadpool(change)
        except accounts.LoginRefused as refused:
            raise ApiError(401 if refused.code == "bad_credentials" else 422, refused.code, refused.message) from None
        finally:
            login_slots.release()

    @app.post("/v1/logout", responses={401: {"model": ErrorBody}})
    def logout(who: Annotated[accounts.Principal, Depends(principal)]) -> dict:
        """Sign this device out: its token opens nothing more (its teacher logs in again to sync)."""
        with writer(engine).begin() as conn:
            accounts.sign_out(conn, who, dt.datetime.now(dt.UTC))
        return {"signed_out": True}

    @app.get("/v1/devices", response_model=list[MyDevice], responses={401: {"model": ErrorBody}})
    def my_devices(who: Annotated[accounts.Principal, Depends(principal)]) -> list[dict]:
        """The caller's devices (the PCs she logged in on), this one marked."""
        with engine.connect() as conn:
            return accounts.devices_of(conn, who)

    @app.post("/v1/sync", response_model=SyncResponse,
              responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 413: {"model": ErrorBody},
                         422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
              openapi_extra=_body_of(SyncRequest))
    async def sync_call(request: Request, token: Annotated[str, Depends(bearer_token)]) -> Response:
        limit(request, "sync", accounts.token_digest(token))
        if not recent_tokens.fresh(token):  # unknown tokens are checked before they may take a slot
            await run_in_threadpool(principal, token)
            recent_tokens.remember(token)
        raw = await read_raw(request)
        digest = accounts.token_digest(token)
        if digest in syncing:  # one sync at a time a PC: a second would wait on the first and hold a slot meanwhile
            raise ApiError(429, "rate_limited", "This PC's previous sync is still being answered; try again shortly.",
                           {"Retry-After": "1"})
        if not sync_slots.acquire(blocking=False):
            raise ApiError(503, "busy", "The server is busy; try again shortly.", retry_after())
        syncing.add(digest)
        lease = None
        try:
            if shared_slots is not None and (lease := await shared_slots.enter()) is None:
                raise ApiError(503, "busy", "The school servers are busy; try again shortly.", retry_after())
            ip = request.client.host if request.client else None

            def work() -> Response:
                data = inflate(raw, request.headers.get("content-encoding", "identity"))
                answer = sync(engine, token, parse(request, SyncRequest, data), ip, signer,  # checks the token too
                              bundle_public)
                return _answer(request, answer)

            try:
                return await run_in_threadpool(work)
            except accounts.TokenRefused as refused:
                recent_tokens.forget(token)
                raise refused_token(refused) from None
            except DeviceMismatch as exc:
                raise ApiError(403, "wrong_device", str(exc)) from None
        finally:
            syncing.discard(digest)
            sync_slots.release()
            if lease is not None and shared_slots is not None:
                await shared_slots.leave(lease)

    @app.post("/v1/bundles", responses={403: {"model": ErrorBody}, 413: {"model": ErrorBody},
                                        422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
              response_class=Response)
    async def bundle_call(request: Request) -> Response:
        """A sealed request bundle (core.bundle) carried from a PC that has no link of its own, by another PC or a
        relay: applied as its PC's sync, answered with the answer bundle sealed for that PC. No token: the bundle's
        signature by its device's registered key says who sent it."""
        limit(request, "sync")
        if bundle_keys is None:
            raise ApiError(503, "unavailable", "This server takes no sealed bundles (it has no bundle key).")
        raw = await read_raw(request, bundle.MAX_BYTES)
        if not sync_slots.acquire(blocking=False):
            raise ApiError(503, "busy", "The server is busy; try again shortly.", retry_after())
        try:
            ip = request.client.host if request.client else None

            def work() -> bytes:
                return bundles.answer(engine, bundle_keys, raw, ip, signer)

            try:
                data = await run_in_threadpool(work)
            except bundle.BundleError as refused:
                raise ApiError(422, f"bundle_{refused.code}", str(refused)) from None
            except accounts.TokenRefused as refused:
                raise ApiError(403, refused.code, refused.message) from None
            return Response(data, media_type="application/octet-stream")
        finally:
            sync_slots.release()

    def only_courses(courses: str) -> set[int] | None:
        """`courses` as a set of ids ("": every course the caller may read)."""
        if not courses:
            return None
        parts = courses.split(",")
        if len(parts) > 2000 or not all(p.isdigit() and len(p) <= 10 for p in parts):
            raise ApiError(422, "invalid_request", "courses must be course ids separated by commas.")
        return {int(p) for p in parts}

    @app.get("/v1/bootstrap", responses={401: {"model": ErrorBody}})
    def bootstrap_reference(who: Annotated[accounts.Principal, Depends(principal)], courses: str = "") -> dict:
        only = only_courses(courses)
        with engine.connect() as conn:
            return bootstrap.reference(conn, who, only)

    @app.get("/v1/bootstrap/lessons", responses={401: {"model": ErrorBody}})
    def bootstrap_lessons(who: Annotated[accounts.Principal, Depends(principal)], after: str = "",
                          limit: int = 200, courses: str = "") -> dict:
        if not 1 <= limit <= MAX_LESSONS_PAGE:
            raise ApiError(422, "invalid_request", f"limit must be 1–{MAX_LESSONS_PAGE}.")
        if after and record_keys.record_id(after) is None:
            raise ApiError(422, "invalid_request", "after must be empty or the id of the last lesson received.")
        only = only_courses(courses)
        with engine.connect() as conn:
            return bootstrap.lessons(conn, who, after, limit, only)

    @app.get("/v1/courses", responses={401: {"model": ErrorBody}})
    def readable_courses(who: Annotated[accounts.Principal, Depends(principal)]) -> dict:
        """The ids of the courses the caller may read now, and in the same order their teachers' (a sync's `courses`
        digest is of these)."""
        with engine.connect() as conn:
            courses = course_ids(conn, who, readable(conn, who))
        return {"courses": sorted(courses), "teachers": [courses[c] for c in sorted(courses)]}

    @app.post("/v1/admin/periods/{period_id}/{action}",
              responses={403: {"model": ErrorBody}, 404: {"model": ErrorBody}})
    def set_period(period_id: PathId, action: str, request: Request,
                   who: Annotated[accounts.Principal, Depends(admin)]) -> dict:
        if action not in ("close", "reopen"):
            raise ApiError(404, "not_found", "Use …/close or …/reopen.")
        with writer(engine).begin() as conn:
            if not periods.set_closed(conn, who, dt.datetime.now(dt.UTC), period_id, action == "close",
                                      _address(request)):
                raise ApiError(404, "not_found", f"No period {period_id} in your school.")
        return {"period_id": period_id, "closed": action == "close"}

    def roster_change(request: Request, change: Callable[[Any, dt.datetime, str | None], dict]) -> dict:
        """`change(conn, now, ip)`, a change of the roster, in one transaction; a refusal is 422 (404 for a class or
        pupil not in the school) with its cause in `detail.why`, and nothing is kept."""
        try:
            with writer(engine).begin() as conn:
                return change(conn, dt.datetime.now(dt.UTC), _address(request))
        except roster.RosterRefused as refused:
            status = 404 if refused.params["why"] in ("no_such_class", "no_such_pupil") else 422
            raise ApiError(status, refused.code, str(refused), detail={"why": refused.params["why"]}) from None

    roster_answers: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (403, 404, 422)}

    @app.post("/v1/admin/pupils", responses=roster_answers)
    def pupil_arrives(arrival: roster.Arrival, request: Request,
                      who: Annotated[accounts.Principal, Depends(admin)]) -> dict:
        return roster_change(request, lambda conn, now, ip: {"pupil_id": roster.arrive(conn, who, now, arrival, ip)})

    @app.post("/v1/admin/pupils/{pupil_id}/leave", responses=roster_answers)
    def pupil_leaves(pupil_id: PathId, departure: roster.Departure, request: Request,
                     who: Annotated[accounts.Principal, Depends(admin)]) -> dict:
        def change(conn: Any, now: dt.datetime, ip: str | None) -> dict:
            roster.leave(conn, who, now, pupil_id, departure.last_day, departure.order, ip)
            return {"pupil_id": pupil_id, "last_day": departure.last_day.isoformat()}
        return roster_change(request, change)

    @app.post("/v1/admin/pupils/{pupil_id}/move", responses=roster_answers)
    def pupil_moves(pupil_id: PathId, moved: roster.Move, request: Request,
                    who: Annotated[accounts.Principal, Depends(admin)]) -> dict:
        return roster_change(request, lambda conn, now, ip: {
            "pupil_id": pupil_id, "class_id": moved.class_id,
            "member_id": roster.move(conn, who, now, pupil_id, moved.class_id, moved.from_date, moved.order, ip)})

    @app.post("/v1/admin/devices/{device_id}/{action}",
              responses={403: {"model": ErrorBody}, 404: {"model": ErrorBody}, 422: {"model": ErrorBody}})
    def device_action(device_id: str, action: periods.DeviceAction, request: Request,
                      who: Annotated[accounts.Principal, Depends(admin)]) -> dict:
        """Revoke a lost PC (its syncs and logins refused), or restore it when found."""
        with writer(engine).begin() as conn:
            if not periods.DEVICE_ACTIONS[action](conn, who, dt.datetime.now(dt.UTC), device_id, _address(request)):
                raise ApiError(404, "not_found", f"No device {device_id} in your school to {action}.")
        return {"device_id": device_id, "revoked": action == "revoke"}

    console.mount(app, engine, console.Gates(over_limit, login_slots, throttle), signer)

    def openapi() -> dict:
        """FastAPI's spec plus the request models read from raw (possibly gzip) bodies, in components."""
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            for model in (LoginRequest, SyncRequest):
                schema = model.model_json_schema(ref_template=_REF)
                schemas.update(schema.pop("$defs", {}))
                schemas[model.__name__] = schema
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


_REF = "#/components/schemas/{model}"
GZIP_FROM = 500  # bytes: a smaller answer goes as it is
_UNTOLD = {"bundle_key"}


def _answer(request: Request, answer: SyncResponse) -> Response:
    """The sync answer serialised and compressed on the worker thread that made it, not on the event loop
    (where a big pull's JSON and gzip held up every other call, refusals included); serialised once: returning
    the model would have FastAPI validate it all again. The gzip middleware leaves an encoded answer be."""
    if wire_pack.MEDIA_TYPE in request.headers.get("accept", ""):
        # (the server's bundle key only in the answer that tells it: not a null in every answer's bytes)
        packed = wire_pack.pack_response(answer.model_dump(mode="json", exclude=_UNTOLD if answer.bundle_key is None
                                                           else None))
        body = wire_pack.dumps(packed)
        media_type = wire_pack.MEDIA_TYPE
    else:
        body, media_type = answer.model_dump_json().encode(), "application/json"
    if len(body) < GZIP_FROM or "gzip" not in request.headers.get("accept-encoding", ""):
        return Response(body, media_type=media_type)
    return Response(gzip.compress(body, compresslevel=6), media_type=media_type,
                    headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})


def _address(request: Request) -> str | None:
    """The caller's address, as the audit log keeps it."""
    return request.client.host if request.client else None


def _body_of(model: type) -> dict:
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"$ref": _REF.format(model=model.__name__)}}}}}


def _details(errors: Any) -> list[str]:
    out = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        out.append(f"{where or 'body'}: {error.get('msg', 'invalid')}")
    return out
