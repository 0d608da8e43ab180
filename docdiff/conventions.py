"""What UN editions look like, as data: numerals, furniture, masthead words.

The parser asks these tables; it holds no language-specific branches itself.
To teach docdiff a new layout, add rows here.
"""

from __future__ import annotations

import re
import unicodedata

# ----------------------------------------------------------------------------- numerals

CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def chinese_numeral_value(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23 (enough for part numbers)."""
    if not text or any(ch not in CHINESE_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return CHINESE_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    value = (CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10
    return value + (CHINESE_DIGITS.get(units, 0) if units else 0)


def roman_numeral_value(text: str) -> int | None:
    if not text or any(ch not in ROMAN_VALUES for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = ROMAN_VALUES[ch]
        if i + 1 < len(text) and ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


#: Arabic editions number parts in words and subsections with letter names.
ARABIC_ORDINALS = {"أولا": 1, "ثانيا": 2, "ثالثا": 3, "رابعا": 4, "خامسا": 5,
                   "سادسا": 6, "سابعا": 7, "ثامنا": 8, "تاسعا": 9, "عاشرا": 10}
ARABIC_LETTERS = ("ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء")
CYRILLIC_LETTERS = "АБВГДЕЖЗИКЛМНОП"
#: Cyrillic capitals that look like Latin ones.  A Russian edition may letter its
#: subsections in the Latin order with them (А, В, С, D …), or in its own (А, Б, В …).
CYRILLIC_LOOKALIKES = {"А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O",
                       "Р": "P", "Т": "T", "Х": "X"}


#: The tanween an Arabic ordinal may carry ("أولاً" for "أولا").
TANWEEN = "\u064b"
#: An Arabic ordinal as a pattern, with or without its tanween.
_ARABIC_ORDINAL = "|".join(word[:-1] + TANWEEN + "?" + word[-1] + TANWEEN + "?" for word in ARABIC_ORDINALS)


def part_value(numeral: str) -> int | None:
    return (chinese_numeral_value(numeral) or roman_numeral_value(numeral)
            or ARABIC_ORDINALS.get(numeral.replace(TANWEEN, "")))


def subsection_value(letter: str) -> int | None:
    if "Ａ" <= letter <= "Ｚ":  # full-width, as Chinese editions may print it
        letter = chr(ord(letter) - ord("Ａ") + ord("A"))
    if len(letter) == 1 and "A" <= letter <= "Z":
        return ord(letter) - ord("A") + 1
    if letter in CYRILLIC_LETTERS:
        return CYRILLIC_LETTERS.index(letter) + 1
    if letter in ARABIC_LETTERS:
        return ARABIC_LETTERS.index(letter) + 1
    if letter in CYRILLIC_LOOKALIKES:
        return subsection_value(CYRILLIC_LOOKALIKES[letter])
    return None


def subsection_values(letter: str) -> tuple[int, ...]:
    """Every place in a sequence ``letter`` may stand for: a Cyrillic letter
    that looks like a Latin one is read in both alphabets (В: 3rd or 2nd)."""
    readings = [subsection_value(letter)]
    if letter in CYRILLIC_LOOKALIKES:
        readings.append(subsection_value(CYRILLIC_LOOKALIKES[letter]))
    return tuple(dict.fromkeys(value for value in readings if value))


_NUMBER_STOP = r"\s*[.．、]\s*|\s+[-–—]\s+"
#: "二. 联合国同…", "II. Cooperation …", "أولا - مقدمة"
PART_HEADING = re.compile(
    r"^(?P<number>[一二三四五六七八九十]{1,3}|[IVXLC]{1,6}|" + _ARABIC_ORDINAL + r")"
    r"(?:" + _NUMBER_STOP + r")(?P<title>\S.*)$"
)
#: A line that starts a list item: a bullet, or "(a)", "a)", "(iv)": never a heading.
LIST_ITEM = re.compile(r"^(?:[•·▪◦●○■□‣⁃∙*-]|[–—]\s|[(（]?(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})[)）]\s?)")
#: "A. Overall support …", "А. Общая поддержка", "ألف - …"
SUBSECTION_HEADING = re.compile(
    r"^(?P<number>[A-ZＡ-Ｚ]|[" + CYRILLIC_LETTERS + "".join(CYRILLIC_LOOKALIKES) + r"]|" + "|".join(ARABIC_LETTERS) + r")"
    r"(?:" + _NUMBER_STOP + r")(?P<title>\S.*)$"
)
#: A part or subsection number alone on its line: "II.", "B.", "二、".
BARE_HEADING_NUMBER = re.compile(r"(?:[一二三四五六七八九十]{1,3}|[IVXLC]{1,6}|[A-ZＡ-Ｚ])\s*[.．、]")
#: "3. 安全理事会…", "3.     The Security Council…" (never "3.5 million")
#: (some PDF extractors put the number alone on its line: "1." then the text);
#: Arabic editions: "1 - …" (a dash, not before a digit: "15 - 17 March" is no paragraph)
#: (any number a sequence from 1 can reach: past 18 digits a line is no paragraph)
NUMBERED_PARAGRAPH = re.compile(r"^(?P<number>\d{1,18})(?:\s*[.．](?!\d)|\s+[-–—](?=\s+\D))\s*(?P<text>.*)$")

# ----------------------------------------------------------------------------- furniture

#: The rule printed above a page's footnotes.
RULE = re.compile(r"_{3,}")
#: The annexes after the body: "Annex", "Annex II", "Annexe", "Anexo", "Приложение", "附件", "المرفق".
ANNEX = re.compile(r"^(?:Annex(?:e)?|Anexo|Приложение|附件|المرفق)(?:\s+[IVX]+|\s*[一二三四五六七八九十]+)?\b.*$", re.I)

_SYMBOL = r"(?:A|S|E|A/C\.\d)/(?:RES/)?\d+/[\w.\-/]*\w"
#: A document symbol, single or joint (A/65/382–S/2010/490, with en dash or hyphen).
DOCUMENT_SYMBOL = re.compile(_SYMBOL + r"(?:\s*[–—-]\s*S/\d{4}/\d+)?")

#: A page number: "3", or "3/20" (page of pages, as editions from 2011 on print it).
_PAGE = r"\d{1,3}(?:\s?/\s?\d{1,3})?"
#: Lines dropped wherever they fall: running heads, footers, job numbers, bar codes,
#: the recycling note.  Each pattern matches a whole (stripped) line.
FURNITURE = tuple(re.compile(p) for p in (
    # (each symbol taken whole, atomically: "\s*[–—-]?\s*" inside a plain "(…)+"
    # could part the spaces between symbols two ways each, 2**n tries on a failing line)
    r"(?>" + _SYMBOL + r"\s*+(?:[–—-]\s*+)?)++",  # running head: the symbol(s) alone
    r"\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,3}(?:\s+\*\d+\*)?",  # job number (with dates)
    _PAGE + r"\s+\d{2}-\d{4,6}(?:\s*\([A-Z]\))?|\d{2}-\d{4,6}(?:\s*\([A-Z]\))?\s+" + _PAGE,  # footer: job number, page
    _PAGE,  # page number alone
    r"\*\d{6,}\*",  # bar code
    r"(?:请回收|Please recycle|Merci de recycler|Sírvase reciclar|Просьба отправить на вторичную переработку).*",
    r".*A recycling symbol.*",
    RULE.pattern,  # rule above footnotes
))


_ANY_FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for p in FURNITURE))


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and _ANY_FURNITURE.fullmatch(stripped) is not None


# ----------------------------------------------------------------------------- masthead

MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    # French
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # Russian (genitive)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
#: "20 September 2010", "20 de septiembre de 2010", "20 сентября 2010 года", "2010年9月20日"
DATE_PATTERNS = (
    re.compile(r"\b(?P<day>\d{1,2})(?:er)?\s+(?:de\s+)?(?P<month>[^\W\d_]+)(?:\s+de)?\s+(?P<year>(?:19|20)\d{2})\b"),
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
)

#: Language names as printed on mastheads, in the six official languages.
LANGUAGES = {
    "english": "English", "anglais": "English", "inglés": "English", "ingles": "English",
    "английский": "English", "英文": "English", "الإنكليزية": "English", "الانكليزية": "English",
    "french": "French", "français": "French", "francés": "French", "французский": "French",
    "spanish": "Spanish", "espagnol": "Spanish", "español": "Spanish", "испанский": "Spanish",
    "russian": "Russian", "russe": "Russian", "ruso": "Russian", "русский": "Russian",
    "chinese": "Chinese", "chinois": "Chinese", "chino": "Chinese", "китайский": "Chinese", "中文": "Chinese",
    "arabic": "Arabic", "arabe": "Arabic", "árabe": "Arabic", "арабский": "Arabic", "العربية": "Arabic",
}
ORIGINAL_LANGUAGE = re.compile(r"^(?:Original|Язык оригинала|الأصل)\s*[:：]\s*(?P<language>\S+)", re.I)

#: Words that, alone on a masthead line, carry no metadata worth keeping as a title.
SESSION_PATTERNS = (
    re.compile(r"^第[一二三四五六七八九十百]+届会议$"),
    re.compile(r"^(?:[\w-]+ ){1,3}(?:période de )?session$", re.I),
    re.compile(r"^(?:[\w-]+ ){1,3}período de sesiones$", re.I),
    re.compile(r"^(?:[\w-]+ ){1,3}сессия$", re.I),
    re.compile(r"^الدورة .+$"),
)
#: The organs' names and the Security Council's year, alone on a masthead line:
#: neither the report's title nor part of an agenda title.
MASTHEAD_WORDS = (
    re.compile(r"^(?:United Nations|General Assembly|Security Council|Nations Unies|Assemblée générale|"
               r"Conseil de sécurité|Naciones Unidas|Asamblea General|Consejo de Seguridad|"
               r"Организация Объединенных Наций|Генеральная Ассамблея|Совет Безопасности|"
               r"الأمم المتحدة|الجمعية العامة|مجلس الأمن|联合国|大会|安全理事会)$", re.I),
    re.compile(r"^(?:[\w-]+ ){1,3}(?:year|année|año|год)$", re.I),
    re.compile(r"^第[一二三四五六七八九十百]+年$"),
    re.compile(r"^السنة .+$"),
)


def is_masthead_words(text: str) -> bool:
    """An organ's name, a session or a year, alone on its line."""
    return any(p.match(text) for p in _MASTHEAD_LINES)


_MASTHEAD_LINES = MASTHEAD_WORDS + SESSION_PATTERNS


#: "议程项目 122(a)、(b)…", "Agenda item 122 (a)-(w)", "Point 122 a) à w) de l'ordre du jour",
#: "Tema 122 a) a w) del programa", "Пункт 122 a)–w) повестки дня"
AGENDA_ITEMS = re.compile(r"^(?:议程项目|Agenda items?|Points?|Temas?|Пункты?|البندان|البنود|البند)\s*(?P<items>\d.*)$", re.I)
#: One agenda item or a range of them: "(a)", "a)", "(a)-(w)", "a) à w)".
#: (a number starts where no digit stands before it: tried inside a run of
#: digits, each start would read the rest of the run, quadratic)
AGENDA_ITEM = re.compile(r"(?:(?<!\d)(?P<number>\d++))?\s*\(?(?P<letter>\b[a-z]{1,2})\)(?:\s*(?:-|–|—|~|至|à|a|to|до)\s*\(?(?P<to>[a-z]{1,2})\))?")
#: An article before an organisation's name: "the African Union", "l’Union africaine", "la Ligue…".
LEADING_ARTICLE = re.compile(r"^(?:the\s+|l[’']\s*|(?:la|le|les|el|los|las)\s+)", re.I)
#: "联合国同X的合作", "Cooperation between the United Nations and X"
AGENDA_TITLE = tuple(re.compile(p, re.I) for p in (
    r"^联合国(?:同|、)(?P<org>.+?)(?:之间)?的合作[:：]?$",
    r"^Cooperation between the United Nations(?: and|,) (?P<org>.+?):?$",
    r"^Coopération entre l[’']Organisation des Nations Unies et (?P<org>.+?)\s?:?$",
    r"^Cooperación entre las Naciones Unidas y (?P<org>.+?):?$",
    r"^Сотрудничество между Организацией Объединенных Наций и (?P<org>.+?):?$",
))
REPORT_OF = re.compile(r"^(?:秘书长的报告|Report of the Secretary-General|Rapport du Secrétaire général|"
                       r"Informe del Secretario General|Доклад Генерального секретаря|تقرير الأمين العام)$", re.I)
#: A label that names a report, in whatever words ("秘书长的报告", "Report of the Secretary-General on …").
REPORT_LABEL = re.compile(r"报告|\b(?:report|rapport|informe)\b|доклад|تقرير", re.I)
SUMMARY = re.compile(r"^(?:摘要|Summary|Résumé|Resumen|Резюме|موجز)$", re.I)
CONTENTS = re.compile(r"^(?:目录|目 录|Contents|Table des matières|Índice|Содержание|المحتويات)"
                      r"(?:\s+(?:Paragraphs|Paragraphes|Párrafos|Пункты|段次|段落)?\s*(?:Pages?|Página|Стр\.|页次))?$", re.I)
#: A table-of-contents line: title, then a page number after a tab, dot leaders or spaces.
#: (an optional column of paragraph numbers, "2–3", stands before the page)
#: (the title never ends inside a run of leaders, and the leaders are taken
#: whole: a title could otherwise end at every dot of a long run and each try
#: read the rest of the run again, quadratic in the line)
CONTENTS_ENTRY = re.compile(r"^(?P<title>.*?(?:[^\s.．…·]|[.．…·](?!\s?[.．…·])))"
                            r"(?:\t++|\s*+(?:[.．…·]\s?+){2,}+\s*+|\s{2,}+)"
                            r"(?:\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s+)?(?P<page>\d{1,3})$")
CONTENTS_HEADER = re.compile(r"^(?:(?:Paragraphs|Paragraphes|Párrafos|Пункты|段次|段落)\s+)?"
                             r"(?:页次|Page|Pages|Página|Стр\.|الصفحة)$", re.I)
#: A footnote at the foot of a page: its mark (a star or a number without a stop), then text.
PAGE_FOOTNOTE = re.compile(r"^(?:\*{1,3}|\d{1,2})\s+(?=\S)")

# ----------------------------------------------------------------------------- text

#: A line that ends here ends its sentence: the paragraph may stop after it.
CLOSING_PUNCTUATION = set("。．.!?！？;；:：…")
CLOSING_AFTER = set("\"”’'»)）」』》】]")
#: A heading line ending in one of these words goes on at the next line.
HEADING_CONNECTORS = {
    "and", "of", "the", "between", "for", "in", "on", "to", "with", "other",
    "et", "de", "des", "du", "la", "le", "les", "entre", "y", "del", "los", "las", "el",
    "и", "в", "между", "по", "с",
}
HEADING_CONNECTOR_CHARS = set("的和同与及、；，,;")
#: First parts of words that are always hyphenated (twenty-one … ninety-ninth,
#: vingt-deux): a line that ends in one of them and a hyphen is not a wrap.
COMPOUND_HEADS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                  "vingt", "trente", "quarante", "cinquante", "soixante", "quatre"}


def is_wide(ch: str) -> bool:
    """East Asian wide characters: joined without a space."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


#: A footnote mark right after a sentence's end ("…Council.2", "…小组。1", "…organizations.*").
_NOTE_MARK = re.compile(r"(?<=[.。．!?！？;；:：\"”’)）])(?:\d{1,2}|\*{1,3})$")


def ends_sentence(text: str) -> bool:
    text = _NOTE_MARK.sub("", text.rstrip())
    while text and text[-1] in CLOSING_AFTER:
        text = text[:-1].rstrip()
        if text and text[-1] in CLOSING_PUNCTUATION:
            return True
    return bool(text) and text[-1] in CLOSING_PUNCTUATION


_ENGLISH_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9}
_ENGLISH_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "eightieth": 80, "ninetieth": 90,
                 "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                 "eighty": 80, "ninety": 90}


def session_number(session: str | None) -> int | None:
    """The session's number from its printed form: 第六十五届会议 → 65, Sixty-fifth session → 65."""
    if not session:
        return None
    match = re.search(r"第([一二三四五六七八九十百]+)届", session)
    if match:
        text = match[1]
        hundreds = 0
        if "百" in text:
            head, _, text = text.partition("百")
            hundreds = (CHINESE_DIGITS.get(head, 1) if head else 1) * 100
            text = text.lstrip("零")
        return hundreds + (chinese_numeral_value(text) or 0) if text else hundreds
    words = re.findall(r"[a-z]+", session.casefold())
    total = sum(_ENGLISH_TENS.get(w, 0) + _ENGLISH_UNITS.get(w, 0) for w in words)
    return total or None

# ----------------------------------------------------------------------------- resolutions and decisions

#: The enacting formula that opens a resolution's body: "The General Assembly,",
#: "L'Assemblée générale,", "La Asamblea General,", "Генеральная Ассамблея,", "大会，", "إن الجمعية العامة،".
ENACTING_FORMULA = re.compile(
    r"^(?:The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
    r"Trusteeship Council)|L[’']Assemblée générale|Le Conseil (?:de sécurité|économique et social|des droits de l[’']homme)|"
    r"La Asamblea General|El Consejo (?:de Seguridad|Económico y Social|de Derechos Humanos)|"
    r"Генеральная Ассамблея|Совет Безопасности|大会|安全理事会|إن الجمعية العامة|إن مجلس الأمن)\s*[,，،]$")
#: "Distr.: General", "Distr. : Limitée", "Distr.: Limitada", "Distr.: Ограниченное"
DISTRIBUTION = re.compile(r"^(?:Distr\.|分发)\s*[:：]\s*(?P<value>\S.*)$", re.I)
LIMITED_WORDS = {"limited", "limitée", "limitada", "ограниченное", "限制", "محدود"}
#: A masthead line that is a date and nothing more ("6 December 2023").
DATE_LINE = re.compile(r"^(?:\d{1,2}(?:er)?\s+(?:de\s+)?[^\W\d_]+(?:\s+de)?\s+(?:19|20)\d{2}(?:\s+г(?:ода|\.))?|"
                       r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$")
#: "Resolution adopted by the General Assembly on 4 December 2023" (wrapped lines joined).
ADOPTED_BY = re.compile(r"^(?:(?P<what>Resolution|Decision|Résolution|Décision|Resolución|Decisión|Резолюция|Решение)"
                        r"[,\s]+(?:adopted by|adoptée par|aprobada por|adoptada por|принятая|принятое)\b.*|"
                        r"大会.*通过的(?P<zh>决议|决定)|(?P<ar>قرار|مقرر) اتخذته? .*)$", re.I)
DECISION_WORDS = {"decision", "décision", "decisión", "решение", "决定", "مقرر"}
#: A draft's sponsors: "Egypt: draft resolution", "Egypte : projet de résolution".
SPONSORS = re.compile(r"^(?P<sponsors>[^:：]+?)\s*[:：]\s*(?P<what>draft resolution|draft decision|"
                      r"projet de résolution|projet de décision|proyecto de resolución|proyecto de decisión|"
                      r"проект резолюции|проект решения)(?:\s+[IVX]+)?$", re.I)
#: "First Committee", "Sixth Committee", "Première Commission", "Primera Comisión", "Первый комитет".
MAIN_COMMITTEE = re.compile(r"^(?:\w+ Committee|\w+ Commission|Comisión \w+|\w+ Comisión|\w+ комитет)$", re.I)
#: First words that open a preambular paragraph: a participle or an adjective
#: of the enacting body ("Recalling", "Noting", "Convinced", "Deeply concerned",
#: "Rappelant", "Recordando", "Convaincue").
PREAMBLE_OPENER = re.compile(r"^(?:\w+(?:ing|ed)|\w+ant|\w+(?:ando|iendo)|Convaincue?s?|Consciente?s?|Aware|Mindful|"
                             r"Deeply|Gravely|Alarmed|Determined|Desirous|Bearing|Taking|Having)$")
#: A line that ends with a footnote mark after a comma or a semicolon ("…Assembly,1").
ENDS_WITH_NOTE_MARK = re.compile(r"[,;:،]\s?\d{1,2}\s*$")
#: The closing line of an adopted resolution: "52nd plenary meeting", "52e séance plénière",
#: "52ª sesión plenaria", "52-е пленарное заседание", "第52次全体会议".
CLOSING_LINE = re.compile(r"^(?:\d{1,4}(?:st|nd|rd|th)\s+plenary meeting|\d{1,4}(?:e|re)\s+séance plénière|"
                          r"\d{1,4}ª\s+sesión plenaria|\d{1,4}-[ея]\s+пленарное заседание|第\s*\d{1,4}\s*次全体会议|"
                          r"الجلسة العامة \d{1,4})$", re.I)
