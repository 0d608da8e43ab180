"""Arabic editions."""

from ..script import ARABIC
from . import Layout

#: Parts are numbered in words, subsections with letter names.
_ORDINALS = {"أولا": 1, "ثانيا": 2, "ثالثا": 3, "رابعا": 4, "خامسا": 5,
             "سادسا": 6, "سابعا": 7, "ثامنا": 8, "تاسعا": 9, "عاشرا": 10}
_LETTERS = ("ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء")
#: The tanween an ordinal may carry ("أولاً" for "أولا").
TANWEEN = "\u064b"
#: The months as the editions print them: the Levantine name, a slash, the name
#: taken from the Latin one ("كانون الأول/ديسمبر"); either name alone reads too.
_MONTHS = (("كانون الثاني", "يناير"), ("شباط", "فبراير"), ("آذار", "مارس"), ("نيسان", "أبريل"), ("أيار", "مايو"),
           ("حزيران", "يونيه"), ("تموز", "يوليه"), ("آب", "أغسطس"), ("أيلول", "سبتمبر"), ("تشرين الأول", "أكتوبر"),
           ("تشرين الثاني", "نوفمبر"), ("كانون الأول", "ديسمبر"))
_MONTH_NUMBERS = {name: k for k, pair in enumerate(_MONTHS, start=1) for name in (*pair, "/".join(pair))}
#: "4 كانون الأول/ديسمبر 2023"
_MONTH = r"(?:[^\W\d_]+\s)?[^\W\d_]+(?:/[^\W\d_]+)?"

LAYOUT = Layout(
    code="ar", language="Arabic", script=ARABIC,
    part_patterns=("|".join(word[:-1] + TANWEEN + "?" + word[-1] + TANWEEN + "?" for word in _ORDINALS),),
    ordinals=_ORDINALS, subsection_patterns=("|".join(_LETTERS),), letters=_LETTERS,
    months={**_MONTH_NUMBERS, "يونيو": 6, "يوليو": 7},
    date_patterns=(rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d{{2}})",),
    date_line_patterns=(rf"\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d{{2}}",),
    organ_patterns=("الأمم المتحدة", "الجمعية العامة", "مجلس الأمن"),
    session_patterns=("الدورة .+",), year_patterns=("السنة .+",),
    limited_words=frozenset({"محدود"}),
    language_names={"الإنكليزية": "English", "الانكليزية": "English", "العربية": "Arabic"},
    original_patterns=("الأصل",),
    agenda_patterns=("البندان", "البنود", "البند"),
    report_of_patterns=("تقرير الأمين العام", "مذكرة من الأمين العام"), report_label_patterns=("تقرير",),
    summary_patterns=("موجز",), contents_patterns=("المحتويات",), pages_column_patterns=("الصفحة",),
    annex_patterns=("المرفق",),
    enacting_patterns=("إن الجمعية العامة", "إن مجلس الأمن"),
    # "قرار اتخذته الجمعية العامة في …"; the Security Council's "الذي اتخذه مجلس الأمن في جلسته 9518 …",
    # under its number line "القرار 2719 (2023)"
    adopted_kind_patterns=("القرار", "المقرر"),
    adopted_line_patterns=("(?P<ar>قرار|مقرر) اتخذته? .*", "(?:الذي|التي) اتخذه .*"),
    decision_words=frozenset({"مقرر", "المقرر"}),
    # "مصر: مشروع قرار"; "اللجنة الأولى"
    draft_patterns=("مشروع قرار", "مشروع مقرر"),
    committee_patterns=("اللجنة (?:الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة)",),
    meeting_patterns=(r"جلسته\s+\d{1,5}",),
    # "إذ تضع في اعتبارها", "وإذ يشير", "واقتناعا منها", "وتصميما منها"
    lower_preamble_patterns=("و?إذ", "و(?:اقتناعا|تصميما|اعترافا|إدراكا|تأكيدا|إقرارا|رغبة|حرصا|إيمانا|التزاما)"
                             + TANWEEN + "?"),
    closing_line_patterns=(r"الجلسة العامة \d{1,4}",),
)
