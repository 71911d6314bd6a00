<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PasswordDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/account_dialog.py" line="65"/>
        <source>A new password has at least %n characters.</source>
        <translation>
            <numerusform>A new password has at least %n character.</numerusform>
            <numerusform>A new password has at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/account_dialog.py" line="81"/>
        <source>A new password has at least %n characters and is not your username.</source>
        <translation>
            <numerusform>A new password has at least %n character and is not your username.</numerusform>
            <numerusform>A new password has at least %n characters and is not your username.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="104"/>
        <source>Conflicts: %n</source>
        <translation>
            <numerusform>Conflicts: %n</numerusform>
            <numerusform>Conflicts: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/review_panel.py" line="105"/>
        <source>Refused by the server: %n</source>
        <translation>
            <numerusform>Refused by the server: %n</numerusform>
            <numerusform>Refused by the server: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message numerus="yes">
        <location filename="../../desktop/sync_bar.py" line="57"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
