"""A school leaves with its whole history (issue 21): `dala-server export-school` writes it out, `import-school`
reads it into an empty server, and the school there is the same one: a second export equals the first, the audit
trail still verifies, and a teacher's new PC downloading from the new server shows the grid her PC showed."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server.conftest import LiveServer, empty_database, running_server
from tests.server.school import cell as server_cell
from tests.sync.conftest import Device, edit_many, synced_pcs

ROOT = Path(__file__).resolve().parents[2]
GRID = ("SELECT c.lesson_id, c.pupil_id, c.mark, c.attendance, c.comment FROM lesson_cell c "
        "ORDER BY c.lesson_id, c.pupil_id")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def rows(folder: Path) -> dict[str, list[list[str]]]:
    """Each exported table's rows, sorted."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    out = {}
    for entry in manifest["tables"]:
        with (folder / entry["file"]).open(encoding="utf-8", newline="") as source:
            out[entry["table"]] = sorted(csv.reader(source))
    return out


@pytest.mark.parametrize("server", ["sqlite", "postgresql"], indirect=True)
def test_a_school_exported_and_imported_into_an_empty_server_is_the_same_school(
        server: LiveServer, devices, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    # Some of a year's work: marks and absences typed on a PC, a conflict between two PCs and its resolution typed.
    spot = server_cell(server, "classic")
    first, second = synced_pcs(tmp_path, server.url, spot.teacher_login, "first", "second")
    devices += [first, second]
    edit_many(first, lessons=3)
    first.journal.set_mark(spot.lesson_id, spot.pupil_id, 3)
    first.journal.set_comment(spot.lesson_id, spot.pupil_id, "Жақсы, бірақ \\N емес")
    second.journal.set_mark(spot.lesson_id, spot.pupil_id, 5)
    first.sync()
    second.sync()
    first.sync()
    school = server.sql("SELECT school_id FROM teacher WHERE username = :u", u=spot.teacher_login)[0][0]
    assert server.sql("SELECT count(*) FROM conflict")[0][0] == 1
    audited = server.sql("SELECT count(*) FROM audit_log WHERE school_id = :s", s=school)[0][0]
    assert audited >= 3

    exported = cli("export-school", "--db", server.db_url, "--school", str(school), str(tmp_path / "export"),
                   "--with-passwords", "--sqlite", str(tmp_path / "export.sqlite"))
    assert exported.returncode == 0, exported.stderr
    target = empty_database(request, tmp_path, "sqlite" if server.db_url.startswith("sqlite") else "postgresql")
    imported = cli("import-school", "--db", target, str(tmp_path / "export"))
    assert imported.returncode == 0, imported.stderr
    again = cli("import-school", "--db", target, str(tmp_path / "export"))  # twice: refused, nothing doubled
    assert again.returncode == 2 and "already holds school" in again.stderr

    with running_server(target) as moved:
        again_exported = cli("export-school", "--db", target, "--school", str(school), str(tmp_path / "again"),
                             "--with-passwords")
        assert again_exported.returncode == 0, again_exported.stderr
        before, after = rows(tmp_path / "export"), rows(tmp_path / "again")
        assert before == after
        assert len(before["audit_log"]) == audited + 1 and len(before["conflict"]) == 2  # (with their headers)
        assert cli("verify-audit", "--db", target).returncode == 0

        # The teacher's new PC downloads her journal from the new server: the grid her first PC holds.
        new_pc = Device(tmp_path, "new", moved.url, spot.teacher_login).login()
        devices.append(new_pc)
        new_pc.sync()
        assert new_pc.sql(GRID) == first.sql(GRID)
        assert len(new_pc.sql(GRID)) > 0
        # and she goes on working there: a mark typed on it reaches the new server
        new_pc.journal.set_mark(spot.lesson_id, spot.pupil_id, 4)
        new_pc.sync()
        assert moved.sql("SELECT mark FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                         l=spot.lesson_id, p=spot.pupil_id)[0][0] == 4


def test_an_export_that_does_not_check_is_refused_whole(server_template: Path, tmp_path: Path) -> None:
    """A damaged or changed file, a missing table, or a school the server holds already: refused with the file and
    reason, and nothing imported."""
    source = f"sqlite:///{server_template}"
    assert cli("export-school", "--db", source, "--school", "1", str(tmp_path / "export")).returncode == 0
    target = f"sqlite:///{tmp_path / 'empty.db'}"
    pupils = tmp_path / "export" / "pupil.csv"
    original = pupils.read_bytes()
    pupils.write_bytes(original.replace(b"\n", b"\n", 1)[:-200])  # cut short
    refused = cli("import-school", "--db", target, str(tmp_path / "export"))
    assert refused.returncode == 2
    assert "pupil.csv: its contents are not what the manifest says" in refused.stderr
    pupils.write_bytes(original)
    (tmp_path / "export" / "lesson_cell.csv").unlink()
    refused = cli("import-school", "--db", target, str(tmp_path / "export"))
    assert refused.returncode == 2 and "lesson_cell.csv: missing" in refused.stderr
    with running_server(target) as empty:
        assert empty.sql("SELECT count(*) FROM school")[0][0] == 0
        assert empty.sql("SELECT count(*) FROM pupil")[0][0] == 0
    held = cli("export-school", "--db", source, "--school", "1", str(tmp_path / "export"))
    assert held.returncode == 2 and "already holds an export" in held.stderr


def test_an_export_without_passwords_gives_one_time_passwords_on_import(server_template: Path, tmp_path: Path) -> None:
    """The console's export keeps no password hashes: the server it goes to gives every account a one-time password,
    and a teacher logs in with hers."""
    source = f"sqlite:///{server_template}"
    assert cli("export-school", "--db", source, "--school", "1", str(tmp_path / "export"), "--sqlite",
               str(tmp_path / "export.sqlite")).returncode == 0
    target = f"sqlite:///{tmp_path / 'new.db'}"
    done = cli("import-school", "--db", target, str(tmp_path / "export"))
    assert done.returncode == 0, done.stderr
    passwords = dict(re.findall(r"^\s+(\S+)\t(\S+)$", done.stdout, re.M))
    teacher = next(name for name in passwords if name != "admin")
    with running_server(target) as moved:
        pc = Device(tmp_path, "pc", moved.url, teacher).login(passwords[teacher])
        try:
            pc.sync()
            assert pc.sql("SELECT count(*) FROM lesson")[0][0] > 0
        finally:
            pc.close()


def test_one_class_leaves_with_its_own_history_and_nothing_of_the_others(server_template: Path,
                                                                          tmp_path: Path) -> None:
    """`export-school --class`: the class, its pupils, courses, lessons and marks, its teachers; no other class's
    pupil or lesson. It is a record to read, not a school: a server refuses to import it, and writes nothing."""
    source = f"sqlite:///{server_template}"
    with running_server(source) as school:
        [(class_id, course)] = school.sql(
            "SELECT c.class_id, c.id FROM course c WHERE c.subgroup_id IS NULL ORDER BY c.id LIMIT 1")
        members = {r[0] for r in school.sql("SELECT pupil_id FROM class_membership WHERE class_id = :k", k=class_id)}
        cells = school.sql("SELECT x.lesson_id, x.pupil_id, x.mark, x.attendance, x.comment FROM lesson_cell x JOIN "
                           "lesson l ON l.id = x.lesson_id WHERE l.course_id = :c ORDER BY 1, 2", c=course)
    assert cli("export-school", "--db", source, "--school", "1", "--class", str(class_id), "--with-passwords",
               str(tmp_path / "class")).returncode == 0
    exported = rows(tmp_path / "class")
    assert {int(r[0]) for r in exported["pupil"][:-1]} == members  # (the header sorts last)
    assert {r[0] for r in exported["school_class"][:-1]} == {str(class_id)}
    header = exported["lesson_cell"][-1]
    held = sorted(tuple(r[header.index(c)] for c in ("lesson_id", "pupil_id", "mark", "attendance", "comment"))
                  for r in exported["lesson_cell"][:-1] if r[header.index("lesson_id")] in {c[0] for c in cells})
    assert held == sorted(tuple("\\N" if v is None else str(v) for v in c) for c in cells) and cells
    _refused_as_part(tmp_path / "class", tmp_path)


def _refused_as_part(export: Path, tmp_path: Path) -> None:
    """A part of a school's export is not imported as a school: told why, and nothing is written."""
    target = f"sqlite:///{tmp_path / 'new.db'}"
    refused = cli("import-school", "--db", target, str(export))
    assert refused.returncode == 2 and "not of a school" in refused.stderr, refused.stderr
    with running_server(target) as empty:
        assert empty.sql("SELECT count(*) FROM school") == [(0,)]


def test_one_pupil_leaves_with_his_own_history_and_nothing_of_the_others(server_template: Path,
                                                                          tmp_path: Path) -> None:
    """`export-school --pupil`: his record, roster and marks with their comments, his classes' lessons with their
    topics and homework, his period marks and the audit entries of his cells; no other pupil's. Like a class's, it is
    not imported as a school."""
    source = f"sqlite:///{server_template}"
    with running_server(source) as school:
        [(pupil, course)] = school.sql(
            "SELECT x.pupil_id, l.course_id FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id "
            "JOIN course c ON c.id = l.course_id WHERE c.subgroup_id IS NULL ORDER BY x.pupil_id LIMIT 1")
        his = school.sql("SELECT x.lesson_id, x.mark, x.attendance, x.comment FROM lesson_cell x JOIN lesson l ON "
                         "l.id = x.lesson_id WHERE x.pupil_id = :p AND l.course_id = :c ORDER BY 1", p=pupil, c=course)
        topics = school.sql("SELECT count(*) FROM lesson WHERE course_id = :c AND topic IS NOT NULL", c=course)[0][0]
    assert cli("export-school", "--db", source, "--school", "1", "--pupil", str(pupil), "--with-passwords",
               str(tmp_path / "pupil")).returncode == 0
    exported = rows(tmp_path / "pupil")
    assert [r[0] for r in exported["pupil"][:-1]] == [str(pupil)]  # (the header sorts last)
    header = {name: exported[name][-1] for name in ("lesson_cell", "period_mark", "class_membership", "audit_log")}
    for name in ("lesson_cell", "period_mark", "class_membership"):
        at = header[name].index("pupil_id")
        assert {r[at] for r in exported[name][:-1]} <= {str(pupil)}, name  # (the template holds no period mark)
    assert len(exported["lesson_cell"]) > len(his) and exported["class_membership"][:-1]
    at = header["audit_log"].index("entity_key")
    assert all(r[at].endswith(f"/{pupil}") for r in exported["audit_log"][:-1] if "/" in r[at])
    cells = exported["lesson_cell"][-1]
    held = sorted(tuple(r[cells.index(c)] for c in ("lesson_id", "mark", "attendance", "comment"))
                  for r in exported["lesson_cell"][:-1] if r[cells.index("lesson_id")] in {c[0] for c in his})
    assert held == sorted(tuple("\\N" if v is None else str(v) for v in c) for c in his) and his
    lessons = exported["lesson"][-1]
    assert sum(1 for r in exported["lesson"][:-1] if r[lessons.index("course_id")] == str(course)
               and r[lessons.index("topic")] != "\\N") == topics
    refused = cli("export-school", "--db", source, "--school", "1", "--pupil", "999999", str(tmp_path / "none"))
    assert refused.returncode == 2 and "has no pupil 999999" in refused.stderr
    assert not (tmp_path / "none").exists()  # nothing left behind
    _refused_as_part(tmp_path / "pupil", tmp_path)
