"""Convergence: three PCs — two teachers sharing lessons (one substitutes in the other's lessons) and the
first teacher's second PC — edit the same cells offline and sync in random orders through a link that
breaks at random. Whatever the order: all end holding the server's cells; a conflict record exists exactly
for each edit that met a different value written concurrently from another PC; and no edit is lost. On SQLite,
PostgreSQL and a Citus cluster distributed by school."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from core.errors import JournalError
from core.protocol import SyncRequest
from harness.fault_proxy import Fault, FaultProxy
from sync.errors import SyncError
from tests.server.conftest import (  # noqa: F401  (fixtures)
    citus,
    citus_template,
    fresh_schools,
    postgres,
    running_server,
    server_template,
)
from tests.sync.conftest import Device, sync_until_done

LESSONS, PUPILS = 1, 3
FIELDS = {"mark": st.integers(0, 10), "attendance": st.sampled_from([None, "absent", "late"])}
faults = st.none() | st.builds(Fault, st.sampled_from(["cut_request", "cut_response", "truncate", "busy"]),
                               st.integers(1, 600))
edit = st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, LESSONS * PUPILS - 1),
                 st.sampled_from(sorted(FIELDS))).flatmap(
    lambda t: st.tuples(st.just(t[0]), st.just(t[1]), st.just(t[2]), st.just(t[3]), FIELDS[t[3]]))
sync = st.tuples(st.just("sync"), st.integers(0, 2), faults)
steps = st.lists(st.one_of(edit, edit, sync), min_size=4, max_size=30)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(steps)
def test_three_pcs_converge_and_every_clash_is_kept_once(fresh_schools: Callable[[], str], plan: list) -> None:
    with tempfile.TemporaryDirectory() as folder, running_server(fresh_schools()) as server:
        _run(server, Path(folder), plan)


def _run(server, folder: Path, plan: list) -> None:  # type: ignore[no-untyped-def]
    teacher_a, login_a, course, class_id = server.sql(
        "SELECT t.id, t.username, c.id, c.class_id FROM course c JOIN teacher t ON t.id = c.teacher_id "
        "WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY c.id LIMIT 1")[0]
    login_b = server.sql("SELECT username FROM teacher WHERE id != :a ORDER BY id LIMIT 1", a=teacher_a)[0][0]
    lessons = [r[0] for r in server.sql(
        "SELECT CAST(id AS TEXT) FROM lesson WHERE course_id = :c AND date BETWEEN '2026-11-03' AND '2026-11-20' "
        "ORDER BY date, slot LIMIT :n", c=course, n=LESSONS)]
    pupils = [r[0] for r in server.sql(
        "SELECT pupil_id FROM class_membership WHERE class_id = :k AND to_date IS NULL ORDER BY pupil_id LIMIT :n",
        k=class_id, n=PUPILS)]
    teacher_b = server.sql("SELECT id FROM teacher WHERE username = :u", u=login_b)[0][0]
    with server.engine.begin() as conn:  # the admin assigns teacher B to substitute in those lessons
        conn.exec_driver_sql(f"UPDATE lesson SET substitute_teacher_id = {int(teacher_b)} "
                             f"WHERE id IN ({','.join(repr(x) for x in lessons)})")
    cells = [(lesson, pupil) for lesson in lessons for pupil in pupils]
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]), seed=len(plan)).start()
    pcs = [Device(folder, name, proxy.url, login) for name, login in
           (("a-school", login_a), ("a-home", login_a), ("b", login_b))]
    sent_bases: dict[tuple[str, int], int] = {}
    try:
        for pc in pcs:
            pc.login()
            _record_bases(pc, sent_bases)
            sync_until_done(pc)
        typed: list[tuple[int, str, str, object]] = []
        for step in plan:
            if step[0] == "edit":
                _, who, which, field, value = step
                lesson, pupil = cells[which]
                try:
                    changed = getattr(pcs[who].journal, f"set_{field}")(lesson, pupil, value)
                except JournalError as error:
                    raise AssertionError(f"a valid edit was refused: {error}") from None
                if changed:
                    typed.append((who, f"{lesson}/{pupil}", field, value))
            else:
                _, who, fault = step
                if fault is not None:
                    proxy.inject(fault)
                try:
                    pcs[who].sync()
                except SyncError as error:
                    assert error.retry, error.message
        proxy.faults.clear()
        for _ in range(2):
            for pc in pcs:
                sync_until_done(pc)

        _assert_converged(server, pcs, cells)
        _assert_each_clash_kept_once(server, pcs, sent_bases)
        _assert_nothing_lost(server, pcs, typed)
    finally:
        for pc in pcs:
            pc.close()
        proxy.stop()


def _record_bases(pc: Device, bases: dict) -> None:
    """Note each operation's base version as it goes out (the real call still goes to the server)."""
    link = pc.engine.link
    real_sync = link.sync

    def sync_and_note(request: SyncRequest):  # type: ignore[no-untyped-def]
        for op in request.ops:
            bases[(request.device_id, op.seq)] = op.base
        return real_sync(request)

    link.sync = sync_and_note  # type: ignore[method-assign]


def _assert_converged(server, pcs: list[Device], cells: list) -> None:  # type: ignore[no-untyped-def]
    keys = ",".join(f"'{lesson}'" for lesson in {c[0] for c in cells})
    query = ("SELECT CAST(lesson_id AS TEXT), pupil_id, attendance, mark, comment FROM lesson_cell "
             f"WHERE lesson_id IN ({keys})")
    on_server = {(r[0], r[1]): tuple(r[2:]) for r in server.sql(query)}
    for pc in pcs:
        assert pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0
        assert {(r[0], r[1]): tuple(r[2:]) for r in pc.sql(query)} == on_server, pc.path.name


def _assert_each_clash_kept_once(server, pcs: list[Device], bases: dict) -> None:  # type: ignore[no-untyped-def]
    """An operation must have produced a conflict exactly when another PC had written a different value to the
    same field after the version the operation was based on, computed here from the server's change log."""
    changes = server.sql("SELECT entity_key, field, version, CAST(device_id AS TEXT) FROM change "
                         "WHERE entity = 'cell'")
    expected, found = set(), set()
    for device_id, seq, key, field, version, old, new, result, conflict_id in server.sql(
            "SELECT CAST(device_id AS TEXT), seq, entity_key, field, version, old_value, new_value, result, "
            "conflict_id FROM audit_log WHERE entity = 'cell'"):
        base = bases[(device_id, seq)]
        rival = any(k == key and f == field and d != device_id and base < v <= version for k, f, v, d in changes)
        if rival and json.loads(old or "null") != json.loads(new or "null"):
            expected.add((device_id, seq))
        if result == "conflict":
            found.add((device_id, seq, conflict_id))
    event(f"conflicts: {min(len(found), 3)}{'+' if len(found) >= 3 else ''}")
    assert {(d, s) for d, s, _ in found} == expected
    conflict_ids = [r[0] for r in server.sql("SELECT id FROM conflict")]
    assert sorted(c for _, _, c in found) == sorted(conflict_ids)  # one record each, none without its edit


def _assert_nothing_lost(server, pcs: list[Device], typed: list) -> None:  # type: ignore[no-untyped-def]
    """Each value a teacher typed is the cell's value, or in a conflict record, or in the server's audit log
    (the PC's own audit keeps values typed over before they were sent); and the last value each PC typed in
    each field reached the server."""
    audited = {(r[0], r[1], r[2], r[3]) for r in server.sql(
        "SELECT CAST(device_id AS TEXT), entity_key, field, new_value FROM audit_log WHERE entity = 'cell'")}
    in_conflicts = {(r[0], r[1], v) for r in server.sql(
        "SELECT entity_key, field, winner_value, loser_value FROM conflict") for v in r[2:]}
    current = {}
    for lesson, pupil, attendance, mark in server.sql(
            "SELECT CAST(lesson_id AS TEXT), pupil_id, attendance, mark FROM lesson_cell"):
        current[(f"{lesson}/{pupil}", "attendance")] = attendance
        current[(f"{lesson}/{pupil}", "mark")] = mark
    last: dict = {}
    for who, key, field, value in typed:
        device_id = pcs[who].engine.device_id
        encoded = None if value is None else json.dumps(value, ensure_ascii=False)  # both audits store NULL
        local = {(r[0], r[1], r[2]) for r in pcs[who].sql(
            "SELECT entity_key, field, new_value FROM audit_entry")}
        assert (current.get((key, field)) == value or (key, field, encoded) in in_conflicts
                or (device_id, key, field, encoded) in audited or (key, field, encoded) in local)
        last[(who, key, field)] = (device_id, encoded)
    for (_who, key, field), (device_id, encoded) in last.items():
        assert (device_id, key, field, encoded) in audited
