"""Spanish editions."""

from . import DAY_MONTH_YEAR, DAY_MONTH_YEAR_LINE, ROMAN_PART, SESSION_WORDS, Layout

LAYOUT = Layout(
    code="es", language="Spanish",
    part_patterns=(ROMAN_PART,), subsection_patterns=("[A-Z]",), bare_number_patterns=(ROMAN_PART, "[A-Z]"),
    months={"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
            "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12},
    date_patterns=(DAY_MONTH_YEAR,), date_line_patterns=(DAY_MONTH_YEAR_LINE,),
    organ_patterns=("Naciones Unidas", "Asamblea General", "Consejo de Seguridad"),
    session_patterns=(SESSION_WORDS + "período de sesiones",), year_patterns=(SESSION_WORDS + "año",),
    distribution_patterns=(r"Distr\.",), limited_words=frozenset({"limitada"}),
    language_names={"inglés": "English", "ingles": "English", "francés": "French", "español": "Spanish",
                    "ruso": "Russian", "chino": "Chinese", "árabe": "Arabic"},
    original_patterns=("Original",),
    agenda_patterns=("Temas?",), range_patterns=("a",),
    agenda_title_patterns=(r"^Cooperación entre las Naciones Unidas y (?P<org>.+?):?$",),
    article_patterns=(r"(?:la|el|los|las)\s+",),
    report_of_patterns=("Informe del Secretario General",), report_label_patterns=(r"\binforme\b",),
    summary_patterns=("Resumen",), contents_patterns=("Índice",),
    paragraphs_column_patterns=("Párrafos",), pages_column_patterns=("Página",),
    annex_patterns=("Anexo",), recycle_patterns=("Sírvase reciclar",),
    sentence_end=".!?;:…", closing_after="\"”’'»)]",
    connectors=frozenset({"y", "de", "del", "la", "los", "las", "el", "entre"}),
    markers=frozenset({"el", "los", "las", "y", "del", "con"}),
    enacting_patterns=("La Asamblea General", "El Consejo (?:de Seguridad|Económico y Social|de Derechos Humanos)"),
    adopted_kind_patterns=("Resolución", "Decisión"), adopted_by_patterns=("aprobada por", "adoptada por"),
    decision_words=frozenset({"decisión"}),
    draft_patterns=("proyecto de resolución", "proyecto de decisión"),
    committee_patterns=(r"Comisión \w+", r"\w+ Comisión"),
    preamble_patterns=(r"\w+(?:ando|iendo)",),
    closing_line_patterns=(r"\d{1,4}ª\s+sesión plenaria",),
)
