"""`dala --self-test`: does this build (an installed bundle, or the source tree) have what the app needs?
Offscreen, with nothing of the user's touched: Qt's platform plugin and widgets, the app's and Qt's
translations for Kazakh, Russian and English, the keychain library, and a temporary profile whose journal is
created encrypted (SQLCipher), migrated to the current schema (Alembic's scripts are in the bundle) and read
back; then the teacher's walk through the real windows on a throwaway profile (desktop.self_test_walk), online
too when given a school server. Prints the version and the preset, and exits 0; or names what is missing and
exits 1."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from desktop import self_test_walk


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("dala-journal")
    except PackageNotFoundError:
        return "unknown (no package metadata)"


def _qt() -> str:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QApplication, QTableView

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # held while the view shows
    QTableView().show()
    return f"Qt {QLibraryInfo.version().toString()}, platform {QApplication.platformName()}"


def _translations() -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from desktop import i18n

    found = []
    for language in i18n.LANGUAGES:
        i18n.use_language(language)  # raises when the app's own .qm is missing
        if language != "en" and QCoreApplication.translate("MainWindow", "Journal") == "Journal":
            raise RuntimeError(f"the {language} translation does not translate")
        qt_own = QTranslator()
        if not qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            raise RuntimeError(f"Qt's own {language} translation (qtbase_{language}.qm) is missing")
        found.append(language)
    i18n.use_language("en")
    return "app and Qt: " + ", ".join(found)


def _profile() -> str:
    from sqlalchemy import text

    from desktop.self_test_walk import ScratchKeyring
    from storage import keys, sqlite_file
    from storage.database import open_database
    from storage.keychain import Keychain
    from storage.profiles import Profiles

    with tempfile.TemporaryDirectory(prefix="dala-self-test-") as folder:
        profiles = Profiles(Path(folder), Keychain(ScratchKeyring()), cost=keys.Argon2Cost(1, 8 * 1024, 1))
        profile, key = profiles.create("self.test", "self-test password")
        with open_database(profile.journal, key=key) as db, db.write() as conn:
            conn.execute(text("INSERT INTO school (id, name, language) VALUES (1, 'Өзін-өзі тексеру', 'kk')"))
        if profile.journal.read_bytes().startswith(b"SQLite format 3"):
            raise RuntimeError("the journal was not encrypted")
        if profiles.unlock("self.test", "self-test password") != key:
            raise RuntimeError("the offline password did not open the profile")
        raw = sqlite_file.connect(profile.journal, key=key)
        try:
            revision = sqlite_file.revision(raw)
            cipher = raw.execute("PRAGMA cipher_version").fetchone()[0]
        finally:
            raw.close()
        if revision != sqlite_file.JOURNAL_HEAD:
            raise RuntimeError(f"migrated to {revision}, not {sqlite_file.JOURNAL_HEAD}")
    return f"encrypted (SQLCipher {cipher}), migrated to {revision}"


def _walk(server: self_test_walk.Server | None) -> Callable[[], str]:
    return lambda: self_test_walk.run(server)


def _keychain() -> str:
    import keyring

    return f"keyring {keyring.get_keyring().__class__.__name__}"


def _preset() -> str:
    from desktop import preset

    found = preset.load()
    if found is None:
        return "none (the app will ask for the server's address)"
    ca = f", CA bundle {found.ca_bundle.name}" if found.ca_bundle else ""
    if found.ca_bundle and not found.ca_bundle.is_file():
        raise RuntimeError(f"the preset's CA bundle {found.ca_bundle} is missing")
    return f"{found.school}: {found.server_url}, language {found.language}{ca}, {len(found.teachers)} teachers"


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("Qt", _qt), ("translations", _translations), ("profile", _profile), ("keychain", _keychain),
    ("preset", _preset),
]


def run(server: self_test_walk.Server | None = None) -> int:
    """Every check, then the teacher's walk through the real windows (online too, given a school server)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"Dala Journal {version()} self-test", flush=True)
    failed = []
    for name, check in [*CHECKS, ("walk", _walk(server))]:
        try:
            print(f"  {name}: {check()}", flush=True)
        except Exception as error:  # noqa: BLE001 (each check's failure is reported, and the rest still run)
            failed.append(name)
            print(f"  {name}: MISSING OR BROKEN: {error}", flush=True)
            if os.environ.get("DALA_SELF_TEST_TRACE"):
                traceback.print_exc()
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", flush=True)
        return 1
    print("self-test passed", flush=True)
    return 0
