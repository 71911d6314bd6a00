<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
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
        <translation>Бұл компьютердің кілттер қоймасын пайдалану мүмкін емес ({error}); журнал кілттері тек сонда сақталады.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="183"/>
        <source>The address of your school&apos;s server:</source>
        <translation>Мектеп серверінің мекенжайы:</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="112"/>
        <source>This journal is not set up yet: log in once online.</source>
        <translation>Бұл журнал әлі бапталмаған: желіде бір рет кіріңіз.</translation>
    </message>
</context>
<context>
    <name>FinalMarkDialog</name>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="25"/>
        <source>Final mark</source>
        <translation>Қорытынды баға</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="31"/>
        <source>pass</source>
        <translation>сынақ</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="31"/>
        <source>fail</source>
        <translation>сынақ емес</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="38"/>
        <source>Why the final mark differs from the computed one</source>
        <translation>Қорытынды баға есептелгеннен неге өзгеше</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="43"/>
        <source>Computed:</source>
        <translation>Есептелгені:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="44"/>
        <source>Final mark:</source>
        <translation>Қорытынды баға:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="45"/>
        <source>Reason:</source>
        <translation>Себебі:</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="62"/>
        <source>A final mark different from the computed one needs a reason; it is kept in the audit log.</source>
        <translation>Есептелгеннен өзгеше қорытынды бағаға себеп керек; ол аудит журналында сақталады.</translation>
    </message>
    <message>
        <location filename="../../desktop/final_mark_dialog.py" line="64"/>
        <source>The computed mark stands; no reason is needed.</source>
        <translation>Есептелген баға қалады; себеп керек емес.</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../desktop/journal_model.py" line="238"/>
        <source>Pupil</source>
        <translation>Оқушы</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="240"/>
        <source>Result</source>
        <translation>Қорытынды</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="213"/>
        <location filename="../../desktop/journal_model.py" line="244"/>
        <location filename="../../desktop/journal_model.py" line="248"/>
        <source>SOR</source>
        <translation>БЖБ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="195"/>
        <source>n/a</source>
        <translation>у/а</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="183"/>
        <source>pass</source>
        <translation>сынақ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="183"/>
        <source>fail</source>
        <translation>сынақ емес</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="205"/>
        <source>Final mark %1, set over the computed %2. Reason: %3</source>
        <translation>Қорытынды баға %1, есептелген %2 орнына қойылды. Себебі: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="210"/>
        <source>Not attested for now: a summative work is not written yet.</source>
        <translation>Уақытша аттестатталмаған: жиынтық жұмыс әлі жазылмаған.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="212"/>
        <source>A one-hour-a-week subject: graded per half-year.</source>
        <translation>Аптасына бір сағаттық пән: жартыжылдық бойынша бағаланады.</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="213"/>
        <location filename="../../desktop/journal_model.py" line="244"/>
        <location filename="../../desktop/journal_model.py" line="248"/>
        <source>SOCH</source>
        <translation>ТЖБ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="213"/>
        <source>FO</source>
        <translation>ҚБ</translation>
    </message>
    <message>
        <location filename="../../desktop/journal_model.py" line="251"/>
        <source>out of %1 points</source>
        <translation>%1 ұпайдан</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="56"/>
        <source>Topic</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="57"/>
        <source>Homework</source>
        <translation>Үй тапсырмасы</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="58"/>
        <source>Add a lesson…</source>
        <translation>Сабақ қосу…</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="62"/>
        <source>No lesson chosen</source>
        <translation>Сабақ таңдалмаған</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="84"/>
        <source>Add a lesson</source>
        <translation>Сабақ қосу</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="90"/>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <location filename="../../desktop/lesson_panel.py" line="91"/>
        <source>Lesson number</source>
        <translation>Сабақ нөмірі</translation>
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
        <location filename="../../desktop/login_dialog.py" line="36"/>
        <source>Log in to the school&apos;s server</source>
        <translation>Мектеп серверіне кіру</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="48"/>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="49"/>
        <source>Username</source>
        <translation>Пайдаланушы аты</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="50"/>
        <source>Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="62"/>
        <source>Logging in…</source>
        <translation>Кіру…</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="72"/>
        <source>Downloading your journal…</source>
        <translation>Журналыңыз жүктелуде…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="244"/>
        <source>Term %1</source>
        <translation>%1-тоқсан</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="246"/>
        <source>Half-year %1</source>
        <translation>%1-жартыжылдық</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="247"/>
        <source>Year</source>
        <translation>Оқу жылы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="292"/>
        <source>Choose a lesson&apos;s cell to write in.</source>
        <translation>Жазу үшін сабақ ұяшығын таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="295"/>
        <source>This pupil was not in the class on that day.</source>
        <translation>Бұл оқушы сол күні сыныпта болмаған.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="367"/>
        <location filename="../../desktop/main_window.py" line="379"/>
        <source>Comment</source>
        <translation>Түсініктеме</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="461"/>
        <source>Export as CSV…</source>
        <translation>CSV ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="464"/>
        <source>Saved %1 rows to %2</source>
        <translation>%1 жол %2 файлына сақталды</translation>
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
        <translation>Жиынтық жұмыс қосу…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="547"/>
        <source>Final mark…</source>
        <translation>Қорытынды баға…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="548"/>
        <source>Reports…</source>
        <translation>Есептер…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="549"/>
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="552"/>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="553"/>
        <source>Lesson</source>
        <translation>Сабақ</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="554"/>
        <source>To review</source>
        <translation>Қарау керек</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/messages.py" line="17"/>
        <location filename="../../desktop/messages.py" line="43"/>
        <source>{value} is not a mark here: this course takes {allowed}.</source>
        <translation>{value} мұнда баға емес: бұл пәнде {allowed} қойылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="18"/>
        <location filename="../../desktop/messages.py" line="49"/>
        <source>This course is not graded with marks; only attendance and comments.</source>
        <translation>Бұл пәнге баға қойылмайды; тек қатысу мен түсініктеме.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="19"/>
        <source>Unknown attendance code.</source>
        <translation>Қатысудың белгісіз коды.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="20"/>
        <source>The text is too long: {length} characters, at most {limit}.</source>
        <translation>Мәтін тым ұзын: {length} таңба, ең көбі {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="21"/>
        <source>This pupil was not in the class on {date}.</source>
        <translation>Бұл оқушы {date} күні сыныпта болмаған.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="22"/>
        <source>This is not your course, and you are not substituting in this lesson.</source>
        <translation>Бұл сіздің пәніңіз емес, бұл сабақта сіз алмастырып жүрген жоқсыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="23"/>
        <source>The period containing {date} is closed; its marks can no longer be changed.</source>
        <translation>{date} кіретін кезең жабылған; оның бағаларын енді өзгертуге болмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="24"/>
        <source>{date} is not in any term of the school year.</source>
        <translation>{date} оқу жылының ешбір тоқсанына кірмейді.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="25"/>
        <source>This record is no longer in the journal.</source>
        <translation>Бұл жазба журналда енді жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="26"/>
        <source>The lesson cannot be added: {reason}.</source>
        <translation>Сабақты қосу мүмкін емес: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="27"/>
        <source>{value} is outside 0–{max_points} points for this work.</source>
        <translation>{value} бұл жұмыстың 0–{max_points} ұпай аралығынан тыс.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="28"/>
        <source>The summative work cannot be added: {reason}.</source>
        <translation>Жиынтық жұмысты қосу мүмкін емес: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="29"/>
        <source>A final mark of {mark} differs from the computed one: say why (the reason is audited).</source>
        <translation>{mark} қорытынды бағасы есептелгеннен өзгеше: себебін жазыңыз (себебі аудитте сақталады).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="34"/>
        <source>The journal refused the change ({code}).</source>
        <translation>Журнал өзгерісті қабылдамады ({code}).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="46"/>
        <source>{value} is not a score here: this work takes {allowed} points.</source>
        <translation>{value} мұнда ұпай емес: бұл жұмысқа {allowed} ұпай қойылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="50"/>
        <source>“{key}” means nothing in a cell. Type a mark, an attendance letter ({letters}), or Delete.</source>
        <translation>«{key}» ұяшықта ештеңе білдірмейді. Баға, қатысу әрпін ({letters}) жазыңыз немесе Delete басыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="57"/>
        <source>the period is closed</source>
        <translation>кезең жабылған</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="58"/>
        <source>not your course</source>
        <translation>сіздің пәніңіз емес</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="59"/>
        <source>another school&apos;s record</source>
        <translation>басқа мектептің жазбасы</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="60"/>
        <source>the pupil was not in the class that day</source>
        <translation>оқушы сол күні сыныпта болмаған</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="61"/>
        <source>not a valid mark</source>
        <translation>жарамсыз баға</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="62"/>
        <source>already resolved by someone else</source>
        <translation>басқа біреу шешіп қойған</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="63"/>
        <source>a final mark needs a reason</source>
        <translation>қорытынды бағаға себеп керек</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="72"/>
        <source>Too many wrong passwords; try again in {wait} s.</source>
        <translation>Құпиясөз тым көп рет қате терілді; {wait} с кейін қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="74"/>
        <source>Wrong password. Try again in {wait} s.</source>
        <translation>Құпиясөз қате. {wait} с кейін қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="75"/>
        <source>Wrong password.</source>
        <translation>Құпиясөз қате.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="81"/>
        <source>This is SOR number {count} in the term; at most {limit} are allowed.</source>
        <translation>Бұл тоқсандағы {count}-БЖБ; ең көбі {limit} рұқсат етіледі.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="83"/>
        <source>{count} SOCH on {date} in this class; at most {limit} a day are allowed.</source>
        <translation>Бұл сыныпта {date} күні {count} ТЖБ; күніне ең көбі {limit} рұқсат етіледі.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="85"/>
        <source>A SOCH may not be held on the last day of the term ({date}).</source>
        <translation>ТЖБ тоқсанның соңғы күні ({date}) өткізілмейді.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="87"/>
        <source>A SOCH and a SOR of one subject may not be held on the same day ({date}).</source>
        <translation>Бір пәннің ТЖБ мен БЖБ-сы бір күні ({date}) өткізілмейді.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="96"/>
        <source>No connection to the school&apos;s server.</source>
        <translation>Мектеп серверімен байланыс жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="97"/>
        <source>The server is busy; trying again shortly.</source>
        <translation>Сервер бос емес; сәлден соң қайталаймыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="98"/>
        <source>The server had a problem; trying again later.</source>
        <translation>Серверде ақау болды; кейінірек қайталаймыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="99"/>
        <source>The connection broke off; trying again.</source>
        <translation>Байланыс үзілді; қайталаймыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="100"/>
        <source>Wrong username or password.</source>
        <translation>Пайдаланушы аты не құпиясөз қате.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="101"/>
        <source>Too many wrong passwords; wait a little and try again.</source>
        <translation>Құпиясөз тым көп рет қате терілді; сәл күтіп, қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="102"/>
        <source>Your login has expired; please log in again.</source>
        <translation>Кіру мерзімі өтті; қайта кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="103"/>
        <source>The school admin has revoked this PC; please log in again.</source>
        <translation>Мектеп әкімшісі бұл компьютердің рұқсатын алып тастады; қайта кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="104"/>
        <source>Log in to sync with the school&apos;s server.</source>
        <translation>Мектеп серверімен үндестіру үшін кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="105"/>
        <source>This journal belongs to another account.</source>
        <translation>Бұл журнал басқа тіркелгіге тиесілі.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="106"/>
        <source>The journal file had a problem: {message}</source>
        <translation>Журнал файлында ақау бар: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="107"/>
        <source>The server&apos;s certificate is not trusted: this may not be your school&apos;s server. Ask the school admin.</source>
        <translation>Сервер сертификатына сенім жоқ: бұл сіздің мектебіңіздің сервері болмауы мүмкін. Мектеп әкімшісіне хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="110"/>
        <source>This address is not encrypted; the school&apos;s server must start with https://.</source>
        <translation>Бұл мекенжай шифрланбаған; мектеп сервері https:// деп басталуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="112"/>
        <source>This is not a server address (https://…).</source>
        <translation>Бұл сервер мекенжайы емес (https://…).</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="113"/>
        <source>Too many requests; trying again shortly.</source>
        <translation>Сұраныстар тым көп; сәлден соң қайталаймыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="119"/>
        <source>Sync failed: {message}</source>
        <translation>Үндестіру сәтсіз: {message}</translation>
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
        <translation>%1 (бұл компьютерде жаңа)</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="64"/>
        <source>Forgot the password?</source>
        <translation>Құпиясөзді ұмыттыңыз ба?</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="68"/>
        <source>Username:</source>
        <translation>Пайдаланушы аты:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="69"/>
        <source>Offline password:</source>
        <translation>Офлайн құпиясөз:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="70"/>
        <source>Repeat it:</source>
        <translation>Қайталаңыз:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="73"/>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="77"/>
        <source>Teachers on this PC:</source>
        <translation>Осы компьютердегі мұғалімдер:</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="103"/>
        <source>Choose a teacher or type a username.</source>
        <translation>Мұғалімді таңдаңыз немесе пайдаланушы атын теріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="108"/>
        <source>Choose an offline password of at least %1 characters.</source>
        <translation>Кемінде %1 таңбадан тұратын офлайн құпиясөз таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="112"/>
        <source>The two passwords differ.</source>
        <translation>Екі құпиясөз бірдей емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_dialog.py" line="123"/>
        <source>This username cannot be used here.</source>
        <translation>Бұл пайдаланушы атын мұнда қолдануға болмайды.</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="25"/>
        <source>Reset the offline password</source>
        <translation>Офлайн құпиясөзді қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="34"/>
        <source>Log in to the school&apos;s server (online) to choose a new offline password. Nothing in your journal is lost.</source>
        <translation>Жаңа офлайн құпиясөз таңдау үшін мектеп серверіне (онлайн) кіріңіз. Журналыңыздағы ештеңе жоғалмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="39"/>
        <source>Server password:</source>
        <translation>Сервер құпиясөзі:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="40"/>
        <source>New offline password:</source>
        <translation>Жаңа офлайн құпиясөз:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="41"/>
        <source>Repeat it:</source>
        <translation>Қайталаңыз:</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="51"/>
        <source>The two passwords differ.</source>
        <translation>Екі құпиясөз бірдей емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="54"/>
        <source>Logging in…</source>
        <translation>Кіру…</translation>
    </message>
    <message>
        <location filename="../../desktop/recover_dialog.py" line="74"/>
        <source>This PC cannot recover this journal: it never logged in online for it.</source>
        <translation>Бұл компьютер бұл журналды қалпына келтіре алмайды: ол үшін онлайн кіру болмаған.</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="30"/>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="32"/>
        <source>a year test</source>
        <translation>жылдық сынақ</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="32"/>
        <source>repeats the year</source>
        <translation>сыныпта қалады</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="34"/>
        <location filename="../../desktop/reports_dialog.py" line="35"/>
        <source>Class</source>
        <translation>Сынып</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="34"/>
        <location filename="../../desktop/reports_dialog.py" line="35"/>
        <source>Pupil</source>
        <translation>Оқушы</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="35"/>
        <source>Subjects with a 2</source>
        <translation>«2» қойылған пәндер</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="35"/>
        <source>Outcome</source>
        <translation>Нәтижесі</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="39"/>
        <source>«Altyn belgi» candidates</source>
        <translation>«Алтын белгі» үміткерлері</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="39"/>
        <source>Year mark 2</source>
        <translation>Жылдық «2»</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="41"/>
        <source>Export as CSV…</source>
        <translation>CSV ретінде сақтау…</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/review_panel.py" line="86"/>
        <source>Keep the value that stands</source>
        <translation>Қазіргі мәнді қалдыру</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="87"/>
        <source>Keep the other value</source>
        <translation>Екінші мәнді қалдыру</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="88"/>
        <source>Type another value…</source>
        <translation>Басқа мән жазу…</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="89"/>
        <source>Mark as seen</source>
        <translation>Қаралды деп белгілеу</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="94"/>
        <source>Conflicts: %n</source>
        <translation>
            <numerusform>Қайшылықтар: %n</numerusform>
            <numerusform>Қайшылықтар: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="95"/>
        <source>Refused by the server: %n</source>
        <translation>
            <numerusform>Сервер қабылдамағаны: %n</numerusform>
            <numerusform>Сервер қабылдамағаны: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="98"/>
        <source>%1 — %2: %3 stands (%4); the other value was %5</source>
        <translation>%1 — %2: %3 тұр (%4); екінші мән %5 болған</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="107"/>
        <source>%1 — %2: %3 was not accepted: %4</source>
        <translation>%1 — %2: %3 қабылданбады: %4</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="118"/>
        <source>mark</source>
        <translation>баға</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="118"/>
        <source>attendance</source>
        <translation>қатысу</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="118"/>
        <source>comment</source>
        <translation>түсініктеме</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="119"/>
        <source>topic</source>
        <translation>тақырып</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="119"/>
        <source>homework</source>
        <translation>үй тапсырмасы</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="134"/>
        <source>Resolve the conflict</source>
        <translation>Қайшылықты шешу</translation>
    </message>
    <message>
        <location filename="../../desktop/review_panel.py" line="134"/>
        <source>The value to keep:</source>
        <translation>Қалдырылатын мән:</translation>
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
        <location filename="../../desktop/sync_bar.py" line="51"/>
        <source>Downloading the journal…</source>
        <translation>Журнал жүктелуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="53"/>
        <source>Not synced yet</source>
        <translation>Әлі үндестірілмеген</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="55"/>
        <source>Online</source>
        <translation>Желіде</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="55"/>
        <source>Offline</source>
        <translation>Желіден тыс</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/sync_bar.py" line="56"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n өзгеріс күтуде</numerusform>
            <numerusform>%n өзгеріс күтуде</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="57"/>
        <source>Last sync: %1</source>
        <translation>Соңғы үндестіру: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_bar.py" line="58"/>
        <source>Never synced</source>
        <translation>Ешқашан үндестірілмеген</translation>
    </message>
</context>
<context>
    <name>WorkDialog</name>
    <message>
        <location filename="../../desktop/work_dialog.py" line="26"/>
        <source>Add a summative work</source>
        <translation>Жиынтық жұмыс қосу</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="28"/>
        <source>SOR (summative for a section)</source>
        <translation>БЖБ (бөлім бойынша жиынтық бағалау)</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="29"/>
        <source>SOCH (summative for the term)</source>
        <translation>ТЖБ (тоқсан бойынша жиынтық бағалау)</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="39"/>
        <source>Kind:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="40"/>
        <source>Title:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="41"/>
        <source>Section:</source>
        <translation>Бөлім:</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="42"/>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <location filename="../../desktop/work_dialog.py" line="43"/>
        <source>Maximum points:</source>
        <translation>Ең жоғары ұпай:</translation>
    </message>
</context>
</TS>
