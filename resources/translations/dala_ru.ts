<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="111"/>
        <location filename="../../desktop/app.py" line="137"/>
        <location filename="../../desktop/app.py" line="182"/>
        <location filename="../../desktop/app.py" line="189"/>
        <location filename="../../desktop/app.py" line="200"/>
        <source>Dala Journal</source>
        <translation>Dala Journal</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="137"/>
        <source>This PC&apos;s keychain cannot be used ({error}); the journal&apos;s keys are kept only there.</source>
        <translation>Хранилище ключей этого компьютера недоступно ({error}); ключи журнала хранятся только там.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="183"/>
        <source>The address of your school&apos;s server:</source>
        <translation>Адрес сервера вашей школы:</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="112"/>
        <source>This journal is not set up yet: log in once online.</source>
        <translation>Журнал ещё не настроен: войдите один раз при наличии сети.</translation>
    </message>
</context>
<context>
    <name>FinalMarkDialog</name>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="25"/>
        <source>Final mark</source>
        <translation>Итоговая оценка</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="31"/>
        <source>pass</source>
        <translation>зачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="31"/>
        <source>fail</source>
        <translation>незачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="38"/>
        <source>Why the final mark differs from the computed one</source>
        <translation>Почему итоговая оценка отличается от вычисленной</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="43"/>
        <source>Computed:</source>
        <translation>Вычислено:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="44"/>
        <source>Final mark:</source>
        <translation>Итоговая оценка:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="45"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="62"/>
        <source>A final mark different from the computed one needs a reason; it is kept in the audit log.</source>
        <translation>Для итоговой оценки, отличной от вычисленной, нужна причина; она сохраняется в журнале аудита.</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="64"/>
        <source>The computed mark stands; no reason is needed.</source>
        <translation>Остаётся вычисленная оценка; причина не нужна.</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../desktop/journal_model.py" line="238"/>
        <source>Pupil</source>
        <translation>Ученик</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="240"/>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="213"/>
        <location filename="../../desktop/journal_model.py" line="244"/>
        <location filename="../../desktop/journal_model.py" line="248"/>
        <source>SOR</source>
        <translation>СОР</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="195"/>
        <source>n/a</source>
        <translation>н/а</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="183"/>
        <source>pass</source>
        <translation>зачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="183"/>
        <source>fail</source>
        <translation>незачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="205"/>
        <source>Final mark %1, set over the computed %2. Reason: %3</source>
        <translation>Итоговая оценка %1 вместо вычисленной %2. Причина: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="210"/>
        <source>Not attested for now: a summative work is not written yet.</source>
        <translation>Временно не аттестован: суммативная работа ещё не написана.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="212"/>
        <source>A one-hour-a-week subject: graded per half-year.</source>
        <translation>Предмет один час в неделю: оценивается по полугодиям.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="213"/>
        <location filename="../../desktop/journal_model.py" line="244"/>
        <location filename="../../desktop/journal_model.py" line="248"/>
        <source>SOCH</source>
        <translation>СОЧ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="213"/>
        <source>FO</source>
        <translation>ФО</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="251"/>
        <source>out of %1 points</source>
        <translation>из %1 баллов</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="56"/>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="57"/>
        <source>Homework</source>
        <translation>Домашнее задание</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="58"/>
        <source>Add a lesson…</source>
        <translation>Добавить урок…</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="62"/>
        <source>No lesson chosen</source>
        <translation>Урок не выбран</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="84"/>
        <source>Add a lesson</source>
        <translation>Добавить урок</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="90"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="91"/>
        <source>Lesson number</source>
        <translation>Номер урока</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/lock_screen.py" line="62"/>
        <source>The journal is locked (%1). Type your offline password.</source>
        <translation>Журнал заблокирован (%1). Введите офлайн-пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/lock_screen.py" line="63"/>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../desktop/lock_screen.py" line="64"/>
        <source>Another teacher…</source>
        <translation>Другой учитель…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login_dialog.py" line="36"/>
        <source>Log in to the school&apos;s server</source>
        <translation>Вход на сервер школы</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="48"/>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="49"/>
        <source>Username</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="50"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="62"/>
        <source>Logging in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="72"/>
        <source>Downloading your journal…</source>
        <translation>Загружается ваш журнал…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="244"/>
        <source>Term %1</source>
        <translation>%1-я четверть</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="246"/>
        <source>Half-year %1</source>
        <translation>%1-е полугодие</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="247"/>
        <source>Year</source>
        <translation>Учебный год</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="292"/>
        <source>Choose a lesson&apos;s cell to write in.</source>
        <translation>Выберите ячейку урока, чтобы писать в неё.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="295"/>
        <source>This pupil was not in the class on that day.</source>
        <translation>Этого ученика в тот день не было в классе.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="367"/>
        <location filename="../../desktop/main_window.py" line="379"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="461"/>
        <source>Export as CSV…</source>
        <translation>Сохранить как CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="464"/>
        <source>Saved %1 rows to %2</source>
        <translation>Сохранено строк: %1, файл %2</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="544"/>
        <source>Dala Journal</source>
        <translation>Dala Journal</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="545"/>
        <location filename="../../desktop/self_test.py" line="44"/>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="546"/>
        <source>Add a summative work…</source>
        <translation>Добавить суммативную работу…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="547"/>
        <source>Final mark…</source>
        <translation>Итоговая оценка…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="548"/>
        <source>Reports…</source>
        <translation>Отчёты…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="549"/>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="552"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="553"/>
        <source>Lesson</source>
        <translation>Урок</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="554"/>
        <source>To review</source>
        <translation>Проверить</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/messages.py" line="17"/>
        <location filename="../../desktop/messages.py" line="43"/>
        <source>{value} is not a mark here: this course takes {allowed}.</source>
        <translation>{value} здесь не оценка: по этому предмету ставят {allowed}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="18"/>
        <location filename="../../desktop/messages.py" line="49"/>
        <source>This course is not graded with marks; only attendance and comments.</source>
        <translation>По этому предмету оценки не ставятся; только посещаемость и комментарии.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="19"/>
        <source>Unknown attendance code.</source>
        <translation>Неизвестный код посещаемости.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="20"/>
        <source>The text is too long: {length} characters, at most {limit}.</source>
        <translation>Текст слишком длинный: {length} символов, допустимо не больше {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="21"/>
        <source>This pupil was not in the class on {date}.</source>
        <translation>Этого ученика {date} не было в классе.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="22"/>
        <source>This is not your course, and you are not substituting in this lesson.</source>
        <translation>Это не ваш предмет, и вы не замещаете этот урок.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="23"/>
        <source>The period containing {date} is closed; its marks can no longer be changed.</source>
        <translation>Период, в который входит {date}, закрыт; его оценки больше нельзя менять.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="24"/>
        <source>{date} is not in any term of the school year.</source>
        <translation>{date} не входит ни в одну четверть учебного года.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="25"/>
        <source>This record is no longer in the journal.</source>
        <translation>Этой записи больше нет в журнале.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="26"/>
        <source>The lesson cannot be added: {reason}.</source>
        <translation>Урок нельзя добавить: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="27"/>
        <source>{value} is outside 0–{max_points} points for this work.</source>
        <translation>{value} вне диапазона 0–{max_points} баллов этой работы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="28"/>
        <source>The summative work cannot be added: {reason}.</source>
        <translation>Суммативную работу нельзя добавить: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="29"/>
        <source>A final mark of {mark} differs from the computed one: say why (the reason is audited).</source>
        <translation>Итоговая оценка {mark} отличается от вычисленной: укажите причину (она сохраняется в аудите).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="34"/>
        <source>The journal refused the change ({code}).</source>
        <translation>Журнал не принял изменение ({code}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="46"/>
        <source>{value} is not a score here: this work takes {allowed} points.</source>
        <translation>{value} здесь не балл: эта работа оценивается в {allowed} баллов.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="50"/>
        <source>“{key}” means nothing in a cell. Type a mark, an attendance letter ({letters}), or Delete.</source>
        <translation>«{key}» в ячейке ничего не значит. Введите оценку, букву посещаемости ({letters}) или нажмите Delete.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="57"/>
        <source>the period is closed</source>
        <translation>период закрыт</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="58"/>
        <source>not your course</source>
        <translation>не ваш предмет</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="59"/>
        <source>another school&apos;s record</source>
        <translation>запись другой школы</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="60"/>
        <source>the pupil was not in the class that day</source>
        <translation>ученика в тот день не было в классе</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="61"/>
        <source>not a valid mark</source>
        <translation>недопустимая оценка</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="62"/>
        <source>already resolved by someone else</source>
        <translation>уже решено кем-то другим</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="63"/>
        <source>a final mark needs a reason</source>
        <translation>для итоговой оценки нужна причина</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="72"/>
        <source>Too many wrong passwords; try again in {wait} s.</source>
        <translation>Слишком много неверных паролей; повторите через {wait} с.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="74"/>
        <source>Wrong password. Try again in {wait} s.</source>
        <translation>Неверный пароль. Повторите через {wait} с.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="75"/>
        <source>Wrong password.</source>
        <translation>Неверный пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="81"/>
        <source>This is SOR number {count} in the term; at most {limit} are allowed.</source>
        <translation>Это {count}-й СОР в четверти; допускается не более {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="83"/>
        <source>{count} SOCH on {date} in this class; at most {limit} a day are allowed.</source>
        <translation>В этом классе {date} уже {count} СОЧ; допускается не более {limit} в день.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="85"/>
        <source>A SOCH may not be held on the last day of the term ({date}).</source>
        <translation>СОЧ не проводится в последний день четверти ({date}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="87"/>
        <source>A SOCH and a SOR of one subject may not be held on the same day ({date}).</source>
        <translation>СОЧ и СОР по одному предмету не проводятся в один день ({date}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="96"/>
        <source>No connection to the school&apos;s server.</source>
        <translation>Нет связи с сервером школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="97"/>
        <source>The server is busy; trying again shortly.</source>
        <translation>Сервер занят; скоро попробуем снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="98"/>
        <source>The server had a problem; trying again later.</source>
        <translation>На сервере произошла ошибка; попробуем позже.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="99"/>
        <source>The connection broke off; trying again.</source>
        <translation>Связь оборвалась; пробуем снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="100"/>
        <source>Wrong username or password.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="101"/>
        <source>Too many wrong passwords; wait a little and try again.</source>
        <translation>Слишком много неверных паролей; подождите немного и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="102"/>
        <source>Your login has expired; please log in again.</source>
        <translation>Срок входа истёк; войдите снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="103"/>
        <source>The school admin has revoked this PC; please log in again.</source>
        <translation>Администратор школы отозвал доступ этого компьютера; войдите снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="104"/>
        <source>Log in to sync with the school&apos;s server.</source>
        <translation>Войдите, чтобы синхронизироваться с сервером школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="105"/>
        <source>This journal belongs to another account.</source>
        <translation>Этот журнал принадлежит другой учётной записи.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="106"/>
        <source>The journal file had a problem: {message}</source>
        <translation>С файлом журнала проблема: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="107"/>
        <source>The server&apos;s certificate is not trusted: this may not be your school&apos;s server. Ask the school admin.</source>
        <translation>Сертификат сервера не вызывает доверия: возможно, это не сервер вашей школы. Обратитесь к администратору школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="110"/>
        <source>This address is not encrypted; the school&apos;s server must start with https://.</source>
        <translation>Этот адрес не зашифрован; адрес сервера школы должен начинаться с https://.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="112"/>
        <source>This is not a server address (https://…).</source>
        <translation>Это не адрес сервера (https://…).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="113"/>
        <source>Too many requests; trying again shortly.</source>
        <translation>Слишком много запросов; скоро попробуем снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="119"/>
        <source>Sync failed: {message}</source>
        <translation>Синхронизация не удалась: {message}</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="39"/>
        <source>Dala Journal</source>
        <translation>Dala Journal</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="49"/>
        <source>%1 (new on this PC)</source>
        <translation>%1 (новый на этом компьютере)</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="64"/>
        <source>Forgot the password?</source>
        <translation>Забыли пароль?</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="68"/>
        <source>Username:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="69"/>
        <source>Offline password:</source>
        <translation>Офлайн-пароль:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="70"/>
        <source>Repeat it:</source>
        <translation>Повторите:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="73"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="77"/>
        <source>Teachers on this PC:</source>
        <translation>Учителя на этом компьютере:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="103"/>
        <source>Choose a teacher or type a username.</source>
        <translation>Выберите учителя или введите имя пользователя.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="108"/>
        <source>Choose an offline password of at least %1 characters.</source>
        <translation>Выберите офлайн-пароль не короче %1 символов.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="112"/>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="123"/>
        <source>This username cannot be used here.</source>
        <translation>Это имя пользователя здесь использовать нельзя.</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="25"/>
        <source>Reset the offline password</source>
        <translation>Сброс офлайн-пароля</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="34"/>
        <source>Log in to the school&apos;s server (online) to choose a new offline password. Nothing in your journal is lost.</source>
        <translation>Войдите на сервер школы (онлайн), чтобы выбрать новый офлайн-пароль. Ничего из журнала не потеряется.</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="39"/>
        <source>Server password:</source>
        <translation>Пароль на сервере:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="40"/>
        <source>New offline password:</source>
        <translation>Новый офлайн-пароль:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="41"/>
        <source>Repeat it:</source>
        <translation>Повторите:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="51"/>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="54"/>
        <source>Logging in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="74"/>
        <source>This PC cannot recover this journal: it never logged in online for it.</source>
        <translation>Этот компьютер не может восстановить журнал: для него ни разу не выполнялся онлайн-вход.</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="30"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="32"/>
        <source>a year test</source>
        <translation>годовая контрольная</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="32"/>
        <source>repeats the year</source>
        <translation>остаётся на второй год</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="34"/>
        <location filename="../../desktop/reports_dialog.py" line="35"/>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="34"/>
        <location filename="../../desktop/reports_dialog.py" line="35"/>
        <source>Pupil</source>
        <translation>Ученик</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="35"/>
        <source>Subjects with a 2</source>
        <translation>Предметы с «2»</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="35"/>
        <source>Outcome</source>
        <translation>Последствие</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="39"/>
        <source>«Altyn belgi» candidates</source>
        <translation>Претенденты на «Алтын белгі»</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="39"/>
        <source>Year mark 2</source>
        <translation>Годовая «2»</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="41"/>
        <source>Export as CSV…</source>
        <translation>Сохранить как CSV…</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/review_panel.py" line="86"/>
        <source>Keep the value that stands</source>
        <translation>Оставить текущее значение</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="87"/>
        <source>Keep the other value</source>
        <translation>Оставить другое значение</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="88"/>
        <source>Type another value…</source>
        <translation>Ввести другое значение…</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="89"/>
        <source>Mark as seen</source>
        <translation>Отметить как просмотренное</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="94"/>
        <source>Conflicts: %n</source>
        <translation>
            <numerusform>Конфликтов: %n</numerusform>
            <numerusform>Конфликтов: %n</numerusform>
            <numerusform>Конфликтов: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="95"/>
        <source>Refused by the server: %n</source>
        <translation>
            <numerusform>Отклонено сервером: %n</numerusform>
            <numerusform>Отклонено сервером: %n</numerusform>
            <numerusform>Отклонено сервером: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="98"/>
        <source>%1 — %2: %3 stands (%4); the other value was %5</source>
        <translation>%1 — %2: действует %3 (%4); другое значение было %5</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="107"/>
        <source>%1 — %2: %3 was not accepted: %4</source>
        <translation>%1 — %2: %3 не принято: %4</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="118"/>
        <source>mark</source>
        <translation>оценка</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="118"/>
        <source>attendance</source>
        <translation>посещаемость</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="118"/>
        <source>comment</source>
        <translation>комментарий</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="119"/>
        <source>topic</source>
        <translation>тема</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="119"/>
        <source>homework</source>
        <translation>домашнее задание</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="134"/>
        <source>Resolve the conflict</source>
        <translation>Разрешить конфликт</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="134"/>
        <source>The value to keep:</source>
        <translation>Какое значение оставить:</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <location filename="../../desktop/sync_bar.py" line="44"/>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="45"/>
        <source>Log in…</source>
        <translation>Войти…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="51"/>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="51"/>
        <source>Downloading the journal…</source>
        <translation>Загрузка журнала…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="53"/>
        <source>Not synced yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="55"/>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="55"/>
        <source>Offline</source>
        <translation>Нет сети</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/sync_bar.py" line="56"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n изменение ждёт отправки</numerusform>
            <numerusform>%n изменения ждут отправки</numerusform>
            <numerusform>%n изменений ждут отправки</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="57"/>
        <source>Last sync: %1</source>
        <translation>Последняя синхронизация: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="58"/>
        <source>Never synced</source>
        <translation>Ещё ни разу не синхронизировано</translation>
    </message>
</context>
<context>
    <name>WorkDialog</name>
    <message>
        <location filename="../../desktop/work_dialog.py" line="26"/>
        <source>Add a summative work</source>
        <translation>Добавить суммативную работу</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="28"/>
        <source>SOR (summative for a section)</source>
        <translation>СОР (суммативное оценивание за раздел)</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="29"/>
        <source>SOCH (summative for the term)</source>
        <translation>СОЧ (суммативное оценивание за четверть)</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="39"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="40"/>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="41"/>
        <source>Section:</source>
        <translation>Раздел:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="42"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="43"/>
        <source>Maximum points:</source>
        <translation>Максимум баллов:</translation>
    </message>
</context>
</TS>
