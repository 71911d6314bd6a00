"""The admin console's words in Kazakh, Russian and English: every text its pages show, refusals included.

A catalogue of its own rather than the app's Qt translations: the server imports no Qt, and the console's few
dozen texts are looked up by key with the school's language as the default (`text`). A test checks that every
key has all three languages.
"""

from __future__ import annotations

LANGUAGES = ("kk", "ru", "en")
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

TEXTS: dict[str, dict[str, str]] = {
    "title": {"kk": "Dala Journal — мектеп әкімшісі", "ru": "Dala Journal — администратор школы",
              "en": "Dala Journal — school admin"},
    "login": {"kk": "Кіру", "ru": "Войти", "en": "Sign in"},
    "logout": {"kk": "Шығу", "ru": "Выйти", "en": "Sign out"},
    "username": {"kk": "Пайдаланушы аты", "ru": "Имя пользователя", "en": "Username"},
    "password": {"kk": "Құпиясөз", "ru": "Пароль", "en": "Password"},
    "bad_credentials": {"kk": "Пайдаланушы аты немесе құпиясөз қате.", "ru": "Неверное имя пользователя или пароль.",
                        "en": "Wrong username or password."},
    "locked": {"kk": "Қате құпиясөз тым көп енгізілді; {seconds} секундтан кейін қайталаңыз.",
               "ru": "Слишком много неверных паролей; повторите через {seconds} с.",
               "en": "Too many wrong passwords; try again in {seconds} seconds."},
    "rate_limited": {"kk": "Сұрау тым көп; {seconds} секундтан кейін қайталаңыз.",
                     "ru": "Слишком много запросов; повторите через {seconds} с.",
                     "en": "Too many requests; try again in {seconds} seconds."},
    "busy": {"kk": "Сервер бос емес; сәлден соң қайталаңыз.", "ru": "Сервер занят; повторите чуть позже.",
             "en": "The server is busy; try again shortly."},
    "admin_only": {"kk": "Бұл бетке тек мектеп әкімшісі кіре алады.",
                   "ru": "Эта страница только для администратора школы.",
                   "en": "Only the school admin may use this console."},
    "session_over": {"kk": "Сеанс аяқталды; қайта кіріңіз.", "ru": "Сеанс завершён; войдите снова.",
                     "en": "Your session is over; sign in again."},
    "csrf": {"kk": "Форма ескірген; бетті жаңартып, қайталаңыз.",
             "ru": "Форма устарела; обновите страницу и повторите.",
             "en": "This form is out of date; reload the page and try again."},
    "classes": {"kk": "Сыныптар", "ru": "Классы", "en": "Classes"},
    "class": {"kk": "Сынып", "ru": "Класс", "en": "Class"},
    "pupils_now": {"kk": "Қазір оқушы", "ru": "Учеников сейчас", "en": "Pupils now"},
    "pupils": {"kk": "Оқушылар", "ru": "Ученики", "en": "Pupils"},
    "pupil": {"kk": "Оқушы", "ru": "Ученик", "en": "Pupil"},
    "in_class": {"kk": "Сыныпта", "ru": "В классе", "en": "In the class"},
    "from": {"kk": "бастап", "ru": "с", "en": "from"},
    "until": {"kk": "дейін", "ru": "по", "en": "until"},
    "arrival": {"kk": "Жаңа оқушы келді", "ru": "Прибыл новый ученик", "en": "A new pupil arrives"},
    "last_name": {"kk": "Тегі", "ru": "Фамилия", "en": "Last name"},
    "first_name": {"kk": "Аты", "ru": "Имя", "en": "First name"},
    "patronymic": {"kk": "Әкесінің аты", "ru": "Отчество", "en": "Patronymic"},
    "birth_date": {"kk": "Туған күні", "ru": "Дата рождения", "en": "Date of birth"},
    "sex": {"kk": "Жынысы", "ru": "Пол", "en": "Sex"},
    "sex_m": {"kk": "ер", "ru": "муж.", "en": "male"},
    "sex_f": {"kk": "әйел", "ru": "жен.", "en": "female"},
    "from_date": {"kk": "Келген күні", "ru": "Дата прибытия", "en": "First day"},
    "order": {"kk": "Бұйрық (нөмірі, күні)", "ru": "Приказ (номер, дата)", "en": "Order (number, date)"},
    "save": {"kk": "Сақтау", "ru": "Сохранить", "en": "Save"},
    "leave": {"kk": "Мектептен шықты", "ru": "Выбыл из школы", "en": "Leaves the school"},
    "last_day": {"kk": "Соңғы күні", "ru": "Последний день", "en": "Last day"},
    "move": {"kk": "Басқа сыныпқа ауысты", "ru": "Переведён в другой класс", "en": "Moves to another class"},
    "to_class": {"kk": "Қай сыныпқа", "ru": "В класс", "en": "To class"},
    "done_arrived": {"kk": "Оқушы сыныпқа қосылды; мұғалімдердің компьютерлері келесі синхрондауда алады.",
                     "ru": "Ученик добавлен в класс; компьютеры учителей получат это при следующей синхронизации.",
                     "en": "The pupil was added to the class; the teachers' PCs get it at their next sync."},
    "done_left": {"kk": "Оқушының шыққаны сақталды.", "ru": "Выбытие ученика сохранено.",
                  "en": "The pupil's departure was saved."},
    "done_moved": {"kk": "Оқушының ауысқаны сақталды.", "ru": "Перевод ученика сохранён.",
                   "en": "The pupil's move was saved."},
    "refused": {"kk": "Сақталмады:", "ru": "Не сохранено:", "en": "Not saved:"},
    "no_such_class": {"kk": "Мектепте мұндай сынып жоқ.", "ru": "В школе нет такого класса.",
                      "en": "There is no such class in the school."},
    "no_such_pupil": {"kk": "Мектепте мұндай оқушы жоқ.", "ru": "В школе нет такого ученика.",
                      "en": "There is no such pupil in the school."},
    "not_in_a_class": {"kk": "Оқушы қазір ешбір сыныпта емес (мектептен шыққан).",
                       "ru": "Ученик сейчас ни в одном классе (выбыл из школы).",
                       "en": "The pupil is in no class now (he has left the school)."},
    "date_outside_year": {"kk": "Күн оқу жылынан тыс.", "ru": "Дата вне учебного года.",
                          "en": "The date is outside the school year."},
    "date_before_joining": {"kk": "Күн оқушы сыныпқа келген күннен бұрын.",
                            "ru": "Дата раньше дня, когда ученик пришёл в класс.",
                            "en": "The date is before the pupil joined the class."},
    "same_class": {"kk": "Оқушы осы сыныпта оқиды.", "ru": "Ученик уже в этом классе.",
                   "en": "The pupil is already in this class."},
    "name_required": {"kk": "Тегі мен аты міндетті (100 таңбаға дейін).",
                      "ru": "Фамилия и имя обязательны (до 100 знаков).",
                      "en": "The last and first names are required (up to 100 characters)."},
    "bad_sex": {"kk": "Жынысы: ер, әйел немесе бос.", "ru": "Пол: муж., жен. или не указан.",
                "en": "Sex: male, female or left empty."},
    "order_required": {"kk": "Бұйрықтың нөмірі мен күні міндетті (60 таңбаға дейін).",
                       "ru": "Номер и дата приказа обязательны (до 60 знаков).",
                       "en": "The order's number and date are required (up to 60 characters)."},
    "bad_date": {"kk": "Күнді ЖЖЖЖ-АА-КК түрінде жазыңыз.", "ru": "Укажите дату в виде ГГГГ-ММ-ДД.",
                 "en": "Give the date as YYYY-MM-DD."},
    "bad_number": {"kk": "Сынып таңдалмаған.", "ru": "Класс не выбран.", "en": "No class was chosen."},
    "not_found": {"kk": "Бет табылмады.", "ru": "Страница не найдена.", "en": "Page not found."},
    "calendar": {"kk": "Оқу күнтізбесі", "ru": "Учебный календарь", "en": "School calendar"},
    "days_off": {"kk": "Сабақ жоқ күндер", "ru": "Дни без уроков", "en": "Days without lessons"},
    "add_day_off": {"kk": "Сабақ жоқ күн қосу", "ru": "Добавить день без уроков", "en": "Add days without lessons"},
    "day_from": {"kk": "Бірінші күні", "ru": "Первый день", "en": "First day"},
    "day_to": {"kk": "Соңғы күні", "ru": "Последний день", "en": "Last day"},
    "day_off_kind": {"kk": "Түрі", "ru": "Вид", "en": "Kind"},
    "kind_holiday": {"kk": "мереке", "ru": "праздник", "en": "public holiday"},
    "kind_break": {"kk": "демалыс (каникул)", "ru": "каникулы", "en": "break"},
    "kind_moved": {"kk": "ауыстырылған демалыс күні", "ru": "перенесённый выходной", "en": "day off moved"},
    "grades": {"kk": "Сыныптар (параллель)", "ru": "Параллели классов", "en": "Grades"},
    "day_off_name": {"kk": "Атауы", "ru": "Название", "en": "Name"},
    "remove": {"kk": "Жою", "ru": "Удалить", "en": "Remove"},
    "done_day_off_added": {"kk": "Күн сақталды; мұғалімдердің компьютерлері келесі синхрондауда алады.",
                           "ru": "День сохранён; компьютеры учителей получат его при следующей синхронизации.",
                           "en": "Saved; the teachers' PCs get it at their next sync."},
    "done_day_off_removed": {"kk": "Күн күнтізбеден жойылды.", "ru": "День удалён из календаря.",
                             "en": "The day was taken out of the calendar."},
    "bad_day_off": {"kk": "Күндер оқу жылының ішінде, бірінші күні соңғысынан бұрын, сыныптар 0–12, атауы міндетті.",
                    "ru": "Дни в пределах учебного года, первый не позже последнего, параллели 0–12, название "
                          "обязательно.",
                    "en": "The days within the school year, the first not after the last, grades 0–12, a name "
                          "required."},
    "no_such_day_off": {"kk": "Күнтізбеде мұндай күн жоқ.", "ru": "В календаре нет такого дня.",
                        "en": "There is no such day in the calendar."},
    "courses": {"kk": "Пәндер", "ru": "Предметы", "en": "Courses"},
    "timetable": {"kk": "сабақ кестесі", "ru": "расписание", "en": "timetable"},
    "week_versions": {"kk": "Кесте нұсқалары", "ru": "Версии расписания", "en": "Timetable versions"},
    "lessons_of_week": {"kk": "Аптадағы сабақтар", "ru": "Уроки недели", "en": "Lessons of the week"},
    "new_week": {"kk": "Жаңа апта кестесі (көрсетілген күннен бастап)",
                 "ru": "Новое расписание недели (с указанной даты)", "en": "A new week (from the day given)"},
    "weekday_1": {"kk": "Дс", "ru": "Пн", "en": "Mon"},
    "weekday_2": {"kk": "Сс", "ru": "Вт", "en": "Tue"},
    "weekday_3": {"kk": "Ср", "ru": "Ср", "en": "Wed"},
    "weekday_4": {"kk": "Бс", "ru": "Чт", "en": "Thu"},
    "weekday_5": {"kk": "Жм", "ru": "Пт", "en": "Fri"},
    "weekday_6": {"kk": "Сб", "ru": "Сб", "en": "Sat"},
    "done_week": {"kk": "Кесте сақталды: {added} сабақ қосылды, {removed} алынды, {kept} сабақта жазба бар, "
                        "сондықтан қалдырылды. Мұғалімдердің компьютерлері келесі синхрондауда алады.",
                  "ru": "Расписание сохранено: уроков добавлено {added}, убрано {removed}, оставлено {kept} "
                        "(в них уже есть записи). Компьютеры учителей получат это при следующей синхронизации.",
                  "en": "Saved: {added} lessons added, {removed} taken away, {kept} kept because they hold what a "
                        "teacher wrote. The teachers' PCs get it at their next sync."},
    "no_such_course": {"kk": "Мектепте мұндай пән жоқ.", "ru": "В школе нет такого предмета.",
                       "en": "There is no such course in the school."},
    "bad_slot": {"kk": "Мұндай күн не сабақ нөмірі мектеп аптасында жоқ.",
                 "ru": "Такого дня или номера урока нет в неделе школы.",
                 "en": "No such day or lesson number in the school's week."},
    "timetable_clash": {"kk": "Сол уақытта сыныпта не мұғалімде басқа сабақ бар.",
                        "ru": "В это время у класса или учителя уже есть другой урок.",
                        "en": "The class or the teacher already has another lesson at that time."},
    "give_course": {"kk": "Пәнді басқа мұғалімге беру", "ru": "Передать предмет другому учителю",
                    "en": "Give the course to another teacher"},
    "new_teacher": {"kk": "Жаңа мұғалім", "ru": "Новый учитель", "en": "New teacher"},
    "done_teacher": {"kk": "Пән жаңа мұғалімге берілді; оның компьютері келесі синхрондауда журналды жүктейді, "
                           "бұрынғы мұғалімнің компьютерінен алынады.",
                     "ru": "Предмет передан новому учителю: его компьютер загрузит журнал при следующей "
                           "синхронизации, с компьютера прежнего учителя он будет убран.",
                     "en": "The course was given to the new teacher: their PC downloads its journal at the next sync, "
                           "and the former teacher's PC drops it."},
    "no_such_teacher": {"kk": "Мектепте мұндай мұғалім жоқ.", "ru": "В школе нет такого учителя.",
                        "en": "There is no such teacher in the school."},
    "same_teacher": {"kk": "Пән онсыз да осы мұғалімдікі.", "ru": "Предмет уже ведёт этот учитель.",
                     "en": "The course is already that teacher's."},
    "substitution": {"kk": "Алмастыру (басқа мұғалім сабақ береді)", "ru": "Замена (уроки ведёт другой учитель)",
                     "en": "Substitution (another teacher gives the lessons)"},
    "substitute": {"kk": "Алмастырушы мұғалім", "ru": "Заменяющий учитель", "en": "Substitute"},
    "no_substitute": {"kk": "— жоқ (сабақтарды өз мұғаліміне қайтару) —",
                      "ru": "— нет (вернуть уроки своему учителю) —",
                      "en": "— none (the lessons back to the course's teacher) —"},
    "lessons_count": {"kk": "Сабақ саны", "ru": "Уроков", "en": "Lessons"},
    "done_substitute": {"kk": "Алмастыру сақталды: {lessons} сабақ. Мұғалімдердің компьютерлері келесі "
                              "синхрондауда алады.",
                        "ru": "Замена сохранена: уроков {lessons}. Компьютеры учителей получат это при следующей "
                              "синхронизации.",
                        "en": "The substitution was saved: {lessons} lessons. The teachers' PCs get it at their next "
                              "sync."},
    "no_lessons": {"kk": "Бұл күндері пәннің сабағы жоқ.", "ru": "В эти дни у предмета нет уроков.",
                   "en": "The course has no lessons on those days."},
    "substitute_busy": {"kk": "Мұғалімнің сол уақытта басқа сабағы бар.",
                        "ru": "У учителя в это время другой урок.",
                        "en": "The teacher has another lesson at that time."},
    "periods": {"kk": "Кезеңдер", "ru": "Периоды", "en": "Periods"},
    "period": {"kk": "Кезең", "ru": "Период", "en": "Period"},
    "period_term": {"kk": "{number}-тоқсан", "ru": "{number}-я четверть", "en": "Term {number}"},
    "period_half_year": {"kk": "{number}-жартыжылдық", "ru": "{number}-е полугодие", "en": "Half-year {number}"},
    "period_year": {"kk": "Оқу жылы", "ru": "Учебный год", "en": "School year"},
    "close": {"kk": "Жабу", "ru": "Закрыть", "en": "Close"},
    "reopen": {"kk": "Қайта ашу", "ru": "Открыть снова", "en": "Reopen"},
    "devices": {"kk": "Құрылғылар", "ru": "Устройства", "en": "Devices"},
    "device_name": {"kk": "Компьютер", "ru": "Компьютер", "en": "Computer"},
    "last_seen": {"kk": "Соңғы синхрондау", "ru": "Последняя синхронизация", "en": "Last sync"},
    "revoke": {"kk": "Қайтарып алу", "ru": "Отозвать", "en": "Revoke"},
    "revoked": {"kk": "қайтарылды", "ru": "отозвано", "en": "revoked"},
    "bad_grade": {"kk": "Сыныптарды 0-ден 12-ге дейінгі сандармен жазыңыз.", "ru": "Укажите параллели числами 0–12.",
                  "en": "Give the grades as numbers 0–12."},
}


def text(key: str, language: str, **params: object) -> str:
    """The text of `key` in `language` (English where a language is unknown), its {params} filled in."""
    entry = TEXTS[key]
    return entry.get(language, entry["en"]).format(**params)


def pick(wanted: str | None, accept_language: str | None, default: str) -> str:
    """The console's language: the one asked for, else the first of the browser's that the console has, else the
    school's."""
    if wanted in LANGUAGES:
        return wanted
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return default if default in LANGUAGES else "kk"
