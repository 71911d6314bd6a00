"""The path a teacher really takes, whole, as separate processes: the real `dala` entry point on a real X
display (Xvfb, 1366×768), its keys typed through the X server (xdotool), a real keychain (GNOME Keyring's
Secret Service on its own D-Bus session) or none at all, and the real server over HTTP on 127.0.0.1.

New profile → the offline password twice → the online login → the first download → marks typed → quit;
the server down: start again → unlock → the marks are there → a mark typed offline → lock (Ctrl+L) → unlock
→ quit with it unsent; the server back: a forgotten password reset through an online login → the queued
mark reaches the server. The server holds every typed mark exactly once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from harness.live_server import LOOPBACK_RATE_LIMITS, free_port, serve
from server import demo
from tests.conftest import TODAY
from tests.walk.secret_service import SecretService
from tests.walk.x11 import Display, Keyboard, require_tools

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SERVER_PASSWORD = "dala-demo"
OFFLINE_PASSWORD = "koktem-2026"
NEW_OFFLINE_PASSWORD = "zhaz-2027-jyl"

pytestmark = pytest.mark.slow


class Server:
    """`dala-server serve` on one fixed port, stopped and started again like a school's server."""

    def __init__(self, db_url: str) -> None:
        self.db_url, self.port = db_url, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.engine = create_engine(db_url)

    def start(self) -> None:
        self.process = serve(self.db_url, self.port, "--quiet", "--rate-limits", LOOPBACK_RATE_LIMITS)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def sql(self, query: str, **params: object) -> list:
        with self.engine.connect() as conn:
            return conn.execute(text(query), params).all()


@pytest.fixture
def server(server_template: Path, tmp_path: Path) -> Iterator[Server]:  # noqa: F811
    path = tmp_path / "server.db"
    shutil.copyfile(server_template, path)
    live = Server(f"sqlite:///{path}")
    live.start()
    yield live
    live.stop()
    live.engine.dispose()


@pytest.fixture
def display() -> Iterator[Keyboard]:
    require_tools("Xvfb", "xdotool")
    screen = Display(1366, 768)
    yield Keyboard(screen.name)
    screen.close()


class Teacher:
    """The app as a teacher's PC runs it: its own home folder, and a keychain or none."""

    def __init__(self, home: Path, keyboard: Keyboard, server: Server, keychain: SecretService | None) -> None:
        self.home, self.keyboard, self.server, self.keychain = home, keyboard, server, keychain
        base = keychain.env if keychain is not None else {k: v for k, v in os.environ.items()
                                                          if k != "DBUS_SESSION_BUS_ADDRESS"}
        self.env = dict(base, HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                        DISPLAY=keyboard.env["DISPLAY"], QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
        self.env.pop("PYTHON_KEYRING_BACKEND", None)
        self.env.pop("QT_QPA_PLATFORM_PLUGIN_PATH", None)
        self.app: subprocess.Popen | None = None
        self.log = home / "dala-stderr.log"
        self.runs = 0

    @classmethod
    def at(cls, folder: Path, keyboard: Keyboard, server: Server) -> Teacher:
        """A teacher's PC with its home folder in `folder`, and no keychain."""
        home = folder / "home"
        home.mkdir()
        return cls(home, keyboard, server, None)

    @property
    def profiles_root(self) -> Path:
        return self.home / "data" / "Dala" / "Dala Journal" / "profiles"

    def start(self) -> None:
        entry = Path(sys.executable).with_name("dala")  # the installed entry point, as a teacher starts it
        command = [str(entry)] if entry.exists() else [sys.executable, "-m", "desktop"]
        self.runs += 1
        with self.log.open("a") as log:
            self.app = subprocess.Popen([*command, "--server", self.server.url, "--language", "en",
                                         "--today", TODAY.isoformat(), "--now", "09:00"], cwd=self.home, env=self.env,
                                        stdout=log, stderr=subprocess.STDOUT)

    def alive(self) -> bool:
        return self.app is not None and self.app.poll() is None

    def window(self, title: str, *, min_width: int = 0, timeout: float = 60) -> str:
        try:
            found = self.keyboard.wait_window(title, min_width=min_width, timeout=timeout, alive=self.alive)
        except AssertionError:
            self.evidence(title.replace(" ", "_"))
            raise
        self.keyboard.focus(found)
        return found

    def first_start(self, username: str) -> str:
        """A teacher's first start on this PC: a new profile, its offline password twice, the online login and the
        first download; the journal window it opens on."""
        self.start()
        self.window("Dala Journal", timeout=60)  # the start screen: no profile yet, the username first
        self.keyboard.type(username)
        self.keyboard.key("Tab")
        self.keyboard.type(OFFLINE_PASSWORD)
        self.keyboard.key("Tab")
        self.keyboard.type(OFFLINE_PASSWORD)
        self.keyboard.key("Return")
        login = self.window("Log in to the school's server")  # the username is the profile's; the password
        self.keyboard.type(SERVER_PASSWORD)
        self.keyboard.key("Return")
        self.keyboard.wait_gone(login, timeout=120)  # closes when the download is done
        return self.journal_window()

    def journal_window(self) -> str:
        window = self.window("Dala Journal", min_width=900, timeout=120)
        time.sleep(3)  # the grid's first paint and the settle before the first sync
        self.keyboard.focus(window)
        return window

    def quit(self) -> None:
        self.keyboard.key("ctrl+q")
        assert self.app is not None
        try:
            code = self.app.wait(60)
        except subprocess.TimeoutExpired:
            self.evidence("quit")
            raise
        assert code == 0, self.log.read_text()

    def evidence(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.keyboard.screenshot(ARTIFACTS / f"walk_{name}_{self.runs}.xwd")

    def journal(self, username: str, password: str, *cells: str) -> dict:
        """What the profile's journal holds, read by a separate process with the app's keychain (`cells`: more cells
        to read, as lesson/pupil keys, besides those this PC typed)."""
        done = subprocess.run([sys.executable, "-m", "tests.walk.read_profile", str(self.profiles_root), username,
                               password, *cells], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def close(self) -> None:
        if self.alive():
            assert self.app is not None
            self.app.kill()
            self.app.wait(10)


def _demo_teacher(server: Server) -> str:
    return server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id "
                      "WHERE c.scale = 'criteria' ORDER BY t.id LIMIT 1")[0][0]


def _device_of(server: Server, username: str) -> str:
    return server.sql("SELECT d.id FROM device d JOIN account a ON a.id = d.account_id WHERE a.username = :name",
                      name=username)[0][0]


def _server_marks(server: Server, device: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in server.sql(
        "SELECT entity_key, value FROM change WHERE device_id = :device AND field = 'mark' ORDER BY id",
        device=device)]


def _wait_for(check, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout} s")


def _type_marks(keyboard: Keyboard, marks: list[str]) -> None:
    """From the cell the journal opened on: one lesson back (a lesson already given), then a mark a row."""
    keyboard.key("Left")
    for mark in marks:
        keyboard.type(mark)
        keyboard.key("Return")


@pytest.mark.parametrize("keychain", ["secret-service", "none"])
def test_a_teacher_s_first_days(keychain: str, server: Server, display: Keyboard, tmp_path: Path) -> None:
    if keychain == "secret-service":
        require_tools("dbus-daemon", "gnome-keyring-daemon")
    secrets = SecretService(tmp_path / "keyring") if keychain == "secret-service" else None
    home = tmp_path / "home"
    home.mkdir()
    teacher = Teacher(home, display, server, secrets)
    username = _demo_teacher(server)
    try:
        # Day 1, online: a new profile, its offline password twice, the online login and the first download.
        teacher.first_start(username)
        _type_marks(display, ["4", "5", "3"])
        device = _device_of(server, username)
        _wait_for(lambda: len(_server_marks(server, device)) >= 3, 30, "the marks reach the server")  # 2 s after
        teacher.quit()
        day1 = teacher.journal(username, OFFLINE_PASSWORD)
        assert [json.loads(v) for _k, v in day1["typed"]] == [4, 5, 3], day1
        assert len({k for k, _v in day1["typed"]}) == 3 and day1["device_id"] == device  # three pupils' cells
        [(surname, name)] = server.sql("SELECT last_name, first_name FROM teacher WHERE username = :u", u=username)
        listed = json.loads((teacher.profiles_root / "profiles.json").read_text())["profiles"][username]
        assert listed["display_name"].startswith(f"{surname} {name}")  # the start screen lists the teacher's name
        if secrets is not None:  # the profile's wrapped keys are in the real keychain, nothing in plain text
            held = secrets.items()
            assert any("Dala Journal" in json.dumps(item) for item in held), held

        # Day 2, the internet is gone: unlock, the marks are there, one more typed, lock, unlock, quit.
        server.stop()
        teacher.start()
        teacher.window("Dala Journal", timeout=60)  # the start screen with this profile chosen: its password
        display.type(OFFLINE_PASSWORD)
        display.key("Return")
        teacher.journal_window()
        display.key("Left", "Left")
        display.type("2")
        time.sleep(1)
        display.key("ctrl+l")
        time.sleep(1)
        display.type(OFFLINE_PASSWORD)
        display.key("Return")
        time.sleep(1)
        teacher.quit()
        day2 = teacher.journal(username, OFFLINE_PASSWORD)
        assert day2["cells"] == {k: json.loads(v) for k, v in day2["typed"]}  # each cell holds what was typed last
        waiting = day2["outbox"]  # acknowledged operations leave the outbox; a sent one stays until then
        assert [(op[2], json.loads(op[3])) for op in waiting] == [("mark", 2)], waiting

        # Day 3, online again, the password forgotten: reset through the online login; the queued mark goes.
        server.start()
        teacher.start()
        teacher.window("Dala Journal", timeout=60)
        display.key("Tab")  # from the password to "Forgot the password?"
        display.key("space")
        teacher.window("Reset the offline password")
        display.type(SERVER_PASSWORD)
        display.key("Tab")
        display.type(NEW_OFFLINE_PASSWORD)
        display.key("Tab")
        display.type(NEW_OFFLINE_PASSWORD)
        display.key("Return")
        teacher.journal_window()
        _wait_for(lambda: len(_server_marks(server, day1["device_id"])) >= 4, 60, "the queued mark reaches the server")
        teacher.quit()
        day3 = teacher.journal(username, NEW_OFFLINE_PASSWORD)
        assert day3["outbox"] == []  # nothing waits
        on_server = sorted((k, json.loads(v)) for k, v in _server_marks(server, day1["device_id"]))
        assert on_server == sorted((k, json.loads(v)) for k, v in day3["typed"])  # every mark typed, exactly once
        assert len(on_server) == 4
        # Everything the app made on the PC (journal, keys, settings, logs, backups) is hers alone on a shared PC.
        made = [path for root in ("data", "config", ".cache") if (home / root).exists()
                for path in [home / root, *(home / root).rglob("*")] if "keyring" not in path.parts]
        assert made and [p for p in made if p.stat().st_mode & 0o077 and "Dala" in str(p)] == []
    finally:
        teacher.close()
        if secrets is not None:
            secrets.close()


def test_make_run_takes_the_teacher_s_path(display: Keyboard, tmp_path: Path) -> None:
    """`make run`: the start screen with the demo teacher and the demo's passwords prefilled; Enter makes the
    profile, the login and the download happen; the journal is the profile's encrypted one."""
    require_tools("dbus-daemon", "gnome-keyring-daemon")
    secrets = SecretService(tmp_path / "keyring")
    env = dict(secrets.env, DISPLAY=display.env["DISPLAY"], QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    log = (tmp_path / "demo.log").open("w")
    demo_run = subprocess.Popen([sys.executable, "-m", "harness.demo_run"], cwd=tmp_path, env=env, stdout=log,
                                stderr=subprocess.STDOUT)
    try:
        start = display.wait_window("Dala Journal", timeout=180, alive=lambda: demo_run.poll() is None)
        display.focus(start)
        display.key("Return")
        window = display.wait_window("Dala Journal", min_width=900, timeout=180, alive=lambda: demo_run.poll() is None)
        display.focus(window)
        time.sleep(2)
        display.key("ctrl+q")
        assert demo_run.wait(60) == 0, (tmp_path / "demo.log").read_text()
    finally:
        if demo_run.poll() is None:
            demo_run.kill()
        secrets.close()
    profiles = tmp_path / "var" / "demo-home" / "data" / "Dala" / "Dala Journal" / "profiles"
    journals = list(profiles.glob("*/journal.db"))
    assert len(journals) == 1 and not journals[0].read_bytes().startswith(b"SQLite format 3")  # encrypted
    assert not (tmp_path / "var" / "demo").exists()  # no plain journal beside it


def test_a_pupil_who_arrives_appears_in_the_open_journal(server: Server, display: Keyboard, tmp_path: Path) -> None:
    """The journal is open on the teacher's PC when the school admits a pupil to her class: the app's own sync
    brings him in, the open grid takes him (his surname puts him first), and the mark she types on his row reaches
    the server as his."""
    import httpx

    teacher = Teacher.at(tmp_path, display, server)
    username = _demo_teacher(server)
    try:
        teacher.first_start(username)
        _type_marks(display, ["4"])
        device = _device_of(server, username)
        _wait_for(lambda: len(_server_marks(server, device)) >= 1, 30, "her first mark reaches the server")
        [(lesson_key, _)] = _server_marks(server, device)
        [(class_id, course, day)] = server.sql("SELECT c.class_id, c.id, l.date FROM lesson l JOIN course c ON "
                                               "c.id = l.course_id WHERE CAST(l.id AS TEXT) = :l",
                                               l=lesson_key.split("/")[0])
        # Its column: after the names, the term's lessons and works up to it (a work's column follows its lesson's).
        [(column,)] = server.sql(
            "SELECT (SELECT count(*) FROM lesson l WHERE l.course_id = :c AND l.date BETWEEN p.start_date AND :d) + "
            "(SELECT count(*) FROM summative_work w WHERE w.course_id = :c AND w.date >= p.start_date AND w.date < :d) "
            "FROM period p WHERE p.kind = 'term' AND p.start_date <= :d AND p.end_date >= :d", c=course, d=day)
        names = [n for (n,) in server.sql("SELECT p.last_name FROM pupil p JOIN class_membership m ON "
                                          "m.pupil_id = p.id WHERE m.class_id = :k", k=class_id)]
        assert min(names) > "Аа", names  # the newcomer, «Ааманов», is the grid's first row

        admin = httpx.Client(base_url=server.url, timeout=30)
        token = admin.post("/v1/login", json={"username": demo.ADMIN_LOGIN, "password": demo.DEMO_PASSWORD,
                                              "device_id": "00000000-0000-4000-8000-00000000a11d"}).json()["token"]
        arrived = admin.post("/v1/admin/pupils", headers={"Authorization": f"Bearer {token}"}, json={
            "class_id": class_id, "last_name": "Ааманов", "first_name": "Ерлан", "from_date": str(day),
            "order": "№ 41 от 02.09"})
        assert arrived.status_code == 200, arrived.text
        newcomer = arrived.json()["pupil_id"]
        log = teacher.profiles_root.parent / "logs" / "dala.log"
        seen = log.read_text().count("sync done")

        def pulled_since() -> bool:
            done = [line for line in log.read_text().splitlines() if "sync done" in line][seen:]
            return any("pulled=0" not in line for line in done)

        _wait_for(pulled_since, 150, "the app's own sync pulls the arrival")
        time.sleep(3)  # the grid's refresh after the pull
        display.key("ctrl+Home")  # the first row's name
        for _ in range(column):
            display.key("Right")  # to the lesson she marked before he came into the class
        display.type("5")
        display.key("Return")
        try:
            _wait_for(lambda: any(key.endswith(f"/{newcomer}") for key, _ in _server_marks(server, device)), 60,
                      "the mark typed on his row reaches the server as his")
        except AssertionError:
            teacher.evidence("arrival")
            raise AssertionError(f"{newcomer}: {_server_marks(server, device)}; {log.read_text()[-3000:]}") from None
        assert [json.loads(v) for k, v in _server_marks(server, device) if k.endswith(f"/{newcomer}")] == [5]
        teacher.quit()
    finally:
        teacher.close()


def test_a_class_teacher_saves_her_class_report_as_pdf(server: Server, display: Keyboard, tmp_path: Path) -> None:
    """A class teacher's first start, then Ctrl+R for her class's reports, Ctrl+S to save the end-of-term report as PDF,
    a name typed into the save dialog: the file is there, hers alone, in the school's language (Kazakh) with her
    class and its subjects, though the app speaks English."""
    [(username, grade, letter)] = server.sql(
        "SELECT t.username, k.grade, k.letter FROM school_class k JOIN teacher t ON t.id = k.homeroom_teacher_id "
        "WHERE k.grade = 7 ORDER BY k.id LIMIT 1")
    teacher = Teacher.at(tmp_path, display, server)
    target = teacher.home / "7-report.pdf"
    try:
        teacher.first_start(username)
        display.key("ctrl+r")
        teacher.window("Reports")
        time.sleep(2)  # the report loads on the worker
        display.key("ctrl+s")
        teacher.window("Save the report")
        display.key("ctrl+a")
        display.type(str(target))
        display.key("Return")
        _wait_for(lambda: target.exists() and target.stat().st_size > 1000, 30, "the report is saved")
        time.sleep(1)
        text_of = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                                 check=True).stdout
        assert "Кезең қорытындысы туралы есеп" in text_of and f"{grade} «{letter}»" in text_of, text_of[:500]
        assert target.stat().st_mode & 0o077 == 0
        display.key("Escape")
        teacher.journal_window()
        teacher.quit()
    except AssertionError:
        teacher.evidence("report")
        raise
    finally:
        teacher.close()


def test_a_damaged_journal_is_offered_its_backup_at_start(server: Server, display: Keyboard, tmp_path: Path) -> None:
    """The real app: a first start makes the profile, a mark and the scheduled backup; the disk then damages the journal
    file; the next start checks it before opening it, offers the backup with its date, restores it on Enter, and the
    journal opens; the mark (acknowledged by the server) is there after the sync that follows."""
    teacher = Teacher.at(tmp_path, display, server)
    username = _demo_teacher(server)
    try:
        teacher.first_start(username)
        _type_marks(display, ["4"])
        device = _device_of(server, username)
        _wait_for(lambda: len(_server_marks(server, device)) >= 1, 30, "the mark reaches the server")
        _wait_for(lambda: any(teacher.profiles_root.glob("*/backups/*-scheduled.db")), 30, "the scheduled backup")
        teacher.quit()
        [journal] = teacher.profiles_root.glob("*/journal.db")
        size = journal.stat().st_size
        with journal.open("r+b") as damaged:
            damaged.seek(size // 2)
            damaged.write(b"\x00" * 16384)

        log = teacher.profiles_root.parent / "logs" / "dala.log"
        seen = log.read_text().count("restored journal reconciled")
        teacher.start()
        teacher.window("Dala Journal", timeout=60)  # the start screen: the profile's password
        display.type(OFFLINE_PASSWORD)
        display.key("Return")
        teacher.window("Dala Journal", timeout=60)  # the damaged journal's question: the backup is the default
        time.sleep(1)
        display.key("Return")
        teacher.journal_window()
        assert list(journal.parent.glob("journal.db.damaged-*")), "the damaged file is kept aside"
        _wait_for(lambda: log.read_text().count("restored journal reconciled") > seen, 90, "the reconciling sync")
        _wait_for(lambda: "sync done" in log.read_text().split("restored journal reconciled")[-1], 90,
                  "the download after it")
        teacher.quit()
        [(key, value)] = _server_marks(server, device)
        restored = teacher.journal(username, OFFLINE_PASSWORD, key)
        assert restored["cells"][key] == json.loads(value), restored  # acknowledged, lost with the file, back
    except AssertionError:
        teacher.evidence("damaged")
        raise
    finally:
        teacher.close()
