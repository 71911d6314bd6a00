"""A journal written by the first released schema opens in the current version with all its data,
after a backup copy of it is written next to it."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text

from storage import migrate, outbox
from storage.database import make_engine, open_database
from storage.journal import Journal

FIRST = "0001"

# Rows as the first schema stores them, written with plain SQL: the test must not depend on today's models.
FIRST_SCHEMA_ROWS = [
    "INSERT INTO school (id, name, region, language) VALUES (1, 'Қарабұлақ мектебі', 'Абай облысы', 'kk')",
    "INSERT INTO academic_year VALUES (1, 1, '2026–2027', '2026-09-02', '2027-05-25')",
    "INSERT INTO period VALUES (1, 1, 'term', 1, '2026-09-02', '2026-10-24', 0)",
    "INSERT INTO period VALUES (2, 1, 'term', 2, '2026-11-03', '2026-12-26', 0)",
    "INSERT INTO teacher VALUES (1, 1, 'g.sarsenova', 'Сәрсенова', 'Гүлнар', 'Болатқызы')",
    "INSERT INTO school_class VALUES (1, 1, 7, 'Б', 'kk', 1)",
    "INSERT INTO pupil VALUES (1, 1, 'Омарова', 'Аружан', NULL, '2013-04-02', 'f')",
    "INSERT INTO pupil VALUES (2, 1, 'Исаев', 'Ерасыл', NULL, '2013-09-12', 'm')",
    "INSERT INTO class_membership VALUES (1, 1, 1, '2026-09-02', NULL)",
    "INSERT INTO class_membership VALUES (2, 2, 1, '2026-09-02', NULL)",
    "INSERT INTO subject VALUES (1, 'math', 'Математика', 'Математика', 'Mathematics')",
    "INSERT INTO course VALUES (1, 1, 1, 1, NULL, 'criteria', 5)",
    "INSERT INTO bell_slot VALUES (1, 1, 1, 1, '08:00:00.000000', '08:45:00.000000')",
    "INSERT INTO lesson VALUES ('11111111-1111-1111-1111-111111111111', 1, '2026-11-16', 1, 'regular', "
    "'Пропорция', '§14', NULL, 3)",
    "INSERT INTO lesson_cell VALUES ('11111111-1111-1111-1111-111111111111', 1, NULL, 9, 'Жақсы', 3)",
    "INSERT INTO lesson_cell VALUES ('11111111-1111-1111-1111-111111111111', 2, 'ill', NULL, NULL, 3)",
]


def make_first_revision_journal(path):
    engine = make_engine(path)
    migrate.upgrade(engine, path, target=FIRST)
    engine.dispose()
    con = sqlite3.connect(path)
    for statement in FIRST_SCHEMA_ROWS:
        con.execute(statement)
    con.commit()
    con.close()


def test_first_revision_journal_opens_migrated_with_all_its_data(tmp_path):
    path = tmp_path / "journal.db"
    make_first_revision_journal(path)

    with open_database(path) as db:
        assert migrate.current_revision(db.engine) == migrate.head_revision() != FIRST
        with db.read() as conn:
            cells = conn.execute(text("SELECT pupil_id, attendance, mark, comment, server_version FROM lesson_cell "
                                      "ORDER BY pupil_id")).all()
            lesson = conn.execute(text("SELECT topic, homework FROM lesson")).one()
            names = conn.execute(text("SELECT last_name FROM pupil ORDER BY id")).scalars().all()
        assert [tuple(c) for c in cells] == [(1, None, 9, "Жақсы", 3), (2, "ill", None, None, 3)]
        assert tuple(lesson) == ("Пропорция", "§14")
        assert names == ["Омарова", "Исаев"]

        # The migrated journal works: a change is queued for sync and audited.
        lesson_id = "11111111-1111-1111-1111-111111111111"
        assert Journal(db, actor_id=1).set_mark(lesson_id, 2, 7)
        with db.read() as conn:
            [op] = outbox.pending(conn)
        assert (op.field, op.value, op.base) == ("mark", 7, 3)

        backup = db.migration_backup
    assert backup is not None and backup.parent == path.parent / "backups" and backup.stem.endswith("-migration")
    con = sqlite3.connect(backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST,)
    assert con.execute("SELECT count(*) FROM lesson_cell").fetchone() == (2,)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_a_current_journal_opens_without_a_backup(tmp_path):
    path = tmp_path / "journal.db"
    open_database(path).close()
    with open_database(path) as db:
        assert db.migration_backup is None
    assert not (tmp_path / "backups").exists()


def test_the_light_head_constant_is_alembics_head() -> None:
    """storage.sqlite_file names the newest revision so that a current file opens without Alembic; a new
    migration must move it too."""
    from storage import sqlite_file

    assert sqlite_file.JOURNAL_HEAD == migrate.head_revision()
