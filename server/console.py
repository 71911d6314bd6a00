"""The school admin's console: server-rendered pages under /console, in Kazakh, Russian or English, with no
scripts (usable over a village's slow link), for the roster through the year: a pupil's arrival, departure and
move to another class (server.roster), each told to the teachers' PCs at their next sync.

Guarded as the API is: the login is counted by the API's rate limits (per address and per username) and waits
for a password check's turn with the API's logins; a session is a device token of its own, in an HttpOnly,
SameSite=Strict cookie, revoked at sign-out; only the school's admin gets one. Every form carries a CSRF token
derived from the session (an HMAC of its token: a page of another site can neither read nor make it). A change is
saved whole or not at all, and a refusal is told in the admin's language with what was typed kept. Every
statement names the admin's school: an admin never sees another school's classes or pupils.

Forms are read with the standard library's parse_qs: they are small urlencoded bodies, never uploads, so the
multipart parser FastAPI's Form() needs (python-multipart) would be a dependency for nothing.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import hmac
import io
import json
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import APIRouter, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import ValidationError
from sqlalchemy import Engine, and_, func, or_, select, update

from core.errors import JournalError
from core.school_calendar import DAY_OFF_KINDS
from server import (
    accounts,
    audit_checkpoint,
    calendar_changes,
    course_teachers,
    extract,
    extract_pdf,
    journal_import,
    periods,
    report_copy,
    roster,
    school_export,
    subgroups,
    substitutions,
    timetable_changes,
    transfer_extract,
)
from server.bodies import BodyError, read_raw
from server.console_text import LANGUAGE_NAMES, LANGUAGES, pick, text, unfilled
from server.db import writer
from server.paths import PathId
from server.rate_limits import PasswordThrottle
from server.schema import device, tables

COOKIE = "dala_console"
# What the bundles page says in its script, in the admin's language (server.console_text).
BUNDLE_WORDS = ("bundle_request", "bundle_answer", "bundle_sending", "bundle_answer_ready", "bundle_refused",
                "bundle_not_a_bundle", "bundle_truncated", "bundle_bad_signature", "bundle_not_for_us",
                "bundle_unknown_device", "bundle_too_large", "bundle_not_a_request", "device_revoked", "busy")
DATA_WORDS = ("import_working", "busy", "import_too_large")
# The most journal pages one import takes, base64 in JSON (a whole school's two terms: some 900 pages, ~6 MB as CSV);
# read only once the admin's session is known.
IMPORT_MAX_BODY = 32 * 1024 * 1024
LANGUAGE_COOKIE = "dala_lang"
LOGIN_WAIT_S = 10.0
MANY = frozenset({"slot"})  # form fields sent once for each checked box
CLASS, MEMBER, PUPIL, SCHOOL = (tables["school_class"], tables["class_membership"], tables["pupil"],
                                tables["school"])
COURSE, SUBJECT, SUBGROUP, TEACHER = tables["course"], tables["subject"], tables["subgroup"], tables["teacher"]
YEAR, ENTRY, BELL = tables["academic_year"], tables["timetable_entry"], tables["bell_slot"]
LESSON, PERIOD, ACCOUNT = tables["lesson"], tables["period"], tables["account"]
# A refused change's page: (request, admin, session, the form as typed, the refusal's text) → the answer.
Refusal = Callable[[Request, accounts.Principal, str, dict[str, str], str], Response]
pages = Environment(loader=PackageLoader("server", "console_pages"), autoescape=select_autoescape(["html"]))


@dataclass(frozen=True)
class Gates:
    """What the console shares with the API: its rate limits (seconds to wait, or None), its password checks'
    turns and its count of wrong passwords."""

    over_limit: Callable[[Request, str], int | None]  # a login's: counted by its address
    login_slots: asyncio.Semaphore
    throttle: PasswordThrottle


class NotInSchool(JournalError):
    """A period or device the admin's school does not hold (another school's, or none)."""

    code = "not_found"
    template = "Not found: {reason}"


def csrf_token(session: str) -> str:
    return hmac.new(b"dala-console-csrf", session.encode(), hashlib.sha256).hexdigest()


def _chosen(request: Request, name: str, offered: list[int], default: int | None = None) -> int | None:
    """The id a query parameter names, if it is one of `offered` (anything else: the default, else the first)."""
    value = request.query_params.get(name, "")
    if value.isdigit() and int(value) in offered:
        return int(value)
    return default if default in offered else (offered[0] if offered else None)


def _class_name(row: Any) -> str:
    return f"{row.grade} «{row.letter}»"


async def _form(request: Request) -> dict[str, str]:
    """The form's fields, each its one value; a field a form sends many times (a week's checked lessons) as its
    values joined by commas."""
    fields = parse_qs((await read_raw(request)).decode("utf-8", "replace"), keep_blank_values=True)
    return {name: ",".join(values) if name in MANY else values[0] for name, values in fields.items()}


def mount(app: FastAPI, engine: Engine, gates: Gates, signer: Ed25519PrivateKey | None = None) -> None:
    router = APIRouter(prefix="/console", include_in_schema=False)

    def language(request: Request) -> str:
        return pick(request.query_params.get("lang") or request.cookies.get(LANGUAGE_COOKIE),
                    request.headers.get("accept-language"), "kk")

    def page(request: Request, name: str, status: int = 200, session: str | None = None, **values: Any) -> Response:
        lang = language(request)
        body = pages.get_template(name).render(
            lang=lang, t=lambda key, **params: text(key, lang, **params), languages=list(LANGUAGE_NAMES.items()),
            csrf=csrf_token(session) if session else None, **values)
        response = HTMLResponse(body, status_code=status)
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(LANGUAGE_COOKIE, lang, max_age=365 * 86400, samesite="strict", httponly=True)
        return response

    def who_is(request: Request) -> tuple[accounts.Principal, str] | None:
        session = request.cookies.get(COOKIE)
        if not session:
            return None
        try:
            with engine.connect() as conn:
                who = accounts.authenticate(conn, session, dt.datetime.now(dt.UTC))
        except accounts.TokenRefused:
            return None
        return (who, session) if who.is_admin else None

    def to_login(request: Request) -> Response:
        return page(request, "login.html", 401, error=text("session_over", language(request)), username="")

    def checked(request: Request, form: dict[str, str]) -> tuple[accounts.Principal, str] | Response:
        """The admin behind the request, when the form is his own (its CSRF token), else the answer to give."""
        found = who_is(request)
        if found is None:
            return to_login(request)
        if not hmac.compare_digest(form.get("csrf", ""), csrf_token(found[1])):
            return page(request, "login.html", 403, error=text("csrf", language(request)), username="")
        return found

    @router.get("")
    def start(request: Request) -> Response:
        return RedirectResponse("/console/classes" if who_is(request) else "/console/login", 303)

    @router.get("/login")
    def login_page(request: Request) -> Response:
        return page(request, "login.html", username="")

    @router.post("/login")
    async def login(request: Request) -> Response:
        form = await _form(request)
        username, password = form.get("username", ""), form.get("password", "")
        lang = language(request)
        wait = gates.over_limit(request, "login")
        if wait is not None:
            return page(request, "login.html", 429, error=text("rate_limited", lang, seconds=wait), username=username)
        address = ip(request) or "unknown"
        wait = await run_in_threadpool(gates.throttle.wait, username, address)
        if wait is not None:
            return page(request, "login.html", 429, error=text("locked", lang, seconds=wait), username=username)

        def check() -> tuple[str | None, str | None, int]:
            now = dt.datetime.now(dt.UTC)
            refusal = None
            with writer(engine).begin() as conn:
                try:
                    token, _expires, account, _seq = accounts.login(conn, username, password, str(uuid.uuid4()),
                                                                     "console", now, address)
                except accounts.LoginRefused as refused:
                    refusal = refused.code
                else:
                    if account["role"] != "admin":  # a teacher's password is right, but this is no place of his
                        _revoke(conn, token, now)
                        return None, "admin_only", 0
                    return token, None, 0
            if refusal == "bad_credentials":  # counted after the login's transaction: its own holds the write lock
                gates.throttle.failed(username, address)
            return None, refusal, 0

        try:
            await asyncio.wait_for(gates.login_slots.acquire(), LOGIN_WAIT_S)
        except TimeoutError:
            return page(request, "login.html", 503, error=text("busy", lang), username=username)
        try:
            token, refusal, seconds = await run_in_threadpool(check)
        finally:
            gates.login_slots.release()
        if token is None:
            key = refusal if refusal in ("locked", "admin_only") else "bad_credentials"
            status = {"locked": 429, "admin_only": 403}.get(key, 401)
            return page(request, "login.html", status, error=text(key, lang, seconds=seconds), username=username)
        response = RedirectResponse("/console/classes", 303)
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/console",
                            secure=request.url.scheme == "https")
        return response

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        form = await _form(request)

        def sign_out() -> Response:
            found = checked(request, form)
            if isinstance(found, Response):
                return found
            with writer(engine).begin() as conn:
                _revoke(conn, found[1], dt.datetime.now(dt.UTC))
            response = RedirectResponse("/console/login", 303)
            response.delete_cookie(COOKIE, path="/console")
            return response
        return await run_in_threadpool(sign_out)  # the database on a worker thread, never on the event loop

    def classes_of(who: accounts.Principal) -> list[dict[str, Any]]:
        today = dt.date.today()
        now_in = (select(MEMBER.c.class_id, func.count().label("pupils"))
                  .where(MEMBER.c.school_id == who.school_id, MEMBER.c.from_date <= today,
                         or_(MEMBER.c.to_date.is_(None), MEMBER.c.to_date >= today))
                  .group_by(MEMBER.c.class_id).subquery())
        with engine.connect() as conn:
            rows = conn.execute(select(CLASS.c.id, CLASS.c.grade, CLASS.c.letter, now_in.c.pupils)
                                .outerjoin(now_in, now_in.c.class_id == CLASS.c.id)
                                .where(CLASS.c.school_id == who.school_id)
                                .order_by(CLASS.c.grade, CLASS.c.letter)).all()
        return [{"id": r.id, "name": _class_name(r), "pupils": r.pupils or 0} for r in rows]

    @router.get("/classes")
    def classes(request: Request) -> Response:
        found = who_is(request)
        if found is None:
            return to_login(request)
        return page(request, "classes.html", session=found[1], classes=classes_of(found[0]))

    def class_page(request: Request, who: accounts.Principal, session: str, class_id: int, status: int = 200,
                   **values: Any) -> Response:
        with engine.connect() as conn:
            school_class = conn.execute(select(CLASS.c.id, CLASS.c.grade, CLASS.c.letter).where(
                CLASS.c.school_id == who.school_id, CLASS.c.id == class_id)).first()
            if school_class is None:
                return not_found(request, who, session)
            pupils = conn.execute(
                select(PUPIL.c.id, PUPIL.c.last_name, PUPIL.c.first_name, MEMBER.c.from_date, MEMBER.c.to_date)
                .join(MEMBER, and_(MEMBER.c.school_id == PUPIL.c.school_id, MEMBER.c.pupil_id == PUPIL.c.id))
                .where(PUPIL.c.school_id == who.school_id, MEMBER.c.class_id == class_id)
                .order_by(MEMBER.c.to_date.is_not(None), PUPIL.c.last_name, PUPIL.c.first_name)).all()
            courses = [{"id": c.id, "name": _course_name(c, language(request)), "teacher": _teacher_name(c)}
                       for c in conn.execute(_courses().where(COURSE.c.class_id == class_id,
                                                              COURSE.c.school_id == who.school_id))]
            subgroups = conn.execute(select(SUBGROUP.c.id, SUBGROUP.c.name).where(
                SUBGROUP.c.school_id == who.school_id, SUBGROUP.c.class_id == class_id).order_by(SUBGROUP.c.name)).all()
        notice = request.query_params.get("done")
        return page(request, "class.html", status, session=session, pupils=pupils, classes=classes_of(who),
                    courses=courses, subgroups=subgroups,
                    school_class={"id": school_class.id, "name": _class_name(school_class)},
                    notice=text(f"done_{notice}", language(request))
                    if notice in ("arrived", "left", "moved", "regrouped") else None, **{"form": {}, **values})

    @router.get("/classes/{class_id}")
    def class_view(class_id: PathId, request: Request) -> Response:
        found = who_is(request)
        if found is None:
            return to_login(request)
        return class_page(request, *found, class_id)

    def class_refusal(back_to: str) -> Refusal:
        """A roster change refused: back on the class's page (the form's `back_to` field), with the form kept."""
        def show(request: Request, who: accounts.Principal, session: str, form: dict[str, str], error: str) -> Response:
            class_id = int(form[back_to]) if form.get(back_to, "").isdigit() else 0
            return class_page(request, who, session, class_id, 422, form=form, error=error)
        return show

    async def change(request: Request, refused: Refusal, make: Callable[[dict[str, str]], Any],
                     apply: Callable[[Any, accounts.Principal, dt.datetime, Any], object],
                     done: Callable[[dict[str, str]], str]) -> Response:
        """Read the form, then on a worker thread (never the event loop's: the PCs' syncs share it) check it and
        apply the change in one transaction; on to the page `done` names, or refused with the form kept."""
        form = await _form(request)
        return await run_in_threadpool(lambda: _change(request, form, refused, make, apply, done))

    def _change(request: Request, form: dict[str, str], refused: Refusal, make: Callable[[dict[str, str]], Any],
                apply: Callable[[Any, accounts.Principal, dt.datetime, Any], object],
                done: Callable[[dict[str, str]], str]) -> Response:
        found = checked(request, form)
        if isinstance(found, Response):
            return found
        who, session = found
        lang = language(request)
        try:
            change_of = make(form)
            with writer(engine).begin() as conn:
                apply(conn, who, dt.datetime.now(dt.UTC), change_of)
        except ValidationError as invalid:
            fields = {str(e["loc"][0]) for e in invalid.errors() if e.get("loc")}
            key = ("bad_number" if "class_id" in fields else "no_such_teacher" if "teacher_id" in fields
                   else "no_such_group" if fields & {"from_group", "to_group"}
                   else "bad_grade" if fields & {"grade_from", "grade_to"} else "bad_date")
            return refused(request, who, session, form, f"{text('refused', lang)} {text(key, lang)}")
        except (roster.RosterRefused, calendar_changes.CalendarRefused, timetable_changes.TimetableRefused,
                course_teachers.CourseRefused, substitutions.SubstitutionRefused, subgroups.SubgroupRefused,
                NotInSchool) as refusal:
            return refused(request, who, session, form, f"{text('refused', lang)} {text(refusal.params['why'], lang)}")
        return RedirectResponse(done(form), 303)

    def not_found(request: Request, who: accounts.Principal, session: str) -> Response:
        """A class or pupil the admin's school has not: the classes' page, told so."""
        return page(request, "classes.html", 404, session=session, classes=classes_of(who),
                    error=text("not_found", language(request)))

    def ip(request: Request) -> str | None:
        return request.client.host if request.client else None

    def optional(form: dict[str, str], name: str) -> str | None:
        return form.get(name) or None

    @router.post("/pupils")
    async def arrive(request: Request) -> Response:
        return await change(
            request, class_refusal("class_id"),
            lambda f: roster.Arrival.model_validate(dict(
                class_id=f.get("class_id"), last_name=f.get("last_name", ""), first_name=f.get("first_name", ""),
                patronymic=optional(f, "patronymic"), birth_date=optional(f, "birth_date"), sex=optional(f, "sex"),
                from_date=f.get("from_date"), order=f.get("order", ""))),
            lambda conn, who, now, arrival: roster.arrive(conn, who, now, arrival, ip(request)),
            lambda f: f"/console/classes/{f.get('class_id')}?done=arrived")

    @router.post("/pupils/{pupil_id}/leave")
    async def leave(pupil_id: PathId, request: Request) -> Response:
        return await change(
            request, class_refusal("class_id"),
            lambda f: roster.Departure.model_validate(dict(last_day=f.get("last_day"), order=f.get("order", ""))),
            lambda conn, who, now, d: roster.leave(conn, who, now, pupil_id, d.last_day, d.order, ip(request)),
            lambda f: f"/console/classes/{f.get('class_id')}?done=left")

    @router.post("/pupils/{pupil_id}/move")
    async def move(pupil_id: PathId, request: Request) -> Response:
        return await change(
            request, class_refusal("from_class"),
            lambda f: roster.Move.model_validate(dict(class_id=f.get("class_id"), from_date=f.get("from_date"),
                                                      order=f.get("order", ""))),
            lambda conn, who, now, m: roster.move(conn, who, now, pupil_id, m.class_id, m.from_date, m.order,
                                                  ip(request)),
            lambda f: f"/console/classes/{f.get('from_class')}?done=moved")

    @router.post("/pupils/{pupil_id}/group")
    async def regroup(pupil_id: PathId, request: Request) -> Response:
        return await change(
            request, class_refusal("class_id"),
            lambda f: subgroups.GroupMove.model_validate(dict(
                from_group=f.get("from_group") or None, to_group=f.get("to_group"), from_date=f.get("from_date"),
                order=f.get("order", ""))),
            lambda conn, who, now, m: subgroups.move(conn, who, now, pupil_id, m, ip(request)),
            lambda f: f"/console/classes/{f.get('class_id')}?done=regrouped")

    def calendar_page(request: Request, who: accounts.Principal, session: str, form: dict[str, str] | None = None,
                      error: str | None = None) -> Response:
        with engine.connect() as conn:
            days_off = calendar_changes.days_off(conn, who.school_id)
        notice = request.query_params.get("done")
        return page(request, "calendar.html", 422 if error else 200, session=session, days_off=days_off,
                    kinds=DAY_OFF_KINDS, form=form or {}, error=error,
                    notice=text(f"done_{notice}", language(request)) if notice in ("day_off_added", "day_off_removed")
                    else None)

    @router.get("/calendar")
    def calendar(request: Request) -> Response:
        found = who_is(request)
        if found is None:
            return to_login(request)
        return calendar_page(request, *found)

    @router.post("/calendar")
    async def add_day_off(request: Request) -> Response:
        return await change(
            request, calendar_page,
            lambda f: calendar_changes.NewDayOff.model_validate(dict(
                from_date=f.get("from_date"), to_date=f.get("to_date") or f.get("from_date"), kind=f.get("kind", ""),
                name=f.get("name", ""), grade_from=f.get("grade_from") or 0, grade_to=f.get("grade_to") or 12)),
            lambda conn, who, now, new: calendar_changes.add(conn, who, now, new, ip(request)),
            lambda _f: "/console/calendar?done=day_off_added")

    @router.post("/calendar/{day_off_id}/remove")
    async def remove_day_off(day_off_id: PathId, request: Request) -> Response:
        return await change(
            request, calendar_page, lambda _f: day_off_id,
            lambda conn, who, now, _id: calendar_changes.remove(conn, who, now, day_off_id, ip(request)),
            lambda _f: "/console/calendar?done=day_off_removed")

    def week_page(request: Request, who: accounts.Principal, session: str, course_id: int,
                  form: dict[str, str] | None = None, error: str | None = None) -> Response:
        lang = language(request)
        with engine.connect() as conn:
            course = conn.execute(_courses().add_columns(YEAR.c.week_days).join(
                YEAR, and_(YEAR.c.school_id == CLASS.c.school_id, YEAR.c.id == CLASS.c.year_id))
                .where(COURSE.c.school_id == who.school_id, COURSE.c.id == course_id)).first()
            if course is None:
                return page(request, "classes.html", 404, session=session, classes=classes_of(who),
                            error=text("not_found", lang))
            entries = conn.execute(select(ENTRY.c.weekday, ENTRY.c.slot, ENTRY.c.valid_from, ENTRY.c.valid_to).where(
                ENTRY.c.school_id == who.school_id, ENTRY.c.course_id == course_id)).all()
            numbers = sorted(set(conn.execute(select(BELL.c.number).where(BELL.c.school_id == who.school_id))
                                 .scalars()))
            substitutions = [{"name": _teacher_name(r), "first": r.first, "last": r.last, "lessons": r.lessons}
                             for r in conn.execute(
                select(TEACHER.c.last_name, TEACHER.c.first_name, func.min(LESSON.c.date).label("first"),
                       func.max(LESSON.c.date).label("last"), func.count().label("lessons"))
                .join(TEACHER, and_(TEACHER.c.school_id == LESSON.c.school_id,
                                    TEACHER.c.id == LESSON.c.substitute_teacher_id))
                .where(LESSON.c.school_id == who.school_id, LESSON.c.course_id == course_id)
                .group_by(TEACHER.c.id, TEACHER.c.last_name, TEACHER.c.first_name).order_by("first"))]
            teachers = [(t.id, _teacher_name(t)) for t in conn.execute(
                select(TEACHER.c.id, TEACHER.c.last_name, TEACHER.c.first_name).where(
                    TEACHER.c.school_id == who.school_id).order_by(TEACHER.c.last_name, TEACHER.c.first_name))]
        versions: dict[tuple[dt.date, dt.date | None], list[tuple[int, int]]] = {}
        for e in entries:
            versions.setdefault((e.valid_from, e.valid_to), []).append((e.weekday, e.slot))
        ordered = [{"valid_from": start, "valid_to": end, "slots": sorted(slots)}
                   for (start, end), slots in sorted(versions.items(), key=lambda item: item[0][0])]
        latest = sorted(versions.items(), key=lambda item: item[0][0])[-1][1] if versions else []
        chosen = set(_slots(form)) if form is not None else set(latest)
        done = request.query_params
        notice = text("done_week", lang, added=done.get("added", "0"), removed=done.get("removed", "0"),
                      kept=done.get("kept", "0")) if done.get("done") == "week" else (
            text("done_teacher", lang) if done.get("done") == "teacher" else
            text("done_substitute", lang, lessons=done.get("lessons", "0")) if done.get("done") == "substitute"
            else None)
        return page(request, "week.html", 422 if error else 200, session=session, error=error, notice=notice,
                    course={"id": course.id, "name": _course_name(course, lang), "teacher": _teacher_name(course),
                            "class_id": course.class_id, "class_name": _class_name(course)},
                    versions=ordered, weekdays=range(1, course.week_days + 1), numbers=numbers, chosen=chosen,
                    teachers=teachers, substitutions=substitutions, form=form or {})

    @router.get("/courses/{course_id}/week")
    def week(course_id: PathId, request: Request) -> Response:
        found = who_is(request)
        if found is None:
            return to_login(request)
        return week_page(request, *found, course_id)

    @router.post("/courses/{course_id}/week")
    async def change_week(course_id: PathId, request: Request) -> Response:
        outcome: list[timetable_changes.WeekChanged] = []

        def refused(request: Request, who: accounts.Principal, session: str, form: dict[str, str],
                    error: str) -> Response:
            return week_page(request, who, session, course_id, form, error)

        def apply(conn: Any, who: accounts.Principal, now: dt.datetime, new: timetable_changes.NewWeek) -> None:
            outcome.append(timetable_changes.change_week(conn, who, now, course_id, new, ip(request)))

        def done(_form: dict[str, str]) -> str:
            changed = outcome[0]
            return (f"/console/courses/{course_id}/week?done=week&added={changed.added}&removed={changed.removed}"
                    f"&kept={len(changed.kept)}")

        return await change(
            request, refused,
            lambda f: timetable_changes.NewWeek.model_validate(dict(from_date=f.get("from_date"), slots=_slots(f))),
            apply, done)

    @router.post("/courses/{course_id}/teacher")
    async def give_course(course_id: PathId, request: Request) -> Response:
        def refused(request: Request, who: accounts.Principal, session: str, form: dict[str, str],
                    error: str) -> Response:
            return week_page(request, who, session, course_id, form, error)

        return await change(
            request, refused,
            lambda f: course_teachers.NewTeacher.model_validate(dict(teacher_id=f.get("teacher_id"),
                                                                     from_date=f.get("from_date"))),
            lambda conn, who, now, new: course_teachers.give(conn, who, now, course_id, new, ip(request)),
            lambda _f: f"/console/courses/{course_id}/week?done=teacher")

    @router.post("/courses/{course_id}/substitute")
    async def substitute(course_id: PathId, request: Request) -> Response:
        changed: list[int] = []

        def refused(request: Request, who: accounts.Principal, session: str, form: dict[str, str],
                    error: str) -> Response:
            return week_page(request, who, session, course_id, form, error)

        def apply(conn: Any, who: accounts.Principal, now: dt.datetime, new: substitutions.Substitution) -> None:
            changed.append(substitutions.substitute(conn, who, now, course_id, new, ip(request)))

        return await change(
            request, refused,
            lambda f: substitutions.Substitution.model_validate(dict(
                teacher_id=f.get("teacher_id") or None, from_date=f.get("from_date"),
                to_date=f.get("to_date") or f.get("from_date"))),
            apply, lambda _f: f"/console/courses/{course_id}/week?done=substitute&lessons={changed[0]}")

    def periods_page(request: Request, who: accounts.Principal, session: str, form: dict[str, str] | None = None,
                     error: str | None = None) -> Response:
        with engine.connect() as conn:
            rows = conn.execute(select(PERIOD).where(PERIOD.c.school_id == who.school_id)
                                .order_by(PERIOD.c.start_date, PERIOD.c.kind)).mappings().all()
        return page(request, "periods.html", 422 if error else 200, session=session, periods=rows, error=error)

    def devices_page(request: Request, who: accounts.Principal, session: str, form: dict[str, str] | None = None,
                     error: str | None = None) -> Response:
        with engine.connect() as conn:
            rows = accounts.devices_of_school(conn, who.school_id)
        return page(request, "devices.html", 422 if error else 200, session=session, devices=rows, error=error,
                    can_sign=signer is not None)

    @router.get("/audit-checkpoint")
    def audit_checkpoint_file(request: Request) -> Response:
        """The school's audit chains' heads signed by the server (server.audit_checkpoint), as a file the school keeps
        away from the server: `dala-server verify-audit --checkpoint` later shows whether the log was rewritten."""
        found = who_is(request)
        if found is None:
            return to_login(request)
        who = found[0]
        now = dt.datetime.now(dt.UTC)
        with engine.connect() as conn:
            made = audit_checkpoint.of_school(conn, signer, who.school_id, now) if signer is not None else None
        if made is None:
            return devices_page(request, *found, error=text("no_checkpoint", language(request)))
        name = f"dala-audit-checkpoint-school-{who.school_id}-{now:%Y%m%d-%H%M%S}.json"
        return Response(made.model_dump_json(indent=1), media_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @router.get("/pupils/{pupil_id}/transfer")
    def pupil_transfer(pupil_id: PathId, request: Request) -> Response:
        """The pupil's transfer extract (server.transfer_extract) as a ZIP, for the school he goes to."""
        found = who_is(request)
        if found is None:
            return to_login(request)
        try:
            with engine.connect() as conn:
                files = transfer_extract.pages(conn, found[0].school_id, pupil_id, language(request), dt.date.today())
        except extract_pdf.NoFont:
            return no_font(request, *found)
        if files is None:
            return not_found(request, *found)
        with writer(engine).begin() as conn:
            periods.audit_admin(conn, found[0], dt.datetime.now(dt.UTC), ip(request), "pupil", str(pupil_id),
                                "transfer_extract", None, f"{transfer_extract.page_count(files)} pages")
        return Response(transfer_extract.zipped(files), media_type="application/zip",
                        headers={"Content-Disposition": f'attachment; filename="dala-transfer-{pupil_id}.zip"'})

    def marks_extract(request: Request, pupil_id: int) -> tuple[accounts.Principal, str, extract.Extract] | Response:
        """The pupil's marks extract (server.extract) for the admin signed in, or the page to answer instead."""
        found = who_is(request)
        if found is None:
            return to_login(request)
        with engine.connect() as conn:
            marks = extract.of_pupil(conn, found[0].school_id, pupil_id)
        return not_found(request, *found) if marks is None else (*found, marks)

    def no_font(request: Request, who: accounts.Principal, session: str) -> Response:
        """A PDF the server cannot set (server.extract_pdf.NoFont): the classes' page, told what to install."""
        return page(request, "classes.html", 503, session=session, classes=classes_of(who),
                    error=text("no_pdf_font", language(request)))

    @router.get("/pupils/{pupil_id}/extract.pdf")
    def pupil_extract_pdf(pupil_id: PathId, request: Request) -> Response:
        """The pupil's marks extract as a PDF in the admin's language (server.extract_pdf)."""
        found = marks_extract(request, pupil_id)
        if isinstance(found, Response):
            return found
        try:
            made = extract_pdf.render(found[2], language(request), dt.date.today())
        except extract_pdf.NoFont:
            return no_font(request, found[0], found[1])
        return Response(made, media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="dala-extract-{pupil_id}.pdf"'})

    @router.get("/pupils/{pupil_id}/extract")
    def pupil_extract(pupil_id: PathId, request: Request) -> Response:
        found = marks_extract(request, pupil_id)
        if isinstance(found, Response):
            return found
        return page(request, "extract.html", session=found[1], shown=extract.shown(found[2], language(request)),
                    pupil_id=pupil_id, today=dt.date.today())

    @router.get("/reports")
    def reports(request: Request) -> Response:
        """A class's end-of-term report for a period (5/4/3/2 per subject, quality, success), its attendance, its
        «Алтын белгі» candidates and year 2s, computed from every course on the server (server.report_copy); and the
        school's absentees of the day. Printable from the browser."""
        found = who_is(request)
        if found is None:
            return to_login(request)
        who, session = found
        today = dt.date.today()
        classes = classes_of(who)
        with engine.connect() as conn:
            spans = conn.execute(select(PERIOD.c.id, PERIOD.c.kind, PERIOD.c.number, PERIOD.c.start_date,
                                          PERIOD.c.end_date).where(PERIOD.c.school_id == who.school_id)
                                   .order_by(PERIOD.c.kind != "term", PERIOD.c.kind, PERIOD.c.start_date)).all()
            class_id = _chosen(request, "class", [c["id"] for c in classes])
            period_id = _chosen(request, "period", [p.id for p in spans],
                                next((p.id for p in spans if p.kind == "term" and p.start_date <= today <= p.end_date),
                                     None))
            report = (report_copy.class_report(conn, who.school_id, class_id, period_id, today)
                      if class_id is not None and period_id is not None else None)
            absent = report_copy.absentees(conn, who.school_id, today)
        return page(request, "reports.html", session=session, classes=classes, periods=spans, report=report,
                    class_id=class_id, period_id=period_id, absent=absent, today=today,
                    percent=lambda v: "–" if v is None else f"{float(v):.1f}")

    @router.get("/bundles")
    def bundles_page(request: Request) -> Response:
        """A PC's sync bundle brought on a USB stick to the school office (core.bundle): read in the browser, sent to
        the server as the PC's sync (POST /v1/bundles), its answer offered to save back onto the stick."""
        found = who_is(request)
        if found is None:
            return to_login(request)
        lang = language(request)
        return page(request, "bundles.html", session=found[1], words={key: unfilled(key, lang) for key in BUNDLE_WORDS})

    @router.get("/data")
    def data_page(request: Request) -> Response:
        """The school's whole data to download (server.school_export), and journal pages from another system to
        check and import (server.journal_import)."""
        found = who_is(request)
        if found is None:
            return to_login(request)
        lang = language(request)
        return page(request, "data.html", session=found[1], words={key: unfilled(key, lang) for key in DATA_WORDS},
                    most=IMPORT_MAX_BODY, classes=classes_of(found[0]))

    @router.post("/export")
    async def export_data(request: Request) -> Response:
        """The school's export (docs/school-export.md, without password hashes) as a ZIP: the whole school, or one
        class (`class`) or one pupil (`pupil`) of it; the download is audited (pupils' personal data leave the
        server)."""
        form = await _form(request)
        return await run_in_threadpool(lambda: _export(request, form))

    def _export(request: Request, form: dict[str, str]) -> Response:
        found = checked(request, form)
        if isinstance(found, Response):
            return found
        who, session = found
        now = dt.datetime.now(dt.UTC)
        # (a pupil, if named, wins: his export is the narrower one, as export_school takes it)
        chosen = {what: int(form[what]) if form.get(what, "").isdigit() else None for what in ("pupil", "class")}
        with tempfile.TemporaryDirectory() as folder_name:
            folder = Path(folder_name) / "export"
            try:
                manifest = school_export.export_school(engine, who.school_id, folder, class_id=chosen["class"],
                                                       pupil_id=chosen["pupil"])
            except school_export.ExportRefused:
                return not_found(request, who, session)
            packed = io.BytesIO()
            with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(folder.iterdir()):
                    archive.write(path, path.name)
        rows = sum(entry["rows"] for entry in manifest["tables"])
        entity, key = next(((what, str(number)) for what, number in chosen.items() if number is not None),
                           ("school", str(who.school_id)))
        with writer(engine).begin() as conn:
            periods.audit_admin(conn, who, now, ip(request), entity, key, "exported", None, f"{rows} rows")
        part = "" if entity == "school" else f"-{entity}-{key}"
        name = f"dala-school-{who.school_id}{part}-{now:%Y-%m-%d}.zip"
        return Response(packed.getvalue(), media_type="application/zip",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @router.post("/journal-import")
    async def import_pages(request: Request) -> Response:
        """Journal pages read in the browser (JSON: csrf, source, check, pages of name and base64 data): checked and
        placed, and imported unless only checked; the answer's lines in the admin's language."""
        lang = language(request)

        def answer(status: int, key: str) -> Response:
            return Response(json.dumps({"ok": False, "lines": [text(key, lang)]}, ensure_ascii=False), status,
                            media_type="application/json")

        if await run_in_threadpool(who_is, request) is None:  # before a large body is read at all
            return answer(401, "session_over")
        try:
            body = json.loads(await read_raw(request, IMPORT_MAX_BODY))
            form = {"csrf": str(body["csrf"])}
            files = [(str(p["name"]), base64.b64decode(p["data"], validate=True)) for p in body["pages"]]
            source, check = str(body.get("source") or "")[:100], bool(body.get("check"))
        except BodyError:
            return answer(413, "import_too_large")
        except (ValueError, KeyError, TypeError, AttributeError):
            return answer(400, "csrf")
        return await run_in_threadpool(lambda: _import_pages(request, form, files, source, check))

    def _import_pages(request: Request, form: dict[str, str], files: list[tuple[str, bytes]], source: str,
                      check: bool) -> Response:
        found = checked(request, form)
        if isinstance(found, Response):
            return found
        who, _session = found
        lang = language(request)
        try:
            counts = journal_import.load(engine, who.school_id, files, source, check_only=check)
            told = text("import_counts", lang, **counts)
            lines = [text("import_checked", lang, counts=told) if check else
                     text("import_done", lang, source=source, counts=told)]
            ok = True
        except journal_import.ImportRefused as refused:
            lines = [text("import_refused", lang), *(p.words(lang) for p in refused.problems[:200])]
            ok = False
        return Response(json.dumps({"ok": ok, "lines": lines}, ensure_ascii=False), media_type="application/json")

    @router.get("/teachers")
    def teachers_view(request: Request) -> Response:
        """The school's teachers with the courses each teaches, each a link to its page (week, teacher, substitute)."""
        found = who_is(request)
        if found is None:
            return to_login(request)
        who, session = found
        lang = language(request)
        with engine.connect() as conn:
            teachers = {t.id: {"id": t.id, "name": _teacher_name(t), "username": t.username, "courses": []}
                        for t in conn.execute(select(TEACHER.c.id, TEACHER.c.last_name, TEACHER.c.first_name,
                                                     TEACHER.c.username).where(TEACHER.c.school_id == who.school_id)
                                              .order_by(TEACHER.c.last_name, TEACHER.c.first_name))}
            for course in conn.execute(_courses().add_columns(COURSE.c.teacher_id).where(
                    COURSE.c.school_id == who.school_id).order_by(CLASS.c.grade, CLASS.c.letter)):
                teachers[course.teacher_id]["courses"].append(
                    {"id": course.id, "name": f"{_class_name(course)} {_course_name(course, lang)}"})
        return page(request, "teachers.html", session=session, teachers=list(teachers.values()))

    @router.get("/periods")
    def periods_view(request: Request) -> Response:
        found = who_is(request)
        return to_login(request) if found is None else periods_page(request, *found)

    @router.get("/devices")
    def devices_view(request: Request) -> Response:
        found = who_is(request)
        return to_login(request) if found is None else devices_page(request, *found)

    @router.post("/periods/{period_id}/{action}")
    async def set_period(period_id: PathId, action: str, request: Request) -> Response:
        def apply(conn: Any, who: accounts.Principal, now: dt.datetime, closed: bool) -> None:
            if action not in ("close", "reopen") or not periods.set_closed(conn, who, now, period_id, closed,
                                                                           ip(request)):
                raise NotInSchool(why="not_found", reason="no such period")

        return await change(request, periods_page, lambda _f: action == "close", apply,
                            lambda _f: "/console/periods")

    @router.post("/devices/{device_id}/{action}")
    async def device_action(device_id: str, action: periods.DeviceAction, request: Request) -> Response:
        def apply(conn: Any, who: accounts.Principal, now: dt.datetime, _none: None) -> None:
            if not periods.DEVICE_ACTIONS[action](conn, who, now, device_id, ip(request)):
                raise NotInSchool(why="not_found", reason="no such device")

        return await change(request, devices_page, lambda _f: None, apply, lambda _f: "/console/devices")

    app.include_router(router)


def _courses() -> Any:
    """A SELECT of courses with their class, subject and teacher (the caller names the school)."""
    return (select(COURSE.c.id, COURSE.c.class_id, CLASS.c.grade, CLASS.c.letter, SUBJECT.c.name_kk, SUBJECT.c.name_ru,
                   SUBJECT.c.name_en, SUBGROUP.c.name.label("subgroup"), TEACHER.c.last_name, TEACHER.c.first_name)
            .join(CLASS, and_(CLASS.c.school_id == COURSE.c.school_id, CLASS.c.id == COURSE.c.class_id))
            .join(SUBJECT, SUBJECT.c.id == COURSE.c.subject_id)
            .join(TEACHER, and_(TEACHER.c.school_id == COURSE.c.school_id, TEACHER.c.id == COURSE.c.teacher_id))
            .outerjoin(SUBGROUP, and_(SUBGROUP.c.school_id == COURSE.c.school_id,
                                      SUBGROUP.c.id == COURSE.c.subgroup_id))
            .order_by(SUBJECT.c.code, SUBGROUP.c.name))


def _course_name(row: Any, lang: str) -> str:
    subject = {"kk": row.name_kk, "ru": row.name_ru}.get(lang, row.name_en)
    return f"{subject} ({row.subgroup})" if row.subgroup else subject


def _teacher_name(row: Any) -> str:
    return f"{row.last_name} {row.first_name}"


def _slots(form: dict[str, str]) -> list[tuple[int, int]]:
    """The week's checked boxes ("weekday-lesson", comma-joined by _form) as (weekday, lesson) pairs; what is not
    such a pair is left out (no box of the page sends one)."""
    out = []
    for value in form.get("slot", "").split(","):
        day, _, number = value.partition("-")
        if day.isdigit() and number.isdigit():
            out.append((int(day), int(number)))
    return out


def _revoke(conn: Any, token: str, now: dt.datetime) -> None:
    """The session's token revoked (the console's tokens always name their school)."""
    conn.execute(update(device).where(device.c.school_id == accounts.school_of(token),
                                      device.c.token_hash == accounts.token_digest(token)).values(revoked_at=now))
