"""Russian editions."""

from ..script import CYRILLIC
from . import DAY_MONTH_YEAR, DAY_MONTH_YEAR_LINE, ROMAN_PART, SESSION_WORDS, Layout

_LETTERS = "АБВГДЕЖЗИКЛМНОП"
#: Cyrillic capitals that look like Latin ones.  A Russian edition may letter its
#: subsections in the Latin order with them (А, В, С, D …), or in its own (А, Б, В …).
_LOOKALIKES = {"А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O",
               "Р": "P", "Т": "T", "Х": "X"}

LAYOUT = Layout(
    code="ru", language="Russian", script=CYRILLIC,
    part_patterns=(ROMAN_PART,), subsection_patterns=("[" + _LETTERS + "".join(_LOOKALIKES) + "]",),
    letters=tuple(_LETTERS), lookalikes=_LOOKALIKES, bare_number_patterns=(ROMAN_PART,),
    months={"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
            "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12},  # (genitive)
    date_patterns=(DAY_MONTH_YEAR,), date_line_patterns=(DAY_MONTH_YEAR_LINE,),
    organ_patterns=("Организация Объединенных Наций", "Генеральная Ассамблея", "Совет Безопасности"),
    session_patterns=(SESSION_WORDS + "сессия",), year_patterns=(SESSION_WORDS + "год",),
    distribution_patterns=(r"Distr\.",), limited_words=frozenset({"ограниченное"}),
    language_names={"английский": "English", "французский": "French", "испанский": "Spanish",
                    "русский": "Russian", "китайский": "Chinese", "арабский": "Arabic"},
    original_patterns=("Язык оригинала",),
    agenda_patterns=("Пункты?",), range_patterns=("до",),
    agenda_title_patterns=(r"^Сотрудничество между Организацией Объединенных Наций и (?P<org>.+?):?$",),
    report_of_patterns=("Доклад Генерального секретаря", "Записка Генерального секретаря"), report_label_patterns=("доклад",),
    summary_patterns=("Резюме",), contents_patterns=("Содержание",),
    paragraphs_column_patterns=("Пункты",), pages_column_patterns=(r"Стр\.",),
    annex_patterns=("Приложение",), recycle_patterns=("Просьба отправить на вторичную переработку",),
    sentence_end=".!?;:…", closing_after="\"”’'»)]",
    connectors=frozenset({"и", "в", "между", "по", "с"}),
    enacting_patterns=("Генеральная Ассамблея", "Совет Безопасности"),
    adopted_kind_patterns=("Резолюция", "Решение"), adopted_by_patterns=("принятая", "принятое"),
    decision_words=frozenset({"решение", "решения"}),  # ("проект решения")
    draft_patterns=("проект резолюции", "проект решения"),
    committee_patterns=(r"\w+ комитет",),
    # a preambular paragraph opens in lower case, with a participle or an adverb
    # before one ("ссылаясь", "вновь подтверждая", "будучи убеждена", "глубоко обеспокоенная")
    lower_preamble_patterns=("ссылаясь", "напоминая", "подтверждая", "вновь", "отмечая", "принимая", "признавая",
                             "подчеркивая", "приветствуя", "выражая", "учитывая", "сознавая", "будучи", "желая",
                             "считая", "исходя", "памятуя", "руководствуясь", "констатируя", "осуждая", "действуя",
                             "заявляя", "особо", "твердо", "решительно", "высоко", "отдавая", "стремясь",
                             "определив", "глубоко", "серьезно", r"преисполненн\w+", r"обеспокоенн\w+",
                             r"встревоженн\w+", r"убежденн\w+", r"озабоченн\w+"),
    closing_line_patterns=(r"\d{1,4}-[ея]\s+пленарное заседание",),
    # "принятая Советом Безопасности на его 9518-м заседании"
    meeting_patterns=(r"\d{1,5}-м\s+заседании",),
)
