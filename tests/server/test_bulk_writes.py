"""Rows a sync writes in bulk (server.serials: COPY on PostgreSQL) fail as any statement fails (a key written
twice is SQLAlchemy's IntegrityError, which a sync retries), and PCs writing one new cell at once are each
answered, one mark standing."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from core.protocol import Operation, SyncRequest
from server import serials
from server.db import writer
from server.schema import tables
from server.sync import sync
from tests.server import school
from tests.server.test_feed_order import _login, pg_engine  # noqa: F401  (the fixture)


def _server(engine: Engine) -> SimpleNamespace:
    def sql(query: str, **params: object) -> Any:
        with engine.connect() as conn:
            return conn.execute(text(query), params).all()
    return SimpleNamespace(sql=sql)


def test_a_row_copied_over_an_existing_key_is_an_integrity_error(pg_engine: Engine) -> None:
    cell = school.cell(_server(pg_engine))
    row = dict(school_id=1, lesson_id=cell.lesson_id, pupil_id=cell.pupil_id, mark=5, attendance=None, comment=None,
               server_version=1)
    with writer(pg_engine).begin() as conn:
        serials.write_rows(conn, tables["lesson_cell"], [row])
    with pytest.raises(IntegrityError), writer(pg_engine).begin() as conn:
        serials.write_rows(conn, tables["lesson_cell"], [row])
    assert _server(pg_engine).sql("SELECT mark FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                                  l=cell.lesson_id, p=cell.pupil_id) == [(5,)]


def test_pcs_creating_one_cell_at_once_are_each_answered_and_one_mark_stands(pg_engine: Engine) -> None:
    cell = school.cell(_server(pg_engine))
    pcs = [_login(pg_engine, cell.teacher_login) for _ in range(8)]
    start = threading.Barrier(len(pcs))

    def write(pc: tuple[str, str], mark: int) -> str:
        token, device_id = pc
        op = Operation(seq=1, hlc=1, entity="cell", key=cell.key, field="mark", value=mark, base=0)
        start.wait()
        return sync(pg_engine, token, SyncRequest(device_id=device_id, ops=[op]), None).results[0].status

    with ThreadPoolExecutor(len(pcs)) as pool:
        statuses = list(pool.map(write, pcs, range(3, 3 + len(pcs))))
    assert statuses.count("applied") == 1 and statuses.count("conflict") == len(pcs) - 1, statuses
    [(mark,)] = _server(pg_engine).sql("SELECT mark FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                                       l=cell.lesson_id, p=cell.pupil_id)
    assert mark in range(3, 3 + len(pcs))
