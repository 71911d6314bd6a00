"""The interface language: Kazakh, Russian or English, with Qt's compiled translations from
resources/translations/ and the matching QLocale for dates and week days. English is the source
language of the code's texts; its file holds only the plural forms ("1 change", "2 changes"). Qt's own
translations (qtbase_*.qm: standard buttons, dialogs) are installed alongside."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from desktop.qt_app import application

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
LOCALES = {"kk": QLocale(QLocale.Language.Kazakh, QLocale.Country.Kazakhstan),
           "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Kazakhstan),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}

_installed: list[QTranslator] = []


def use_language(language: str) -> QLocale:
    """Install the translation for `language` (replacing any other) and return its locale."""
    for translator in _installed:
        application().removeTranslator(translator)
    _installed.clear()
    if language in LANGUAGES:
        translator = QTranslator()
        if not translator.load(str(TRANSLATIONS / f"dala_{language}.qm")):
            raise FileNotFoundError(f"no compiled translation for {language!r} in {TRANSLATIONS}")
        application().installTranslator(translator)
        _installed.append(translator)
        qt_own = QTranslator()  # Qt's own texts (standard buttons, the file dialog), where Qt ships them
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            application().installTranslator(qt_own)
            _installed.append(qt_own)
    locale = LOCALES.get(language, LOCALES["en"])
    QLocale.setDefault(locale)
    return locale


def words(language: str) -> Callable[[object], str]:
    """The texts of a printed or saved report (context "Report", marked with QT_TRANSLATE_NOOP) in `language`,
    which may differ from the interface's: a report is in the school's language (desktop.report_text)."""
    translator = QTranslator()
    if language != "en" and not translator.load(str(TRANSLATIONS / f"dala_{language}.qm")):
        raise FileNotFoundError(f"no compiled translation for {language!r} in {TRANSLATIONS}")
    return lambda text: translator.translate("Report", str(text)) or str(text)
