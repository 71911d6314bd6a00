"""Shared fixtures: a demo school built once per session, copied into each test's own journal file."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg.types.string import TextLoader

from core.demo_school import generator
from storage.database import JournalDatabase, open_database

TODAY = dt.date(2026, 11, 22)

# What the tests read with their own SQL from a server on PostgreSQL: a uuid column as the text the protocol
# spells it (the server's own queries type the column themselves: server.schema.RecordId).
psycopg.adapters.register_loader("uuid", TextLoader)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    with open_database(path) as db:
        generator.build(db, generator.DEMO, TODAY)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


@pytest.fixture
def journal_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def db(journal_path: Path) -> Iterator[JournalDatabase]:
    database = open_database(journal_path)
    yield database
    database.close()
