"""New rows' ids for the tables numbered by the database, on PostgreSQL and on the embedded SQLite file alike.

A table held by school has the two-column key (school_id, id) (server.schema), and its id still comes from
one sequence per table, so ids stay unique across schools. PostgreSQL numbers such a column itself (serial).
SQLite numbers only a one-column INTEGER PRIMARY KEY, so there the next ids are the table's highest plus one:
safe because every writer of the embedded file holds its one write lock from BEGIN (server.db.writer).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select


def add(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert `rows` (without their ids) into `table`; their new ids, in the order given."""
    if not rows:
        return []
    if conn.dialect.name == "postgresql":
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return [row.id for row in conn.execute(statement, list(rows))]
    first = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one() + 1
    numbered = [dict(row, id=first + i) for i, row in enumerate(rows)]
    conn.execute(insert(table), numbered)
    return [row["id"] for row in numbered]


def add_one(conn: Connection, table: Table, **values: Any) -> int:
    """Insert one row into `table`; its new id."""
    [new_id] = add(conn, table, [values])
    return new_id
