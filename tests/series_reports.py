"""Reports of another series than the cooperation report, in English, French and
Spanish, as pdftotext -layout prints a Secretary-General's report (made for the
tests, not UN documents).

How they are derived: the masthead, title and "Report of the Secretary-General"
of each language's fixture edition (tests/fixtures/layouts/edition_<code>.txt,
as printed there), then what the longer reports of other series print after
it: a table of contents (its title, the "Page" column's head, one entry per
part, subsection and annex, dot leaders and the page number), parts numbered
I., II., III., lettered subsections A., B., third-level headings numbered as
paragraphs are ("1. Working Group", "2. …", which paragraph numbering runs
past), paragraphs numbered 1, 2, … through the body (the number, spaces, the
text wrapped with a hanging indent), a footnote below a rule, page breaks with
the footer (job number, page k/n) and the running head (the symbols), and an
annex with its title and unnumbered paragraphs.  The paragraphs' words are
written here for each language.

``report`` returns the text with its key (the tree and the paragraphs it was
made of); ``later`` the next edition with recorded edits and the changes they
must give.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "layouts"
LANGUAGES = ("en", "fr", "es")

_WORDS = {
    "en": {"contents": "Contents", "page": "Page", "annex": "Annex",
           "parts": ("Introduction", "Activities of the Office", "Conclusions and recommendations"),
           "subsections": ("Support to intergovernmental bodies", "Mainstreaming in the system"),
           "items": ("Working Group", "Expert Mechanism"),
           "annex_title": "Contributions received"},
    "fr": {"contents": "Table des matières", "page": "Page", "annex": "Annexe",
           "parts": ("Introduction", "Activités du Haut-Commissariat", "Conclusions et recommandations"),
           "subsections": ("Appui aux organes intergouvernementaux", "Intégration dans le système"),
           "items": ("Groupe de travail", "Mécanisme d’experts"),
           "annex_title": "Contributions reçues"},
    "es": {"contents": "Índice", "page": "Página", "annex": "Anexo",
           "parts": ("Introducción", "Actividades de la Oficina", "Conclusiones y recomendaciones"),
           "subsections": ("Apoyo a los órganos intergubernamentales", "Incorporación en el sistema"),
           "items": ("Grupo de Trabajo", "Mecanismo de Expertos"),
           "annex_title": "Contribuciones recibidas"},
}

#: The paragraphs of each part of the tree, in order: I; II.A before its items;
#: II.A.1; II.A.2; II.B; III; the annex (unnumbered).
_TEXT = {
    "en": (
        ("The present report is submitted pursuant to General Assembly resolution 77/209, in which the Assembly "
         "requested the Secretary-General to report on its implementation at its seventy-eighth session.",
         "It describes the activities undertaken by the United Nations system between July 2022 and June 2023."),
        ("The Office continued to support the intergovernmental bodies established under the resolution.1",),
        ("The Working Group held its twenty-fourth session in Geneva from 15 to 19 May 2023 and adopted its "
         "conclusions and recommendations by consensus.",
         "The Office prepared a compilation of contributions received from Member States for the session."),
        ("The Expert Mechanism held its sixth and seventh sessions and submitted thematic studies to the Council.",),
        ("The Office integrated the subject into its country programmes and trained staff in eleven field "
         "presences.",
         "Guidance for resident coordinators was issued in March 2023."),
        ("The Secretary-General encourages Member States to continue their cooperation with the Office and to "
         "support the work of the Working Group.",),
        ("Contributions were received from the following Member States: Argentina, Chile, Cuba, Egypt, Germany "
         "and Mexico.",
         "Contributions were also received from five non-governmental organizations."),
    ),
    "fr": (
        ("Le présent rapport est soumis en application de la résolution 77/209 de l’Assemblée générale, dans "
         "laquelle celle-ci a prié le Secrétaire général de lui rendre compte de son application à sa "
         "soixante-dix-huitième session.",
         "Il décrit les activités menées par le système des Nations Unies entre juillet 2022 et juin 2023."),
        ("Le Haut-Commissariat a continué d’appuyer les organes intergouvernementaux créés par la résolution.1",),
        ("Le Groupe de travail a tenu sa vingt-quatrième session à Genève du 15 au 19 mai 2023 et a adopté ses "
         "conclusions et recommandations par consensus.",
         "Le Haut-Commissariat a établi une compilation des contributions reçues des États Membres pour la "
         "session."),
        ("Le Mécanisme d’experts a tenu ses sixième et septième sessions et a présenté des études thématiques au "
         "Conseil.",),
        ("Le Haut-Commissariat a intégré la question dans ses programmes de pays et formé le personnel de onze "
         "présences sur le terrain.",
         "Des orientations à l’intention des coordonnateurs résidents ont été publiées en mars 2023."),
        ("Le Secrétaire général encourage les États Membres à poursuivre leur coopération avec le "
         "Haut-Commissariat et à appuyer les travaux du Groupe de travail.",),
        ("Des contributions ont été reçues des États Membres suivants : Allemagne, Argentine, Chili, Cuba, Égypte "
         "et Mexique.",
         "Des contributions ont aussi été reçues de cinq organisations non gouvernementales."),
    ),
    "es": (
        ("El presente informe se presenta en cumplimiento de la resolución 77/209 de la Asamblea General, en la "
         "que la Asamblea solicitó al Secretario General que la informara sobre su aplicación en su septuagésimo "
         "octavo período de sesiones.",
         "En él se describen las actividades realizadas por el sistema de las Naciones Unidas entre julio de 2022 "
         "y junio de 2023."),
        ("La Oficina siguió prestando apoyo a los órganos intergubernamentales establecidos en virtud de la "
         "resolución.1",),
        ("El Grupo de Trabajo celebró su 24º período de sesiones en Ginebra del 15 al 19 de mayo de 2023 y aprobó "
         "sus conclusiones y recomendaciones por consenso.",
         "La Oficina preparó una recopilación de las contribuciones recibidas de los Estados Miembros para el "
         "período de sesiones."),
        ("El Mecanismo de Expertos celebró sus períodos de sesiones sexto y séptimo y presentó estudios temáticos "
         "al Consejo.",),
        ("La Oficina incorporó la cuestión en sus programas por países y capacitó al personal de once presencias "
         "sobre el terreno.",
         "En marzo de 2023 se publicaron orientaciones para los coordinadores residentes."),
        ("El Secretario General alienta a los Estados Miembros a que prosigan su cooperación con la Oficina y "
         "apoyen la labor del Grupo de Trabajo.",),
        ("Se recibieron contribuciones de los siguientes Estados Miembros: Alemania, Argentina, Chile, Cuba, "
         "Egipto y México.",
         "También se recibieron contribuciones de cinco organizaciones no gubernamentales."),
    ),
}
_NOTE = {"en": "1   See A/HRC/54/25.", "fr": "1   Voir A/HRC/54/25.", "es": "1   Véase A/HRC/54/25."}

#: The edits of a later edition: (group, paragraph in it) reworded (old, new); the
#: paragraph inserted at the end of group 2 (II.A.1); the first of group 4 (II.B) dropped.
REWORDED = {"en": ((2, 0), "twenty-fourth session", "twenty-fifth session"),
            "fr": ((2, 0), "vingt-quatrième session", "vingt-cinquième session"),
            "es": ((2, 0), "24º período de sesiones", "25º período de sesiones")}
INSERTED = {"en": "The Chair-Rapporteur presented the report of the Working Group to the Human Rights Council.",
            "fr": "Le Président-Rapporteur a présenté le rapport du Groupe de travail au Conseil des droits de "
                  "l’homme.",
            "es": "El Presidente-Relator presentó el informe del Grupo de Trabajo al Consejo de Derechos Humanos."}


@dataclass(frozen=True)
class Report:
    text: str
    #: the tree: (kind, number, title, [paragraph numbers]) in reading order, parents before children
    tree: tuple[tuple[str, str, str, tuple[int, ...]], ...]
    #: the body's paragraphs as they must come out: (number, text)
    paragraphs: tuple[tuple[int, str], ...]
    annex_heading: str
    annex_title: str
    annex: tuple[str, ...]
    note: str
    furniture: frozenset[int]  # the 0-based lines that are page furniture


def _masthead(lang: str) -> list[str]:
    """The fixture's lines down to "Report of the Secretary-General"."""
    lines = (FIXTURES / f"edition_{lang}.txt").read_text(encoding="utf-8").splitlines()
    end = next(k for k, ln in enumerate(lines) if ln.strip().startswith(("I.", "I ")))
    return lines[:end]


def report(lang: str, groups: tuple[tuple[str, ...], ...] | None = None, *, width: int = 82,
           page_lines: int = 30) -> Report:
    words = _WORDS[lang]
    groups = groups or _TEXT[lang]
    masthead = _masthead(lang)
    symbol = next(ln for ln in masthead if ln.startswith("A/"))
    parts, subs, items = words["parts"], words["subsections"], words["items"]
    leaders = lambda title, page: (title + " . . .").ljust(width - 8, ".").replace("..", ". ") + f"  {page:>3}"  # noqa: E731
    contents = [f"    {words['contents']}", f"{words['page']:>{width}}",
                leaders(f"    I.    {parts[0]}", 3), leaders(f"   II.    {parts[1]}", 3),
                leaders(f"          A.    {subs[0]}", 3), leaders(f"          B.    {subs[1]}", 4),
                leaders(f"  III.    {parts[2]}", 5), f"          {words['annex']}",
                leaders(f"          {words['annex_title']}", 6), ""]
    body: list[tuple[str, int | None, str]] = []  # (heading or "", number, text)
    number = 0
    tree: list[tuple[str, str, str, list[int]]] = []

    def paragraphs(group: tuple[str, ...], node: list[int]) -> None:
        nonlocal number
        for text in group:
            number += 1
            node.append(number)
            body.append(("", number, text))

    heads = [("part", "I", parts[0], 0), ("part", "II", parts[1], None), ("subsection", "A", subs[0], 1),
             ("section", "1", items[0], 2), ("section", "2", items[1], 3), ("subsection", "B", subs[1], 4),
             ("part", "III", parts[2], 5)]
    for kind, label, title, group in heads:
        node: list[int] = []
        tree.append((kind, label, title, node))
        body.append((f"{label}.    {title}", None, ""))
        if group is not None:
            paragraphs(groups[group], node)
    # (II holds no paragraph of its own; its subsections' are theirs)
    lines = [*masthead, "", *contents]
    furniture: set[int] = set()
    page, on_page = 1, 0
    note_due = False

    def page_break() -> None:
        nonlocal page, on_page, note_due
        if note_due:
            lines.extend(["", "         __________________", f"         {_NOTE[lang]}"])
            furniture.add(len(lines) - 2)
            note_due = False
        page += 1
        lines.extend(["", f"20-01234{'':>{width - 16}}{page - 1}/PAGES", "\f" + symbol, ""])
        furniture.update({len(lines) - 3, len(lines) - 2})
        on_page = 0

    for heading, n, text in body:
        if heading:
            block = ["", f"{'':>{4 if heading[0] in 'IVX' else 10}}{heading}", ""]
        else:
            wrapped = textwrap.wrap(text, width - 17)
            block = [f"          {n}.{'':<{5 - len(str(n))}}{wrapped[0]}", *(f"          {ln}" for ln in wrapped[1:])]
            note_due = note_due or text.endswith(".1")
        for ln in block:
            if on_page >= page_lines and ln:
                page_break()
            lines.append(ln)
            on_page += 1
    page_break()
    lines.extend([words["annex"], "", f"          {words['annex_title']}", ""])
    for text in groups[6]:
        lines.extend(f"          {ln}" for ln in textwrap.wrap(text, width - 17))
        lines.append("")
    total = page
    text = "\n".join(lines).replace("/PAGES", f"/{total}") + "\n"
    out_paragraphs = tuple((n, " ".join(t.split())) for _, n, t in body if n is not None)
    return Report(text, tuple((k, label, title, tuple(node)) for k, label, title, node in tree), out_paragraphs,
                  words["annex"], words["annex_title"], groups[6], _NOTE[lang], frozenset(furniture))


def later(lang: str, **layout: int) -> tuple[Report, list[tuple[str, tuple[int | None, ...], tuple[int | None, ...]]]]:
    """The next edition, edited as recorded (``REWORDED``, ``INSERTED``, the first
    paragraph of II.B dropped), and the changes of the body's paragraphs a
    comparison must give, as (status, old numbers, new numbers)."""
    groups = [list(g) for g in _TEXT[lang]]
    (g, k), old, new = REWORDED[lang]
    assert groups[g][k].count(old) == 1
    groups[g][k] = groups[g][k].replace(old, new)
    groups[2].append(INSERTED[lang])
    del groups[4][0]
    edited = report(lang, tuple(tuple(x) for x in groups), **layout)
    # old numbers: I 1-2, II.A 3, A.1 4-5, A.2 6, B 7-8, III 9; new: A.1 4-6 (6 inserted), A.2 7, B 8 (old 8), III 9
    key: list[tuple[str, tuple[int | None, ...], tuple[int | None, ...]]] = [
        ("unchanged", (1,), (1,)), ("unchanged", (2,), (2,)), ("unchanged", (3,), (3,)), ("changed", (4,), (4,)),
        ("unchanged", (5,), (5,)), ("added", (), (6,)), ("unchanged", (6,), (7,)), ("removed", (7,), ()),
        ("unchanged", (8,), (8,)), ("unchanged", (9,), (9,))]
    return edited, key
