<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="135"/>
        <location filename="../../desktop/app.py" line="170"/>
        <location filename="../../desktop/app.py" line="199"/>
        <location filename="../../desktop/app.py" line="207"/>
        <location filename="../../desktop/app.py" line="268"/>
        <location filename="../../desktop/app.py" line="275"/>
        <location filename="../../desktop/app.py" line="286"/>
        <location filename="../../desktop/app.py" line="429"/>
        <location filename="../../desktop/crash_guard.py" line="132"/>
        <source>Dala Journal</source>
        <translation>Dala Journal</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="158"/>
        <location filename="../../desktop/app.py" line="201"/>
        <source>Checking the journal…</source>
        <translation>Проверка журнала…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="168"/>
        <source>Looking for a sound backup…</source>
        <translation>Поиск исправной резервной копии…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="171"/>
        <source>The journal on this PC is damaged: it fails its integrity check. It has not been opened, so it gets no worse, and it is kept beside the new one.</source>
        <translation>Журнал на этом компьютере повреждён: он не проходит проверку целостности. Он не открывался, поэтому хуже не станет, и сохранится рядом с новым.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="176"/>
        <source>Restore the backup of %1</source>
        <translation>Восстановить копию от %1</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="179"/>
        <source>Download it again from the server</source>
        <translation>Загрузить заново с сервера</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="181"/>
        <source>Restore a backup from a USB stick…</source>
        <translation>Восстановить копию с флешки…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="183"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="184"/>
        <source>A backup brings back the journal as it was then; what you typed after it comes back from the server at the next sync if it had reached the server, and is lost if it had not. A fresh download brings the journal as the server has it; what had not been sent is lost.</source>
        <translation>Резервная копия вернёт журнал таким, каким он был тогда; введённое после неё вернётся с сервера при следующей синхронизации, если успело дойти до сервера, а иначе будет потеряно. Новая загрузка даст журнал таким, каким его хранит сервер; неотправленное будет потеряно.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="190"/>
        <location filename="../../desktop/app.py" line="203"/>
        <source>Restoring the backup…</source>
        <translation>Восстановление копии…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="208"/>
        <source>That file is not a sound backup of this journal (or not opened by its password).</source>
        <translation>Этот файл не является исправной резервной копией этого журнала (или не открывается его паролем).</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="269"/>
        <source>The address of your school&apos;s server:</source>
        <translation>Адрес сервера вашей школы:</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="136"/>
        <source>This journal is not set up yet: log in once online.</source>
        <translation>Журнал ещё не настроен: войдите один раз при наличии сети.</translation>
    </message>
</context>
<context>
    <name>AttestationDialog</name>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="14"/>
        <source>Exam or year test mark</source>
        <translation>Оценка за экзамен или годовую контрольную</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="15"/>
        <source>Final attestation exam</source>
        <translation>Экзамен итоговой аттестации</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="15"/>
        <source>Year test (after a year 2)</source>
        <translation>Годовая контрольная (после годовой «2»)</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="24"/>
        <source>none (clear)</source>
        <translation>нет (убрать)</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="30"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="31"/>
        <source>Mark:</source>
        <translation>Оценка:</translation>
    </message>
</context>
<context>
    <name>ClassSummaryDialog</name>
    <message>
        <location filename="../../desktop/class_summary_dialog.py" line="34"/>
        <source>Class summary</source>
        <translation>Сводка по классу</translation>
    </message>
    <message>
        <location filename="../../desktop/class_summary_dialog.py" line="46"/>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/class_summary_dialog.py" line="46"/>
        <source>Save for Excel…</source>
        <translation>Сохранить для Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/class_summary_dialog.py" line="47"/>
        <source>Save the pupil&apos;s marks extract…</source>
        <translation>Сохранить выписку оценок ученика…</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <location filename="../../desktop/crash_guard.py" line="142"/>
        <source>Something went wrong, and the last action may not have finished. Your journal is kept: what was saved stays saved, and you can go on working. The details are in {log}</source>
        <translation>Что-то пошло не так, и последнее действие могло не завершиться. Журнал цел: всё сохранённое сохранено, можно продолжать работу. Подробности — в файле {log}</translation>
    </message>
</context>
<context>
    <name>FinalMarkDialog</name>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="26"/>
        <source>Final mark</source>
        <translation>Итоговая оценка</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="32"/>
        <source>pass</source>
        <translation>зачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="32"/>
        <source>fail</source>
        <translation>незачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="34"/>
        <source>Choose a mark</source>
        <translation>Выберите оценку</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="40"/>
        <source>Why the final mark differs from the computed one</source>
        <translation>Почему итоговая оценка отличается от вычисленной</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="46"/>
        <source>Computed:</source>
        <translation>Вычислено:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="47"/>
        <source>Final mark:</source>
        <translation>Итоговая оценка:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="48"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="67"/>
        <source>No mark can be computed for this period yet (too few marks or summative works count so far), so a final mark needs a reason.</source>
        <translation>Оценку за этот период пока нельзя вычислить (учтено ещё слишком мало оценок или суммативных работ), поэтому итоговой оценке нужна причина.</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="70"/>
        <source>A final mark different from the computed one needs a reason; it is kept in the audit log.</source>
        <translation>Для итоговой оценки, отличной от вычисленной, нужна причина; она сохраняется в журнале аудита.</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="73"/>
        <source>The computed mark stands; no reason is needed.</source>
        <translation>Остаётся вычисленная оценка; причина не нужна.</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../desktop/journal_model.py" line="313"/>
        <source>Pupil</source>
        <translation>Ученик</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="315"/>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="273"/>
        <location filename="../../desktop/journal_model.py" line="320"/>
        <location filename="../../desktop/journal_model.py" line="326"/>
        <source>SOR</source>
        <translation>СОР</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="255"/>
        <source>n/a</source>
        <translation>н/а</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="242"/>
        <source>pass</source>
        <translation>зачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="136"/>
        <source>Lesson cancelled: %1</source>
        <translation>Урок отменён: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="219"/>
        <source>Imported: %1</source>
        <translation>Импортировано: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="242"/>
        <source>fail</source>
        <translation>незачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="265"/>
        <source>Final mark %1, set over the computed %2. Reason: %3</source>
        <translation>Итоговая оценка %1 вместо вычисленной %2. Причина: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="270"/>
        <source>Not attested for now: a summative work is not written yet.</source>
        <translation>Временно не аттестован: суммативная работа ещё не написана.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="272"/>
        <source>A one-hour-a-week subject: graded per half-year.</source>
        <translation>Предмет один час в неделю: оценивается по полугодиям.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="273"/>
        <location filename="../../desktop/journal_model.py" line="320"/>
        <location filename="../../desktop/journal_model.py" line="326"/>
        <source>SOCH</source>
        <translation>СОЧ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="273"/>
        <source>FO</source>
        <translation>ФО</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="311"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="322"/>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="329"/>
        <source>out of %1 points</source>
        <translation>из %1 баллов</translation>
    </message>
</context>
<context>
    <name>KeyLegend</name>
    <message>
        <location filename="../../desktop/journal_view.py" line="169"/>
        <source>absent</source>
        <translation>отсутствовал</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="169"/>
        <source>ill</source>
        <translation>болел</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="170"/>
        <source>excused</source>
        <translation>уважительная причина</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="170"/>
        <source>late</source>
        <translation>опоздал</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="176"/>
        <source>Delete: clear</source>
        <translation>Delete: стереть</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="176"/>
        <source>F2: comment</source>
        <translation>F2: комментарий</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="178"/>
        <source>Marks type on the number row whatever the keyboard layout; a letter key means its letter in either script.</source>
        <translation>Оценки набираются цифровым рядом при любой раскладке клавиатуры; клавиша с буквой означает свою букву и в кириллице, и в латинице.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="184"/>
        <source>1 pass, 0 fail</source>
        <translation>1 зачёт, 0 незачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="189"/>
        <source>%1 points</source>
        <translation>%1 баллов</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="190"/>
        <source>marks %1</source>
        <translation>оценки %1</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="82"/>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="83"/>
        <source>Homework</source>
        <translation>Домашнее задание</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="84"/>
        <source>Add a lesson…</source>
        <translation>Добавить урок…</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="85"/>
        <source>Move lesson…</source>
        <translation>Перенести урок…</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="91"/>
        <source>Restore lesson</source>
        <translation>Вернуть урок</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="91"/>
        <source>Cancel lesson…</source>
        <translation>Отменить урок…</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="94"/>
        <source>Cancelled: %1</source>
        <translation>Отменён: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="101"/>
        <source>No lesson chosen</source>
        <translation>Урок не выбран</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="149"/>
        <source>Add a lesson</source>
        <translation>Добавить урок</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="163"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="164"/>
        <source>Lesson number</source>
        <translation>Номер урока</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="181"/>
        <source>Cancel lesson</source>
        <translation>Отмена урока</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="181"/>
        <source>Why is the lesson cancelled?</source>
        <translation>Почему урок отменён?</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="189"/>
        <source>Move lesson</source>
        <translation>Перенос урока</translation>
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
        <location filename="../../desktop/login_dialog.py" line="40"/>
        <source>Log in to the school&apos;s server</source>
        <translation>Вход на сервер школы</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="54"/>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="55"/>
        <source>Username</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="56"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="69"/>
        <source>Logging in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="79"/>
        <source>Downloading your journal…</source>
        <translation>Загружается ваш журнал…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="300"/>
        <source>%1 — to read</source>
        <translation>%1 — для просмотра</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="326"/>
        <source>Term %1</source>
        <translation>%1-я четверть</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="328"/>
        <source>Half-year %1</source>
        <translation>%1-е полугодие</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="329"/>
        <source>Year</source>
        <translation>Учебный год</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="402"/>
        <source>Choose a lesson&apos;s cell to write in.</source>
        <translation>Выберите ячейку урока, чтобы писать в неё.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="406"/>
        <source>This lesson is cancelled (%1); it takes no marks or attendance.</source>
        <translation>Этот урок отменён (%1); в него нельзя ставить ни оценки, ни отметки посещаемости.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="409"/>
        <source>This pupil was not in the class on that day.</source>
        <translation>Этого ученика в тот день не было в классе.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="492"/>
        <location filename="../../desktop/main_window.py" line="505"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="560"/>
        <source>Choose a summative work&apos;s column first.</source>
        <translation>Сначала выберите столбец суммативной работы.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="600"/>
        <source>Exam and year test marks are set in the year&apos;s journal of a subject graded by marks.</source>
        <translation>Оценки за экзамен и годовую контрольную ставятся в журнале за год по предмету с оценками.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="611"/>
        <source>No exam or year test here: exams are in grades 9 and 11, a year test follows a year 2.</source>
        <translation>Здесь нет экзамена или годовой контрольной: экзамены — в 9 и 11 классах, годовая контрольная — после годовой «2».</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="637"/>
        <source>Reports are made for a class teacher&apos;s class and for the school&apos;s admin.</source>
        <translation>Отчёты составляются классным руководителем по своему классу и администратором школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="672"/>
        <source>Your password has been changed.</source>
        <translation>Пароль изменён.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="679"/>
        <source>Sign out</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="680"/>
        <source>Sign this PC out of the school&apos;s server? Your journal stays on this PC, and what waits to be sent is sent after your next login.</source>
        <translation>Выйти на этом компьютере с сервера школы? Журнал останется на этом компьютере, а то, что ждёт отправки, будет отправлено после следующего входа.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="703"/>
        <source>This PC now carries the syncs of the school&apos;s PCs without internet, while it runs.</source>
        <translation>Пока этот компьютер работает, он передаёт синхронизацию компьютеров школы без интернета.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="710"/>
        <location filename="../../desktop/main_window.py" line="805"/>
        <source>Choose the USB stick</source>
        <translation>Выберите флешку</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="733"/>
        <source>Sync bundles of other PCs found on the USB stick were taken to the server (%1); their answers are on the stick.</source>
        <translation>Пакеты синхронизации других компьютеров с флешки переданы на сервер (%1); их ответы — на флешке.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="747"/>
        <source>Sync by USB stick</source>
        <translation>Синхронизация через флешку</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="758"/>
        <source>Signed out of the school&apos;s server. Log in to sync again.</source>
        <translation>Вы вышли с сервера школы. Войдите, чтобы снова синхронизировать.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="760"/>
        <source>Signed out on this PC; the server could not be reached to be told. Log in to sync again.</source>
        <translation>Вы вышли на этом компьютере; сервер сейчас недоступен, чтобы об этом сообщить. Войдите, чтобы снова синхронизировать.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="770"/>
        <source>You are not the class teacher of any class.</source>
        <translation>Вы не классный руководитель ни одного класса.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="815"/>
        <source>The journal is backed up to %1. The copy is encrypted: it opens only with your password.</source>
        <translation>Резервная копия журнала сохранена: %1. Копия зашифрована и открывается только вашим паролем.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="854"/>
        <source>Save the report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="859"/>
        <source>Saved to %1. The file is not encrypted: it holds pupils&apos; names and marks, so keep it off shared folders and USB sticks, and delete it when done.</source>
        <translation>Сохранено в %1. Файл не зашифрован: в нём имена и оценки учеников, поэтому не кладите его в общие папки и на флешки и удалите, когда он станет не нужен.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="884"/>
        <source>Nothing to undo.</source>
        <translation>Нечего отменять.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="884"/>
        <source>Nothing to redo.</source>
        <translation>Нечего повторять.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="891"/>
        <source>That edit was in another journal: it is changed there.</source>
        <translation>Эта правка была в другом журнале: изменение сделано там.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1072"/>
        <source>Dala Journal</source>
        <translation>Dala Journal</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1073"/>
        <location filename="../../desktop/self_test.py" line="48"/>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1074"/>
        <source>Add a summative work…</source>
        <translation>Добавить суммативную работу…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1075"/>
        <source>Change or delete this summative work…</source>
        <translation>Изменить или удалить эту суммативную работу…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1076"/>
        <source>Final mark…</source>
        <translation>Итоговая оценка…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1077"/>
        <source>Exam or year test mark…</source>
        <translation>Оценка за экзамен или годовую контрольную…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1078"/>
        <source>Reports…</source>
        <translation>Отчёты…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1079"/>
        <source>Class summary…</source>
        <translation>Сводка по классу…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1080"/>
        <source>Save the journal page…</source>
        <translation>Сохранить страницу журнала…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1081"/>
        <source>Back up to a USB stick…</source>
        <translation>Резервная копия на флешку…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1082"/>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1083"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1084"/>
        <source>Edit</source>
        <translation>Правка</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1085"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1086"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1087"/>
        <source>Today&apos;s lessons…</source>
        <translation>Уроки на сегодня…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1088"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1091"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1092"/>
        <source>Sync by USB stick…</source>
        <translation>Синхронизация через флешку…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1093"/>
        <source>Carry other PCs&apos; syncs on this network</source>
        <translation>Передавать синхронизацию других компьютеров этой сети</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1094"/>
        <source>Change password…</source>
        <translation>Сменить пароль…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1095"/>
        <source>Sign out of the server…</source>
        <translation>Выйти с сервера…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1096"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1097"/>
        <source>Lesson</source>
        <translation>Урок</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1098"/>
        <source>To review</source>
        <translation>Проверить</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/messages.py" line="158"/>
        <location filename="../../desktop/messages.py" line="212"/>
        <source>{value} is not a mark here: this course takes {allowed}.</source>
        <translation>{value} здесь не оценка: по этому предмету ставят {allowed}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="160"/>
        <location filename="../../desktop/messages.py" line="223"/>
        <source>This course is not graded with marks; only attendance and comments.</source>
        <translation>По этому предмету оценки не ставятся; только посещаемость и комментарии.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="162"/>
        <source>Unknown attendance code.</source>
        <translation>Неизвестный код посещаемости.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="163"/>
        <source>The text is too long: {length} characters, at most {limit}.</source>
        <translation>Текст слишком длинный: {length} символов, допустимо не больше {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="165"/>
        <source>This pupil was not in the class on {date}.</source>
        <translation>Этого ученика {date} не было в классе.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="166"/>
        <source>This is not your course, and you are not substituting in this lesson.</source>
        <translation>Это не ваш предмет, и вы не замещаете этот урок.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="168"/>
        <source>The period containing {date} is closed; its marks can no longer be changed.</source>
        <translation>Период, в который входит {date}, закрыт; его оценки больше нельзя менять.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="170"/>
        <source>{date} is not in any term of the school year.</source>
        <translation>{date} не входит ни в одну четверть учебного года.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="176"/>
        <source>This record is no longer in the journal.</source>
        <translation>Этой записи больше нет в журнале.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="178"/>
        <source>{value} is outside 0–{max_points} points for this work.</source>
        <translation>{value} вне диапазона 0–{max_points} баллов этой работы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="73"/>
        <source>Order No. 125 (2023), rounded half up</source>
        <translation>Приказ № 125 (2023), округление с половины вверх</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="56"/>
        <source>n/a</source>
        <translation>н/а</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="57"/>
        <source>pass</source>
        <translation>зачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="58"/>
        <source>fail</source>
        <translation>незачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="75"/>
        <source>Order No. 125 (2023), exact thresholds</source>
        <translation>Приказ № 125 (2023), точные пороги</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="78"/>
        <source>grading rule {rule}</source>
        <translation>правило оценивания {rule}</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="83"/>
        <source>The lesson cannot be added: unknown kind of lesson.</source>
        <translation>Урок нельзя добавить: неизвестный вид урока.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="85"/>
        <source>The lesson cannot be added: the date is not valid.</source>
        <translation>Урок нельзя добавить: неверная дата.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="87"/>
        <source>The lesson cannot be added: there is no lesson {slot} in the bell schedule.</source>
        <translation>Урок нельзя добавить: в расписании звонков нет {slot}-го урока.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="89"/>
        <source>The lesson cannot be added: the course already has lesson {slot} on {date}.</source>
        <translation>Урок нельзя добавить: у этого предмета уже есть {slot}-й урок {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="91"/>
        <source>The lesson cannot be added: the teacher already teaches lesson {slot} on {date}.</source>
        <translation>Урок нельзя добавить: у учителя уже есть {slot}-й урок {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="93"/>
        <source>The lesson cannot be added: the class already has lesson {slot} on {date}.</source>
        <translation>Урок нельзя добавить: у класса уже есть {slot}-й урок {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="95"/>
        <source>The lesson cannot be added: {date} is a day off ({name}).</source>
        <translation>Урок нельзя добавить: {date} — нерабочий день ({name}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="97"/>
        <source>The lesson cannot be added: the course&apos;s lesson {slot} of {date} was moved to another day; move it back instead.</source>
        <translation>Урок нельзя добавить: {slot}-й урок курса от {date} перенесён на другой день; лучше перенесите его обратно.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="100"/>
        <source>Say why the lesson is cancelled.</source>
        <translation>Укажите, почему урок отменён.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="102"/>
        <source>The lesson of {date} cannot be cancelled: it holds marks or attendance ({count}); clear them first.</source>
        <translation>Урок {date} нельзя отменить: в нём есть оценки или отметки посещаемости ({count}); сначала удалите их.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="104"/>
        <source>The lesson cannot be moved: there is no lesson {slot} in the bell schedule.</source>
        <translation>Урок нельзя перенести: в расписании звонков нет {slot}-го урока.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="106"/>
        <source>The lesson cannot be moved: the course already has lesson {slot} on {date}.</source>
        <translation>Урок нельзя перенести: у курса уже есть {slot}-й урок {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="108"/>
        <source>The lesson cannot be moved: the teacher already teaches lesson {slot} on {date}.</source>
        <translation>Урок нельзя перенести: у учителя уже есть {slot}-й урок {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="110"/>
        <source>The lesson cannot be moved: the class already has lesson {slot} on {date}.</source>
        <translation>Урок нельзя перенести: у класса уже есть {slot}-й урок {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="112"/>
        <source>The lesson cannot be moved to {date}: a summative work is held in it, and the work must stay in its term.</source>
        <translation>Урок нельзя перенести на {date}: на нём проходит суммативная работа, а она должна остаться в своей четверти.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="115"/>
        <source>The maximum points must be a whole number from 1 to {limit}.</source>
        <translation>Максимальный балл должен быть целым числом от 1 до {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="117"/>
        <source>The maximum cannot be {max_points}: a pupil already has {points} points for this work.</source>
        <translation>Максимум не может быть {max_points}: у ученика уже {points} баллов за эту работу.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="119"/>
        <source>The summative work cannot be moved to {date}: that day is in another term.</source>
        <translation>Суммативную работу нельзя перенести на {date}: этот день в другой четверти.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="121"/>
        <source>This summative work is held in a lesson: move the lesson, and the work goes with it.</source>
        <translation>Эта суммативная работа проходит на уроке: перенесите урок, и работа перенесётся вместе с ним.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="123"/>
        <source>The summative work cannot be deleted: it holds scores ({count}); clear them first.</source>
        <translation>Суммативную работу нельзя удалить: в ней есть баллы ({count}); сначала удалите их.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="125"/>
        <source>An exam or year test mark is set on the year, not on a term.</source>
        <translation>Оценка за экзамен или годовую контрольную ставится за год, а не за четверть.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="127"/>
        <source>The final attestation&apos;s exams are held in grades 9 and 11 only.</source>
        <translation>Экзамены итоговой аттестации проводятся только в 9 и 11 классах.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="129"/>
        <source>A year test is written only after a year mark of 2.</source>
        <translation>Годовая контрольная пишется только при годовой «2».</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="131"/>
        <source>The summative work cannot be added: it must be a SOR or a SOCH.</source>
        <translation>Суммативную работу нельзя добавить: это должен быть СОР или СОЧ.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="133"/>
        <source>The summative work cannot be added: give it a title.</source>
        <translation>Суммативную работу нельзя добавить: укажите её название.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="135"/>
        <source>The summative work cannot be added: the maximum points must be a whole number from 1 to {limit}.</source>
        <translation>Суммативную работу нельзя добавить: максимальный балл должен быть целым числом от 1 до {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="137"/>
        <source>The summative work cannot be added: the lesson chosen is not this course&apos;s lesson on that date.</source>
        <translation>Суммативную работу нельзя добавить: выбранный урок — не урок этого предмета в тот день.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="139"/>
        <source>The summative work cannot be added: this course is not graded by SOR and SOCH (grade 1, or classic or pass/fail marks).</source>
        <translation>Суммативную работу нельзя добавить: этот предмет оценивается не по СОР и СОЧ (1 класс, пятибалльные оценки или зачёт).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="142"/>
        <source>The summative work cannot be added: a one-hour-a-week subject has no SOCH; it is graded per half-year from formative marks and SOR.</source>
        <translation>Суммативную работу нельзя добавить: у предмета с одним часом в неделю нет СОЧ, он оценивается за полугодие по формативным оценкам и СОР.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="145"/>
        <source>The journal file {path} cannot be opened: the password does not open it.</source>
        <translation>Файл журнала {path} не открывается: пароль не подходит.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="147"/>
        <source>The file {path} is not a Dala Journal file.</source>
        <translation>Файл {path} — не файл Dala Journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="149"/>
        <source>The journal file {path} cannot be read; the details are in the app&apos;s log.</source>
        <translation>Файл журнала {path} не читается; подробности — в логе приложения.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="171"/>
        <source>The lesson on {date} has not happened yet: a mark cannot be written into it.</source>
        <translation>Урок {date} ещё не прошёл: в него нельзя поставить отметку.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="173"/>
        <source>This cell was changed since your edit (on another device or the server); the undo left it as it is.</source>
        <translation>Эта ячейка изменилась после вашей правки (на другом устройстве или на сервере); отмена оставила её как есть.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="177"/>
        <source>The lesson cannot be added.</source>
        <translation>Урок нельзя добавить.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="180"/>
        <source>The summative work cannot be added.</source>
        <translation>Суммативную работу нельзя добавить.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="181"/>
        <source>The exam or year test mark cannot be set.</source>
        <translation>Оценку за экзамен или годовую контрольную нельзя поставить.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="182"/>
        <source>The lesson of {date} is cancelled: it takes no marks or attendance.</source>
        <translation>Урок {date} отменён: в него нельзя ставить ни оценки, ни отметки посещаемости.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="184"/>
        <source>The lesson cannot be cancelled.</source>
        <translation>Урок нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="185"/>
        <source>The lesson cannot be moved.</source>
        <translation>Урок нельзя перенести.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="186"/>
        <source>The summative work cannot be changed.</source>
        <translation>Суммативную работу нельзя изменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="187"/>
        <source>The summative work cannot be deleted.</source>
        <translation>Суммативную работу нельзя удалить.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="188"/>
        <source>A final mark of {mark} differs from the computed one: say why (the reason is audited).</source>
        <translation>Итоговая оценка {mark} отличается от вычисленной: укажите причину (она сохраняется в аудите).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="190"/>
        <source>Only text can be written here.</source>
        <translation>Здесь можно написать только текст.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="191"/>
        <source>This value cannot be written here.</source>
        <translation>Это значение здесь записать нельзя.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="192"/>
        <source>The journal refused the change.</source>
        <translation>Журнал не принял изменение.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="193"/>
        <source>The journal file {path} cannot be opened; the details are in the app&apos;s log.</source>
        <translation>Файл журнала {path} не открывается; подробности — в логе приложения.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="195"/>
        <source>The journal file {path} was written by a newer version of Dala Journal; please update the app. The file was not changed.</source>
        <translation>Файл журнала {path} записан более новой версией Dala Journal; обновите приложение. Файл не изменён.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="198"/>
        <source>The timetable has problems ({count}); the school admin must correct it.</source>
        <translation>В расписании есть ошибки ({count}); их должен исправить администратор школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="203"/>
        <source>The journal refused the change ({code}).</source>
        <translation>Журнал не принял изменение ({code}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="216"/>
        <source>{value} is more than this work&apos;s maximum of {maximum}.</source>
        <translation>{value} больше наибольшего балла этой работы ({maximum}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="219"/>
        <source>{value} is not a score here: this work takes {allowed} points.</source>
        <translation>{value} здесь не балл: эта работа оценивается в {allowed} баллов.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="225"/>
        <source>“{key}” means nothing in a cell. Type a mark, an attendance letter ({letters}), or Delete.</source>
        <translation>«{key}» в ячейке ничего не значит. Введите оценку, букву посещаемости ({letters}) или нажмите Delete.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="233"/>
        <source>the period is closed</source>
        <translation>период закрыт</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="234"/>
        <source>not your course</source>
        <translation>не ваш предмет</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="235"/>
        <source>another school&apos;s record</source>
        <translation>запись другой школы</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="236"/>
        <source>the pupil was not in the class that day</source>
        <translation>ученика в тот день не было в классе</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="237"/>
        <source>not a valid mark</source>
        <translation>недопустимая оценка</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="238"/>
        <source>already resolved by someone else</source>
        <translation>уже решено кем-то другим</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="239"/>
        <source>a final mark needs a reason</source>
        <translation>для итоговой оценки нужна причина</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="240"/>
        <source>not a valid attendance mark</source>
        <translation>недопустимая отметка посещаемости</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="241"/>
        <source>the text is too long</source>
        <translation>слишком длинный текст</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="242"/>
        <source>only text can be written there</source>
        <translation>там можно написать только текст</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="243"/>
        <source>the score is outside the work&apos;s points</source>
        <translation>балл вне пределов баллов работы</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="244"/>
        <source>the course is not graded with marks</source>
        <translation>по этому предмету оценки не ставятся</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="245"/>
        <source>the server has no such lesson</source>
        <translation>на сервере нет такого урока</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="246"/>
        <source>the server has no such course</source>
        <translation>на сервере нет такого предмета</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="247"/>
        <source>the server has no such summative work</source>
        <translation>на сервере нет такой суммативной работы</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="248"/>
        <source>the server has no such period</source>
        <translation>на сервере нет такого периода</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="249"/>
        <source>the server has no such conflict</source>
        <translation>на сервере нет такого конфликта</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="250"/>
        <source>the record is named wrongly</source>
        <translation>запись названа неверно</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="251"/>
        <source>the value is not valid</source>
        <translation>недопустимое значение</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="252"/>
        <source>the server does not know this field</source>
        <translation>сервер не знает этого поля</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="253"/>
        <source>the date is not in the school year</source>
        <translation>дата не входит в учебный год</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="254"/>
        <source>the lesson cannot be added</source>
        <translation>урок нельзя добавить</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="255"/>
        <source>the summative work cannot be added</source>
        <translation>суммативную работу нельзя добавить</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="256"/>
        <source>an exam or year test mark belongs to the year, and an exam to grades 9 and 11</source>
        <translation>оценка за экзамен или годовую контрольную ставится за год, а экзамен — только в 9 и 11 классах</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="258"/>
        <source>an earlier change had not arrived</source>
        <translation>более раннее изменение не дошло</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="259"/>
        <source>the lesson is cancelled</source>
        <translation>урок отменён</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="260"/>
        <source>the lesson cannot be cancelled</source>
        <translation>урок нельзя отменить</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="261"/>
        <source>the lesson cannot be moved there</source>
        <translation>урок нельзя перенести туда</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="262"/>
        <source>the summative work cannot be changed so</source>
        <translation>суммативную работу нельзя так изменить</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="263"/>
        <source>the summative work holds scores</source>
        <translation>в суммативной работе есть баллы</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="266"/>
        <source>refused ({code})</source>
        <translation>отклонено ({code})</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="273"/>
        <source>Too many wrong passwords; try again in {wait} s.</source>
        <translation>Слишком много неверных паролей; повторите через {wait} с.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="276"/>
        <source>Wrong password. Try again in {wait} s.</source>
        <translation>Неверный пароль. Повторите через {wait} с.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="277"/>
        <source>Wrong password.</source>
        <translation>Неверный пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="283"/>
        <source>This is SOR number {count} in the term; at most {limit} are allowed.</source>
        <translation>Это {count}-й СОР в четверти; допускается не более {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="285"/>
        <source>{count} SOCH on {date} in this class; at most {limit} a day are allowed.</source>
        <translation>В этом классе {date} уже {count} СОЧ; допускается не более {limit} в день.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="287"/>
        <source>A SOCH may not be held on the last day of the term ({date}).</source>
        <translation>СОЧ не проводится в последний день четверти ({date}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="289"/>
        <source>A SOCH and a SOR of one subject may not be held on the same day ({date}).</source>
        <translation>СОЧ и СОР по одному предмету не проводятся в один день ({date}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="298"/>
        <source>No connection to the school&apos;s server.</source>
        <translation>Нет связи с сервером школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="299"/>
        <source>The server&apos;s key is not the one in the school&apos;s installer: it may not be the school&apos;s server. Tell the school admin.</source>
        <translation>Ключ сервера не совпадает с ключом из установщика школы: возможно, это не сервер школы. Сообщите администратору школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="302"/>
        <source>This PC must sync online once before it can sync by a USB stick.</source>
        <translation>Прежде чем синхронизироваться через флешку, этот компьютер должен один раз синхронизироваться по интернету.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="304"/>
        <source>The server is busy; trying again shortly.</source>
        <translation>Сервер занят; скоро попробуем снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="305"/>
        <source>The school&apos;s server cannot reach its database just now; trying again shortly.</source>
        <translation>Сервер школы сейчас не может обратиться к своей базе данных; скоро попробуем снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="307"/>
        <source>The server had a problem; trying again later.</source>
        <translation>На сервере произошла ошибка; попробуем позже.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="308"/>
        <source>The connection broke off; trying again.</source>
        <translation>Связь оборвалась; пробуем снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="309"/>
        <source>Wrong username or password.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="310"/>
        <source>Too many wrong passwords; wait a little and try again.</source>
        <translation>Слишком много неверных паролей; подождите немного и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="311"/>
        <source>Your login has expired; please log in again.</source>
        <translation>Срок входа истёк; войдите снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="312"/>
        <source>The school admin has revoked this PC; ask the admin to restore it. What you typed waits on this PC.</source>
        <translation>Администратор школы отозвал доступ этого компьютера; попросите его восстановить доступ. Всё, что вы ввели, ждёт на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="315"/>
        <source>Log in to sync with the school&apos;s server.</source>
        <translation>Войдите, чтобы синхронизироваться с сервером школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="316"/>
        <source>This journal belongs to another account.</source>
        <translation>Этот журнал принадлежит другой учётной записи.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="317"/>
        <source>The journal file had a problem; the details are in the app&apos;s log.</source>
        <translation>С файлом журнала возникла проблема; подробности — в логе приложения.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="326"/>
        <source>The server no longer knows this login; please log in again.</source>
        <translation>Сервер больше не знает этот вход; войдите снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="328"/>
        <source>The server did not take the app&apos;s request as it was sent; install the school&apos;s latest Dala Journal.</source>
        <translation>Сервер не принял запрос программы в таком виде; установите последнюю версию Dala Journal от школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="331"/>
        <source>The new password is too weak: at least 8 characters, and not your username.</source>
        <translation>Новый пароль слишком простой: не короче 8 символов и не совпадает с именем пользователя.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="333"/>
        <source>This PC is registered to another account on the server; ask the school admin.</source>
        <translation>Этот компьютер зарегистрирован на сервере на другую учётную запись; обратитесь к администратору школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="335"/>
        <source>This login belongs to another PC; please log in again.</source>
        <translation>Этот вход принадлежит другому компьютеру; войдите снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="337"/>
        <source>Only the school admin may do this.</source>
        <translation>Это может сделать только администратор школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="338"/>
        <source>The server has no such record.</source>
        <translation>На сервере нет такой записи.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="339"/>
        <source>The data was damaged on the way; trying again.</source>
        <translation>Данные повредились в пути; пробуем снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="340"/>
        <location filename="../../desktop/messages.py" line="342"/>
        <source>The server does not understand this app&apos;s data; please update the app.</source>
        <translation>Сервер не понимает данные этого приложения; обновите приложение.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="344"/>
        <source>Too much to send at once; trying in smaller parts.</source>
        <translation>Слишком много для одной отправки; пробуем частями.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="345"/>
        <source>This journal is not set up yet: log in once online.</source>
        <translation>Журнал ещё не настроен: войдите один раз онлайн.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="346"/>
        <source>Some changes have to be sent again; trying again.</source>
        <translation>Некоторые изменения нужно отправить заново; пробуем снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="347"/>
        <source>The server accepts none of the changes waiting to be sent; ask the school admin.</source>
        <translation>Сервер не принимает ни одного из ожидающих отправки изменений; обратитесь к администратору школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="354"/>
        <source>Sync failed ({code}); trying again later.</source>
        <translation>Синхронизация не удалась ({code}); попробуем позже.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="363"/>
        <source>Something went wrong ({kind}).</source>
        <translation>Что-то пошло не так ({kind}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="319"/>
        <source>The server&apos;s certificate is not trusted: this may not be your school&apos;s server. Ask the school admin.</source>
        <translation>Сертификат сервера не вызывает доверия: возможно, это не сервер вашей школы. Обратитесь к администратору школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="322"/>
        <source>This address is not encrypted; the school&apos;s server must start with https://.</source>
        <translation>Этот адрес не зашифрован; адрес сервера школы должен начинаться с https://.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="324"/>
        <source>This is not a server address (https://…).</source>
        <translation>Это не адрес сервера (https://…).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="325"/>
        <source>Too many requests; trying again shortly.</source>
        <translation>Слишком много запросов; скоро попробуем снова.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/account_dialog.py" line="33"/>
        <source>Change your password</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="35"/>
        <source>Your password for the school&apos;s server. The offline password that opens the journal on this PC stays as it is.</source>
        <translation>Ваш пароль для сервера школы. Офлайн-пароль, которым открывается журнал на этом компьютере, остаётся прежним.</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="44"/>
        <source>Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="45"/>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="46"/>
        <source>New password again</source>
        <translation>Новый пароль ещё раз</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="62"/>
        <source>The two new passwords differ.</source>
        <translation>Новые пароли не совпадают.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/account_dialog.py" line="65"/>
        <source>A new password has at least %n characters.</source>
        <translation>
            <numerusform>Новый пароль — не короче %n символа.</numerusform>
            <numerusform>Новый пароль — не короче %n символов.</numerusform>
            <numerusform>Новый пароль — не короче %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="67"/>
        <source>Changing…</source>
        <translation>Меняем…</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="77"/>
        <source>The current password is wrong.</source>
        <translation>Текущий пароль неверен.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/account_dialog.py" line="81"/>
        <source>A new password has at least %n characters and is not your username.</source>
        <translation>
            <numerusform>Новый пароль — не короче %n символа и не совпадает с именем пользователя.</numerusform>
            <numerusform>Новый пароль — не короче %n символов и не совпадает с именем пользователя.</numerusform>
            <numerusform>Новый пароль — не короче %n символов и не совпадает с именем пользователя.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="47"/>
        <source>Dala Journal</source>
        <translation>Dala Journal</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="57"/>
        <source>%1 (new on this PC)</source>
        <translation>%1 (новый на этом компьютере)</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="72"/>
        <source>Forgot the password?</source>
        <translation>Забыли пароль?</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="76"/>
        <source>Username:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="77"/>
        <source>Offline password:</source>
        <translation>Офлайн-пароль:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="78"/>
        <source>Repeat it:</source>
        <translation>Повторите:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="81"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="85"/>
        <source>Teachers on this PC:</source>
        <translation>Учителя на этом компьютере:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="118"/>
        <location filename="../../desktop/profile_dialog.py" line="149"/>
        <source>Choose a teacher or type a username.</source>
        <translation>Выберите учителя или введите имя пользователя.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="124"/>
        <source>Choose an offline password of at least %1 characters.</source>
        <translation>Выберите офлайн-пароль не короче %1 символов.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="128"/>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="142"/>
        <source>This username cannot be used here.</source>
        <translation>Это имя пользователя здесь использовать нельзя.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="151"/>
        <source>A username is at most %1 characters long.</source>
        <translation>Имя пользователя — не длиннее %1 символов.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="153"/>
        <source>A username needs at least one letter or digit.</source>
        <translation>В имени пользователя должна быть хотя бы одна буква или цифра.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="156"/>
        <source>“%1” cannot be in a username: use Latin letters, digits and . _ @ -</source>
        <translation>Символ «%1» нельзя использовать в имени пользователя: используйте латинские буквы, цифры и . _ @ -</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="158"/>
        <source>A username has only Latin letters, digits and . _ @ -, with no spaces.</source>
        <translation>Имя пользователя состоит только из латинских букв, цифр и . _ @ -, без пробелов.</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="30"/>
        <source>Reset the offline password</source>
        <translation>Сброс офлайн-пароля</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="39"/>
        <source>Log in to the school&apos;s server (online) to choose a new offline password. Nothing in your journal is lost.</source>
        <translation>Войдите на сервер школы (онлайн), чтобы выбрать новый офлайн-пароль. Ничего из журнала не потеряется.</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="44"/>
        <source>Server password:</source>
        <translation>Пароль на сервере:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="45"/>
        <source>New offline password:</source>
        <translation>Новый офлайн-пароль:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="46"/>
        <source>Repeat it:</source>
        <translation>Повторите:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="56"/>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="59"/>
        <source>Logging in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="80"/>
        <source>This PC cannot recover this journal: it never logged in online for it.</source>
        <translation>Этот компьютер не может восстановить журнал: для него ни разу не выполнялся онлайн-вход.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../desktop/report_text.py" line="19"/>
        <source>n/a</source>
        <translation>н/а</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="19"/>
        <source>pass</source>
        <translation>зачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="20"/>
        <source>fail</source>
        <translation>незачёт</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="21"/>
        <source>a year test</source>
        <translation>годовая контрольная</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="22"/>
        <source>repeats the year</source>
        <translation>остаётся на второй год</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="23"/>
        <source>absent</source>
        <translation>без причины</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="23"/>
        <source>ill</source>
        <translation>по болезни</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="24"/>
        <source>excused</source>
        <translation>по уважительной причине</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="24"/>
        <source>late</source>
        <translation>опоздал</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="25"/>
        <source>Pupil</source>
        <translation>Ученик</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="25"/>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="26"/>
        <source>Year</source>
        <translation>Учебный год</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="27"/>
        <source>Marks by subject</source>
        <translation>Оценки по предметам</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="40"/>
        <source>Term %1</source>
        <translation>%1-я четверть</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="42"/>
        <source>Half-year %1</source>
        <translation>%1-е полугодие</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="57"/>
        <source>Quality, %</source>
        <translation>Качество знаний, %</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="57"/>
        <source>Success, %</source>
        <translation>Успеваемость, %</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="61"/>
        <source>Lessons missed</source>
        <translation>Пропущено уроков</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="62"/>
        <source>without a reason</source>
        <translation>без причины</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="62"/>
        <source>other valid reason</source>
        <translation>по другой уважительной причине</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="65"/>
        <source>Lessons</source>
        <translation>Уроки</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="72"/>
        <source>Subjects with a 2</source>
        <translation>Предметы с «2»</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="73"/>
        <source>Outcome</source>
        <translation>Последствие</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="76"/>
        <source>Marks by term</source>
        <translation>Оценки по четвертям</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="78"/>
        <source>Attendance</source>
        <translation>Посещаемость</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="79"/>
        <source>Absent today</source>
        <translation>Отсутствуют сегодня</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="80"/>
        <source>«Altyn belgi» candidates</source>
        <translation>Претенденты на «Алтын белгі»</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="81"/>
        <source>Certificate with honours</source>
        <translation>Аттестат (свидетельство) с отличием</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="82"/>
        <source>Year mark 2</source>
        <translation>Годовая «2»</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="83"/>
        <source>End-of-term report</source>
        <translation>Отчёт за период</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="89"/>
        <source>Lessons missed (ill)</source>
        <translation>Пропущено уроков (по болезни)</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="98"/>
        <source>Class summary</source>
        <translation>Сводка по классу</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="106"/>
        <source>Year mark</source>
        <translation>Годовая</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="107"/>
        <source>Final mark</source>
        <translation>Итоговая</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="114"/>
        <source>Marks over the year</source>
        <translation>Оценки за год</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="116"/>
        <source>Marks extract</source>
        <translation>Выписка оценок</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="123"/>
        <source>Journal page</source>
        <translation>Страница журнала</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="37"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="51"/>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="51"/>
        <source>Save for Excel…</source>
        <translation>Сохранить для Excel…</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/review_panel.py" line="95"/>
        <source>Keep the value that stands</source>
        <translation>Оставить текущее значение</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="96"/>
        <source>Keep the other value</source>
        <translation>Оставить другое значение</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="97"/>
        <source>Type another value…</source>
        <translation>Ввести другое значение…</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="98"/>
        <source>Mark as seen</source>
        <translation>Отметить как просмотренное</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="104"/>
        <source>Conflicts: %n</source>
        <translation>
            <numerusform>Конфликтов: %n</numerusform>
            <numerusform>Конфликтов: %n</numerusform>
            <numerusform>Конфликтов: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="105"/>
        <source>Refused by the server: %n</source>
        <translation>
            <numerusform>Отклонено сервером: %n</numerusform>
            <numerusform>Отклонено сервером: %n</numerusform>
            <numerusform>Отклонено сервером: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="108"/>
        <source>%1 — %2: %3 stands (%4); the other value was %5</source>
        <translation>%1 — %2: действует %3 (%4); другое значение было %5</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="117"/>
        <source>%1 — %2: %3 was not accepted: %4</source>
        <translation>%1 — %2: %3 не принято: %4</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="133"/>
        <source>mark</source>
        <translation>оценка</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="133"/>
        <source>attendance</source>
        <translation>посещаемость</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="133"/>
        <source>comment</source>
        <translation>комментарий</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="134"/>
        <source>topic</source>
        <translation>тема</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="134"/>
        <source>homework</source>
        <translation>домашнее задание</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="149"/>
        <source>Resolve the conflict</source>
        <translation>Разрешить конфликт</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="149"/>
        <source>The value to keep:</source>
        <translation>Какое значение оставить:</translation>
    </message>
</context>
<context>
    <name>StickSync</name>
    <message>
        <location filename="../../desktop/stick_sync.py" line="19"/>
        <source>The server&apos;s answer is applied: %1 of your changes confirmed, %2 received.</source>
        <translation>Ответ сервера применён: подтверждено ваших изменений — %1, получено — %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="22"/>
        <source>An older answer was passed over: this PC has synced since. Nothing is lost.</source>
        <translation>Более старый ответ пропущен: компьютер уже синхронизировался после него. Ничего не потеряно.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="25"/>
        <source>%1 was not applied: %2</source>
        <translation>%1 не применён: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="29"/>
        <source>Bundles of other PCs taken to the server: %1; their answers are on the stick.</source>
        <translation>Пакеты других компьютеров переданы на сервер: %1; их ответы — на флешке.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="33"/>
        <source>%1 was refused by the server: %2</source>
        <translation>Сервер не принял %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="36"/>
        <source>This PC is not online: bundles of other PCs on the stick stay for a PC with internet.</source>
        <translation>Этот компьютер не в сети: пакеты других компьютеров остаются на флешке для компьютера с интернетом.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="39"/>
        <source>Your bundle is on the stick with %1 changes. Take the stick to a PC with internet, then back here, and sync by the stick again.</source>
        <translation>Ваш пакет на флешке, изменений: %1. Отнесите флешку к компьютеру с интернетом, затем обратно сюда и снова синхронизируйтесь через флешку.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="54"/>
        <source>this PC</source>
        <translation>этот компьютер</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="55"/>
        <source>PC %1</source>
        <translation>компьютер %1</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="57"/>
        <source>request from %1, %2 changes, made %3</source>
        <translation>запрос от: %1, изменений: %2, создан %3</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="59"/>
        <source>answer for %1, %2 results and %4 changes from the server, made %3</source>
        <translation>ответ для: %1, результатов: %2, изменений с сервера: %4, создан %3</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="67"/>
        <source>it is not a Dala Journal sync bundle.</source>
        <translation>это не пакет синхронизации Dala Journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="68"/>
        <source>it was not copied whole; copy it again from the PC that made it.</source>
        <translation>он скопирован не полностью; скопируйте его заново с компьютера, который его создал.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="69"/>
        <source>it was changed after it was made, or not made by the PC it names.</source>
        <translation>он изменён после создания или создан не тем компьютером, который в нём указан.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="70"/>
        <source>it is meant for another PC or another school&apos;s server.</source>
        <translation>он предназначен другому компьютеру или серверу другой школы.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="71"/>
        <source>the server does not know this PC&apos;s key yet: the PC must sync online once.</source>
        <translation>сервер ещё не знает ключ этого компьютера: компьютер должен один раз синхронизироваться по интернету.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="73"/>
        <source>it is too large to be a sync bundle.</source>
        <translation>он слишком велик для пакета синхронизации.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="74"/>
        <source>it is an answer: it goes back to its PC, not to the server.</source>
        <translation>это ответ: он возвращается на свой компьютер, а не на сервер.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="75"/>
        <source>the file cannot be read from the stick.</source>
        <translation>файл не читается с флешки.</translation>
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
        <location filename="../../desktop/sync_bar.py" line="52"/>
        <source>Downloading the journal…</source>
        <translation>Загрузка журнала…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="54"/>
        <source>Not synced yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="56"/>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="56"/>
        <source>Offline</source>
        <translation>Нет сети</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/sync_bar.py" line="57"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n изменение ждёт отправки</numerusform>
            <numerusform>%n изменения ждут отправки</numerusform>
            <numerusform>%n изменений ждут отправки</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="58"/>
        <source>Last sync: %1</source>
        <translation>Последняя синхронизация: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="59"/>
        <source>Never synced</source>
        <translation>Ещё ни разу не синхронизировано</translation>
    </message>
</context>
<context>
    <name>TodayDialog</name>
    <message>
        <location filename="../../desktop/today_view.py" line="24"/>
        <source>Today&apos;s lessons</source>
        <translation>Уроки на сегодня</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="43"/>
        <source>No lessons today.</source>
        <translation>Сегодня уроков нет.</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="56"/>
        <source>Lesson %1</source>
        <translation>%1-й урок</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="57"/>
        <source>SOR</source>
        <translation>СОР</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="57"/>
        <source>SOCH</source>
        <translation>СОЧ</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="60"/>
        <source>now</source>
        <translation>идёт сейчас</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="61"/>
        <source>next</source>
        <translation>следующий</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="61"/>
        <source>the last one</source>
        <translation>последний урок</translation>
    </message>
</context>
<context>
    <name>WorkDialog</name>
    <message>
        <location filename="../../desktop/work_dialog.py" line="43"/>
        <source>Add a summative work</source>
        <translation>Добавить суммативную работу</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="43"/>
        <source>Change a summative work</source>
        <translation>Изменить суммативную работу</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="45"/>
        <source>SOR (summative for a section)</source>
        <translation>СОР (суммативное оценивание за раздел)</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="47"/>
        <source>SOCH (summative for the term)</source>
        <translation>СОЧ (суммативное оценивание за четверть)</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="57"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="58"/>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="59"/>
        <source>Section:</source>
        <translation>Раздел:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="60"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="61"/>
        <source>Maximum points:</source>
        <translation>Максимум баллов:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="78"/>
        <source>Delete work</source>
        <translation>Удалить работу</translation>
    </message>
</context>
</TS>
