<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
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
        <translation>Журнал тексерілуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="168"/>
        <source>Looking for a sound backup…</source>
        <translation>Ақаусыз сақтық көшірме ізделуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="171"/>
        <source>The journal on this PC is damaged: it fails its integrity check. It has not been opened, so it gets no worse, and it is kept beside the new one.</source>
        <translation>Бұл компьютердегі журнал зақымдалған: ол тұтастық тексерісінен өтпейді. Ол ашылған жоқ, сондықтан нашарламайды және жаңасының қасында сақталады.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="176"/>
        <source>Restore the backup of %1</source>
        <translation>%1 сақтық көшірмесін қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="179"/>
        <source>Download it again from the server</source>
        <translation>Серверден қайта жүктеу</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="181"/>
        <source>Restore a backup from a USB stick…</source>
        <translation>Флешкадағы көшірмені қалпына келтіру…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="183"/>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="184"/>
        <source>A backup brings back the journal as it was then; what you typed after it comes back from the server at the next sync if it had reached the server, and is lost if it had not. A fresh download brings the journal as the server has it; what had not been sent is lost.</source>
        <translation>Сақтық көшірме журналды сол кездегі күйінде қайтарады; одан кейін енгізілгендер серверге жеткен болса, келесі синхрондауда серверден қайтады, әйтпесе жоғалады. Қайта жүктеу журналды сервердегі күйінде береді; жіберілмегендер жоғалады.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="190"/>
        <location filename="../../desktop/app.py" line="203"/>
        <source>Restoring the backup…</source>
        <translation>Көшірме қалпына келтірілуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="208"/>
        <source>That file is not a sound backup of this journal (or not opened by its password).</source>
        <translation>Бұл файл осы журналдың ақаусыз сақтық көшірмесі емес (немесе оның құпиясөзімен ашылмайды).</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="269"/>
        <source>The address of your school&apos;s server:</source>
        <translation>Мектеп серверінің мекенжайы:</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="136"/>
        <source>This journal is not set up yet: log in once online.</source>
        <translation>Бұл журнал әлі бапталмаған: желіде бір рет кіріңіз.</translation>
    </message>
</context>
<context>
    <name>AttestationDialog</name>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="14"/>
        <source>Exam or year test mark</source>
        <translation>Емтихан немесе жылдық сынақ бағасы</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="15"/>
        <source>Final attestation exam</source>
        <translation>Қорытынды аттестаттау емтиханы</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="15"/>
        <source>Year test (after a year 2)</source>
        <translation>Жылдық сынақ (жылдық «2»-ден кейін)</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="24"/>
        <source>none (clear)</source>
        <translation>жоқ (алып тастау)</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="30"/>
        <source>Kind:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <location filename="../../desktop/attestation_dialog.py" line="31"/>
        <source>Mark:</source>
        <translation>Баға:</translation>
    </message>
</context>
<context>
    <name>ClassSummaryDialog</name>
    <message>
        <location filename="../../desktop/class_summary_dialog.py" line="34"/>
        <source>Class summary</source>
        <translation>Сынып жиынтығы</translation>
    </message>
    <message>
        <location filename="../../desktop/class_summary_dialog.py" line="46"/>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../desktop/class_summary_dialog.py" line="46"/>
        <source>Save for Excel…</source>
        <translation>Excel үшін сақтау…</translation>
    </message>
    <message>
        <location filename="../../desktop/class_summary_dialog.py" line="47"/>
        <source>Save the pupil&apos;s marks extract…</source>
        <translation>Оқушының бағалар үзіндісін сақтау…</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <location filename="../../desktop/crash_guard.py" line="142"/>
        <source>Something went wrong, and the last action may not have finished. Your journal is kept: what was saved stays saved, and you can go on working. The details are in {log}</source>
        <translation>Бір қате кетті, соңғы әрекет аяқталмаған болуы мүмкін. Журналыңыз сақтаулы: сақталғанның бәрі орнында, жұмысты жалғастыра беруге болады. Толығырақ мәлімет мына файлда: {log}</translation>
    </message>
</context>
<context>
    <name>FinalMarkDialog</name>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="26"/>
        <source>Final mark</source>
        <translation>Қорытынды баға</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="32"/>
        <source>pass</source>
        <translation>сынақ</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="32"/>
        <source>fail</source>
        <translation>сынақ емес</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="34"/>
        <source>Choose a mark</source>
        <translation>Бағаны таңдаңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="40"/>
        <source>Why the final mark differs from the computed one</source>
        <translation>Қорытынды баға есептелгеннен неге өзгеше</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="46"/>
        <source>Computed:</source>
        <translation>Есептелгені:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="47"/>
        <source>Final mark:</source>
        <translation>Қорытынды баға:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="48"/>
        <source>Reason:</source>
        <translation>Себебі:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="67"/>
        <source>No mark can be computed for this period yet (too few marks or summative works count so far), so a final mark needs a reason.</source>
        <translation>Бұл кезеңге әзірге баға есептеу мүмкін емес (есепке алынатын бағалар немесе жиынтық жұмыстар әлі аз), сондықтан қорытынды бағаға себеп жазу керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="70"/>
        <source>A final mark different from the computed one needs a reason; it is kept in the audit log.</source>
        <translation>Есептелгеннен өзгеше қорытынды бағаға себеп керек; ол аудит журналында сақталады.</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="73"/>
        <source>The computed mark stands; no reason is needed.</source>
        <translation>Есептелген баға қалады; себеп керек емес.</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../desktop/journal_model.py" line="313"/>
        <source>Pupil</source>
        <translation>Оқушы</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="315"/>
        <source>Result</source>
        <translation>Қорытынды</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="273"/>
        <location filename="../../desktop/journal_model.py" line="320"/>
        <location filename="../../desktop/journal_model.py" line="326"/>
        <source>SOR</source>
        <translation>БЖБ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="255"/>
        <source>n/a</source>
        <translation>у/а</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="242"/>
        <source>pass</source>
        <translation>сынақ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="136"/>
        <source>Lesson cancelled: %1</source>
        <translation>Сабақ өтпеді: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="219"/>
        <source>Imported: %1</source>
        <translation>Импортталған: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="242"/>
        <source>fail</source>
        <translation>сынақ емес</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="265"/>
        <source>Final mark %1, set over the computed %2. Reason: %3</source>
        <translation>Қорытынды баға %1, есептелген %2 орнына қойылды. Себебі: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="270"/>
        <source>Not attested for now: a summative work is not written yet.</source>
        <translation>Уақытша аттестатталмаған: жиынтық жұмыс әлі жазылмаған.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="272"/>
        <source>A one-hour-a-week subject: graded per half-year.</source>
        <translation>Аптасына бір сағаттық пән: жартыжылдық бойынша бағаланады.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="273"/>
        <location filename="../../desktop/journal_model.py" line="320"/>
        <location filename="../../desktop/journal_model.py" line="326"/>
        <source>SOCH</source>
        <translation>ТЖБ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="273"/>
        <source>FO</source>
        <translation>ҚБ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="311"/>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="322"/>
        <source>cancelled</source>
        <translation>өтпеді</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="329"/>
        <source>out of %1 points</source>
        <translation>%1 ұпайдан</translation>
    </message>
</context>
<context>
    <name>KeyLegend</name>
    <message>
        <location filename="../../desktop/journal_view.py" line="169"/>
        <source>absent</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="169"/>
        <source>ill</source>
        <translation>ауырды</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="170"/>
        <source>excused</source>
        <translation>себепті</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="170"/>
        <source>late</source>
        <translation>кешікті</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="176"/>
        <source>Delete: clear</source>
        <translation>Delete: өшіру</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="176"/>
        <source>F2: comment</source>
        <translation>F2: түсініктеме</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="178"/>
        <source>Marks type on the number row whatever the keyboard layout; a letter key means its letter in either script.</source>
        <translation>Бағалар пернетақтаның қай тілі қосулы болса да сандар қатарымен теріледі; әріп пернесі кирилл де, латын да жазуында өз әрпін білдіреді.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="184"/>
        <source>1 pass, 0 fail</source>
        <translation>1 сынақ, 0 сынақ емес</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="189"/>
        <source>%1 points</source>
        <translation>%1 ұпай</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_view.py" line="190"/>
        <source>marks %1</source>
        <translation>баға %1</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="82"/>
        <source>Topic</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="83"/>
        <source>Homework</source>
        <translation>Үй тапсырмасы</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="84"/>
        <source>Add a lesson…</source>
        <translation>Сабақ қосу…</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="85"/>
        <source>Move lesson…</source>
        <translation>Сабақты ауыстыру…</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="91"/>
        <source>Restore lesson</source>
        <translation>Сабақты қайтару</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="91"/>
        <source>Cancel lesson…</source>
        <translation>Сабақты болдырмау…</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="94"/>
        <source>Cancelled: %1</source>
        <translation>Болдырылмады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="101"/>
        <source>No lesson chosen</source>
        <translation>Сабақ таңдалмаған</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="149"/>
        <source>Add a lesson</source>
        <translation>Сабақ қосу</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="163"/>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="164"/>
        <source>Lesson number</source>
        <translation>Сабақ нөмірі</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="181"/>
        <source>Cancel lesson</source>
        <translation>Сабақты болдырмау</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="181"/>
        <source>Why is the lesson cancelled?</source>
        <translation>Сабақ неге болдырылмады?</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="189"/>
        <source>Move lesson</source>
        <translation>Сабақты ауыстыру</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/lock_screen.py" line="62"/>
        <source>The journal is locked (%1). Type your offline password.</source>
        <translation>Журнал құлыпталған (%1). Офлайн құпиясөзіңізді теріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/lock_screen.py" line="63"/>
        <source>Unlock</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <location filename="../../desktop/lock_screen.py" line="64"/>
        <source>Another teacher…</source>
        <translation>Басқа мұғалім…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login_dialog.py" line="40"/>
        <source>Log in to the school&apos;s server</source>
        <translation>Мектеп серверіне кіру</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="54"/>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="55"/>
        <source>Username</source>
        <translation>Пайдаланушы аты</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="56"/>
        <source>Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="69"/>
        <source>Logging in…</source>
        <translation>Кіру…</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="79"/>
        <source>Downloading your journal…</source>
        <translation>Журналыңыз жүктелуде…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="300"/>
        <source>%1 — to read</source>
        <translation>%1 — оқу үшін</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="326"/>
        <source>Term %1</source>
        <translation>%1-тоқсан</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="328"/>
        <source>Half-year %1</source>
        <translation>%1-жартыжылдық</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="329"/>
        <source>Year</source>
        <translation>Оқу жылы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="402"/>
        <source>Choose a lesson&apos;s cell to write in.</source>
        <translation>Жазу үшін сабақ ұяшығын таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="406"/>
        <source>This lesson is cancelled (%1); it takes no marks or attendance.</source>
        <translation>Бұл сабақ болдырылмады (%1); оған баға да, қатысу белгісі де қойылмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="409"/>
        <source>This pupil was not in the class on that day.</source>
        <translation>Бұл оқушы сол күні сыныпта болмаған.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="492"/>
        <location filename="../../desktop/main_window.py" line="505"/>
        <source>Comment</source>
        <translation>Түсініктеме</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="560"/>
        <source>Choose a summative work&apos;s column first.</source>
        <translation>Алдымен жиынтық жұмыстың бағанын таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="600"/>
        <source>Exam and year test marks are set in the year&apos;s journal of a subject graded by marks.</source>
        <translation>Емтихан мен жылдық сынақ бағалары бағаланатын пәннің жылдық журналында қойылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="611"/>
        <source>No exam or year test here: exams are in grades 9 and 11, a year test follows a year 2.</source>
        <translation>Мұнда емтихан да, жылдық сынақ та жоқ: емтихандар 9 және 11-сыныптарда, жылдық сынақ жылдық «2»-ден кейін.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="637"/>
        <source>Reports are made for a class teacher&apos;s class and for the school&apos;s admin.</source>
        <translation>Есептерді сынып жетекшісі өз сыныбы бойынша және мектеп әкімшісі жасайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="672"/>
        <source>Your password has been changed.</source>
        <translation>Құпиясөз өзгертілді.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="679"/>
        <source>Sign out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="680"/>
        <source>Sign this PC out of the school&apos;s server? Your journal stays on this PC, and what waits to be sent is sent after your next login.</source>
        <translation>Осы компьютерде мектеп серверінен шығасыз ба? Журнал осы компьютерде қалады, ал жіберуді күтіп тұрғанның бәрі келесі кіргеннен кейін жіберіледі.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="703"/>
        <source>This PC now carries the syncs of the school&apos;s PCs without internet, while it runs.</source>
        <translation>Бұл компьютер жұмыс істеп тұрғанда мектептің интернеті жоқ компьютерлерінің синхрондауын жеткізеді.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="710"/>
        <location filename="../../desktop/main_window.py" line="805"/>
        <source>Choose the USB stick</source>
        <translation>Флешканы таңдаңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="733"/>
        <source>Sync bundles of other PCs found on the USB stick were taken to the server (%1); their answers are on the stick.</source>
        <translation>Флешкадағы басқа компьютерлердің синхрондау пакеттері серверге жеткізілді (%1); олардың жауаптары флешкада.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="747"/>
        <source>Sync by USB stick</source>
        <translation>Флешка арқылы синхрондау</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="758"/>
        <source>Signed out of the school&apos;s server. Log in to sync again.</source>
        <translation>Мектеп серверінен шықтыңыз. Қайта синхрондау үшін кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="760"/>
        <source>Signed out on this PC; the server could not be reached to be told. Log in to sync again.</source>
        <translation>Осы компьютерде шықтыңыз; бұл туралы хабарлау үшін серверге қазір қосылу мүмкін болмады. Қайта синхрондау үшін кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="770"/>
        <source>You are not the class teacher of any class.</source>
        <translation>Сіз ешбір сыныптың сынып жетекшісі емессіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="815"/>
        <source>The journal is backed up to %1. The copy is encrypted: it opens only with your password.</source>
        <translation>Журналдың сақтық көшірмесі сақталды: %1. Көшірме шифрланған, тек сіздің құпиясөзіңізбен ашылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="854"/>
        <source>Save the report</source>
        <translation>Есепті сақтау</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="859"/>
        <source>Saved to %1. The file is not encrypted: it holds pupils&apos; names and marks, so keep it off shared folders and USB sticks, and delete it when done.</source>
        <translation>%1 файлына сақталды. Файл шифрланбаған: онда оқушылардың аты-жөні мен бағалары бар, сондықтан оны ортақ қалталарға және флешкаларға салмаңыз, керегі біткенде өшіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="884"/>
        <source>Nothing to undo.</source>
        <translation>Болдырмайтын ештеңе жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="884"/>
        <source>Nothing to redo.</source>
        <translation>Қайталайтын ештеңе жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="891"/>
        <source>That edit was in another journal: it is changed there.</source>
        <translation>Бұл өзгеріс басқа журналда болған: ол сонда өзгертілді.</translation>
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
        <translation>Жиынтық жұмыс қосу…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1075"/>
        <source>Change or delete this summative work…</source>
        <translation>Бұл жиынтық жұмысты өзгерту не жою…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1076"/>
        <source>Final mark…</source>
        <translation>Қорытынды баға…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1077"/>
        <source>Exam or year test mark…</source>
        <translation>Емтихан немесе жылдық сынақ бағасы…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1078"/>
        <source>Reports…</source>
        <translation>Есептер…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1079"/>
        <source>Class summary…</source>
        <translation>Сынып жиынтығы…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1080"/>
        <source>Save the journal page…</source>
        <translation>Журнал бетін сақтау…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1081"/>
        <source>Back up to a USB stick…</source>
        <translation>Флешкаға сақтық көшірме…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1082"/>
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1083"/>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1084"/>
        <source>Edit</source>
        <translation>Түзету</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1085"/>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1086"/>
        <source>Redo</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1087"/>
        <source>Today&apos;s lessons…</source>
        <translation>Бүгінгі сабақтар…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1088"/>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1091"/>
        <source>Account</source>
        <translation>Тіркелгі</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1092"/>
        <source>Sync by USB stick…</source>
        <translation>Флешка арқылы синхрондау…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1093"/>
        <source>Carry other PCs&apos; syncs on this network</source>
        <translation>Осы желідегі басқа компьютерлердің синхрондауын жеткізу</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1094"/>
        <source>Change password…</source>
        <translation>Құпиясөзді өзгерту…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1095"/>
        <source>Sign out of the server…</source>
        <translation>Серверден шығу…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1096"/>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1097"/>
        <source>Lesson</source>
        <translation>Сабақ</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1098"/>
        <source>To review</source>
        <translation>Қарау керек</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/messages.py" line="158"/>
        <location filename="../../desktop/messages.py" line="212"/>
        <source>{value} is not a mark here: this course takes {allowed}.</source>
        <translation>{value} мұнда баға емес: бұл пәнде {allowed} қойылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="160"/>
        <location filename="../../desktop/messages.py" line="223"/>
        <source>This course is not graded with marks; only attendance and comments.</source>
        <translation>Бұл пәнге баға қойылмайды; тек қатысу мен түсініктеме.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="162"/>
        <source>Unknown attendance code.</source>
        <translation>Қатысудың белгісіз коды.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="163"/>
        <source>The text is too long: {length} characters, at most {limit}.</source>
        <translation>Мәтін тым ұзын: {length} таңба, ең көбі {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="165"/>
        <source>This pupil was not in the class on {date}.</source>
        <translation>Бұл оқушы {date} күні сыныпта болмаған.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="166"/>
        <source>This is not your course, and you are not substituting in this lesson.</source>
        <translation>Бұл сіздің пәніңіз емес, бұл сабақта сіз алмастырып жүрген жоқсыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="168"/>
        <source>The period containing {date} is closed; its marks can no longer be changed.</source>
        <translation>{date} кіретін кезең жабылған; оның бағаларын енді өзгертуге болмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="170"/>
        <source>{date} is not in any term of the school year.</source>
        <translation>{date} оқу жылының ешбір тоқсанына кірмейді.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="176"/>
        <source>This record is no longer in the journal.</source>
        <translation>Бұл жазба журналда енді жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="178"/>
        <source>{value} is outside 0–{max_points} points for this work.</source>
        <translation>{value} бұл жұмыстың 0–{max_points} ұпай аралығынан тыс.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="73"/>
        <source>Order No. 125 (2023), rounded half up</source>
        <translation>№125 бұйрық (2023), жартысынан жоғары дөңгелектеу</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="56"/>
        <source>n/a</source>
        <translation>у/а</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="57"/>
        <source>pass</source>
        <translation>сынақ</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="58"/>
        <source>fail</source>
        <translation>сынақ емес</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="75"/>
        <source>Order No. 125 (2023), exact thresholds</source>
        <translation>№125 бұйрық (2023), нақты шектер</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="78"/>
        <source>grading rule {rule}</source>
        <translation>бағалау ережесі {rule}</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="83"/>
        <source>The lesson cannot be added: unknown kind of lesson.</source>
        <translation>Сабақты қосу мүмкін емес: сабақ түрі белгісіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="85"/>
        <source>The lesson cannot be added: the date is not valid.</source>
        <translation>Сабақты қосу мүмкін емес: күні дұрыс емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="87"/>
        <source>The lesson cannot be added: there is no lesson {slot} in the bell schedule.</source>
        <translation>Сабақты қосу мүмкін емес: қоңырау кестесінде {slot}-сабақ жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="89"/>
        <source>The lesson cannot be added: the course already has lesson {slot} on {date}.</source>
        <translation>Сабақты қосу мүмкін емес: бұл пәнде {date} күні {slot}-сабақ бар.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="91"/>
        <source>The lesson cannot be added: the teacher already teaches lesson {slot} on {date}.</source>
        <translation>Сабақты қосу мүмкін емес: мұғалімде {date} күні {slot}-сабақ бар.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="93"/>
        <source>The lesson cannot be added: the class already has lesson {slot} on {date}.</source>
        <translation>Сабақты қосу мүмкін емес: сыныпта {date} күні {slot}-сабақ бар.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="95"/>
        <source>The lesson cannot be added: {date} is a day off ({name}).</source>
        <translation>Сабақ қосылмайды: {date} — демалыс күні ({name}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="97"/>
        <source>The lesson cannot be added: the course&apos;s lesson {slot} of {date} was moved to another day; move it back instead.</source>
        <translation>Сабақты қосу мүмкін емес: курстың {date} күнгі {slot}-сабағы басқа күнге ауыстырылған; оны кері ауыстырыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="100"/>
        <source>Say why the lesson is cancelled.</source>
        <translation>Сабақтың неге болдырылмағанын жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="102"/>
        <source>The lesson of {date} cannot be cancelled: it holds marks or attendance ({count}); clear them first.</source>
        <translation>{date} күнгі сабақты болдырмау мүмкін емес: онда бағалар не қатысу белгілері бар ({count}); алдымен оларды өшіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="104"/>
        <source>The lesson cannot be moved: there is no lesson {slot} in the bell schedule.</source>
        <translation>Сабақты ауыстыру мүмкін емес: қоңырау кестесінде {slot}-сабақ жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="106"/>
        <source>The lesson cannot be moved: the course already has lesson {slot} on {date}.</source>
        <translation>Сабақты ауыстыру мүмкін емес: курста {date} күні {slot}-сабақ бар.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="108"/>
        <source>The lesson cannot be moved: the teacher already teaches lesson {slot} on {date}.</source>
        <translation>Сабақты ауыстыру мүмкін емес: мұғалімде {date} күні {slot}-сабақ бар.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="110"/>
        <source>The lesson cannot be moved: the class already has lesson {slot} on {date}.</source>
        <translation>Сабақты ауыстыру мүмкін емес: сыныпта {date} күні {slot}-сабақ бар.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="112"/>
        <source>The lesson cannot be moved to {date}: a summative work is held in it, and the work must stay in its term.</source>
        <translation>Сабақты {date} күніне ауыстыру мүмкін емес: онда жиынтық жұмыс өтеді, ал жұмыс өз тоқсанында қалуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="115"/>
        <source>The maximum points must be a whole number from 1 to {limit}.</source>
        <translation>Ең жоғары балл 1-ден {limit}-ге дейінгі бүтін сан болуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="117"/>
        <source>The maximum cannot be {max_points}: a pupil already has {points} points for this work.</source>
        <translation>Ең жоғары балл {max_points} бола алмайды: бір оқушы бұл жұмыстан {points} балл алып қойған.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="119"/>
        <source>The summative work cannot be moved to {date}: that day is in another term.</source>
        <translation>Жиынтық жұмысты {date} күніне ауыстыру мүмкін емес: ол күн басқа тоқсанда.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="121"/>
        <source>This summative work is held in a lesson: move the lesson, and the work goes with it.</source>
        <translation>Бұл жиынтық жұмыс сабақта өтеді: сабақты ауыстырыңыз, жұмыс онымен бірге ауысады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="123"/>
        <source>The summative work cannot be deleted: it holds scores ({count}); clear them first.</source>
        <translation>Жиынтық жұмысты жою мүмкін емес: онда баллдар бар ({count}); алдымен оларды өшіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="125"/>
        <source>An exam or year test mark is set on the year, not on a term.</source>
        <translation>Емтихан немесе жылдық сынақ бағасы тоқсанға емес, жылға қойылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="127"/>
        <source>The final attestation&apos;s exams are held in grades 9 and 11 only.</source>
        <translation>Қорытынды аттестаттау емтихандары тек 9 және 11-сыныптарда өтеді.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="129"/>
        <source>A year test is written only after a year mark of 2.</source>
        <translation>Жылдық сынақ тек жылдық «2» болғанда жазылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="131"/>
        <source>The summative work cannot be added: it must be a SOR or a SOCH.</source>
        <translation>Жиынтық жұмысты қосу мүмкін емес: ол БЖБ немесе ТЖБ болуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="133"/>
        <source>The summative work cannot be added: give it a title.</source>
        <translation>Жиынтық жұмысты қосу мүмкін емес: атауын жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="135"/>
        <source>The summative work cannot be added: the maximum points must be a whole number from 1 to {limit}.</source>
        <translation>Жиынтық жұмысты қосу мүмкін емес: ең жоғары балл 1-ден {limit}-ге дейінгі бүтін сан болуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="137"/>
        <source>The summative work cannot be added: the lesson chosen is not this course&apos;s lesson on that date.</source>
        <translation>Жиынтық жұмысты қосу мүмкін емес: таңдалған сабақ осы пәннің сол күнгі сабағы емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="139"/>
        <source>The summative work cannot be added: this course is not graded by SOR and SOCH (grade 1, or classic or pass/fail marks).</source>
        <translation>Жиынтық жұмысты қосуға болмайды: бұл пән БЖБ мен ТЖБ бойынша бағаланбайды (1-сынып, бес балдық баға немесе сынақ).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="142"/>
        <source>The summative work cannot be added: a one-hour-a-week subject has no SOCH; it is graded per half-year from formative marks and SOR.</source>
        <translation>Жиынтық жұмысты қосуға болмайды: аптасына бір сағаттық пәнде ТЖБ жоқ, ол жарты жылдық бойынша қалыптастырушы бағалар мен БЖБ арқылы бағаланады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="145"/>
        <source>The journal file {path} cannot be opened: the password does not open it.</source>
        <translation>{path} журнал файлын ашу мүмкін емес: құпиясөз оны ашпайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="147"/>
        <source>The file {path} is not a Dala Journal file.</source>
        <translation>{path} файлы Dala Journal файлы емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="149"/>
        <source>The journal file {path} cannot be read; the details are in the app&apos;s log.</source>
        <translation>{path} журнал файлын оқу мүмкін емес; толығырақ қолданбаның лог файлында.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="171"/>
        <source>The lesson on {date} has not happened yet: a mark cannot be written into it.</source>
        <translation>{date} күнгі сабақ әлі өткен жоқ: оған баға қоюға болмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="173"/>
        <source>This cell was changed since your edit (on another device or the server); the undo left it as it is.</source>
        <translation>Сіз өзгерткеннен кейін бұл ұяшық өзгертілді (басқа құрылғыда немесе серверде); болдырмау оны сол күйінде қалдырды.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="177"/>
        <source>The lesson cannot be added.</source>
        <translation>Сабақты қосу мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="180"/>
        <source>The summative work cannot be added.</source>
        <translation>Жиынтық жұмысты қосу мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="181"/>
        <source>The exam or year test mark cannot be set.</source>
        <translation>Емтихан немесе жылдық сынақ бағасын қоюға болмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="182"/>
        <source>The lesson of {date} is cancelled: it takes no marks or attendance.</source>
        <translation>{date} күнгі сабақ болдырылмады: оған баға да, қатысу белгісі де қойылмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="184"/>
        <source>The lesson cannot be cancelled.</source>
        <translation>Сабақты болдырмау мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="185"/>
        <source>The lesson cannot be moved.</source>
        <translation>Сабақты ауыстыру мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="186"/>
        <source>The summative work cannot be changed.</source>
        <translation>Жиынтық жұмысты өзгерту мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="187"/>
        <source>The summative work cannot be deleted.</source>
        <translation>Жиынтық жұмысты жою мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="188"/>
        <source>A final mark of {mark} differs from the computed one: say why (the reason is audited).</source>
        <translation>{mark} қорытынды бағасы есептелгеннен өзгеше: себебін жазыңыз (себебі аудитте сақталады).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="190"/>
        <source>Only text can be written here.</source>
        <translation>Мұнда тек мәтін жазылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="191"/>
        <source>This value cannot be written here.</source>
        <translation>Бұл мәнді мұнда жазу мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="192"/>
        <source>The journal refused the change.</source>
        <translation>Журнал өзгерісті қабылдамады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="193"/>
        <source>The journal file {path} cannot be opened; the details are in the app&apos;s log.</source>
        <translation>{path} журнал файлын ашу мүмкін емес; толығырақ қолданбаның лог файлында.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="195"/>
        <source>The journal file {path} was written by a newer version of Dala Journal; please update the app. The file was not changed.</source>
        <translation>{path} журнал файлы Dala Journal-дың жаңарақ нұсқасымен жазылған; қолданбаны жаңартыңыз. Файл өзгертілген жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="198"/>
        <source>The timetable has problems ({count}); the school admin must correct it.</source>
        <translation>Сабақ кестесінде қателер бар ({count}); оны мектеп әкімшісі түзетуі керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="203"/>
        <source>The journal refused the change ({code}).</source>
        <translation>Журнал өзгерісті қабылдамады ({code}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="216"/>
        <source>{value} is more than this work&apos;s maximum of {maximum}.</source>
        <translation>{value} бұл жұмыстың ең жоғары ұпайынан ({maximum}) көп.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="219"/>
        <source>{value} is not a score here: this work takes {allowed} points.</source>
        <translation>{value} мұнда ұпай емес: бұл жұмысқа {allowed} ұпай қойылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="225"/>
        <source>“{key}” means nothing in a cell. Type a mark, an attendance letter ({letters}), or Delete.</source>
        <translation>«{key}» ұяшықта ештеңе білдірмейді. Баға, қатысу әрпін ({letters}) жазыңыз немесе Delete басыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="233"/>
        <source>the period is closed</source>
        <translation>кезең жабылған</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="234"/>
        <source>not your course</source>
        <translation>сіздің пәніңіз емес</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="235"/>
        <source>another school&apos;s record</source>
        <translation>басқа мектептің жазбасы</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="236"/>
        <source>the pupil was not in the class that day</source>
        <translation>оқушы сол күні сыныпта болмаған</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="237"/>
        <source>not a valid mark</source>
        <translation>жарамсыз баға</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="238"/>
        <source>already resolved by someone else</source>
        <translation>басқа біреу шешіп қойған</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="239"/>
        <source>a final mark needs a reason</source>
        <translation>қорытынды бағаға себеп керек</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="240"/>
        <source>not a valid attendance mark</source>
        <translation>жарамсыз қатысу белгісі</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="241"/>
        <source>the text is too long</source>
        <translation>мәтін тым ұзын</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="242"/>
        <source>only text can be written there</source>
        <translation>онда тек мәтін жазылады</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="243"/>
        <source>the score is outside the work&apos;s points</source>
        <translation>балл жұмыстың балл шегінен тыс</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="244"/>
        <source>the course is not graded with marks</source>
        <translation>бұл пән бағаланбайды</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="245"/>
        <source>the server has no such lesson</source>
        <translation>серверде мұндай сабақ жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="246"/>
        <source>the server has no such course</source>
        <translation>серверде мұндай пән жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="247"/>
        <source>the server has no such summative work</source>
        <translation>серверде мұндай жиынтық жұмыс жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="248"/>
        <source>the server has no such period</source>
        <translation>серверде мұндай кезең жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="249"/>
        <source>the server has no such conflict</source>
        <translation>серверде мұндай қайшылық жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="250"/>
        <source>the record is named wrongly</source>
        <translation>жазба дұрыс аталмаған</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="251"/>
        <source>the value is not valid</source>
        <translation>мән жарамсыз</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="252"/>
        <source>the server does not know this field</source>
        <translation>сервер бұл өрісті білмейді</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="253"/>
        <source>the date is not in the school year</source>
        <translation>күні оқу жылына кірмейді</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="254"/>
        <source>the lesson cannot be added</source>
        <translation>сабақты қосу мүмкін емес</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="255"/>
        <source>the summative work cannot be added</source>
        <translation>жиынтық жұмысты қосу мүмкін емес</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="256"/>
        <source>an exam or year test mark belongs to the year, and an exam to grades 9 and 11</source>
        <translation>емтихан немесе жылдық сынақ бағасы жылға қойылады, ал емтихан тек 9 және 11-сыныптарда</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="258"/>
        <source>an earlier change had not arrived</source>
        <translation>алдыңғы өзгеріс жетпеген</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="259"/>
        <source>the lesson is cancelled</source>
        <translation>сабақ болдырылмаған</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="260"/>
        <source>the lesson cannot be cancelled</source>
        <translation>сабақты болдырмау мүмкін емес</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="261"/>
        <source>the lesson cannot be moved there</source>
        <translation>сабақты ол жерге ауыстыру мүмкін емес</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="262"/>
        <source>the summative work cannot be changed so</source>
        <translation>жиынтық жұмысты былай өзгерту мүмкін емес</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="263"/>
        <source>the summative work holds scores</source>
        <translation>жиынтық жұмыста баллдар бар</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="266"/>
        <source>refused ({code})</source>
        <translation>қабылданбады ({code})</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="273"/>
        <source>Too many wrong passwords; try again in {wait} s.</source>
        <translation>Құпиясөз тым көп рет қате терілді; {wait} с кейін қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="276"/>
        <source>Wrong password. Try again in {wait} s.</source>
        <translation>Құпиясөз қате. {wait} с кейін қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="277"/>
        <source>Wrong password.</source>
        <translation>Құпиясөз қате.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="283"/>
        <source>This is SOR number {count} in the term; at most {limit} are allowed.</source>
        <translation>Бұл тоқсандағы {count}-БЖБ; ең көбі {limit} рұқсат етіледі.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="285"/>
        <source>{count} SOCH on {date} in this class; at most {limit} a day are allowed.</source>
        <translation>Бұл сыныпта {date} күні {count} ТЖБ; күніне ең көбі {limit} рұқсат етіледі.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="287"/>
        <source>A SOCH may not be held on the last day of the term ({date}).</source>
        <translation>ТЖБ тоқсанның соңғы күні ({date}) өткізілмейді.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="289"/>
        <source>A SOCH and a SOR of one subject may not be held on the same day ({date}).</source>
        <translation>Бір пәннің ТЖБ мен БЖБ-сы бір күні ({date}) өткізілмейді.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="298"/>
        <source>No connection to the school&apos;s server.</source>
        <translation>Мектеп серверімен байланыс жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="299"/>
        <source>The server&apos;s key is not the one in the school&apos;s installer: it may not be the school&apos;s server. Tell the school admin.</source>
        <translation>Сервердің кілті мектеп орнатқышындағы кілтпен сәйкес келмейді: бұл мектептің сервері болмауы мүмкін. Мектеп әкімшісіне хабарлаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="302"/>
        <source>This PC must sync online once before it can sync by a USB stick.</source>
        <translation>Флешка арқылы синхрондау үшін бұл компьютер алдымен бір рет интернет арқылы синхрондалуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="304"/>
        <source>The server is busy; trying again shortly.</source>
        <translation>Сервер бос емес; сәлден соң қайталаймыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="305"/>
        <source>The school&apos;s server cannot reach its database just now; trying again shortly.</source>
        <translation>Мектеп сервері дәл қазір өз дерекқорына қосыла алмай тұр; сәлден соң қайта көреміз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="307"/>
        <source>The server had a problem; trying again later.</source>
        <translation>Серверде ақау болды; кейінірек қайталаймыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="308"/>
        <source>The connection broke off; trying again.</source>
        <translation>Байланыс үзілді; қайталаймыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="309"/>
        <source>Wrong username or password.</source>
        <translation>Пайдаланушы аты не құпиясөз қате.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="310"/>
        <source>Too many wrong passwords; wait a little and try again.</source>
        <translation>Құпиясөз тым көп рет қате терілді; сәл күтіп, қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="311"/>
        <source>Your login has expired; please log in again.</source>
        <translation>Кіру мерзімі өтті; қайта кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="312"/>
        <source>The school admin has revoked this PC; ask the admin to restore it. What you typed waits on this PC.</source>
        <translation>Мектеп әкімшісі бұл компьютердің рұқсатын алып тастады; оны қалпына келтіруін сұраңыз. Енгізгеніңіздің бәрі осы компьютерде сақтаулы.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="315"/>
        <source>Log in to sync with the school&apos;s server.</source>
        <translation>Мектеп серверімен үндестіру үшін кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="316"/>
        <source>This journal belongs to another account.</source>
        <translation>Бұл журнал басқа тіркелгіге тиесілі.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="317"/>
        <source>The journal file had a problem; the details are in the app&apos;s log.</source>
        <translation>Журнал файлында ақау болды; толығырақ қолданбаның лог файлында.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="326"/>
        <source>The server no longer knows this login; please log in again.</source>
        <translation>Сервер бұл кіруді енді танымайды; қайта кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="328"/>
        <source>The server did not take the app&apos;s request as it was sent; install the school&apos;s latest Dala Journal.</source>
        <translation>Сервер бағдарламаның сұрауын бұл күйінде қабылдамады; мектептің Dala Journal соңғы нұсқасын орнатыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="331"/>
        <source>The new password is too weak: at least 8 characters, and not your username.</source>
        <translation>Жаңа құпиясөз тым қарапайым: кемінде 8 таңба және пайдаланушы атымен бірдей емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="333"/>
        <source>This PC is registered to another account on the server; ask the school admin.</source>
        <translation>Бұл компьютер серверде басқа есептік жазбаға тіркелген; мектеп әкімшісіне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="335"/>
        <source>This login belongs to another PC; please log in again.</source>
        <translation>Бұл кіру басқа компьютерге тиесілі; қайта кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="337"/>
        <source>Only the school admin may do this.</source>
        <translation>Мұны тек мектеп әкімшісі жасай алады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="338"/>
        <source>The server has no such record.</source>
        <translation>Серверде мұндай жазба жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="339"/>
        <source>The data was damaged on the way; trying again.</source>
        <translation>Деректер жолда бүлінді; қайта көріп жатырмыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="340"/>
        <location filename="../../desktop/messages.py" line="342"/>
        <source>The server does not understand this app&apos;s data; please update the app.</source>
        <translation>Сервер бұл қолданбаның деректерін түсінбейді; қолданбаны жаңартыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="344"/>
        <source>Too much to send at once; trying in smaller parts.</source>
        <translation>Бір жолға жіберуге тым көп; кішірек бөліктермен жіберіп көреміз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="345"/>
        <source>This journal is not set up yet: log in once online.</source>
        <translation>Бұл журнал әлі бапталмаған: бір рет онлайн кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="346"/>
        <source>Some changes have to be sent again; trying again.</source>
        <translation>Кейбір өзгерістерді қайта жіберу керек; қайта көріп жатырмыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="347"/>
        <source>The server accepts none of the changes waiting to be sent; ask the school admin.</source>
        <translation>Сервер жіберуді күтіп тұрған өзгерістердің ешқайсысын қабылдамайды; мектеп әкімшісіне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="354"/>
        <source>Sync failed ({code}); trying again later.</source>
        <translation>Үндестіру сәтсіз ({code}); кейінірек қайта көреміз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="363"/>
        <source>Something went wrong ({kind}).</source>
        <translation>Бір қате кетті ({kind}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="319"/>
        <source>The server&apos;s certificate is not trusted: this may not be your school&apos;s server. Ask the school admin.</source>
        <translation>Сервер сертификатына сенім жоқ: бұл сіздің мектебіңіздің сервері болмауы мүмкін. Мектеп әкімшісіне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="322"/>
        <source>This address is not encrypted; the school&apos;s server must start with https://.</source>
        <translation>Бұл мекенжай шифрланбаған; мектеп сервері https:// деп басталуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="324"/>
        <source>This is not a server address (https://…).</source>
        <translation>Бұл сервер мекенжайы емес (https://…).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="325"/>
        <source>Too many requests; trying again shortly.</source>
        <translation>Сұраныстар тым көп; сәлден соң қайталаймыз.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/account_dialog.py" line="33"/>
        <source>Change your password</source>
        <translation>Құпиясөзді өзгерту</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="35"/>
        <source>Your password for the school&apos;s server. The offline password that opens the journal on this PC stays as it is.</source>
        <translation>Мектеп серверіне арналған құпиясөзіңіз. Осы компьютердегі журналды ашатын офлайн құпиясөз өзгермейді.</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="44"/>
        <source>Current password</source>
        <translation>Қазіргі құпиясөз</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="45"/>
        <source>New password</source>
        <translation>Жаңа құпиясөз</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="46"/>
        <source>New password again</source>
        <translation>Жаңа құпиясөз қайта</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="62"/>
        <source>The two new passwords differ.</source>
        <translation>Екі жаңа құпиясөз бірдей емес.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/account_dialog.py" line="65"/>
        <source>A new password has at least %n characters.</source>
        <translation>
            <numerusform>Жаңа құпиясөз кемінде %n таңбадан тұрады.</numerusform>
            <numerusform>Жаңа құпиясөз кемінде %n таңбадан тұрады.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="67"/>
        <source>Changing…</source>
        <translation>Өзгертілуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/account_dialog.py" line="77"/>
        <source>The current password is wrong.</source>
        <translation>Қазіргі құпиясөз қате.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/account_dialog.py" line="81"/>
        <source>A new password has at least %n characters and is not your username.</source>
        <translation>
            <numerusform>Жаңа құпиясөз кемінде %n таңбадан тұрады және пайдаланушы атымен бірдей емес.</numerusform>
            <numerusform>Жаңа құпиясөз кемінде %n таңбадан тұрады және пайдаланушы атымен бірдей емес.</numerusform>
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
        <translation>%1 (бұл компьютерде жаңа)</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="72"/>
        <source>Forgot the password?</source>
        <translation>Құпиясөзді ұмыттыңыз ба?</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="76"/>
        <source>Username:</source>
        <translation>Пайдаланушы аты:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="77"/>
        <source>Offline password:</source>
        <translation>Офлайн құпиясөз:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="78"/>
        <source>Repeat it:</source>
        <translation>Қайталаңыз:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="81"/>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="85"/>
        <source>Teachers on this PC:</source>
        <translation>Осы компьютердегі мұғалімдер:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="118"/>
        <location filename="../../desktop/profile_dialog.py" line="149"/>
        <source>Choose a teacher or type a username.</source>
        <translation>Мұғалімді таңдаңыз немесе пайдаланушы атын теріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="124"/>
        <source>Choose an offline password of at least %1 characters.</source>
        <translation>Кемінде %1 таңбадан тұратын офлайн құпиясөз таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="128"/>
        <source>The two passwords differ.</source>
        <translation>Екі құпиясөз бірдей емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="142"/>
        <source>This username cannot be used here.</source>
        <translation>Бұл пайдаланушы атын мұнда қолдануға болмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="151"/>
        <source>A username is at most %1 characters long.</source>
        <translation>Пайдаланушы аты %1 таңбадан аспауы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="153"/>
        <source>A username needs at least one letter or digit.</source>
        <translation>Пайдаланушы атында кемінде бір әріп немесе цифр болуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="156"/>
        <source>“%1” cannot be in a username: use Latin letters, digits and . _ @ -</source>
        <translation>«%1» таңбасы пайдаланушы атында болмайды: латын әріптерін, цифрларды және . _ @ - таңбаларын пайдаланыңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="158"/>
        <source>A username has only Latin letters, digits and . _ @ -, with no spaces.</source>
        <translation>Пайдаланушы аты тек латын әріптерінен, цифрлардан және . _ @ - таңбаларынан тұрады, бос орынсыз.</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="30"/>
        <source>Reset the offline password</source>
        <translation>Офлайн құпиясөзді қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="39"/>
        <source>Log in to the school&apos;s server (online) to choose a new offline password. Nothing in your journal is lost.</source>
        <translation>Жаңа офлайн құпиясөз таңдау үшін мектеп серверіне (онлайн) кіріңіз. Журналыңыздағы ештеңе жоғалмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="44"/>
        <source>Server password:</source>
        <translation>Сервер құпиясөзі:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="45"/>
        <source>New offline password:</source>
        <translation>Жаңа офлайн құпиясөз:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="46"/>
        <source>Repeat it:</source>
        <translation>Қайталаңыз:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="56"/>
        <source>The two passwords differ.</source>
        <translation>Екі құпиясөз бірдей емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="59"/>
        <source>Logging in…</source>
        <translation>Кіру…</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="80"/>
        <source>This PC cannot recover this journal: it never logged in online for it.</source>
        <translation>Бұл компьютер бұл журналды қалпына келтіре алмайды: ол үшін онлайн кіру болмаған.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../desktop/report_text.py" line="19"/>
        <source>n/a</source>
        <translation>у/а</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="19"/>
        <source>pass</source>
        <translation>сынақ</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="20"/>
        <source>fail</source>
        <translation>сынақ емес</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="21"/>
        <source>a year test</source>
        <translation>жылдық сынақ</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="22"/>
        <source>repeats the year</source>
        <translation>сыныпта қалады</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="23"/>
        <source>absent</source>
        <translation>себепсіз</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="23"/>
        <source>ill</source>
        <translation>ауру</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="24"/>
        <source>excused</source>
        <translation>дәлелді себеппен</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="24"/>
        <source>late</source>
        <translation>кешікті</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="25"/>
        <source>Pupil</source>
        <translation>Оқушы</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="25"/>
        <source>Subject</source>
        <translation>Пән</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="26"/>
        <source>Year</source>
        <translation>Оқу жылы</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="27"/>
        <source>Marks by subject</source>
        <translation>Пәндер бойынша бағалар</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="40"/>
        <source>Term %1</source>
        <translation>%1-тоқсан</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="42"/>
        <source>Half-year %1</source>
        <translation>%1-жартыжылдық</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="57"/>
        <source>Quality, %</source>
        <translation>Білім сапасы, %</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="57"/>
        <source>Success, %</source>
        <translation>Үлгерім, %</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="61"/>
        <source>Lessons missed</source>
        <translation>Босатылған сабақтар</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="62"/>
        <source>without a reason</source>
        <translation>себепсіз</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="62"/>
        <source>other valid reason</source>
        <translation>басқа дәлелді себеппен</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="65"/>
        <source>Lessons</source>
        <translation>Сабақтар</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="72"/>
        <source>Subjects with a 2</source>
        <translation>«2» қойылған пәндер</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="73"/>
        <source>Outcome</source>
        <translation>Нәтижесі</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="76"/>
        <source>Marks by term</source>
        <translation>Тоқсандар бойынша бағалар</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="78"/>
        <source>Attendance</source>
        <translation>Сабаққа қатысу</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="79"/>
        <source>Absent today</source>
        <translation>Бүгін келмегендер</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="80"/>
        <source>«Altyn belgi» candidates</source>
        <translation>«Алтын белгі» үміткерлері</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="81"/>
        <source>Certificate with honours</source>
        <translation>Үздік аттестат (куәлік)</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="82"/>
        <source>Year mark 2</source>
        <translation>Жылдық «2»</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="83"/>
        <source>End-of-term report</source>
        <translation>Кезең қорытындысы туралы есеп</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="89"/>
        <source>Lessons missed (ill)</source>
        <translation>Босатылған сабақтар (ауру)</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="98"/>
        <source>Class summary</source>
        <translation>Сынып жиынтығы</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="106"/>
        <source>Year mark</source>
        <translation>Жылдық</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="107"/>
        <source>Final mark</source>
        <translation>Қорытынды</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="114"/>
        <source>Marks over the year</source>
        <translation>Жыл бойғы бағалар</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="116"/>
        <source>Marks extract</source>
        <translation>Бағалар үзіндісі</translation>
    </message>
    <message>
        <location filename="../../desktop/report_text.py" line="123"/>
        <source>Journal page</source>
        <translation>Журнал беті</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="37"/>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="51"/>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="51"/>
        <source>Save for Excel…</source>
        <translation>Excel үшін сақтау…</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/review_panel.py" line="95"/>
        <source>Keep the value that stands</source>
        <translation>Қазіргі мәнді қалдыру</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="96"/>
        <source>Keep the other value</source>
        <translation>Екінші мәнді қалдыру</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="97"/>
        <source>Type another value…</source>
        <translation>Басқа мән жазу…</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="98"/>
        <source>Mark as seen</source>
        <translation>Қаралды деп белгілеу</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="104"/>
        <source>Conflicts: %n</source>
        <translation>
            <numerusform>Қайшылықтар: %n</numerusform>
            <numerusform>Қайшылықтар: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="105"/>
        <source>Refused by the server: %n</source>
        <translation>
            <numerusform>Сервер қабылдамағаны: %n</numerusform>
            <numerusform>Сервер қабылдамағаны: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="108"/>
        <source>%1 — %2: %3 stands (%4); the other value was %5</source>
        <translation>%1 — %2: %3 тұр (%4); екінші мән %5 болған</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="117"/>
        <source>%1 — %2: %3 was not accepted: %4</source>
        <translation>%1 — %2: %3 қабылданбады: %4</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="133"/>
        <source>mark</source>
        <translation>баға</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="133"/>
        <source>attendance</source>
        <translation>қатысу</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="133"/>
        <source>comment</source>
        <translation>түсініктеме</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="134"/>
        <source>topic</source>
        <translation>тақырып</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="134"/>
        <source>homework</source>
        <translation>үй тапсырмасы</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="149"/>
        <source>Resolve the conflict</source>
        <translation>Қайшылықты шешу</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="149"/>
        <source>The value to keep:</source>
        <translation>Қалдырылатын мән:</translation>
    </message>
</context>
<context>
    <name>StickSync</name>
    <message>
        <location filename="../../desktop/stick_sync.py" line="19"/>
        <source>The server&apos;s answer is applied: %1 of your changes confirmed, %2 received.</source>
        <translation>Сервердің жауабы қолданылды: өзгерістеріңіздің %1 расталды, %2 алынды.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="22"/>
        <source>An older answer was passed over: this PC has synced since. Nothing is lost.</source>
        <translation>Ескі жауап өткізіп жіберілді: компьютер содан бері синхрондалған. Ештеңе жоғалған жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="25"/>
        <source>%1 was not applied: %2</source>
        <translation>%1 қолданылмады: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="29"/>
        <source>Bundles of other PCs taken to the server: %1; their answers are on the stick.</source>
        <translation>Басқа компьютерлердің пакеттері серверге жеткізілді: %1; олардың жауаптары флешкада.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="33"/>
        <source>%1 was refused by the server: %2</source>
        <translation>Сервер %1 қабылдамады: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="36"/>
        <source>This PC is not online: bundles of other PCs on the stick stay for a PC with internet.</source>
        <translation>Бұл компьютер желіде емес: басқа компьютерлердің пакеттері интернеті бар компьютер үшін флешкада қалады.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="39"/>
        <source>Your bundle is on the stick with %1 changes. Take the stick to a PC with internet, then back here, and sync by the stick again.</source>
        <translation>Сіздің пакетіңіз флешкада, өзгерістер саны: %1. Флешканы интернеті бар компьютерге апарып, қайта осында әкеліңіз де, флешка арқылы тағы синхрондаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="54"/>
        <source>this PC</source>
        <translation>осы компьютер</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="55"/>
        <source>PC %1</source>
        <translation>%1 компьютері</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="57"/>
        <source>request from %1, %2 changes, made %3</source>
        <translation>сұрау: %1, өзгерістер: %2, жасалған уақыты %3</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="59"/>
        <source>answer for %1, %2 results and %4 changes from the server, made %3</source>
        <translation>жауап: %1 үшін, нәтижелер: %2, серверден өзгерістер: %4, жасалған уақыты %3</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="67"/>
        <source>it is not a Dala Journal sync bundle.</source>
        <translation>бұл Dala Journal синхрондау пакеті емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="68"/>
        <source>it was not copied whole; copy it again from the PC that made it.</source>
        <translation>ол толық көшірілмеген; оны жасаған компьютерден қайта көшіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="69"/>
        <source>it was changed after it was made, or not made by the PC it names.</source>
        <translation>ол жасалғаннан кейін өзгертілген немесе онда аталған компьютер жасамаған.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="70"/>
        <source>it is meant for another PC or another school&apos;s server.</source>
        <translation>ол басқа компьютерге немесе басқа мектептің серверіне арналған.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="71"/>
        <source>the server does not know this PC&apos;s key yet: the PC must sync online once.</source>
        <translation>сервер бұл компьютердің кілтін әлі білмейді: компьютер бір рет интернет арқылы синхрондалуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="73"/>
        <source>it is too large to be a sync bundle.</source>
        <translation>ол синхрондау пакеті үшін тым үлкен.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="74"/>
        <source>it is an answer: it goes back to its PC, not to the server.</source>
        <translation>бұл жауап: ол серверге емес, өз компьютеріне қайтарылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/stick_sync.py" line="75"/>
        <source>the file cannot be read from the stick.</source>
        <translation>файл флешкадан оқылмайды.</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <location filename="../../desktop/sync_bar.py" line="44"/>
        <source>Sync now</source>
        <translation>Қазір үндестіру</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="45"/>
        <source>Log in…</source>
        <translation>Кіру…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="51"/>
        <source>Syncing…</source>
        <translation>Үндестірілуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="52"/>
        <source>Downloading the journal…</source>
        <translation>Журнал жүктелуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="54"/>
        <source>Not synced yet</source>
        <translation>Әлі үндестірілмеген</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="56"/>
        <source>Online</source>
        <translation>Желіде</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="56"/>
        <source>Offline</source>
        <translation>Желіден тыс</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/sync_bar.py" line="57"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n өзгеріс күтуде</numerusform>
            <numerusform>%n өзгеріс күтуде</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="58"/>
        <source>Last sync: %1</source>
        <translation>Соңғы үндестіру: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="59"/>
        <source>Never synced</source>
        <translation>Ешқашан үндестірілмеген</translation>
    </message>
</context>
<context>
    <name>TodayDialog</name>
    <message>
        <location filename="../../desktop/today_view.py" line="24"/>
        <source>Today&apos;s lessons</source>
        <translation>Бүгінгі сабақтар</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="43"/>
        <source>No lessons today.</source>
        <translation>Бүгін сабақ жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="56"/>
        <source>Lesson %1</source>
        <translation>%1-сабақ</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="57"/>
        <source>SOR</source>
        <translation>БЖБ</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="57"/>
        <source>SOCH</source>
        <translation>ТЖБ</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="60"/>
        <source>now</source>
        <translation>қазір</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="61"/>
        <source>next</source>
        <translation>келесі</translation>
    </message>
    <message>
        <location filename="../../desktop/today_view.py" line="61"/>
        <source>the last one</source>
        <translation>соңғы сабақ</translation>
    </message>
</context>
<context>
    <name>WorkDialog</name>
    <message>
        <location filename="../../desktop/work_dialog.py" line="43"/>
        <source>Add a summative work</source>
        <translation>Жиынтық жұмыс қосу</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="43"/>
        <source>Change a summative work</source>
        <translation>Жиынтық жұмысты өзгерту</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="45"/>
        <source>SOR (summative for a section)</source>
        <translation>БЖБ (бөлім бойынша жиынтық бағалау)</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="47"/>
        <source>SOCH (summative for the term)</source>
        <translation>ТЖБ (тоқсан бойынша жиынтық бағалау)</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="57"/>
        <source>Kind:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="58"/>
        <source>Title:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="59"/>
        <source>Section:</source>
        <translation>Бөлім:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="60"/>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="61"/>
        <source>Maximum points:</source>
        <translation>Ең жоғары ұпай:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="78"/>
        <source>Delete work</source>
        <translation>Жұмысты жою</translation>
    </message>
</context>
</TS>
