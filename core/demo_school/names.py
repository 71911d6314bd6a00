"""Plausible Kazakh and Russian names for generated pupils and teachers, and a Cyrillic → Latin
transliteration for logins."""

from __future__ import annotations

import random

KAZAKH_MALE = (
    "Айбек Арман Ерлан Нұрлан Данияр Алихан Ерасыл Нұрсұлтан Мирас Темірлан Бекзат Дәулет Ержан Санжар "
    "Әділет Ақжол Батыржан Абылай Асылан Жандос Алдияр Ислам Расул Бауыржан Ерназар Әлинұр Ильяс Азамат "
    "Нұрдәулет Рахат Саят Тимур Елдос Жасұлан Мейіржан"
).split()
KAZAKH_FEMALE = (
    "Айгерім Аружан Әйгерім Дана Жансая Аяулым Мөлдір Гүлназ Назерке Томирис Інжу Әсел Балнұр Ақбота "
    "Аққу Жібек Камила Медина Сабина Диана Айлин Амина Асылым Нұрай Айша Ажар Дильназ Еркежан Малика "
    "Сезім Толғанай Ұлжан Фатима Ясмина"
).split()
KAZAKH_SURNAMES = (
    "Ахмет Жұмабай Сейіт Оспан Нұрлан Қасым Төлеу Серікбай Бекмұхан Сәрсенбай Ермек Мұрат Иса Омар "
    "Байжан Тұрсын Құрман Есен Ыбырай Әбілқасым Жақып Смағұл Әлімжан Сұлтанбек Қалиақпар Мұқан "
    "Бейсен Шәріп Әуелбек Досмұхамбет"
).split()
RUSSIAN_MALE = (
    "Александр Дмитрий Максим Артём Иван Михаил Никита Кирилл Егор Андрей Даниил Сергей Владислав Роман "
    "Алексей Илья Павел Глеб"
).split()
RUSSIAN_FEMALE = (
    "Анастасия Мария Дарья Анна Екатерина Полина Виктория Елизавета Ксения Алина Софья Валерия Юлия "
    "Ольга Вероника Милана"
).split()
RUSSIAN_SURNAMES = (
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков "
    "Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Ковалёв Богданов"
).split()
KAZAKH_FATHERS = "Серік Нұрлан Ерлан Қайрат Болат Асқар Марат Бақыт Талғат Жанат Ғалым Мәди".split()
RUSSIAN_FATHERS = ("Александров", "Сергеев", "Викторов", "Николаев", "Владимиров", "Андреев")


def _russian_surname(stem: str, sex: str) -> str:
    return stem + "а" if sex == "f" else stem


def _kazakh_surname(stem: str, sex: str) -> str:
    if stem.endswith("й"):  # Ыбырай → Ыбыраев
        base = stem[:-1] + "ев"
    else:  # Иса → Исаев, Омар → Омаров
        base = stem + ("ев" if stem[-1] in "аеиоуұүыіәөэ" else "ов")
    return base + "а" if sex == "f" else base


def person(rng: random.Random, *, kazakh: bool, with_patronymic: bool) -> tuple[str, str, str | None, str]:
    """(last name, first name, patronymic, sex)."""
    sex = rng.choice("mf")
    if kazakh:
        first = rng.choice(KAZAKH_MALE if sex == "m" else KAZAKH_FEMALE)
        last = _kazakh_surname(rng.choice(KAZAKH_SURNAMES), sex)
        patronymic = rng.choice(KAZAKH_FATHERS) + ("ұлы" if sex == "m" else "қызы")
    else:
        first = rng.choice(RUSSIAN_MALE if sex == "m" else RUSSIAN_FEMALE)
        last = _russian_surname(rng.choice(RUSSIAN_SURNAMES), sex)
        patronymic = rng.choice(RUSSIAN_FATHERS) + ("ич" if sex == "m" else "на")
    return last, first, patronymic if with_patronymic else None, sex


_TRANSLIT = dict(
    zip(
        "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә",
        "a b v g g d e e zh z i i k q l m n n o o p r s t u u u f h h ts ch sh sh - y i - e yu ya a".split(),
        strict=True,
    )
)


def transliterate(text: str) -> str:
    out = []
    for ch in text.lower():
        latin = _TRANSLIT.get(ch, ch if ch.isascii() and ch.isalnum() else "")
        out.append("" if latin == "-" else latin)
    return "".join(out)
