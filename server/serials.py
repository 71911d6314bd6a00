"""New rows' ids for the tables numbered by a sequence, on PostgreSQL and on the embedded SQLite file alike.

A table held by school has the two-column key (school_id, id) (server.schema), and its id still comes from
one sequence per table, so ids stay unique across schools. PostgreSQL numbers such a column itself (serial).
SQLite numbers only a one-column INTEGER PRIMARY KEY, so there the next ids are the table's highest plus one:
safe because every writer of the embedded file holds its one write lock from BEGIN (server.db.writer).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy import Sequence as IdSequence


def add(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert `rows` (without their ids) into `table`; their new ids, in the order given."""
    if not rows:
        return []
    if conn.dialect.name == "postgresql":
        # The ids first, in one statement, then one executemany: an INSERT … RETURNING of many rows in their
        # order would go row by row here (SQLAlchemy finds no sentinel column in a two-column key).
        sequence = table.c.id.default
        assert isinstance(sequence, IdSequence), f"{table.name}.id is not numbered by a sequence"
        given = sorted(conn.execute(select(sequence.next_value()).select_from(
            func.generate_series(1, len(rows)))).scalars())
    else:
        first = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one() + 1
        given = list(range(first, first + len(rows)))
    numbered = [dict(row, id=given[i]) for i, row in enumerate(rows)]
    conn.execute(insert(table), numbered)
    return [row["id"] for row in numbered]


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (without their ids) when the caller needs no id back, as a sync's change and audit rows:
    on PostgreSQL one executemany that takes each id from the sequence in the INSERT itself (no round trip
    for the ids first); on SQLite numbered as `add` numbers them."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(insert(table), list(rows))
    else:
        add(conn, table, rows)


def add_one(conn: Connection, table: Table, **values: Any) -> int:
    """Insert one row into `table`; its new id."""
    [new_id] = add(conn, table, [values])
    return new_id
