"""Property tests: validation accepts exactly the legal values; outbox coalescing never loses an edit."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from core import errors, hlc
from core.attendance import Attendance
from core.validation import MARK_RANGES
from storage import audit, outbox
from storage.database import open_database
from storage.journal import Journal
from tests import school


def examples(n: int) -> settings:
    """`n` examples on a journal file; the function-scoped file is meant to carry over between examples."""
    return settings(max_examples=n, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@contextmanager
def fresh_journal(template: Path):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.db"
        shutil.copyfile(template, path)
        db = open_database(path)
        try:
            yield db
        finally:
            db.close()


@examples(80)
@given(scale=st.sampled_from(["classic", "criteria", "passfail"]),
       mark=st.one_of(st.integers(-5, 15), st.integers(), st.floats(allow_nan=False), st.text(max_size=3),
                      st.booleans()))
def test_a_mark_is_accepted_exactly_when_the_scale_allows_it(db, scale, mark):
    spot = school.lesson_spot(db, scale)
    journal = Journal(db, spot.teacher_id)
    low, high = MARK_RANGES[scale]
    legal = isinstance(mark, int) and not isinstance(mark, bool) and low <= mark <= high
    before = school.snapshot(db)
    try:
        journal.set_mark(spot.lesson_id, spot.pupil_id, mark)
    except errors.InvalidMark:
        assert not legal
        assert school.snapshot(db) == before
    else:
        assert legal
        assert journal.cell(spot.lesson_id, spot.pupil_id).mark == mark


@examples(60)
@given(code=st.one_of(st.sampled_from([a.value for a in Attendance]), st.text(max_size=8), st.none()))
def test_attendance_is_accepted_exactly_for_known_codes(db, code):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    before = school.snapshot(db)
    try:
        journal.set_attendance(spot.lesson_id, spot.pupil_id, code)
    except errors.InvalidAttendance:
        assert code not in {a.value for a in Attendance} and code is not None
        assert school.snapshot(db) == before
    else:
        assert journal.cell(spot.lesson_id, spot.pupil_id).attendance == code


@examples(40)
@given(comment=st.text(min_size=0, max_size=2100))
def test_a_comment_is_kept_trimmed_or_refused_when_too_long(db, comment):
    """Kept as every PC and the server keep it: control characters but tab and line breaks dropped (a NUL
    cannot even be stored on the server), halves of UTF-16 pairs dropped, then trimmed."""
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    unkept = {*map(chr, range(0, 9)), "\x0b", "\x0c", *map(chr, range(0x0E, 0x20)), "\x7f"}
    kept = "".join(ch for ch in comment if ch not in unkept and not 0xD800 <= ord(ch) <= 0xDFFF).strip()
    try:
        journal.set_comment(spot.lesson_id, spot.pupil_id, comment)
    except errors.TextTooLong:
        assert len(kept) > 2000
    else:
        assert journal.cell(spot.lesson_id, spot.pupil_id).comment == (kept or None)


edits = st.tuples(st.integers(0, 2), st.integers(0, 2), st.sampled_from(["mark", "attendance", "comment"]),
                  st.integers(0, 4))
actions = st.lists(st.one_of(edits, st.just("send"), st.just("ack")), min_size=1, max_size=30)
VALUES = {"mark": [None, 3, 7, 9, 10], "attendance": [None, "absent", "ill", "late", "excused"],
          "comment": [None, "Жақсы", "Молодец", "Good", "Қайта тапсыру"]}


@examples(40)
@given(plan=actions)
def test_coalescing_never_loses_an_edit(demo_template, plan):
    """A server that applies acknowledged operations, then the pending ones, in sequence order, ends with
    exactly what the teacher sees; sequence numbers have no gaps; the audit has every effective edit."""
    with fresh_journal(demo_template) as db:
        spot = school.lesson_spot(db)
        with db.read() as conn:
            lessons = conn.execute(text(
                "SELECT id FROM lesson WHERE course_id = :c AND date BETWEEN '2026-11-03' AND '2026-11-22' "
                "ORDER BY date, slot LIMIT 3"), {"c": spot.course_id}).scalars().all()
            pupils = conn.execute(text(
                "SELECT pupil_id FROM class_membership WHERE class_id = :c AND to_date IS NULL ORDER BY pupil_id "
                "LIMIT 3"), {"c": spot.class_id}).scalars().all()
        journal = Journal(db, spot.teacher_id)
        setters = {"mark": journal.set_mark, "attendance": journal.set_attendance, "comment": journal.set_comment}

        server: dict[tuple[str, str], object] = {}
        wire: dict[int, tuple[tuple[str, str], object]] = {}  # what each sent operation carried when sent
        local: dict[tuple[str, str], object] = {}
        seen_seqs: set[int] = set()
        effective = 0
        for action in plan:
            if action == "send":
                with db.write() as conn:
                    batch = outbox.pending(conn)
                    outbox.mark_sent(conn, [op.seq for op in batch])
                wire.update({op.seq: ((op.key, op.field), op.value) for op in batch})
            elif action == "ack":  # the server applies what it received, in sequence order
                for seq in sorted(wire):
                    key, value = wire[seq]
                    server[key] = value
                with db.write() as conn:
                    outbox.acknowledge(conn, list(wire))
                wire.clear()
            else:
                lesson_no, pupil_no, field, value_no = action
                lesson_id, pupil = lessons[lesson_no], pupils[pupil_no]
                changed = setters[field](lesson_id, pupil, VALUES[field][value_no])
                effective += changed
                if changed:
                    local[(f"{lesson_id}/{pupil}", field)] = VALUES[field][value_no]
            with db.read() as conn:
                seen_seqs.update(op.seq for op in outbox.pending(conn))

        with db.read() as conn:
            pending = outbox.pending(conn)
            entries = audit.entries(conn)
        for seq in sorted(wire):  # what is on the wire arrives, then the rest in sequence order
            key, value = wire[seq]
            server[key] = value
        for op in pending:
            if op.seq not in wire:
                server[(op.key, op.field)] = op.value
        assert server == local
        assert seen_seqs == set(range(1, len(seen_seqs) + 1))
        unsent = [(op.key, op.field) for op in pending if not op.sent]
        assert len(unsent) == len(set(unsent))
        assert len(entries) == effective


@given(nows=st.lists(st.integers(0, 2**40), min_size=1, max_size=50))
def test_the_hybrid_clock_only_moves_forward(nows):
    stamp, stamps = 0, []
    for now in nows:
        stamp = hlc.tick(stamp, now)
        stamps.append(stamp)
        assert hlc.unpack(stamp)[0] >= now
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


@given(last=st.integers(0, 2**50), remote=st.integers(0, 2**50), now=st.integers(0, 2**40))
def test_receiving_a_remote_stamp_moves_past_it(last, remote, now):
    stamp = hlc.receive(last, remote, now)
    assert stamp > last and stamp > remote
