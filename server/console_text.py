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
    "reports": {"kk": "Есептер", "ru": "Отчёты", "en": "Reports"},
    "show": {"kk": "Көрсету", "ru": "Показать", "en": "Show"},
    "marks_by_subject": {"kk": "Пәндер бойынша бағалар", "ru": "Оценки по предметам", "en": "Marks by subject"},
    "not_attested": {"kk": "у/а", "ru": "н/а", "en": "n/a"},
    "passed": {"kk": "сынақ", "ru": "зачёт", "en": "pass"},
    "failed": {"kk": "сынақ емес", "ru": "незачёт", "en": "fail"},
    "quality": {"kk": "Білім сапасы, %", "ru": "Качество знаний, %", "en": "Quality, %"},
    "success": {"kk": "Үлгерім, %", "ru": "Успеваемость, %", "en": "Success, %"},
    "attendance": {"kk": "Сабаққа қатысу", "ru": "Посещаемость", "en": "Attendance"},
    "lessons_missed": {"kk": "Босатылған сабақтар", "ru": "Пропущено уроков", "en": "Lessons missed"},
    "golden": {"kk": "«Алтын белгі» үміткерлері", "ru": "Претенденты на «Алтын белгі»",
               "en": "«Altyn belgi» candidates"},
    "honours": {"kk": "Үздік аттестат (куәлік)", "ru": "Аттестат (свидетельство) с отличием",
                "en": "Certificate with honours"},
    "year_twos": {"kk": "Жылдық «2»", "ru": "Годовая «2»", "en": "Year mark 2"},
    "outcome_year_test": {"kk": "жылдық сынақ", "ru": "годовая контрольная", "en": "a year test"},
    "outcome_repeat": {"kk": "сыныпта қалады", "ru": "остаётся на второй год", "en": "repeats the year"},
    "absent_today": {"kk": "Бүгін келмегендер", "ru": "Отсутствуют сегодня", "en": "Absent today"},
    "lessons": {"kk": "Сабақтар", "ru": "Уроки", "en": "Lessons"},
    "bundles": {"kk": "Флешкадағы пакеттер", "ru": "Пакеты с флешки", "en": "Bundles from a USB stick"},
    "bundles_help": {"kk": "Интернеті жоқ компьютерден флешкамен әкелінген синхрондау пакетін (.dala) таңдап, "
                           "серверге жіберіңіз; жауапты флешкаға сақтап, компьютерге қайтарыңыз.",
                     "ru": "Выберите пакет синхронизации (.dala), принесённый на флешке с компьютера без интернета, "
                           "и отправьте на сервер; сохраните ответ на флешку и отнесите обратно.",
                     "en": "Choose a sync bundle (.dala) brought on a USB stick from a PC without internet and send "
                           "it to the server; save the answer onto the stick and take it back."},
    "device_revoked": {"kk": "Мектеп әкімшісі бұл компьютерді бұғаттаған.",
                       "ru": "Администратор школы отозвал этот компьютер.",
                       "en": "The school admin has revoked this PC."},
    "bundle_send": {"kk": "Серверге жіберу", "ru": "Отправить на сервер", "en": "Send to the server"},
    "bundle_request": {"kk": "{device} компьютерінің сұрауы: {ops} өзгеріс, жасалған уақыты {made}",
                       "ru": "Запрос компьютера {device}: изменений {ops}, создан {made}",
                       "en": "Request from PC {device}: {ops} changes, made {made}"},
    "bundle_answer": {"kk": "{device} компьютеріне жауап, жасалған уақыты {made}: оны компьютерге қайтарыңыз",
                      "ru": "Ответ для компьютера {device}, создан {made}: отнесите его на компьютер",
                      "en": "An answer for PC {device}, made {made}: take it back to that PC"},
    "bundle_sending": {"kk": "Жіберілуде…", "ru": "Отправка…", "en": "Sending…"},
    "bundle_answer_ready": {"kk": "Жауапты флешкаға сақтаңыз (серверден {changes} өзгеріс)",
                            "ru": "Сохраните ответ на флешку (изменений с сервера: {changes})",
                            "en": "Save the answer onto the stick ({changes} changes from the server)"},
    "bundle_refused": {"kk": "Сервер пакетті қабылдамады ({code}).", "ru": "Сервер не принял пакет ({code}).",
                       "en": "The server refused the bundle ({code})."},
    "bundle_not_a_bundle": {"kk": "Бұл Dala Journal синхрондау пакеті емес.",
                            "ru": "Это не пакет синхронизации Dala Journal.",
                            "en": "This is not a Dala Journal sync bundle."},
    "bundle_truncated": {"kk": "Пакет толық көшірілмеген; оны компьютерден қайта көшіріңіз.",
                         "ru": "Пакет скопирован не полностью; скопируйте его заново с компьютера.",
                         "en": "The bundle was not copied whole; copy it again from its PC."},
    "bundle_bad_signature": {"kk": "Пакет жасалғаннан кейін өзгертілген.",
                             "ru": "Пакет изменён после создания.",
                             "en": "The bundle was changed after it was made."},
    "bundle_not_for_us": {"kk": "Пакет басқа мектептің серверіне арналған.",
                          "ru": "Пакет предназначен серверу другой школы.",
                          "en": "The bundle is meant for another school's server."},
    "bundle_unknown_device": {"kk": "Сервер бұл компьютердің кілтін білмейді: ол бір рет интернет арқылы "
                                    "синхрондалуы керек.",
                              "ru": "Сервер не знает ключ этого компьютера: он должен один раз синхронизироваться "
                                    "по интернету.",
                              "en": "The server does not know this PC's key: it must sync online once."},
    "bundle_too_large": {"kk": "Пакет тым үлкен.", "ru": "Пакет слишком велик.", "en": "The bundle is too large."},
    "bundle_not_a_request": {"kk": "Бұл жауап: оны өз компьютеріне қайтарыңыз.",
                             "ru": "Это ответ: отнесите его на свой компьютер.",
                             "en": "This is an answer: take it back to its PC."},
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
    "done_teacher": {"kk": "Пән жаңа мұғалімге берілді: оның компьютері келесі синхрондауда журналды жүктейді; "
                           "сол күнге дейінгі сабақтар бұрынғы мұғалімде қалады.",
                     "ru": "Предмет передан новому учителю: его компьютер загрузит журнал при следующей "
                           "синхронизации; уроки до этого дня остаются у прежнего учителя.",
                     "en": "The course was given to the new teacher: their PC downloads its journal at the next sync; "
                           "the lessons before that day stay with the former teacher."},
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
    "restore": {"kk": "Қалпына келтіру", "ru": "Восстановить", "en": "Restore"},
    "audit_checkpoint": {"kk": "Аудит журналының бақылау нүктесі", "ru": "Контрольная точка журнала аудита",
                         "en": "Audit log checkpoint"},
    "audit_checkpoint_why": {
        "kk": "Сервер қол қойған файл: журналдағы әр тізбектің қазіргі соңы. Оны серверден тыс жерде (мектептің "
              "компьютерінде, флешкада) сақтаңыз: кейін журнал өзгертілген-өзгертілмегенін тексеруге болады "
              "(dala-server verify-audit --checkpoint).",
        "ru": "Файл с подписью сервера: нынешние концы всех цепочек журнала аудита. Храните его вне сервера (на "
              "компьютере школы, на флешке): по нему потом можно проверить, не переписан ли журнал "
              "(dala-server verify-audit --checkpoint).",
        "en": "A file the server signs: where every chain of the audit log ends now. Keep it away from the server (on "
              "the school's PC, on a USB stick): it later shows whether the log was rewritten "
              "(dala-server verify-audit --checkpoint)."},
    "audit_checkpoint_download": {"kk": "Бақылау нүктесін жүктеп алу", "ru": "Скачать контрольную точку",
                                  "en": "Download a checkpoint"},
    "no_checkpoint": {"kk": "Аудит журналында әзірге жазба жоқ.", "ru": "В журнале аудита пока нет записей.",
                      "en": "The audit log has no entries yet."},
    "extract": {"kk": "үзінді көшірме", "ru": "выписка", "en": "extract"},
    "extract_title": {"kk": "Сынып журналынан үзінді көшірме", "ru": "Выписка из классного журнала",
                      "en": "Extract from the class journal"},
    "extract_date": {"kk": "Берілген күні", "ru": "Дата выдачи", "en": "Issued on"},
    "subject": {"kk": "Пән", "ru": "Предмет", "en": "Subject"},
    "marks_by_date": {"kk": "Бағалар мен қатысу (күні бойынша)", "ru": "Оценки и посещаемость (по датам)",
                      "en": "Marks and attendance (by date)"},
    "stay": {"kk": "{klass} сыныбы: {day} бастап{until}", "ru": "Класс {klass}: с {day}{until}",
             "en": "Class {klass}: from {day}{until}"},
    "stay_until": {"kk": " {day} дейін", "ru": " по {day}", "en": " until {day}"},
    "summative_works": {"kk": "Жиынтық жұмыстар (балл)", "ru": "Суммативные работы (баллы)",
                        "en": "Summative works (points)"},
    "period_marks": {"kk": "Кезең бағалары", "ru": "Оценки за периоды", "en": "Period marks"},
    "attendance_absent": {"kk": "жоқ", "ru": "н", "en": "absent"},
    "attendance_ill": {"kk": "ауру", "ru": "б", "en": "ill"},
    "attendance_excused": {"kk": "себепті", "ru": "у", "en": "excused"},
    "attendance_late": {"kk": "кешікті", "ru": "оп", "en": "late"},
    "print": {"kk": "Басып шығару: браузердің мәзірі (Ctrl+P).", "ru": "Печать: меню браузера (Ctrl+P).",
              "en": "To print: the browser's menu (Ctrl+P)."},
    "change_group": {"kk": "Басқа топқа ауысты", "ru": "Переведён в другую группу", "en": "Moves to another group"},
    "from_group": {"kk": "Қай топтан", "ru": "Из группы", "en": "From group"},
    "to_group": {"kk": "Қай топқа", "ru": "В группу", "en": "To group"},
    "no_group": {"kk": "— ешбір топтан (жаңа келген) —", "ru": "— ни из какой (новенький) —",
                 "en": "— no group (he came to the class) —"},
    "done_regrouped": {"kk": "Оқушының топқа ауысқаны сақталды.", "ru": "Перевод ученика в другую группу сохранён.",
                       "en": "The pupil's move to another group was saved."},
    "no_such_group": {"kk": "Сыныптың екі түрлі тобын таңдаңыз.", "ru": "Выберите две разные группы класса.",
                      "en": "Choose two different groups of the class."},
    "not_in_group": {"kk": "Оқушы бұл топта емес.", "ru": "Ученик не в этой группе.",
                     "en": "The pupil is not in that group."},
    "other_class": {"kk": "Топтар әр түрлі сыныптікі.", "ru": "Группы из разных классов.",
                    "en": "The groups are of different classes."},
    "was_in_group": {"kk": "Оқушы биыл бұл топта болған; қайта ауыстыру мүмкін емес.",
                     "ru": "Ученик уже был в этой группе в этом году; вернуть его туда нельзя.",
                     "en": "The pupil was in that group this year and cannot be moved back to it."},
    "teachers": {"kk": "Мұғалімдер", "ru": "Учителя", "en": "Teachers"},
    "teacher": {"kk": "Мұғалім", "ru": "Учитель", "en": "Teacher"},
    "bad_grade": {"kk": "Сыныптарды 0-ден 12-ге дейінгі сандармен жазыңыз.", "ru": "Укажите параллели числами 0–12.",
                  "en": "Give the grades as numbers 0–12."},
    "data": {"kk": "Деректер", "ru": "Данные", "en": "Data"},
    "no_pdf_font": {"kk": "Серверде PDF үшін қаріп жоқ: fonts-dejavu-core бумасын орнатыңыз (немесе DALA_PDF_FONT).",
                    "ru": "На сервере нет шрифта для PDF: установите пакет fonts-dejavu-core (или задайте "
                          "DALA_PDF_FONT).",
                    "en": "The server has no font for the PDF: install the fonts-dejavu-core package (or set "
                          "DALA_PDF_FONT)."},
    "transfer_extract": {"kk": "Басқа мектепке арналған үзінді (ZIP: журнал беттері және PDF)",
                         "ru": "Выписка для другой школы (ZIP: страницы журнала и PDF)",
                         "en": "Transfer extract for another school (ZIP: journal pages and PDF)"},
    "extract_pdf": {"kk": "PDF ретінде", "ru": "В PDF", "en": "As PDF"},
    "export_title": {"kk": "Мектептің барлық деректері", "ru": "Все данные школы", "en": "The school's whole data"},
    "export_help": {"kk": "Мектептің бүкіл журналы мен аудит журналы ашық пішімде (CSV файлдары мен манифест, "
                          "docs/school-export.md): басқа жүйеге көшу немесе сақтау үшін. Оқушылардың дербес деректері "
                          "бар: файлды қорғалған жерде сақтаңыз.",
                    "ru": "Весь журнал школы и журнал аудита в открытом формате (CSV-файлы с манифестом, "
                          "docs/school-export.md): для переезда в другую систему или хранения. Содержит персональные "
                          "данные учеников: храните файл в защищённом месте.",
                    "en": "The school's whole journal and audit trail in an open format (CSV files with a manifest, "
                          "docs/school-export.md): to move to another system or to keep. It holds pupils' personal "
                          "data: keep the file somewhere safe."},
    "export_whole_school": {"kk": "Бүкіл мектеп", "ru": "Вся школа", "en": "The whole school"},
    "export_pupil": {"kk": "Оқушының толық деректері (ZIP, CSV және аудит)", "ru": "Все данные ученика (ZIP, CSV и "
                     "аудит)", "en": "The pupil's whole data (ZIP, CSV and audit)"},
    "export_button": {"kk": "Экспортты жүктеп алу (ZIP)", "ru": "Скачать выгрузку (ZIP)",
                      "en": "Download the export (ZIP)"},
    "journal_import_title": {"kk": "Басқа жүйеден журнал беттері", "ru": "Страницы журнала из другой системы",
                             "en": "Journal pages from another system"},
    "journal_import_help": {"kk": "Мектеп оқу жылының ортасында келсе: бұрынғы бағалар, қатысу және жиынтық "
                                  "жұмыстар, бір файл — бір сыныптың бір пәні бір тоқсанға (CSV UTF-8 не XLSX, "
                                  "docs/journal-import.md). Алдымен тексеріңіз: ештеңе енгізілмейді.",
                            "ru": "Если школа пришла в середине года: прежние отметки, посещаемость и суммативные "
                                  "работы, один файл — предмет класса за четверть (CSV UTF-8 или XLSX, "
                                  "docs/journal-import.md). Сначала проверьте: ничего не будет внесено.",
                            "en": "A school that comes mid-year: its earlier marks, attendance and summative works, "
                                  "one file a class's subject for a term (CSV UTF-8 or XLSX, docs/journal-import.md). "
                                  "Check first: nothing is imported."},
    "import_source": {"kk": "Қай жүйеден", "ru": "Из какой системы", "en": "From which system"},
    "import_check": {"kk": "Тексеру", "ru": "Проверить", "en": "Check"},
    "import_do": {"kk": "Енгізу", "ru": "Внести", "en": "Import"},
    "import_too_large": {"kk": "Файлдар бір енгізу үшін тым үлкен (32 МБ-тан асады): оларды бірнеше бөлікпен "
                                "енгізіңіз, мысалы тоқсан бойынша.",
                         "ru": "Файлы слишком велики для одного внесения (больше 32 МБ): внесите их в несколько "
                               "приёмов, например по четвертям.",
                         "en": "The files are too large for one import (over 32 MB): import them in several goes, "
                               "for example a term at a time."},
    "import_working": {"kk": "Тексерілуде…", "ru": "Проверяется…", "en": "Checking…"},
    "import_checked": {"kk": "Барлық бет тексерілді және орнын тапты; енгізілетіні: {counts}. Ештеңе енгізілген жоқ.",
                       "ru": "Все страницы проверены и нашли своё место; будет внесено: {counts}. Ничего не внесено.",
                       "en": "Every page checks and has its place: {counts} would be imported. Nothing was "
                             "imported."},
    "import_done": {"kk": "{source} жүйесінен енгізілді: {counts}. Мұғалімдердің компьютерлері оларды келесі "
                          "синхрондауда алады.",
                    "ru": "Внесено из {source}: {counts}. Компьютеры учителей получат это при следующей "
                          "синхронизации.",
                    "en": "Imported from {source}: {counts}. The teachers' PCs receive them at their next sync."},
    "import_counts": {"kk": "{lessons} сабақ, {marks} баға, {attendance} қатысу белгісі, {works} жиынтық жұмыс, "
                            "{scores} балл",
                      "ru": "уроков: {lessons}, отметок: {marks}, отметок посещаемости: {attendance}, суммативных "
                            "работ: {works}, баллов: {scores}",
                      "en": "{lessons} lessons, {marks} marks, {attendance} attendance, {works} works, {scores} "
                            "scores"},
    "import_refused": {"kk": "Қабылданбады, ештеңе енгізілген жоқ:", "ru": "Отклонено, ничего не внесено:",
                       "en": "Refused, nothing was imported:"},
    # Journal pages from another system (server.journal_import): each refusal, {file} and {row} where it is
    "import_not_utf8": {"kk": "{file}: UTF-8 емес{hint}; оны «CSV UTF-8» ретінде сақтаңыз.",
                        "ru": "{file}: не UTF-8{hint}; сохраните его как «CSV UTF-8».",
                        "en": "{file}: not UTF-8{hint}; save it as «CSV UTF-8»"},
    "import_cp1251": {"kk": " (Windows-1251 сияқты)", "ru": " (похоже на Windows-1251)",
                      "en": " (it looks like Windows-1251)"},
    "import_cut_letter": {"kk": "{file}: файл толық емес (әріптің ортасында үзілген).",
                          "ru": "{file}: файл обрезан (обрывается посреди буквы).",
                          "en": "{file}: the file is cut short (it ends inside a letter)"},
    "import_bad_csv": {"kk": "{file}: CSV файлы оқылмайды ({error}).", "ru": "{file}: файл CSV не читается ({error}).",
                       "en": "{file}: not a readable CSV file ({error})"},
    "import_bad_xlsx": {"kk": "{file}: XLSX файлы оқылмайды (бүлінген не толық емес).",
                        "ru": "{file}: файл XLSX не читается (повреждён или обрезан).",
                        "en": "{file}: not a readable XLSX file (damaged or cut short)"},
    "import_bad_line": {"kk": "{file}, {row}-жол: {cell!r} — журнал бетінің жолы емес (Сынып, Пән, Тоқсан, Топ, содан "
                                "кейін күндер жолы).",
                        "ru": "{file}, строка {row}: {cell!r} — не строка страницы журнала (Класс, Предмет, Четверть, "
                              "Группа, затем строка дат).",
                        "en": "{file}, row {row}: {cell!r} is not a line of a journal page (Class, Subject, Term, "
                              "Group, then the Pupil line of dates)"},
    "import_short_row": {"kk": "{file}, {row}-жол: {fields} өріс, тақырыпта {header} (файл толық емес не бүлінген).",
                         "ru": "{file}, строка {row}: полей {fields}, в заголовке {header} (файл обрезан или "
                               "повреждён).",
                         "en": "{file}, row {row}: {fields} fields where the header has {header} (the file is cut "
                               "short or damaged)"},
    "import_missing_lines": {"kk": "{file}: {lines} жолы жоқ: бұл docs/journal-import.md сипаттаған журнал беті емес.",
                             "ru": "{file}: нет строки {lines}: это не страница журнала из docs/journal-import.md.",
                             "en": "{file}: its {lines} line is missing: not a journal page of docs/journal-import.md"},
    "import_no_school": {"kk": "Серверде {school} мектебі (әкімшісімен) жоқ.",
                         "ru": "На сервере нет школы {school} (с администратором).",
                         "en": "there is no school {school} (with an admin) on this server"},
    "import_no_class": {"kk": "{file}: мектепте {name!r} сыныбы жоқ.", "ru": "{file}: в школе нет класса {name!r}.",
                        "en": "{file}: no class {name!r} in the school"},
    "import_no_subject": {"kk": "{file}: мектепте {name!r} пәні оқытылмайды.",
                          "ru": "{file}: в школе не преподаётся предмет {name!r}.",
                          "en": "{file}: no subject {name!r} is taught in the school"},
    "import_no_term": {"kk": "{file}: оқу жылында {name!r} тоқсаны жоқ.", "ru": "{file}: в учебном году нет четверти "
                                                                                 "{name!r}.",
                       "en": "{file}: no term {name!r} in the school's year"},
    "import_groups": {"kk": "{file}: {klass} сыныбында {subject} {count} топта оқытылады: топты Топ жолында атаңыз.",
                      "ru": "{file}: в {klass} {subject} ведётся в {count} группах: назовите группу в строке Группа.",
                      "en": "{file}: {klass} is taught {subject} in {count} groups: name the group in a Group line"},
    "import_not_taught": {"kk": "{file}: {klass} сыныбында {subject} оқытылмайды{group}.",
                          "ru": "{file}: в {klass} не преподаётся {subject}{group}.",
                          "en": "{file}: {klass} is not taught {subject}{group}"},
    "import_same_page": {"kk": "{file}: осы бет ({klass}, {subject}, {term}-тоқсан) басқа файлда да бар.",
                         "ru": "{file}: эта же страница ({klass}, {subject}, четверть {term}) есть и в другом файле.",
                         "en": "{file}: the same page ({klass}, {subject}, term {term}) is in another file too"},
    "import_work_date": {"kk": "{file}: {work!r} жұмысына {term}-тоқсан ішіндегі күн керек.",
                         "ru": "{file}: работе {work!r} нужна дата в пределах четверти {term}.",
                         "en": "{file}: the work {work!r} needs a date within term {term}"},
    "import_bad_column": {"kk": "{file}: {text!r} бағаны — күн де, жиынтық жұмыс та емес (БЖБ/ТЖБ, жақшада балл, "
                                "күні).",
                          "ru": "{file}: столбец {text!r} — ни дата, ни суммативная работа (СОР/СОЧ, баллы в скобках, "
                                "дата).",
                          "en": "{file}: the column {text!r} is neither a date nor a summative work (СОР/СОЧ, its "
                                "points in brackets, its date)"},
    "import_outside_term": {"kk": "{file}: {day} {term}-тоқсанға жатпайды.",
                            "ru": "{file}: {day} не в четверти {term}.",
                            "en": "{file}: {day} is not in term {term}"},
    "import_no_pupil": {"kk": "{file}, {row}-жол: {term}-тоқсанда {klass} сыныбында {name!r} оқушысы жоқ.",
                        "ru": "{file}, строка {row}: в {klass} нет ученика {name!r} в {term}-й четверти.",
                        "en": "{file}, row {row}: no pupil {name!r} in {klass} in term {term}"},
    "import_many_pupils": {"kk": "{file}, {row}-жол: {klass} сыныбында {name!r} есімді {count} оқушы бар.",
                           "ru": "{file}, строка {row}: в {klass} {count} ученика с именем {name!r}.",
                           "en": "{file}, row {row}: {count} pupils of {klass} are named {name!r}"},
    "import_twice": {"kk": "{file}, {row}-жол: {name!r} бетте екі рет бар.",
                     "ru": "{file}, строка {row}: {name!r} на странице дважды.",
                     "en": "{file}, row {row}: {name!r} is on the page twice"},
    "import_bad_score": {"kk": "{file}, {row}-жол, «{column}»: {text!r} — 0–{top} балл емес.",
                         "ru": "{file}, строка {row}, «{column}»: {text!r} — не балл от 0 до {top}.",
                         "en": "{file}, row {row}, “{column}”: {text!r} is not a score of 0–{top}"},
    "import_bad_cell": {"kk": "{file}, {row}-жол, «{column}»: {text!r} — баға да, қатысу әрпі де емес.",
                        "ru": "{file}, строка {row}, «{column}»: {text!r} — ни отметка, ни буква посещаемости.",
                        "en": "{file}, row {row}, “{column}”: {text!r} is neither a mark nor an attendance letter"},
    "import_bad_mark": {"kk": "{file}, {row}-жол, «{column}»: {mark} бағасы {scale} шкаласында рұқсат етілмейді; "
                              "рұқсат: {allowed}.",
                        "ru": "{file}, строка {row}, «{column}»: отметка {mark} недопустима по шкале {scale}; "
                              "допустимо: {allowed}.",
                        "en": "{file}, row {row}, “{column}”: a mark of {mark} is not allowed on the {scale} scale; "
                              "allowed: {allowed}"},
    "import_held": {"kk": "{file}, {row}-жол, «{column}»: журналда онда {old} тұр, {new} емес (мұғалім енгізгені "
                          "өзгертілмейді).",
                    "ru": "{file}, строка {row}, «{column}»: в журнале там уже {old}, а не {new} (введённое учителем "
                          "не перезаписывается).",
                    "en": "{file}, row {row}, “{column}”: the journal already holds {old} there, not {new} (what a "
                          "teacher typed is never overwritten)"},
    "import_write": {"kk": "{file}, {row}-жол, «{column}»: {message}",
                     "ru": "{file}, строка {row}, «{column}»: {message}",
                     "en": "{file}, row {row}, “{column}”: {message}"},
    "import_write_column": {"kk": "{file}, «{column}» бағаны: {message}", "ru": "{file}, столбец «{column}»: {message}",
                            "en": "{file}, column “{column}”: {message}"},
    "import_two_values": {"kk": "{file}, {row}-жол, «{column}»: {text!r} ішінде екі баға не екі әріп бар: қайсысы "
                                "екені белгісіз.",
                          "ru": "{file}, строка {row}, «{column}»: в {text!r} две оценки или две буквы: неясно, какая "
                                "верна.",
                          "en": "{file}, row {row}, “{column}”: {text!r} holds two marks or two letters: which one is "
                                "meant?"},
    "import_bad_date": {"kk": "{file}: {text!r} — күнтізбеде жоқ күн.", "ru": "{file}: {text!r} — такой даты нет в "
                        "календаре.", "en": "{file}: {text!r} is not a real date."},
    "import_no_source": {"kk": "Беттер қай жүйеден екенін жазыңыз (ол әр бағаның жанында сақталады).",
                         "ru": "Укажите, из какой системы страницы (это сохраняется у каждой оценки).",
                         "en": "Say which system the pages come from (it is kept with every mark)."},
    "why_pupil_not_in_course": {"kk": "оқушы сол күні бұл сыныпта (топта) болмаған.",
                                "ru": "ученика в тот день не было в этом классе (группе).",
                                "en": "the pupil was not in this class (group) that day."},
    "why_period_closed": {"kk": "бұл кезең жабылған.", "ru": "этот период закрыт.", "en": "that period is closed."},
    "why_mark_in_future": {"kk": "бұл күн әлі келген жоқ.", "ru": "этот день ещё не наступил.",
                           "en": "that day has not come yet."},
    "why_invalid_lesson": {"kk": "ол күні сабақ болмайды (демалыс, мереке немесе оқу уақытынан тыс).",
                           "ru": "в этот день уроков нет (выходной, праздник или вне учебного времени).",
                           "en": "no lesson is held that day (a day off, a holiday or outside the school's time)."},
    "why_invalid_work": {"kk": "бұл пәнде мұндай жиынтық жұмыс жоқ (мысалы, ТЖБ бір сағаттық пәнде).",
                         "ru": "в этом предмете нет такой суммативной работы (например, СОЧ в часовом предмете).",
                         "en": "this subject takes no such summative work (for example a SOCH in a one-hour subject)."},
    "why_outside_school_year": {"kk": "күн оқу жылынан тыс.", "ru": "дата вне учебного года.",
                                "en": "the day is outside the school year."},
}


def text(key: str, language: str, **params: object) -> str:
    """The text of `key` in `language` (English where a language is unknown), its {params} filled in."""
    return unfilled(key, language).format(**params)


def unfilled(key: str, language: str) -> str:
    """The text of `key` in `language` with its {params} left as they are (a page's script fills them in)."""
    entry = TEXTS[key]
    return entry.get(language, entry["en"])


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
