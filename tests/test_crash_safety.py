"""Kill a writing process with SIGKILL at random moments, many times: every write it reported done is in
the journal with its outbox operation and audit entry, and the file passes PRAGMA integrity_check."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from storage import audit, outbox
from storage.database import open_database
from tests import crash_writer

ROUNDS = int(os.environ.get("DALA_CRASH_ROUNDS", "25"))
ROOT = Path(__file__).resolve().parent.parent


def read_state(db, t: crash_writer.Targets) -> dict[tuple, object]:
    state: dict[tuple, object] = {}
    with db.read() as conn:
        for lesson in t.lessons:
            state[(lesson, "topic", None)] = conn.execute(
                text("SELECT topic FROM lesson WHERE id = :l"), {"l": lesson}).scalar_one()
            for pupil in t.pupils:
                row = conn.execute(text("SELECT mark, attendance, comment FROM lesson_cell WHERE lesson_id = :l "
                                        "AND pupil_id = :p"), {"l": lesson, "p": pupil}).first()
                for field, value in zip(("mark", "attendance", "comment"), row or (None, None, None), strict=True):
                    state[(lesson, field, pupil)] = value
    return state


class Model:
    """The journal as the plan says it should be after some number of writes."""

    def __init__(self, state: dict[tuple, object]) -> None:
        self.state = dict(state)
        self.effective = 0
        self.touched: set[tuple] = set()

    def copy(self) -> Model:
        twin = Model(self.state)
        twin.effective, twin.touched = self.effective, set(self.touched)
        return twin

    def apply(self, lesson, field, pupil, value) -> None:
        key = (lesson, field, pupil)
        if self.state[key] != value:
            self.state[key] = value
            self.effective += 1
            self.touched.add(key)


def run_child(path: Path, seed: int, start: int, rng: random.Random) -> list[int]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_writer", str(path), str(seed), str(start)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.0, 0.25))
    child.send_signal(signal.SIGKILL)
    out = child.stdout.read()
    child.wait()
    return [int(line) for line in out.split()]


def check_journal(db, t, model: Model) -> bool:
    """True when the journal holds exactly `model`; raises on a broken outbox, audit or file."""
    if read_state(db, t) != model.state:
        return False
    with db.read() as conn:
        entries = audit.entries(conn)
        if len(entries) != model.effective:
            return False
        ops = outbox.pending(conn)
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        next_seq = conn.execute(text("SELECT next_seq FROM device_state")).scalar()
    assert [op.seq for op in ops] == list(range(1, len(ops) + 1)), "outbox sequence has a gap"
    assert next_seq == len(ops) + 1
    queued = {(op.key.split("/")[0] if op.entity == "cell" else op.key, op.field,
               int(op.key.split("/")[1]) if op.entity == "cell" else None): op.value for op in ops}
    assert set(queued) == model.touched, "every changed field has exactly one queued operation"
    for key, value in queued.items():
        assert model.state[key] == value, f"queued {key} = {value!r}, journal holds {model.state[key]!r}"
    return True


def test_sigkill_while_writing_loses_nothing_that_was_reported_written(journal_path):
    rng = random.Random(int(os.environ.get("DALA_CRASH_SEED", "20261122")))
    with open_database(journal_path) as db:
        t = crash_writer.targets(db)
        model = Model(read_state(db, t))
    next_index, total_reported, kills_between = 0, 0, 0
    for round_no in range(ROUNDS):
        seed = 1000 + round_no  # each round follows its own plan, from the next index on
        reported = run_child(journal_path, seed, next_index, rng)
        assert reported == list(range(next_index, next_index + len(reported)))
        total_reported += len(reported)
        for index in reported:
            model.apply(*crash_writer.planned(t, seed, index))
        one_more = model.copy()
        one_more.apply(*crash_writer.planned(t, seed, next_index + len(reported)))
        with open_database(journal_path) as db:
            if check_journal(db, t, model):
                next_index += len(reported)
            elif check_journal(db, t, one_more):  # committed, killed before it could print
                model = one_more
                next_index += len(reported) + 1
                kills_between += 1
            else:
                raise AssertionError(f"round {round_no}: the journal matches neither the reported writes "
                                     f"nor one more (reported {len(reported)})")
    assert total_reported > ROUNDS, "the writer should get some writes done before most kills"
    print(f"{ROUNDS} kills, {total_reported} reported writes, {kills_between} committed-but-unreported")
