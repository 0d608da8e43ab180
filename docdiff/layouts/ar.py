"""Arabic editions."""

from ..script import ARABIC
from . import Layout

#: Parts are numbered in words, subsections with letter names.
_ORDINALS = {"أولا": 1, "ثانيا": 2, "ثالثا": 3, "رابعا": 4, "خامسا": 5,
             "سادسا": 6, "سابعا": 7, "ثامنا": 8, "تاسعا": 9, "عاشرا": 10}
_LETTERS = ("ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء")
#: The tanween an ordinal may carry ("أولاً" for "أولا").
TANWEEN = "\u064b"

LAYOUT = Layout(
    code="ar", language="Arabic", script=ARABIC,
    part_patterns=("|".join(word[:-1] + TANWEEN + "?" + word[-1] + TANWEEN + "?" for word in _ORDINALS),),
    ordinals=_ORDINALS, subsection_patterns=("|".join(_LETTERS),), letters=_LETTERS,
    organ_patterns=("الأمم المتحدة", "الجمعية العامة", "مجلس الأمن"),
    session_patterns=("الدورة .+",), year_patterns=("السنة .+",),
    limited_words=frozenset({"محدود"}),
    language_names={"الإنكليزية": "English", "الانكليزية": "English", "العربية": "Arabic"},
    original_patterns=("الأصل",),
    agenda_patterns=("البندان", "البنود", "البند"),
    report_of_patterns=("تقرير الأمين العام",), report_label_patterns=("تقرير",),
    summary_patterns=("موجز",), contents_patterns=("المحتويات",), pages_column_patterns=("الصفحة",),
    annex_patterns=("المرفق",),
    enacting_patterns=("إن الجمعية العامة", "إن مجلس الأمن"),
    adopted_line_patterns=("(?P<ar>قرار|مقرر) اتخذته? .*",),
    decision_words=frozenset({"مقرر"}),
    closing_line_patterns=(r"الجلسة العامة \d{1,4}",),
)
