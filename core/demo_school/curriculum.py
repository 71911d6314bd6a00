"""The subjects of the Kazakh general-school curriculum, their weekly hours per grade and their scale.

Hours follow the typical curriculum (Типовой учебный план) closely enough for a realistic demo; a real
school's courses come from its own plan through the server.
"""

from __future__ import annotations

# code: (Kazakh, Russian, English)
SUBJECTS: dict[str, tuple[str, str, str]] = {
    "literacy": ("Сауат ашу", "Обучение грамоте", "Literacy"),
    "kazakh_lang": ("Қазақ тілі", "Казахский язык", "Kazakh language"),
    "kazakh_lit": ("Қазақ әдебиеті", "Казахская литература", "Kazakh literature"),
    "reading": ("Әдебиеттік оқу", "Литературное чтение", "Literary reading"),
    "russian": ("Орыс тілі мен әдебиеті", "Русский язык и литература", "Russian language and literature"),
    "english": ("Ағылшын тілі", "Английский язык", "English"),
    "math": ("Математика", "Математика", "Mathematics"),
    "algebra": ("Алгебра", "Алгебра", "Algebra"),
    "geometry": ("Геометрия", "Геометрия", "Geometry"),
    "informatics": ("Информатика", "Информатика", "Computer science"),
    "digital": ("Цифрлық сауаттылық", "Цифровая грамотность", "Digital literacy"),
    "science": ("Жаратылыстану", "Естествознание", "Natural science"),
    "world": ("Дүниетану", "Познание мира", "The world around us"),
    "physics": ("Физика", "Физика", "Physics"),
    "chemistry": ("Химия", "Химия", "Chemistry"),
    "biology": ("Биология", "Биология", "Biology"),
    "geography": ("География", "География", "Geography"),
    "kz_history": ("Қазақстан тарихы", "История Казахстана", "History of Kazakhstan"),
    "world_history": ("Дүниежүзі тарихы", "Всемирная история", "World history"),
    "law": ("Құқық негіздері", "Основы права", "Foundations of law"),
    "music": ("Музыка", "Музыка", "Music"),
    "art": ("Көркем еңбек", "Художественный труд", "Art and craft"),
    "pe": ("Дене шынықтыру", "Физическая культура", "Physical education"),
    "self": ("Өзін-өзі тану", "Самопознание", "Self-knowledge"),
    "military": ("Алғашқы әскери және технологиялық дайындық", "Начальная военная и технологическая подготовка",
                 "Basic military and technological training"),
    "math_literacy": ("Математикалық сауаттылық", "Математическая грамотность", "Mathematical literacy"),
}

# Marked pass/fail: no СОР/СОЧ (shared/domain.md).
PASS_FAIL = {"music", "art", "pe", "self", "digital"}
# Electives marked on the classic 2–5 scale.
CLASSIC = {"math_literacy"}
# Taught in two subgroups when the class is large enough.
SPLIT = {"english", "informatics"}
SPLIT_FROM_PUPILS = 24

_PRIMARY = {
    1: {"literacy": 6, "math": 4, "science": 1, "world": 1, "music": 1, "art": 2, "pe": 3, "self": 1},
    2: {"kazakh_lang": 5, "reading": 2, "russian": 2, "english": 2, "math": 4, "science": 1, "world": 1,
        "digital": 1, "music": 1, "art": 2, "pe": 3, "self": 1},
}
_PRIMARY[3] = _PRIMARY[2]
_PRIMARY[4] = _PRIMARY[2]
_BASIC = {"kazakh_lang": 3, "kazakh_lit": 2, "russian": 3, "english": 3, "informatics": 1, "kz_history": 2,
          "pe": 3}
_SECONDARY = {"kazakh_lang": 2, "kazakh_lit": 2, "russian": 2, "english": 3, "algebra": 3, "geometry": 2,
              "informatics": 2, "physics": 3, "chemistry": 2, "biology": 2, "geography": 2, "kz_history": 2,
              "world_history": 2, "law": 1, "pe": 2, "military": 1, "math_literacy": 1}


def hours(grade: int) -> dict[str, int]:
    """Weekly hours per subject code for a grade (1–11)."""
    if grade <= 4:
        return dict(_PRIMARY[grade])
    if grade >= 10:
        return dict(_SECONDARY)
    plan = dict(_BASIC)
    if grade <= 6:
        plan |= {"math": 5, "science": 2, "art": 2, "music": 1, "world_history": 1 if grade == 6 else 0}
    else:
        plan |= {"algebra": 3, "geometry": 2, "physics": 2, "biology": 2, "geography": 2, "world_history": 1}
        if grade >= 8:
            plan["chemistry"] = 2
        if grade <= 8:
            plan["art"] = 2
        if grade == 9:
            plan["law"] = 1
    return {code: h for code, h in plan.items() if h}


def scale(code: str, grade: int) -> str:
    if grade == 1:
        return "none"
    if code in PASS_FAIL:
        return "passfail"
    if code in CLASSIC:
        return "classic"
    return "criteria"


def slots_per_day(grade: int) -> int:
    if grade == 1:
        return 5
    return 6 if grade <= 4 else 7
