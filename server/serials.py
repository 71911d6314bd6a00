"""New rows' ids for the tables numbered by a sequence, on PostgreSQL and on the embedded SQLite file alike.

A table held by school has the two-column key (school_id, id) (server.schema), and its id still comes from
one sequence per table, so ids stay unique across schools. PostgreSQL numbers such a column itself (serial).
SQLite numbers only a one-column INTEGER PRIMARY KEY, so there the next ids are the table's highest plus one:
safe because every writer of the embedded file holds its one write lock from BEGIN (server.db.writer).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import psycopg
from sqlalchemy import Connection, Select, Table, bindparam, func, insert, select
from sqlalchemy import Sequence as IdSequence
from sqlalchemy.exc import DBAPIError


def add(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert `rows` (without their ids) into `table`; their new ids, in the order given."""
    if not rows:
        return []
    if conn.dialect.name == "postgresql":
        # The ids first, in one statement, then one executemany: an INSERT … RETURNING of many rows in their
        # order would go row by row here (SQLAlchemy finds no sentinel column in a two-column key).
        given = _next_ids(conn, table, len(rows))
    else:
        first = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one() + 1
        given = list(range(first, first + len(rows)))
    numbered = [dict(row, id=given[i]) for i, row in enumerate(rows)]
    conn.execute(insert(table), numbered)
    return [row["id"] for row in numbered]


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (without their ids) when the caller needs no id back, as a sync's change and audit rows:
    on PostgreSQL their ids taken from the sequence in one statement and the rows streamed by COPY; on SQLite
    numbered as `add` numbers them."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        add(conn, table, rows)
        return
    ids = _next_ids(conn, table, len(rows))
    write_rows(conn, table, [dict(row, id=ids[i]) for i, row in enumerate(rows)])


def write_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows`, each with its whole key: on PostgreSQL streamed by COPY (`copy_rows`) when they all name
    the same columns, else (and on SQLite) one executemany."""
    if not rows:
        return
    names = list(rows[0])
    if conn.dialect.name != "postgresql" or any(len(row) != len(names) or any(n not in row for n in names)
                                                for row in rows):
        conn.execute(insert(table), list(rows))  # rows of several shapes: each column's default where it is left out
        return
    copy_rows(conn, table, names, ([row[name] for name in names] for row in rows))


def _next_ids(conn: Connection, table: Table, count: int) -> list[int]:
    """`count` new ids from the table's sequence (PostgreSQL), in one statement, in increasing order."""
    return sorted(conn.execute(_taking_ids(table), {"count": count}).scalars())


@functools.cache
def _taking_ids(table: Table) -> Select[Any]:
    """The statement taking `count` ids from the table's sequence (built once a table: a sync takes them twice)."""
    sequence = table.c.id.default
    assert isinstance(sequence, IdSequence), f"{table.name}.id is not numbered by a sequence"
    return select(sequence.next_value()).select_from(func.generate_series(1, bindparam("count")))


def copy_rows(conn: Connection, table: Table, names: Sequence[str], values: Iterable[Sequence[Any]]) -> None:
    """Rows of `names`' values into `table` by PostgreSQL's COPY, in this connection's transaction.

    A sync writes a change and an audit row for each operation; as an executemany, psycopg sent and answered
    each row as a statement of its own (a sixth of a sync's time in the server's Python, a part of it under the
    school's feed lock, server.feed); COPY streams them as one. Each value passes through its column's bind
    processor, as SQLAlchemy's INSERT would pass it."""
    quote = conn.dialect.identifier_preparer.quote
    processors = [table.c[name].type.bind_processor(conn.dialect) for name in names]
    statement = f"COPY {quote(table.name)} ({', '.join(quote(name) for name in names)}) FROM STDIN"
    driver = conn.connection.driver_connection
    assert driver is not None
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in values:
                copy.write_row([value if process is None or value is None else process(value)
                                for value, process in zip(row, processors, strict=True)])
    except psycopg.Error as error:
        # Raised as SQLAlchemy raises a driver's error, so that callers tell them apart as for any statement (a
        # cell two devices created at once: IntegrityError, retried; the database gone: OperationalError, 503).
        raise DBAPIError.instance(statement, None, error, psycopg.Error) from error


def add_one(conn: Connection, table: Table, **values: Any) -> int:
    """Insert one row into `table`; its new id."""
    [new_id] = add(conn, table, [values])
    return new_id
