"""Every table the server holds by school names its school first in every key: the primary key, each unique
key and unique index, and each foreign key to another such table, so that Citus can keep one school's rows
of every table together (docs/distribution.md) and no key joins two schools' rows. Only the tables every
school shares are exempt (server.distribution.REFERENCE: the school and subject tables, the username directory and
the wrong-password counts, none of which belongs to one school)."""

from __future__ import annotations

from sqlalchemy import ForeignKeyConstraint, UniqueConstraint

from server.distribution import REFERENCE as EVERY_SCHOOL
from server.schema import metadata


def _held_by_school() -> list:  # type: ignore[type-arg]
    return [table for table in metadata.sorted_tables if table.name not in EVERY_SCHOOL]


def test_every_key_of_a_table_held_by_school_leads_with_its_school() -> None:
    wrong = []
    for table in _held_by_school():
        keys = [("primary key", [c.name for c in table.primary_key.columns])]
        keys += [("unique key", [c.name for c in u.columns]) for u in table.constraints
                 if isinstance(u, UniqueConstraint)]
        keys += [(f"unique index {i.name}", [c.name for c in i.columns]) for i in table.indexes if i.unique]
        wrong += [f"{table.name}: {kind} {columns}" for kind, columns in keys if columns[0] != "school_id"]
    assert wrong == []
    assert len(_held_by_school()) == 23  # the 17 journal tables and account, device, change, feed, conflict, audit_log


def test_every_foreign_key_between_tables_held_by_school_names_the_school_on_both_sides() -> None:
    wrong = []
    for table in _held_by_school():
        for fk in (c for c in table.constraints if isinstance(c, ForeignKeyConstraint)):
            referred = fk.referred_table.name
            if referred in EVERY_SCHOOL:
                continue
            pairs = {(e.parent.name, e.column.name) for e in fk.elements}
            if ("school_id", "school_id") not in pairs:
                wrong.append(f"{table.name} → {referred}: {sorted(pairs)}")
    assert wrong == []
