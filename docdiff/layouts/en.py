"""English editions."""

from . import DAY_MONTH_YEAR, DAY_MONTH_YEAR_LINE, ROMAN_PART, SESSION_WORDS, Layout

_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
          "eighth": 8, "ninth": 9}
_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
         "seventieth": 70, "eightieth": 80, "ninetieth": 90,
         "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}

LAYOUT = Layout(
    code="en", language="English",
    part_patterns=(ROMAN_PART,), subsection_patterns=("[A-Z]",), bare_number_patterns=(ROMAN_PART, "[A-Z]"),
    number_words={**_UNITS, **_TENS},
    months={"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
            "august": 8, "september": 9, "october": 10, "november": 11, "december": 12},
    date_patterns=(DAY_MONTH_YEAR,), date_line_patterns=(DAY_MONTH_YEAR_LINE,),
    organ_patterns=("United Nations", "General Assembly", "Security Council", "Economic and Social Council"),
    session_patterns=(SESSION_WORDS + "session",), year_patterns=(SESSION_WORDS + "year",),
    distribution_patterns=(r"Distr\.",), limited_words=frozenset({"limited"}),
    language_names={"english": "English", "french": "French", "spanish": "Spanish", "russian": "Russian",
                    "chinese": "Chinese", "arabic": "Arabic"},
    original_patterns=("Original",),
    # ("Item 71 (b) of the provisional agenda", as a document issued before the session prints it)
    agenda_patterns=("Agenda items?", "Items?"), range_patterns=("-", "–", "—", "~", "to"),
    agenda_title_patterns=(r"^Cooperation between the United Nations(?: and|,) (?P<org>.+?):?$",),
    article_patterns=(r"the\s+",),
    # (a note transmits another's report: "Note by the Secretary-General")
    report_of_patterns=("Report of the Secretary-General", "Note by the Secretary-General"), report_label_patterns=(r"\breport\b",),
    summary_patterns=("Summary",), contents_patterns=("Contents",),
    paragraphs_column_patterns=("Paragraphs",), pages_column_patterns=("Pages?",),
    annex_patterns=("Annex",), recycle_patterns=("Please recycle",),
    sentence_end=".!?;:…", closing_after="\"”’'»)]",
    connectors=frozenset({"and", "of", "the", "between", "for", "in", "on", "to", "with", "other"}),
    # (and "non-": UN English hyphenates it always, non-governmental, non-nuclear-weapon)
    compound_heads=frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "non"}),
    # typographic quotes and dashes; U+2010 HYPHEN (NFKC's form of U+2011 NON-BREAKING
    # HYPHEN, which one edition of a series may print where the others print "-")
    same_punctuation={"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u2010": "-", "\u2011": "-"},
    markers=frozenset({"the", "and", "of", "to", "with"}),
    enacting_patterns=("The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
                       "Trusteeship Council)",),
    adopted_kind_patterns=("Resolution", "Decision"), adopted_by_patterns=("adopted by",),
    decision_words=frozenset({"decision"}),
    draft_patterns=("draft resolution", "draft decision"),
    committee_patterns=(r"\w+ Committee",),
    preamble_patterns=(r"\w+(?:ing|ed)", "Aware", "Mindful", "Deeply", "Gravely", "Alarmed", "Determined",
                       "Desirous", "Bearing", "Taking", "Having"),
    closing_line_patterns=(r"\d{1,4}(?:st|nd|rd|th)\s+plenary meeting",),
    meeting_patterns=(r"\d{1,5}(?:st|nd|rd|th)\s+meeting",),
)
