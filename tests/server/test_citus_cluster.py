"""The tests' Citus cluster (harness.citus_cluster), checked as the server's distribution by school will need it:
two active workers, a table distributed by school_id spread over both, one school's statements routed to the
one worker holding its shard, shared tables on every node, a filled database copied on every node."""

from __future__ import annotations

import uuid

import pytest

from harness.citus_cluster import HOST, CitusCluster

SCHOOLS, ROWS_EACH = 50, 20


def _database(citus: CitusCluster) -> str:
    name = f"t_{uuid.uuid4().hex[:12]}"
    citus.create_database(name)
    return name


def _marks(citus: CitusCluster, db: str) -> None:
    """A table distributed by school_id holding 50 schools' rows, 20 each."""
    run = citus.coordinator
    citus.execute(run, db, "CREATE TABLE marks (school_id int NOT NULL, id int NOT NULL, mark int, "
                           "PRIMARY KEY (school_id, id))")
    citus.execute(run, db, "SELECT create_distributed_table('marks', 'school_id')")
    citus.execute(run, db, "INSERT INTO marks SELECT s, i, 5 FROM generate_series(1, %s) s, generate_series(1, %s) i",
                  (SCHOOLS, ROWS_EACH))


def _placements(citus: CitusCluster, db: str, table: str) -> dict[int, list[int]]:
    """shard id -> the ports of the nodes holding it."""
    out: dict[int, list[int]] = {}
    for shard, port in citus.execute(citus.coordinator, db, "SELECT shardid, nodeport FROM citus_shards "
                                     "WHERE table_name = %s::regclass ORDER BY shardid, nodeport", (table,)):
        out.setdefault(shard, []).append(port)
    return out


def _explain(citus: CitusCluster, db: str, statement: str) -> str:
    return "\n".join(row[0] for row in citus.execute(citus.coordinator, db, f"EXPLAIN {statement}"))


def test_the_cluster_has_its_two_workers_active(citus: CitusCluster) -> None:
    active = citus.execute(citus.coordinator, "postgres",
                           "SELECT node_name, node_port FROM citus_get_active_worker_nodes()")
    assert sorted(active) == sorted((HOST, worker.port) for worker in citus.workers)
    assert len({port for _, port in active}) == 2
    db = _database(citus)  # a database made for a test knows the same nodes, the coordinator in group 0
    nodes = citus.execute(citus.coordinator, db, "SELECT groupid, nodeport, isactive, noderole FROM pg_dist_node "
                                                 "ORDER BY groupid")
    assert nodes == [(0, citus.coordinator.port, True, "primary"),
                     *((i + 1, w.port, True, "primary") for i, w in enumerate(citus.workers))]


def test_a_table_distributed_by_school_spreads_the_schools_over_both_workers(citus: CitusCluster) -> None:
    db = _database(citus)
    _marks(citus, db)
    placements = _placements(citus, db, "marks")
    assert all(len(ports) == 1 for ports in placements.values())  # one copy of each shard
    home = {shard: ports[0] for shard, ports in placements.items()}
    assert set(home.values()) == {w.port for w in citus.workers}  # shards on both workers, none on the coordinator
    school_shard = dict(citus.execute(citus.coordinator, db, "SELECT s, get_shard_id_for_distribution_column("
                                      "'marks', s) FROM generate_series(1, %s) s", (SCHOOLS,)))
    # The rows as each worker itself holds them, read from its own shard tables, not through the coordinator.
    held: dict[int, list[int]] = {}
    for worker in citus.workers:
        for shard in (s for s, port in home.items() if port == worker.port):
            held.setdefault(worker.port, []).extend(
                school for (school,) in citus.execute(worker, db, f"SELECT school_id FROM marks_{shard}"))
    assert sorted(len(schools) for schools in held.values()) == sorted(
        ROWS_EACH * sum(1 for s in school_shard.values() if home[s] == port) for port in held)
    by_worker = {port: set(schools) for port, schools in held.items()}
    assert len(by_worker) == 2 and all(by_worker.values())  # both workers hold schools
    assert by_worker[citus.workers[0].port].isdisjoint(by_worker[citus.workers[1].port])
    assert set().union(*by_worker.values()) == set(range(1, SCHOOLS + 1))
    for school, shard in school_shard.items():  # each school wholly on the worker its shard is placed on
        assert school in by_worker[home[shard]]
    assert citus.execute(citus.coordinator, db, "SELECT count(*) FROM marks") == [(SCHOOLS * ROWS_EACH,)]


def test_one_schools_statements_are_routed_to_the_one_shard_holding_it(citus: CitusCluster) -> None:
    db = _database(citus)
    _marks(citus, db)
    shard_count = len(_placements(citus, db, "marks"))
    assert shard_count > 2
    (shard,), = citus.execute(citus.coordinator, db, "SELECT get_shard_id_for_distribution_column('marks', 7)")
    (port,), = citus.execute(citus.coordinator, db, "SELECT nodeport FROM citus_shards WHERE shardid = %s", (shard,))
    for statement in ("SELECT * FROM marks WHERE school_id = 7 AND id > 3",
                      "UPDATE marks SET mark = 4 WHERE school_id = 7 AND id = 1",
                      "INSERT INTO marks VALUES (7, 100, 3) ON CONFLICT (school_id, id) DO UPDATE SET mark = 3"):
        plan = _explain(citus, db, statement)
        assert "Custom Scan (Citus Adaptive)" in plan, plan
        assert "Task Count: 1\n" in plan, plan
        assert f"port={port} " in plan and f"marks_{shard} " in plan, plan  # to the worker holding school 7
    # Without the school, every shard is asked: the difference a router plan makes.
    assert f"Task Count: {shard_count}\n" in _explain(citus, db, "SELECT * FROM marks WHERE id = 3")


def test_a_reference_table_is_on_every_node_and_joins_within_one_school(citus: CitusCluster) -> None:
    db = _database(citus)
    _marks(citus, db)
    citus.execute(citus.coordinator, db, "CREATE TABLE subject (id int PRIMARY KEY, code text UNIQUE)")
    citus.execute(citus.coordinator, db, "SELECT create_reference_table('subject')")
    citus.execute(citus.coordinator, db, "INSERT INTO subject VALUES (1, 'math'), (2, 'kazakh')")
    (ports,) = _placements(citus, db, "subject").values()
    assert set(ports) == {node.port for node in citus.nodes}
    for worker in citus.workers:  # a copy on the worker itself
        (shard,) = _placements(citus, db, "subject")
        assert citus.execute(worker, db, f"SELECT code FROM subject_{shard} ORDER BY id") == [("math",), ("kazakh",)]
    plan = _explain(citus, db, "SELECT m.mark, s.code FROM marks m JOIN subject s ON s.id = m.id WHERE m.school_id = 7")
    assert "Task Count: 1\n" in plan, plan


def test_a_frozen_database_is_copied_on_every_node(citus: CitusCluster) -> None:
    template = _database(citus)
    _marks(citus, template)
    citus.freeze_template(template)
    first, second = (f"{template}_{n}" for n in ("a", "b"))
    for name in (first, second):
        assert citus.clone_database(template, name) == citus.url(name)
    citus.execute(citus.coordinator, first, "UPDATE marks SET mark = 2 WHERE school_id = 3")
    citus.execute(citus.coordinator, first, "INSERT INTO marks VALUES (51, 1, 4)")
    count = "SELECT count(*), count(*) FILTER (WHERE mark = 2) FROM marks"
    assert citus.execute(citus.coordinator, first, count) == [(SCHOOLS * ROWS_EACH + 1, ROWS_EACH)]
    assert citus.execute(citus.coordinator, second, count) == [(SCHOOLS * ROWS_EACH, 0)]  # a copy of its own
    with pytest.raises(Exception, match="not currently accepting connections"):
        citus.execute(citus.coordinator, template, "SELECT 1")
