"""The school admin's console in a real browser (Debian's Chromium, headless, driven through its chromedriver),
against a real server with real PCs that already did their first download: the admin signs in, records a pupil's
arrival and another's move in Russian, is refused with the cause in her language and her typing kept, and signs out;
the teachers' PCs sync and their grids show the classes as they now are. Also what the console must refuse: a form
without its session's CSRF token, a teacher's password, a wrong password, a class not of the school; and a
signed-out session."""

from __future__ import annotations

import base64
import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

from server import demo, roster
from tests.server.conftest import (  # noqa: F401  (fixtures)
    citus,
    citus_template,
    fresh_database,
    live_server,
    postgres,
    server_template,
)
from tests.sync.conftest import synced_pcs
from tests.sync.test_roster import _sheet, _spot

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


@pytest.fixture(params=["sqlite", "postgresql", "citus"])
def backend_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The console's school on each database the server runs on, a Citus cluster distributed by school included."""
    return fresh_database(request, tmp_path)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        if os.environ.get("DALA_REQUIRE_POSTGRES"):  # CI: .ci/run installs them
            pytest.fail("chromium and chromium-driver are required here but not installed")
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # Headless, and none of Chromium's own calls home, which this machine's closed network refuses.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--lang=ru", f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def _fill(driver: WebDriver, form, **values: str) -> None:  # type: ignore[no-untyped-def]
    for name, value in values.items():
        field = form.find_element(By.NAME, name)
        if field.get_attribute("type") == "date":  # typed as the locale shows a date; set as the form sends it
            driver.execute_script("arguments[0].value = arguments[1]", field, value)
        elif field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            field.send_keys(value)


def _open(row, form: str) -> None:  # type: ignore[no-untyped-def]
    """Unfold the part of a pupil's row that holds `form` (a CSS selector)."""
    part = next(d for d in row.find_elements(By.TAG_NAME, "details") if d.find_elements(By.CSS_SELECTOR, form))
    part.find_element(By.TAG_NAME, "summary").click()


def _until(driver: WebDriver, condition) -> None:  # type: ignore[no-untyped-def]
    """Wait for what the next page shows: an element of the page before may go stale while it loads, which
    Chromium reports either as stale or, caught mid-load, as a node that "does not belong to the document" (a
    plain WebDriverException); both are asked again until the page has loaded or the wait runs out."""
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException, WebDriverException)).until(condition)


def _sign_in(driver: WebDriver, url: str, username: str, password: str = demo.DEMO_PASSWORD) -> None:
    driver.get(f"{url}/console/login?lang=ru")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login").click()


def test_the_admin_keeps_the_roster_in_the_console_and_every_pc_of_the_class_follows(
        live_server, browser: WebDriver, tmp_path: Path) -> None:
    spot = _spot(live_server)
    [pc_a] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    [pc_b] = synced_pcs(tmp_path, live_server.url, spot.login_b, "b")
    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Классы"
    browser.find_element(By.ID, f"class-{spot.class_a}").click()

    arrival = browser.find_element(By.ID, "arrival")  # first without the order: refused, her typing kept
    _fill(browser, arrival, last_name="Жұмабаев", first_name="Ерлан", from_date="2026-11-16")
    arrival.submit()
    _until(browser, lambda driver: "Номер и дата приказа обязательны" in driver.find_element(By.ID, "error").text)
    arrival = browser.find_element(By.ID, "arrival")
    assert arrival.find_element(By.NAME, "last_name").get_attribute("value") == "Жұмабаев"
    _fill(browser, arrival, order="№ 112, 13.11.2026")
    arrival.submit()
    _until(browser, lambda driver: "Ученик добавлен в класс" in driver.find_element(By.ID, "notice").text)
    pupil = live_server.sql("SELECT max(id) FROM pupil")[0][0]  # the newest: the demo may hold a namesake
    assert browser.find_element(By.ID, f"pupil-{pupil}").text.startswith("Жұмабаев Ерлан")

    mover = _sheet(pc_a, spot.course_a).pupils[0].id
    row = browser.find_element(By.ID, f"pupil-{mover}")
    _open(row, "form.move")
    move = row.find_element(By.CSS_SELECTOR, "form.move")
    _fill(browser, move, class_id=str(spot.class_b), from_date="2026-11-18", order="№ 115, 17.11.2026")
    move.submit()
    _until(browser, lambda driver: "Перевод ученика сохранён" in driver.find_element(By.ID, "notice").text)
    assert "left" in browser.find_element(By.ID, f"pupil-{mover}").get_attribute("class")  # greyed from the day

    pc_a.sync()
    pc_b.sync()
    sheet_a, sheet_b = _sheet(pc_a, spot.course_a), _sheet(pc_b, spot.course_b)
    assert sheet_a.pupils[sheet_a.row_of[pupil]].active_from == dt.date(2026, 11, 16)
    assert sheet_a.pupils[sheet_a.row_of[mover]].active_to == dt.date(2026, 11, 17)
    assert sheet_b.pupils[sheet_b.row_of[mover]].active_from == dt.date(2026, 11, 18)
    audit = live_server.sql("SELECT field, new_value FROM audit_log WHERE entity = 'pupil' ORDER BY id")
    assert [field for field, _ in audit] == ["arrive", "move"] and "№ 115" in audit[1][1]

    browser.find_element(By.ID, "logout").click()
    assert browser.find_element(By.ID, "login")
    browser.get(f"{live_server.url}/console/classes")
    _until(browser, lambda driver: "Сеанс завершён" in driver.find_element(By.ID, "error").text)


def test_the_console_refuses_a_form_without_its_token_a_teacher_and_another_schools_class(live_server) -> None:
    spot = _spot(live_server)
    with httpx.Client(base_url=live_server.url, follow_redirects=False) as http:
        signed_in = http.post("/console/login", data={"username": demo.ADMIN_LOGIN, "password": demo.DEMO_PASSWORD})
        assert signed_in.status_code == 303 and "dala_console" in signed_in.cookies
        page = http.get(f"/console/classes/{spot.class_a}")  # the session's cookie kept by the client
        assert page.status_code == 200 and 'name="csrf"' in page.text
        pupils = live_server.sql("SELECT count(*) FROM pupil")[0][0]
        forged = http.post("/console/pupils", data={
            "class_id": str(spot.class_a), "last_name": "X", "first_name": "Y", "from_date": "2026-11-16",
            "order": "1", "csrf": "0" * 64})
        assert forged.status_code == 403
        assert live_server.sql("SELECT count(*) FROM pupil")[0][0] == pupils
        other_school = http.get("/console/classes/999999")
        assert other_school.status_code == 404
        teacher = http.post("/console/login?lang=en", data={"username": spot.login_a,
                                                            "password": demo.DEMO_PASSWORD})
        assert teacher.status_code == 403 and "Only the school admin" in teacher.text
        assert "dala_console" not in teacher.cookies
        wrong = http.post("/console/login?lang=kk", data={"username": demo.ADMIN_LOGIN, "password": "nope"})
        assert wrong.status_code == 401 and "құпиясөз қате" in wrong.text


def test_every_console_text_and_refusal_is_in_kazakh_russian_and_english() -> None:
    from server.console_text import LANGUAGES, TEXTS

    assert all(set(entry) == set(LANGUAGES) and all(entry.values()) for entry in TEXTS.values())
    assert all(why in TEXTS for why in roster.RosterRefused.causes)


def test_a_day_off_added_in_the_console_reaches_the_pcs_of_its_grades_only(
        live_server, browser: WebDriver, tmp_path: Path) -> None:
    """A quarantine for one grade, entered by the admin in Kazakh: the PCs of that grade's courses learn it at their
    next sync and refuse a lesson on those days; a teacher of other grades is told nothing. A wrong entry is
    refused in her language with her typing kept; taking the day back is audited."""
    from core.errors import InvalidLesson

    spot = _spot(live_server)
    grade = live_server.sql("SELECT grade FROM school_class WHERE id = :k", k=spot.class_a)[0][0]
    other = live_server.sql(
        "SELECT t.username FROM course c JOIN teacher t ON t.school_id = c.school_id AND t.id = c.teacher_id "
        "WHERE c.school_id = 1 AND t.id NOT IN (SELECT c2.teacher_id FROM course c2 JOIN school_class k "
        "ON k.school_id = c2.school_id AND k.id = c2.class_id WHERE c2.school_id = 1 AND k.grade = :g) "
        "AND t.id NOT IN (SELECT homeroom_teacher_id FROM school_class WHERE school_id = 1 AND grade = :g "
        "AND homeroom_teacher_id IS NOT NULL) ORDER BY t.id LIMIT 1", g=grade)[0][0]
    [pc_a] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    [pc_other] = synced_pcs(tmp_path, live_server.url, other, "other")
    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    WebDriverWait(browser, 10).until(lambda driver: driver.current_url.endswith("/console/classes"))
    browser.get(f"{live_server.url}/console/calendar?lang=kk")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Оқу күнтізбесі"
    assert browser.find_elements(By.XPATH, "//td[text()='Тәуелсіздік күні']"), "the year's holidays are listed"

    form = browser.find_element(By.ID, "add-day-off")
    _fill(browser, form, from_date="2026-11-24", to_date="2026-11-23", kind="break", grade_from=str(grade),
          grade_to=str(grade), name="Карантин")  # the days the wrong way round
    form.submit()
    _until(browser, lambda driver: "бірінші күні соңғысынан бұрын" in driver.find_element(By.ID, "error").text)
    form = browser.find_element(By.ID, "add-day-off")
    assert form.find_element(By.NAME, "name").get_attribute("value") == "Карантин"
    _fill(browser, form, from_date="2026-11-23", to_date="2026-11-24")
    form.submit()
    WebDriverWait(browser, 10).until(lambda driver: "day_off_added" in driver.current_url)
    _until(browser, lambda driver: "Күн сақталды" in driver.find_element(By.ID, "notice").text)
    day_off = live_server.sql("SELECT max(id) FROM day_off")[0][0]
    assert "Карантин" in browser.find_element(By.ID, f"day-off-{day_off}").text

    held = ",".join(str(c) for (c,) in pc_a.sql(
        "SELECT c.id FROM course c JOIN school_class k ON k.id = c.class_id WHERE k.grade = ?", (grade,)))
    on_days = ("SELECT count(*) FROM lesson WHERE date BETWEEN '2026-11-23' AND '2026-11-24' "
               f"AND course_id IN ({held})")  # of the grade's courses A's PC holds
    before = live_server.sql(on_days)[0][0]
    pc_a.sync()
    pc_other.sync()
    assert pc_a.sql(on_days) == [(0,)] == live_server.sql(on_days), "the empty lessons of those days taken away"
    with pytest.raises(InvalidLesson, match="Карантин"):
        pc_a.journal.add_lesson(spot.course_a, dt.date(2026, 11, 24), 7)
    assert pc_other.sql("SELECT count(*) FROM day_off WHERE name = 'Карантин'") == [(0,)]
    pc_a.journal.add_lesson(spot.course_a, dt.date(2026, 11, 25), 7)  # the day after is a school day

    browser.find_element(By.ID, f"day-off-{day_off}").find_element(By.CLASS_NAME, "remove").click()
    WebDriverWait(browser, 10).until(lambda driver: "day_off_removed" in driver.current_url)
    _until(browser, lambda driver: "жойылды" in driver.find_element(By.ID, "notice").text)
    assert not browser.find_elements(By.ID, f"day-off-{day_off}")
    audit = live_server.sql("SELECT field FROM audit_log WHERE entity = 'day_off' ORDER BY id")
    assert [field for (field,) in audit] == ["create", "removed"]
    pc_a.sync()
    assert pc_a.sql("SELECT count(*) FROM day_off WHERE name = 'Карантин'") == [(0,)]
    assert pc_a.sql(on_days) == [(before,)] == live_server.sql(on_days), "the lessons of those days planned again"
    pc_a.journal.add_lesson(spot.course_a, dt.date(2026, 11, 24), 7)  # a school day again


def _free_slot(server, course_id: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A weekday and lesson in which neither the course's class nor its teacher has a lesson in November."""
    busy = set(server.sql(
        "SELECT t.weekday, t.slot FROM timetable_entry t JOIN course c ON c.school_id = t.school_id "
        "AND c.id = t.course_id JOIN course mine ON mine.school_id = c.school_id AND mine.id = :c "
        "WHERE t.school_id = 1 AND (c.class_id = mine.class_id OR c.teacher_id = mine.teacher_id) "
        "AND t.valid_to IS NULL", c=course_id))
    return next((day, slot) for slot in range(1, 8) for day in range(1, 6) if (day, slot) not in busy)


def test_a_timetable_change_from_a_day_plans_the_lessons_again_and_the_pcs_follow(
        live_server, browser: WebDriver, tmp_path: Path) -> None:
    """The admin moves a course to another day and lesson from 23 November, in English: the course's lessons from
    then on follow the new week on the server and on its teacher's PC at the next sync; a lesson the teacher
    already wrote in is kept, and the console says so; one that clashes with the class's other lessons is
    refused with the cause."""
    spot = _spot(live_server)
    [pc] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    course = spot.course_a
    written = live_server.sql("SELECT CAST(id AS TEXT), date FROM lesson WHERE course_id = :c AND date >= '2026-11-23' "
                              "ORDER BY date, slot LIMIT 1", c=course)[0]
    pupil = _sheet(pc, course).pupils[0].id
    pc.journal.set_attendance(written[0], pupil, "absent")
    pc.sync()
    holding = {(str(d), s) for d, s in live_server.sql(
        "SELECT l.date, l.slot FROM lesson l WHERE l.school_id = 1 AND l.course_id = :c AND l.date >= '2026-11-23' "
        "AND (l.kind != 'regular' OR l.topic IS NOT NULL OR l.homework IS NOT NULL "
        "OR EXISTS (SELECT 1 FROM lesson_cell x WHERE x.school_id = l.school_id AND x.lesson_id = l.id) "
        "OR EXISTS (SELECT 1 FROM summative_work w WHERE w.school_id = l.school_id AND w.lesson_id = l.id))",
        c=course)}
    [(written_slot,)] = live_server.sql("SELECT slot FROM lesson WHERE CAST(id AS TEXT) = :l", l=written[0])
    assert (str(written[1]), written_slot) in holding
    old_week = set(live_server.sql("SELECT weekday, slot FROM timetable_entry WHERE course_id = :c", c=course))
    day, slot = _free_slot(live_server, course)
    clash = next(iter(set(live_server.sql(
        "SELECT t.weekday, t.slot FROM timetable_entry t JOIN course c ON c.school_id = t.school_id "
        "AND c.id = t.course_id WHERE t.school_id = 1 AND c.class_id = :k AND c.id != :c AND c.subgroup_id IS NULL",
        k=spot.class_a, c=course)) - old_week))

    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    WebDriverWait(browser, 10).until(lambda driver: driver.current_url.endswith("/console/classes"))
    browser.get(f"{live_server.url}/console/courses/{course}/week?lang=en")
    for weekday, number in old_week:
        assert browser.find_element(By.ID, f"slot-{weekday}-{number}").is_selected()
    form = browser.find_element(By.ID, "new-week")
    _fill(browser, form, from_date="2026-11-23")
    browser.find_element(By.ID, f"slot-{clash[0]}-{clash[1]}").click()
    form.submit()
    _until(browser, lambda driver: "The class or the teacher already has another lesson"
           in driver.find_element(By.ID, "error").text)
    browser.find_element(By.ID, f"slot-{clash[0]}-{clash[1]}").click()  # the form kept: untick the clash
    for weekday, number in old_week:
        browser.find_element(By.ID, f"slot-{weekday}-{number}").click()
    browser.find_element(By.ID, f"slot-{day}-{slot}").click()
    browser.find_element(By.ID, "new-week").submit()
    WebDriverWait(browser, 10).until(lambda driver: "done=week" in driver.current_url)
    notice = browser.find_element(By.ID, "notice").text
    assert f"{len(holding)} kept because they hold what a teacher wrote" in notice, notice

    after = {(str(d), s) for d, s in live_server.sql(
        "SELECT date, slot FROM lesson WHERE course_id = :c AND date >= '2026-11-23'", c=course)}
    assert holding <= after, "the lessons holding what was written stay, the absence's among them"
    assert all(dt.date.fromisoformat(d).isoweekday() == day and s == slot for d, s in after - holding), after
    assert "2026-12-16" not in {d for d, _ in after - holding}, "none on the holiday"
    pc.sync()
    on_pc = {(d, s) for d, s in pc.sql("SELECT date, slot FROM lesson WHERE course_id = ? AND date >= '2026-11-23'",
                                       (course,))}
    assert on_pc == after, "the PC holds the course's lessons as the server does: the new ones, not the dropped"
    assert pc.sql("SELECT count(*) FROM timetable_entry WHERE course_id = ? AND valid_from = '2026-11-23'",
                  (course,)) == [(1,)]
    assert pc.sql("SELECT count(*) FROM lesson_cell WHERE lesson_id = ? AND attendance = 'absent'",
                  (written[0],)) == [(1,)]
    audit = live_server.sql("SELECT new_value FROM audit_log WHERE entity = 'course' AND field = 'week'")
    assert len(audit) == 1 and '"from": "2026-11-23"' in audit[0][0]


def test_a_course_given_to_another_teacher_moves_to_her_pc_with_all_it_holds(
        live_server, browser: WebDriver, tmp_path: Path) -> None:
    """The admin gives course A to B's teacher from 30 November (in Russian): at their next sync B's PC downloads the
    course with every mark in it and its teacher writes there; A's teacher keeps the lessons she gave before that day
    (what she typed in them offline is accepted), and what she typed in a lesson from that day is refused and kept
    for her to see; a teacher busy in the course's lessons is refused."""
    spot = _spot(live_server)
    [pc_a] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    [pc_b] = synced_pcs(tmp_path, live_server.url, spot.login_b, "b")
    course = spot.course_a
    [(teacher_b,)] = live_server.sql("SELECT id FROM teacher WHERE username = :u", u=spot.login_b)
    pupil = _sheet(pc_a, course).pupils[0].id
    pc_a.journal.set_comment(spot.after, pupil, "Үй жұмысын орындамады")  # typed before the handover, not yet sent
    [(hers_no_more,)] = live_server.sql(
        "SELECT CAST(id AS TEXT) FROM lesson WHERE school_id = 1 AND course_id = :c AND kind = 'regular' "
        "AND date BETWEEN '2026-11-30' AND '2026-12-04' ORDER BY date, slot LIMIT 1", c=course)
    pc_a.journal.set_comment(hers_no_more, pupil, "Кешікті")
    busy = live_server.sql(
        "SELECT DISTINCT t.id FROM teacher t JOIN course c ON c.school_id = t.school_id AND c.teacher_id = t.id "
        "JOIN timetable_entry e ON e.school_id = c.school_id AND e.course_id = c.id JOIN timetable_entry mine "
        "ON mine.school_id = e.school_id AND mine.course_id = :c AND mine.weekday = e.weekday "
        "AND mine.slot = e.slot WHERE t.school_id = 1 AND t.id != :t ORDER BY t.id LIMIT 1", c=course,
        t=teacher_b)[0][0]

    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    WebDriverWait(browser, 10).until(lambda driver: driver.current_url.endswith("/console/classes"))
    browser.get(f"{live_server.url}/console/courses/{course}/week?lang=ru")
    form = browser.find_element(By.ID, "give-course")
    _fill(browser, form, teacher_id=str(busy), from_date="2026-11-30")
    form.submit()
    _until(browser, lambda driver: "уже есть другой урок" in driver.find_element(By.ID, "error").text)
    form = browser.find_element(By.ID, "give-course")
    _fill(browser, form, teacher_id=str(teacher_b))
    form.submit()
    WebDriverWait(browser, 10).until(lambda driver: "done=teacher" in driver.current_url)
    _until(browser, lambda driver: "Предмет передан новому учителю" in driver.find_element(By.ID, "notice").text)

    pc_a.sync()
    pc_a.sync()
    assert pc_a.sql("SELECT max(date) < '2026-11-30' FROM lesson WHERE course_id = ?", (course,)) == [(1,)], \
        "A's PC keeps the lessons she gave, and no other"
    assert pc_a.sql("SELECT count(*) FROM outbox_op") == [(0,)]
    # What A typed went first: in a lesson she gave, taken; in one from the handover on, judged no longer hers, and
    # her PC keeps the refusal with her text for her to see (not silently lost with the course).
    assert pc_a.sql("SELECT reason, value FROM rejected_op WHERE seen = 0") == [("not_your_course", '"Кешікті"')]
    assert live_server.sql("SELECT comment FROM lesson_cell WHERE CAST(lesson_id AS TEXT) = :l AND pupil_id = :p",
                           l=spot.after, p=pupil) == [("Үй жұмысын орындамады",)]
    pc_b.sync()
    assert pc_b.sql("SELECT teacher_id FROM course WHERE id = ?", (course,)) == [(teacher_b,)]
    on_server = live_server.sql("SELECT count(*) FROM lesson_cell c JOIN lesson l ON l.school_id = c.school_id "
                                "AND l.id = c.lesson_id WHERE l.course_id = :c", c=course)[0][0]
    assert pc_b.sql("SELECT count(*) FROM lesson_cell c JOIN lesson l ON l.id = c.lesson_id WHERE l.course_id = ?",
                    (course,)) == [(on_server,)], "every mark of the course reached B's PC"
    assert _sheet(pc_b, course).pupils, "B's grid shows the class"
    pc_b.journal.set_comment(spot.after, pupil, "Орындады")
    pc_b.sync()
    [(comment,)] = live_server.sql("SELECT comment FROM lesson_cell WHERE CAST(lesson_id AS TEXT) = :l "
                                   "AND pupil_id = :p", l=spot.after, p=pupil)
    assert comment == "Орындады"
    audit = live_server.sql("SELECT new_value FROM audit_log WHERE entity = 'course' AND field = 'teacher'")
    assert len(audit) == 1 and '"from": "2026-11-30"' in audit[0][0]


def test_a_week_of_substitution_reaches_the_substitutes_pc_and_ends(
        live_server, browser: WebDriver, tmp_path: Path) -> None:
    """The admin gives course A's lessons of 23–27 November to a free teacher (in Kazakh): her PC downloads those
    lessons of the course (and nothing else of it) at its next sync and she writes in them; A's teacher's PC shows
    whose the lessons are; a busy teacher is refused; given back, the course leaves the substitute's PC."""
    spot = _spot(live_server)
    course = spot.course_a
    week = live_server.sql("SELECT CAST(id AS TEXT), date, slot FROM lesson WHERE course_id = :c "
                           "AND date BETWEEN '2026-11-23' AND '2026-11-27' ORDER BY date, slot", c=course)
    times = " OR ".join(f"(l.date = '{d}' AND l.slot = {s})" for _, d, s in week)
    busy = {t for (t,) in live_server.sql(
        f"SELECT c.teacher_id FROM lesson l JOIN course c ON c.school_id = l.school_id AND c.id = l.course_id "
        f"WHERE l.school_id = 1 AND ({times})")}
    free, login = live_server.sql(
        "SELECT t.id, t.username FROM teacher t WHERE t.school_id = 1 AND t.id NOT IN ({}) AND EXISTS (SELECT 1 "
        "FROM course c WHERE c.school_id = t.school_id AND c.teacher_id = t.id) ORDER BY t.id LIMIT 1"
        .format(",".join(map(str, busy))))[0]
    taken = next(iter(busy - {live_server.sql("SELECT teacher_id FROM course WHERE id = :c", c=course)[0][0]}))
    [pc_a] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    [pc_s] = synced_pcs(tmp_path, live_server.url, login, "substitute")
    assert pc_s.sql("SELECT count(*) FROM course WHERE id = ?", (course,)) == [(0,)]

    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    WebDriverWait(browser, 10).until(lambda driver: driver.current_url.endswith("/console/classes"))
    browser.get(f"{live_server.url}/console/courses/{course}/week?lang=kk")
    form = browser.find_element(By.ID, "substitute")
    _fill(browser, form, teacher_id=str(taken), from_date="2026-11-23", to_date="2026-11-27")
    form.submit()
    _until(browser, lambda driver: "Мұғалімнің сол уақытта басқа сабағы бар"
           in driver.find_element(By.ID, "error").text)
    form = browser.find_element(By.ID, "substitute")
    _fill(browser, form, teacher_id=str(free))
    form.submit()
    WebDriverWait(browser, 10).until(lambda driver: "done=substitute" in driver.current_url)
    _until(browser, lambda driver: f"Алмастыру сақталды: {len(week)} сабақ"
           in driver.find_element(By.ID, "notice").text)

    pc_s.sync()
    assert pc_s.sql("SELECT count(*) FROM course WHERE id = ?", (course,)) == [(1,)], "the course came to her PC"
    # Of the course she reads her lessons alone: not its other lessons, marks or works (pupils' data is the course
    # teacher's to hold).
    assert pc_s.sql("SELECT count(*) FROM lesson WHERE course_id = ?", (course,)) == [(len(week),)]
    assert pc_s.sql("SELECT count(*) FROM period_mark WHERE course_id = ?", (course,)) == [(0,)]
    lesson_id, day, _slot = week[0]
    pupil = _sheet(pc_a, course).pupils[0].id
    pc_s.journal.set_attendance(lesson_id, pupil, "absent")
    outside = live_server.sql("SELECT CAST(id AS TEXT) FROM lesson WHERE course_id = :c AND date > '2026-11-27' "
                              "ORDER BY date LIMIT 1", c=course)[0][0]
    assert pc_s.sql("SELECT count(*) FROM lesson WHERE id = ?", (outside,)) == [(0,)]
    pc_a.journal.set_comment(outside, pupil, "Тек менің сабағым")  # the course teacher's own lesson
    pc_a.sync()
    assert pc_s.sync().pulled == 0, "nothing of the course teacher's other lessons is sent to the substitute"
    pc_s.sync()
    assert live_server.sql("SELECT attendance FROM lesson_cell WHERE CAST(lesson_id AS TEXT) = :l AND pupil_id = :p",
                           l=lesson_id, p=pupil) == [("absent",)]
    pc_a.sync()
    assert pc_a.sql("SELECT substitute_teacher_id FROM lesson WHERE id = ?", (lesson_id,)) == [(free,)]
    assert pc_a.journal.cell(lesson_id, pupil).attendance == "absent"

    form = browser.find_element(By.ID, "substitute")
    _fill(browser, form, teacher_id="", from_date="2026-11-23", to_date="2026-11-27")
    form.submit()
    WebDriverWait(browser, 10).until(lambda driver: "done=substitute" in driver.current_url
                                     and not driver.find_elements(By.CLASS_NAME, "substitution"))
    pc_s.sync()
    assert pc_s.sql("SELECT count(*) FROM course WHERE id = ?", (course,)) == [(0,)], "given back, the course left"
    pc_a.sync()
    assert pc_a.sql("SELECT substitute_teacher_id FROM lesson WHERE id = ?", (lesson_id,)) == [(None,)]


def test_the_admin_closes_a_term_and_revokes_a_lost_pc_in_the_console(
        live_server, browser: WebDriver, tmp_path: Path) -> None:
    """Term 2 closed in the console (in Russian): the teacher's PC locks it at its next sync; reopened, it writes
    again. A PC reported lost is revoked from the devices page: its next sync is refused, and it says so; so is a
    login on it with the right password. Found again, it is restored from the same page: its teacher logs in and
    what she typed meanwhile reaches the server."""
    from core.errors import PeriodClosed
    from sync.errors import SyncError

    spot = _spot(live_server)
    [pc] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    pupil = _sheet(pc, spot.course_a).pupils[0].id
    [(term,)] = live_server.sql("SELECT id FROM period WHERE kind = 'term' AND number = 2")
    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    _until(browser, lambda driver: driver.current_url.endswith("/console/classes"))
    browser.find_element(By.ID, "nav-periods").click()
    row = browser.find_element(By.ID, f"period-{term}")
    assert "2-я четверть" in row.text
    row.find_element(By.CLASS_NAME, "close").click()
    _until(browser, lambda driver: "left" in driver.find_element(By.ID, f"period-{term}")
                                     .get_attribute("class"))
    pc.sync()
    with pytest.raises(PeriodClosed):
        pc.journal.set_attendance(spot.after, pupil, "late")
    browser.find_element(By.ID, f"period-{term}").find_element(By.CLASS_NAME, "reopen").click()
    _until(browser, lambda driver: driver.find_elements(By.CSS_SELECTOR, f"#period-{term} .close"))
    pc.sync()
    assert pc.journal.set_attendance(spot.after, pupil, "late")
    pc.sync()

    browser.find_element(By.ID, "nav-devices").click()
    device = pc.engine.device_id
    assert spot.login_a in browser.find_element(By.ID, f"device-{device}").text
    browser.find_element(By.ID, f"device-{device}").find_element(By.CLASS_NAME, "revoke").click()
    _until(browser, lambda driver: "left" in driver.find_element(By.ID, f"device-{device}")
                                     .get_attribute("class"))
    with pytest.raises(SyncError) as refused:
        pc.sync()
    assert refused.value.code == "device_revoked"
    assert pc.journal.set_attendance(spot.after, pupil, "ill")  # typed while revoked: waits on the PC
    with pytest.raises(SyncError) as refused:
        pc.login()
    assert refused.value.code == "device_revoked"

    browser.find_element(By.ID, f"device-{device}").find_element(By.CLASS_NAME, "restore").click()
    _until(browser, lambda driver: "left" not in (driver.find_element(By.ID, f"device-{device}")
                                                  .get_attribute("class") or ""))
    pc.login().sync()
    assert live_server.sql("SELECT attendance FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                           l=spot.after, p=pupil) == [("ill",)]
    audit = live_server.sql("SELECT entity, field, new_value FROM audit_log WHERE result = 'admin' ORDER BY id")
    assert [tuple(a) for a in audit] == [("period", "closed", "true"), ("period", "closed", "false"),
                                         ("device", "revoked", "true"), ("device", "revoked", "false")]

    # The school keeps a checkpoint of its audit log away from the server, signed by it, from the same page.
    browser.refresh()
    link = browser.find_element(By.ID, "audit-checkpoint")
    assert link.text == "Скачать контрольную точку"
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    kept = httpx.get(link.get_attribute("href"), cookies=cookies, timeout=30)
    assert kept.status_code == 200 and "attachment" in kept.headers["content-disposition"]
    [(console,)] = live_server.sql("SELECT CAST(id AS TEXT) FROM device WHERE name = 'console'")
    assert set(kept.json()["heads"]) >= {device, console}  # her PC's chain; the admin's console actions'
    (tmp_path / "checkpoint.json").write_bytes(kept.content)
    checked = subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db", live_server.db_url,
                              "--checkpoint", str(tmp_path / "checkpoint.json")], capture_output=True, text=True,
                             timeout=60)
    assert checked.returncode == 0 and "checkpoint(s) hold" in checked.stdout, checked.stderr
    assert httpx.get(link.get_attribute("href"), timeout=30).status_code == 401  # only to the signed-in admin


def test_a_pupils_marks_extract_is_ready_to_print(live_server, browser: WebDriver, tmp_path: Path) -> None:
    """The admin opens a pupil's extract (выписка) from his class's page (in Russian): his name, his class and
    dates, and in the teacher's subject the mark and the absence she wrote, by date."""
    spot = _spot(live_server)
    [pc] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    sheet = _sheet(pc, spot.course_a)
    pupil = sheet.pupils[-1]
    [(day,)] = pc.sql("SELECT date FROM lesson WHERE id = ?", (spot.before,))
    [(other, other_day)] = pc.sql("SELECT id, date FROM lesson WHERE course_id = ? AND date < ? AND kind = 'regular' "
                                  "ORDER BY date DESC LIMIT 1", (spot.course_a, day))
    pc.journal.set_attendance(spot.before, pupil.id, None)
    pc.journal.set_mark(spot.before, pupil.id, 9)
    pc.journal.set_attendance(other, pupil.id, "absent")
    pc.sync()
    [(subject,)] = live_server.sql("SELECT s.name_ru FROM subject s JOIN course c ON c.subject_id = s.id "
                                   "WHERE c.school_id = 1 AND c.id = :c", c=spot.course_a)
    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    _until(browser, lambda driver: driver.current_url.endswith("/console/classes"))
    browser.get(f"{live_server.url}/console/classes/{spot.class_a}?lang=ru")
    browser.find_element(By.ID, f"pupil-{pupil.id}").find_element(By.CLASS_NAME, "extract").click()
    _until(browser, lambda driver: driver.find_elements(By.ID, "extract"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Выписка из классного журнала"
    assert pupil.last_name in browser.find_element(By.ID, "extract-pupil").text
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#extract tr") if r.text.startswith(subject))
    when = dt.date.fromisoformat(str(day)).strftime("%d.%m")
    absent_on = dt.date.fromisoformat(str(other_day)).strftime("%d.%m")
    assert f"{when}: 9" in row.text and f"{absent_on}: н" in row.text, row.text
    # The transfer extract for the school he goes to: his pages, the 9 on its date (server.transfer_extract)
    import io
    import zipfile

    packed = base64.b64decode(browser.execute_async_script(
        "const done = arguments[0]; fetch(document.getElementById('transfer').href).then(r => r.arrayBuffer())"
        ".then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });"))
    with zipfile.ZipFile(io.BytesIO(packed)) as archive:
        pages = [archive.read(n).decode("utf-8-sig") for n in archive.namelist() if n.endswith(".csv")]
        printable = archive.read("extract.pdf")
    assert any(f"{day}" in page and ",9" in page for page in pages)
    # The same extract to print, in the admin's Russian: in the ZIP, and from the page's own PDF link
    by_link = base64.b64decode(browser.execute_async_script(
        "const done = arguments[0]; fetch(document.getElementById('pdf').href).then(r => r.arrayBuffer())"
        ".then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });"))
    for made in (printable, by_link):
        (tmp_path / "extract.pdf").write_bytes(made)
        said = " ".join(subprocess.run(["pdftotext", str(tmp_path / "extract.pdf"), "-"], check=True,
                                       capture_output=True, text=True).stdout.split())
        assert "Выписка из классного журнала" in said and pupil.last_name in said, said
        assert f"{when}: 9" in said and f"{absent_on}: н" in said, said


def test_a_pupil_moved_to_another_language_group_follows_on_both_groups_pcs(
        live_server, browser: WebDriver, tmp_path: Path) -> None:
    """The admin moves a pupil from one English group to the other from 16 November (in English): the first
    group's PC shows him until the 15th, the second's from the 16th, and its teacher's mark for him goes up."""
    from storage import journal_sheet

    course_a, group_a, login_a, course_b, group_b, login_b, class_id = live_server.sql(
        "SELECT a.id, a.subgroup_id, ta.username, b.id, b.subgroup_id, tb.username, a.class_id FROM course a "
        "JOIN course b ON b.school_id = a.school_id AND b.class_id = a.class_id AND b.subject_id = a.subject_id "
        "AND b.id > a.id JOIN teacher ta ON ta.school_id = a.school_id AND ta.id = a.teacher_id JOIN teacher tb "
        "ON tb.school_id = b.school_id AND tb.id = b.teacher_id WHERE a.school_id = 1 AND a.subgroup_id IS NOT NULL "
        "AND b.subgroup_id IS NOT NULL AND a.teacher_id != b.teacher_id "
        "ORDER BY a.id LIMIT 1")[0]
    [(pupil,)] = live_server.sql("SELECT pupil_id FROM subgroup_member WHERE school_id = 1 AND subgroup_id = :a "
                                 "AND pupil_id NOT IN (SELECT pupil_id FROM subgroup_member WHERE school_id = 1 "
                                 "AND subgroup_id = :b) ORDER BY pupil_id LIMIT 1", a=group_a, b=group_b)
    [pc_a] = synced_pcs(tmp_path, live_server.url, login_a, "a")
    [pc_b] = synced_pcs(tmp_path, live_server.url, login_b, "b")
    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    _until(browser, lambda driver: driver.current_url.endswith("/console/classes"))
    browser.get(f"{live_server.url}/console/classes/{class_id}?lang=en")
    row = browser.find_element(By.ID, f"pupil-{pupil}")
    _open(row, "form.group")
    form = row.find_element(By.CSS_SELECTOR, "form.group")
    _fill(browser, form, from_group=str(group_a), to_group=str(group_b), from_date="2026-11-16",
          order="№ 120, 13.11.2026")
    form.submit()
    _until(browser, lambda driver: "done=regrouped" in driver.current_url)
    _until(browser, lambda driver: "move to another group was saved" in driver.find_element(By.ID, "notice").text)

    pc_a.sync()
    pc_b.sync()
    [(term,)] = pc_a.sql("SELECT id FROM period WHERE kind = 'term' AND number = 2")
    with pc_a.db.read() as conn:
        sheet_a = journal_sheet.load(conn, course_a, term)
    with pc_b.db.read() as conn:
        sheet_b = journal_sheet.load(conn, course_b, term)
    assert sheet_a.pupils[sheet_a.row_of[pupil]].active_to == dt.date(2026, 11, 15)
    assert sheet_b.pupils[sheet_b.row_of[pupil]].active_from == dt.date(2026, 11, 16)
    [(lesson,)] = pc_b.sql("SELECT id FROM lesson WHERE course_id = ? AND date >= '2026-11-16' AND kind = 'regular' "
                           "ORDER BY date LIMIT 1", (course_b,))
    assert pc_b.journal.set_attendance(lesson, pupil, "absent")
    pc_b.sync()
    assert live_server.sql("SELECT attendance FROM lesson_cell WHERE CAST(lesson_id AS TEXT) = :l AND pupil_id = :p",
                           l=lesson, p=pupil) == [("absent",)]
    audit = live_server.sql("SELECT field, new_value FROM audit_log WHERE entity = 'pupil' AND field = 'subgroup'")
    assert len(audit) == 1 and "№ 120" in audit[0][1]

    # He moves to another class: his place in the old class's group ends with his place in the class, on the
    # group's PC too; in the new class he joins a group from none.
    new_class, new_group = live_server.sql(
        "SELECT k.id, g.id FROM school_class k JOIN subgroup g ON g.school_id = k.school_id AND g.class_id = k.id "
        "WHERE k.school_id = 1 AND k.id != :k ORDER BY abs(k.grade - (SELECT grade FROM school_class "
        "WHERE school_id = 1 AND id = :k)), g.id LIMIT 1",
        k=class_id)[0]
    admin = live_server.client()
    assert admin.login(demo.ADMIN_LOGIN).status_code == 200
    moved = admin.http.post(f"/v1/admin/pupils/{pupil}/move", headers=admin.headers(),
                            json={"class_id": new_class, "from_date": "2026-11-30", "order": "№ 131, 27.11.2026"})
    assert moved.status_code == 200, moved.text
    pc_b.sync()
    assert pc_b.sql("SELECT to_date FROM subgroup_member WHERE subgroup_id = ? AND pupil_id = ?",
                    (group_b, pupil)) == [("2026-11-29",)]
    browser.get(f"{live_server.url}/console/classes/{new_class}?lang=en")
    row = browser.find_element(By.ID, f"pupil-{pupil}")
    _open(row, "form.group")
    form = row.find_element(By.CSS_SELECTOR, "form.group")
    _fill(browser, form, from_group="", to_group=str(new_group), from_date="2026-11-30", order="№ 131, 27.11.2026")
    form.submit()
    _until(browser, lambda driver: f"/console/classes/{new_class}?done=regrouped" in driver.current_url)
    assert [(str(f), t) for f, t in live_server.sql(
        "SELECT from_date, to_date FROM subgroup_member WHERE subgroup_id = :g AND pupil_id = :p",
        g=new_group, p=pupil)] == [("2026-11-30", None)]


def test_the_teachers_page_lists_each_teachers_courses_and_leads_to_them(live_server, browser: WebDriver) -> None:
    spot = _spot(live_server)
    [(teacher,)] = live_server.sql("SELECT id FROM teacher WHERE username = :u", u=spot.login_a)
    courses = {c for (c,) in live_server.sql("SELECT id FROM course WHERE teacher_id = :t", t=teacher)}
    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    _until(browser, lambda driver: driver.current_url.endswith("/console/classes"))
    browser.get(f"{live_server.url}/console/teachers?lang=kk")
    row = browser.find_element(By.ID, f"teacher-{teacher}")
    assert spot.login_a in row.text
    links = row.find_elements(By.CLASS_NAME, "course")
    assert {int(a.get_attribute("href").split("/")[-2]) for a in links} == courses
    links[0].click()
    _until(browser, lambda driver: "/week" in driver.current_url)
    assert "сабақ кестесі" in browser.find_element(By.TAG_NAME, "h1").text


def test_the_admins_reports_come_from_every_course_and_list_the_days_absentees(
        live_server, backend_db: str, browser: WebDriver, tmp_path: Path) -> None:
    """The admin opens Reports (in Russian): a class's end-of-term report as the server computes it from every course
    of the class (server.report_copy, the code a class teacher's PC runs), and today's absentees of the school, among
    them a pupil a teacher has just marked ill on her PC."""
    from server import report_copy
    from server.db import open_server_db

    today = dt.date.today()
    found = live_server.sql(
        "SELECT l.course_id, c.class_id, t.username, CAST(l.id AS TEXT), l.slot FROM lesson l JOIN course c ON "
        "c.school_id = l.school_id AND c.id = l.course_id JOIN teacher t ON t.school_id = c.school_id AND "
        "t.id = c.teacher_id WHERE l.school_id = 1 AND l.date = :d AND c.subgroup_id IS NULL ORDER BY l.slot, c.id "
        "LIMIT 1", d=today)
    if not found:
        pytest.skip(f"no lesson in the demo school on {today} (a day off)")
    [(course, class_id, login, lesson, slot)] = found
    [pc] = synced_pcs(tmp_path, live_server.url, login, "a")
    [(pupil, name)] = pc.sql("SELECT p.id, p.last_name || ' ' || p.first_name FROM pupil p JOIN class_membership m "
                             "ON m.pupil_id = p.id JOIN course c ON c.class_id = m.class_id WHERE c.id = ? AND "
                             "m.to_date IS NULL ORDER BY p.id LIMIT 1", (course,))
    assert pc.journal.set_attendance(lesson, pupil, "ill")
    pc.sync()
    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    _until(browser, lambda driver: driver.current_url.endswith("/console/classes"))
    browser.find_element(By.ID, "nav-reports").click()
    _until(browser, lambda driver: driver.find_elements(By.ID, "report-class"))
    Select(browser.find_element(By.ID, "report-class")).select_by_value(str(class_id))
    browser.find_element(By.ID, "report-show").click()
    _until(browser, lambda driver: f"class={class_id}" in driver.current_url)
    period = int(Select(browser.find_element(By.ID, "report-period")).first_selected_option.get_attribute("value"))
    engine = open_server_db(backend_db)
    try:
        with engine.connect() as conn:
            expected = report_copy.class_report(conn, 1, class_id, period, today)
    finally:
        engine.dispose()
    rows = [r.find_elements(By.TAG_NAME, "td") for r in browser.find_elements(By.CSS_SELECTOR, "#report-subjects tr")]
    shown = [[cell.text for cell in row] for row in rows if row]
    assert [row[0] for row in shown] == [line.subject for line in expected.subjects]
    assert [row[1:5] for row in shown] == [[str(line.counts[m]) for m in (5, 4, 3, 2)] for line in expected.subjects]
    absent = browser.find_element(By.ID, "report-absent").text
    assert f"{name}" in absent and f"{slot}: б" in absent.split(name, 1)[1].splitlines()[0]


def test_a_bundle_brought_on_a_stick_is_sent_from_the_console_and_its_answer_saved(
        live_server, browser: WebDriver, tmp_path: Path) -> None:
    """At the school office, the admin opens Bundles (in Russian), chooses a PC's bundle from the stick: the page says
    whose it is and how many changes it holds; sent, the server applies it and offers the answer, which the PC then
    applies: its outbox empties and the server holds its mark."""
    import base64

    from sync import bundles

    spot = _spot(live_server)
    [pc] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    sheet = _sheet(pc, spot.course_a)
    pupil = sheet.pupils[0]
    assert pc.journal.set_mark(spot.before, pupil.id, 8)
    stick = tmp_path / "stick"
    stick.mkdir()
    request, header = bundles.write_request(pc.db, stick)
    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    _until(browser, lambda driver: driver.current_url.endswith("/console/classes"))
    browser.find_element(By.ID, "nav-bundles").click()
    _until(browser, lambda driver: driver.find_elements(By.ID, "bundle-file"))
    browser.find_element(By.ID, "bundle-file").send_keys(str(request))
    _until(browser, lambda driver: "Запрос компьютера" in driver.find_element(By.ID, "bundle-about").text)
    assert f"изменений {header.ops}" in browser.find_element(By.ID, "bundle-about").text
    browser.find_element(By.ID, "bundle-send").click()
    _until(browser, lambda driver: driver.find_elements(By.ID, "bundle-answer"))
    answer = base64.b64decode(browser.execute_async_script(
        "const done = arguments[0]; fetch(document.getElementById('bundle-answer').href).then(r => r.arrayBuffer())"
        ".then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });"))
    assert browser.find_element(By.ID, "bundle-answer").get_attribute("download").startswith("answer-")
    assert bundles.read_answer(pc.db, answer) is not None
    assert pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0
    assert live_server.sql("SELECT mark FROM lesson_cell WHERE school_id = 1 AND CAST(lesson_id AS TEXT) = :l "
                           "AND pupil_id = :p", l=spot.before, p=pupil.id) == [(8,)]
    browser.find_element(By.ID, "bundle-file").send_keys(str(tmp_path / "stick" / request.name))
    browser.find_element(By.ID, "bundle-send").click()  # the same bundle again: applied once, answered again
    _until(browser, lambda driver: driver.find_elements(By.ID, "bundle-answer"))
    assert live_server.sql("SELECT count(*) FROM audit_log WHERE school_id = 1 AND device_id = :d AND seq IS NOT NULL",
                           d=pc.engine.device_id) == [(header.ops,)]


def test_the_admin_downloads_the_schools_export_and_imports_a_journal_page_in_the_console(
        live_server, browser: WebDriver, tmp_path: Path) -> None:
    """Data (in Russian): the admin checks a journal page from another system (nothing imported, told so), imports it
    (the mark is on the server, audited with its source), is told in Russian why a page naming a pupil the class does
    not have is refused; and downloads the school's export, a ZIP with its manifest, the download audited."""
    import base64
    import io
    import json
    import zipfile

    [(course, grade, letter, subject, class_id)] = live_server.sql(
        "SELECT c.id, k.grade, k.letter, s.code, k.id FROM course c JOIN school_class k ON k.school_id = c.school_id "
        "AND k.id = c.class_id JOIN subject s ON s.id = c.subject_id WHERE c.school_id = 1 AND c.subgroup_id IS NULL "
        "AND c.scale = 'classic' ORDER BY c.id LIMIT 1")
    [(lesson, day, term)] = live_server.sql(
        "SELECT l.id, l.date, p.number FROM lesson l JOIN period p ON p.school_id = l.school_id AND p.kind = 'term' "
        "AND l.date BETWEEN p.start_date AND p.end_date WHERE l.school_id = 1 AND l.course_id = :c "
        "AND l.date > '2026-11-25' AND NOT EXISTS (SELECT 1 FROM lesson_cell x WHERE x.school_id = 1 "
        "AND x.lesson_id = l.id) ORDER BY l.date LIMIT 1", c=course)
    [(pupil, last, first)] = live_server.sql(
        "SELECT p.id, p.last_name, p.first_name FROM pupil p JOIN class_membership m ON m.school_id = p.school_id "
        "AND m.pupil_id = p.id WHERE p.school_id = 1 AND m.class_id = :k AND m.to_date IS NULL ORDER BY p.id LIMIT 1",
        k=class_id)
    good, bad = tmp_path / "page.csv", tmp_path / "wrong.csv"
    for path, name in ((good, f"{last} {first}"), (bad, "Несуществующий Ученик")):
        path.write_text(f"Класс,{grade}{letter}\nПредмет,{subject}\nЧетверть,{term}\nФИО,{day}\n{name},4\n",
                        encoding="utf-8-sig")
    _sign_in(browser, live_server.url, demo.ADMIN_LOGIN)
    _until(browser, lambda driver: driver.current_url.endswith("/console/classes"))
    browser.find_element(By.ID, "nav-data").click()
    _until(browser, lambda driver: driver.find_elements(By.ID, "pages"))

    def told() -> str:
        return str(browser.find_element(By.ID, "pages-result").text)

    def cell() -> list:
        return list(live_server.sql("SELECT mark FROM lesson_cell WHERE school_id = 1 AND CAST(lesson_id AS TEXT) = "
                                    ":l AND pupil_id = :p", l=str(lesson), p=pupil))

    browser.find_element(By.ID, "pages").send_keys(str(good))
    browser.find_element(By.ID, "pages-check").click()
    _until(browser, lambda driver: "Ничего не внесено" in told())
    assert "отметок: 1" in told() and cell() == []
    browser.find_element(By.ID, "pages-import").click()
    _until(browser, lambda driver: "Внесено из Kundelik.kz" in told())
    assert cell() == [(4,)]
    # audited with its source: the mark, and the cell's mark of where it came from
    assert live_server.sql("SELECT field FROM audit_log WHERE school_id = 1 AND reason LIKE "
                           "'imported from Kundelik.kz: page.csv%' ORDER BY field") == [("imported",), ("mark",)]
    browser.find_element(By.ID, "pages").clear()
    browser.find_element(By.ID, "pages").send_keys(str(bad))
    browser.find_element(By.ID, "pages-check").click()
    _until(browser, lambda driver: "Отклонено" in told())
    assert "wrong.csv, строка 5: в" in told() and "нет ученика 'Несуществующий Ученик'" in told(), told()
    # More pages than one import takes: told at once, in Russian, before anything is read or sent; and a body that
    # large sent anyway is refused the same way, as is any import without the admin's session.
    huge = tmp_path / "whole-school.csv"
    huge.write_bytes(good.read_bytes() + b"\n" * (25 * 1024 * 1024))
    browser.find_element(By.ID, "pages").clear()
    browser.find_element(By.ID, "pages").send_keys(str(huge))
    browser.find_element(By.ID, "pages-check").click()
    _until(browser, lambda driver: "слишком велики" in told())
    status, said = browser.execute_async_script(
        "const done = arguments[0]; fetch('/console/journal-import', {method: 'POST', headers: {'Content-Type': "
        "'application/json'}, body: 'x'.repeat(33 * 1024 * 1024)}).then(r => r.json().then(j => done([r.status, "
        "j.lines[0]])));")
    assert status == 413 and "слишком велики" in said
    assert httpx.post(f"{live_server.url}/console/journal-import", json={}).status_code == 401
    assert cell() == [(4,)]

    packed = base64.b64decode(browser.execute_async_script(
        "const done = arguments[0]; const csrf = document.querySelector('form[action=\"/console/export\"] "
        "input[name=csrf]').value; fetch('/console/export', {method: 'POST', headers: {'Content-Type': "
        "'application/x-www-form-urlencoded'}, body: 'csrf=' + csrf}).then(r => r.arrayBuffer()).then(b => { "
        "let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });"))
    with zipfile.ZipFile(io.BytesIO(packed)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["format"] == "dala-school-export" and manifest["passwords"] is False
        assert "password_hash" not in archive.read("account.csv").decode().splitlines()[0]
    assert live_server.sql("SELECT count(*) FROM audit_log WHERE school_id = 1 AND field = 'exported'")[0][0] == 1

    # One class alone, chosen on the page, and one pupil alone, from his extract's page: the same format, his rows
    def download(form_selector: str) -> dict:
        packed = base64.b64decode(browser.execute_async_script(
            "const done = arguments[1]; const form = document.querySelector(arguments[0]); fetch(form.action, "
            "{method: 'POST', body: new URLSearchParams(new FormData(form))}).then(r => r.arrayBuffer()).then(b => "
            "{ let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });",
            form_selector))
        with zipfile.ZipFile(io.BytesIO(packed)) as archive:
            return {name: archive.read(name).decode() for name in archive.namelist()}

    Select(browser.find_element(By.ID, "export-class")).select_by_value(str(class_id))
    one_class = download("form[action=\"/console/export\"]")
    assert {line.split(",")[0] for line in one_class["school_class.csv"].splitlines()[1:]} == {str(class_id)}
    browser.get(f"{live_server.url}/console/pupils/{pupil}/extract")
    one_pupil = download("form[action=\"/console/export\"]")
    assert [line.split(",")[0] for line in one_pupil["pupil.csv"].splitlines()[1:]] == [str(pupil)]
    assert json.loads(one_pupil["manifest.json"])["pupil"] == pupil
    assert live_server.sql("SELECT entity, entity_key FROM audit_log WHERE school_id = 1 AND field = 'exported' "
                           "ORDER BY id") == [("school", "1"), ("class", str(class_id)), ("pupil", str(pupil))]


def test_a_pupils_extract_tells_each_mark_beside_its_absence_his_works_and_his_stays_in_the_language() -> None:
    """An absence and a mark in one lesson both shown; a СОР's points out of its maximum; a stay in a class in the
    word order of each language, days as DD.MM.YYYY (the console page and the PDF say the same: server.extract)."""
    from server.extract import Extract, SubjectLine, shown

    line = SubjectLine({"kk": "Алгебра", "ru": "Алгебра", "en": "Algebra"},
                       marks=[(dt.date(2026, 9, 7), "7", "absent"), (dt.date(2026, 9, 8), None, "ill")],
                       works=[(dt.date(2026, 11, 19), "СОР №1", 6, 10)], periods=[("term", 1, 4)])
    pupil = Extract("Сейітова Аружан", dt.date(2013, 7, 19), [("7 «Б»", dt.date(2026, 9, 1), dt.date(2026, 12, 20))],
                    [line])
    kazakh, russian = shown(pupil, "kk"), shown(pupil, "ru")
    assert kazakh.stays == ["7 «Б» сыныбы: 01.09.2026 бастап 20.12.2026 дейін"]
    assert russian.stays == ["Класс 7 «Б»: с 01.09.2026 по 20.12.2026"] and russian.born == "19.07.2013"
    assert russian.rows == [("Алгебра", "07.09: н 7, 08.09: б", "СОР №1 (19.11): 6/10", "1-я четверть: 4")]
