"""Resolutions of the Security Council and the General Assembly in Chinese,
Russian, Arabic, Spanish and French, laid out as PyMuPDF prints the published
PDFs, made for the tests (not UN documents).

How they are derived:

- The General Assembly's are the structure of the real A/RES/78/18
  (seeds/real/nsa/A_RES_78_18.txt): its masthead element by element in its
  order (organ, symbol, distribution, date, job number and bar code, session,
  agenda item and title, the adoption line, the committee line, "78/18." and
  the title), the enacting formula, unnumbered preambular paragraphs, numbered
  operative paragraphs, the closing lines (meeting, date), and the PDF text's
  habits (lines ending in a space, blank lines holding one space, pages parted
  by an empty line, a running head after each page break).  The wording is a
  shortened rendering of that resolution in each language, in the forms the
  editions in those languages print: "大会，" / "Генеральная Ассамблея," /
  "إن الجمعية العامة،" / "La Asamblea General," / "L'Assemblée générale,";
  Russian preambular and operative paragraphs open in lower case; Arabic
  numbers its paragraphs "1 - " and its resolution "78/18 - "; Russian and
  Spanish letter sub-paragraphs "a)", Arabic "(أ)"; Chinese, Russian and
  Arabic editions print the distribution block in English ("Distr.: General",
  "6 December 2023"), French and Spanish in their own language.
- The Security Council's are the masthead layout of the real S/RES/2719 (2023)
  (as tests/test_masthead_organs.py has it: "United Nations   S/RES/…",
  "Security Council   Distr.: General", the date, "Resolution 2719 (2023)",
  "Adopted by the Security Council at its 9518th meeting, on 21 December
  2023") in each language's own words ("第2719(2023)号决议", "2023年12月21日
  安全理事会第9518次会议通过"; "Резолюция 2719 (2023), принятая Советом
  Безопасности на его 9518-м заседании 21 декабря 2023 года"; "القرار 2719
  (2023) الذي اتخذه مجلس الأمن في جلسته 9518 المعقودة في 21 كانون
  الأول/ديسمبر 2023"; "Aprobada por el Consejo de Seguridad en su 9518ª
  sesión, celebrada el 21 de diciembre de 2023"; "Adoptée par le Conseil de
  sécurité à sa 9518e séance, le 21 décembre 2023"), then "The Security
  Council," and a short body of the same shape (a Council resolution has no
  closing lines).

A ``Made`` edition carries its key: the facts and paragraphs it was made of,
written here, never read back by docdiff.  ``later`` makes the next edition by
recorded edits (a paragraph reworded, one inserted, one dropped), and says
which changes a comparison must report.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from docdiff.script import HAN

LANGUAGES = ("zh", "ru", "ar", "es", "fr")

#: The six months docdiff may meet in a date, in each language's own form.
_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
    # the Arabic editions print the month's Levantine name and the name taken from the Latin one
    "ar": ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
           "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
           "كانون الأول/ديسمبر"],
}


def printed_date(lang: str, year: int, day: int, month: int) -> str:
    """A date as the body and the adoption line of ``lang``'s editions print it."""
    if lang == "zh":
        return f"{year}年{month}月{day}日"
    if lang == "es":
        return f"{day} de {_MONTHS['es'][month - 1]} de {year}"
    if lang == "ru":
        return f"{day} {_MONTHS['ru'][month - 1]} {year} года"
    return f"{day} {_MONTHS[lang][month - 1]} {year}"


def masthead_date(lang: str, year: int, day: int, month: int) -> str:
    """The masthead's date: in English on the Chinese, Russian and Arabic editions."""
    return printed_date("en" if lang in ("zh", "ru", "ar") else lang, year, day, month)


@dataclass(frozen=True)
class Body:
    formula: str
    preamble: tuple[str, ...]
    #: operative paragraphs; sub-paragraphs as their own lines ("(a) …") after a colon
    operative: tuple[tuple[str, ...], ...]


# ----------------------------------------------------------------------------- the General Assembly's bodies

GA_TITLE = {
    "zh": "缔结有效国际安排，保证不对无核武器国家使用或威胁使用核武器",
    "ru": "Заключение эффективных международных договоренностей о гарантиях неприменения ядерного оружия "
          "или угрозы его применения против неядерных государств",
    "ar": "عقد ترتيبات دولية فعالة لإعطاء الدول غير الحائزة للأسلحة النووية ضمانات من استعمال الأسلحة "
          "النووية أو التهديد باستعمالها",
    "es": "Concertación de acuerdos internacionales eficaces para dar garantías a los Estados que no poseen "
          "armas nucleares contra el empleo o la amenaza del empleo de armas nucleares",
    "fr": "Conclusion d’arrangements internationaux efficaces visant à garantir les États non dotés d’armes "
          "nucléaires contre l’emploi ou la menace de ces armes",
}

GA_BODY = {
    "zh": Body("大会，", (
        "铭记需要消除世界各国对确保其人民的持久安全的合理关切，",
        "深信核武器对人类和文明的生存构成最大威胁，",
        "注意到对核裁军重新产生的兴趣应转化为具体行动，以便在有效国际管制下实现全面彻底裁军，",
        "深信核裁军和彻底消除核武器对消除核战争的危险至关重要，",
        "决心严格遵守《联合国宪章》关于不使用武力或以武力相威胁的有关规定，",
    ), (
        ("重申迫切需要早日就有效的国际安排达成协议，保证不对无核武器国家使用或威胁使用核武器；",),
        ("注意到裁军谈判会议没有对为此目的缔结一项国际公约表示原则上的反对，但也注意到会议所指出的在拟订各方均可接受的共同办法方面的困难；",),
        ("呼吁所有国家，特别是核武器国家，积极努力早日就一种共同办法达成协议，特别是就一种可列入具有法律约束力的国际文书的共同方案达成协议；",),
        ("建议进一步加紧努力，以期早日达成这种共同办法或共同方案，包括：",
         "(a) 进一步探索克服困难的各种办法；",
         "(b) 在裁军谈判会议上继续积极进行谈判；"),
        ("决定将题为“缔结有效国际安排，保证不对无核武器国家使用或威胁使用核武器”的项目列入大会第七十九届会议临时议程。",),
    )),
    "ru": Body("Генеральная Ассамблея,", (
        "учитывая необходимость рассеять законную озабоченность государств мира в связи с обеспечением "
        "прочной безопасности для их народов,",
        "будучи убеждена в том, что ядерное оружие представляет собой величайшую угрозу для человечества и "
        "выживания цивилизации,",
        "отмечая, что возобновление интереса к ядерному разоружению должно выразиться в конкретных действиях "
        "по достижению всеобщего и полного разоружения под эффективным международным контролем,",
        "будучи убеждена в том, что ядерное разоружение и полная ликвидация ядерного оружия имеют важнейшее "
        "значение для устранения опасности ядерной войны,",
        "преисполненная решимости строго соблюдать соответствующие положения Устава Организации Объединенных "
        "Наций о неприменении силы или угрозы силой,",
    ), (
        ("вновь подтверждает настоятельную необходимость скорейшего достижения договоренности об эффективных "
         "международных договоренностях о гарантиях неприменения ядерного оружия или угрозы его применения "
         "против неядерных государств;",),
        ("отмечает, что на Конференции по разоружению не было выдвинуто никаких принципиальных возражений "
         "против идеи международной конвенции, однако указывались трудности;",),
        ("призывает все государства, особенно государства, обладающие ядерным оружием, активно работать в "
         "целях скорейшего достижения договоренности об общем подходе;",),
        ("рекомендует активизировать усилия, направленные на скорейшее достижение такого общего подхода, в том "
         "числе:",
         "a) дальнейшее изучение различных путей преодоления трудностей;",
         "b) продолжение активных переговоров на Конференции по разоружению;"),
        ("постановляет включить в предварительную повестку дня своей семьдесят девятой сессии пункт, "
         "озаглавленный «Заключение эффективных международных договоренностей о гарантиях неприменения "
         "ядерного оружия или угрозы его применения против неядерных государств».",),
    )),
    "ar": Body("إن الجمعية العامة،", (
        "إذ تضع في اعتبارها الحاجة إلى تبديد القلق المشروع لدى دول العالم فيما يتعلق بكفالة الأمن الدائم "
        "لشعوبها،",
        "واقتناعا منها بأن الأسلحة النووية تشكل أكبر خطر يهدد البشرية وبقاء الحضارة،",
        "وإذ تلاحظ أن الاهتمام المتجدد بنزع السلاح النووي ينبغي أن يترجم إلى إجراءات ملموسة من أجل تحقيق "
        "نزع السلاح العام الكامل في ظل رقابة دولية فعالة،",
        "واقتناعا منها بأن نزع السلاح النووي والإزالة التامة للأسلحة النووية أمران أساسيان لإزالة خطر "
        "الحرب النووية،",
        "وتصميما منها على التقيد الصارم بالأحكام ذات الصلة من ميثاق الأمم المتحدة بشأن عدم استعمال القوة "
        "أو التهديد باستعمالها،",
    ), (
        ("تؤكد من جديد الحاجة الملحة إلى التوصل في وقت مبكر إلى اتفاق بشأن ترتيبات دولية فعالة لإعطاء "
         "الدول غير الحائزة للأسلحة النووية ضمانات من استعمال الأسلحة النووية أو التهديد باستعمالها؛",),
        ("تلاحظ أنه لم يبد في مؤتمر نزع السلاح أي اعتراض، من حيث المبدأ، على فكرة وضع اتفاقية دولية، وإن "
         "كانت قد أشير أيضا إلى الصعوبات؛",),
        ("تناشد جميع الدول، ولا سيما الدول الحائزة للأسلحة النووية، أن تعمل بنشاط من أجل التوصل في وقت "
         "مبكر إلى اتفاق على نهج مشترك؛",),
        ("توصي بتكثيف الجهود الرامية إلى التوصل في وقت مبكر إلى هذا النهج المشترك، بما في ذلك ما يلي:",
         "(أ) مواصلة استكشاف السبل المختلفة للتغلب على الصعوبات؛",
         "(ب) مواصلة المفاوضات بنشاط في مؤتمر نزع السلاح؛"),
        ("تقرر أن تدرج في جدول الأعمال المؤقت لدورتها التاسعة والسبعين البند المعنون ”عقد ترتيبات دولية "
         "فعالة لإعطاء الدول غير الحائزة للأسلحة النووية ضمانات من استعمال الأسلحة النووية أو التهديد "
         "باستعمالها“.",),
    )),
    "es": Body("La Asamblea General,", (
        "Teniendo presente la necesidad de disipar la legítima preocupación de los Estados del mundo por "
        "garantizar una seguridad duradera a sus pueblos,",
        "Convencida de que las armas nucleares constituyen la amenaza más grave para la humanidad y para la "
        "supervivencia de la civilización,",
        "Observando que el interés renovado en el desarme nuclear debería traducirse en medidas concretas "
        "para lograr el desarme general y completo bajo un control internacional eficaz,",
        "Convencida de que el desarme nuclear y la eliminación completa de las armas nucleares son "
        "indispensables para eliminar el peligro de una guerra nuclear,",
        "Decidida a cumplir estrictamente las disposiciones pertinentes de la Carta de las Naciones Unidas "
        "relativas al no uso de la fuerza o de la amenaza de la fuerza,",
    ), (
        ("Reafirma la necesidad urgente de llegar a un pronto acuerdo sobre acuerdos internacionales eficaces "
         "para dar garantías a los Estados que no poseen armas nucleares contra el empleo o la amenaza del "
         "empleo de armas nucleares;",),
        ("Observa que en la Conferencia de Desarme no hubo objeciones, en principio, a la idea de una "
         "convención internacional, aunque también se señalaron las dificultades;",),
        ("Exhorta a todos los Estados, especialmente a los Estados poseedores de armas nucleares, a que "
         "trabajen activamente para llegar a un pronto acuerdo sobre un enfoque común;",),
        ("Recomienda que se intensifiquen los esfuerzos por llegar a un pronto acuerdo sobre ese enfoque "
         "común, entre otras cosas:",
         "a) Explorando más a fondo diferentes maneras de superar las dificultades;",
         "b) Prosiguiendo activamente las negociaciones en la Conferencia de Desarme;"),
        ("Decide incluir en el programa provisional de su septuagésimo noveno período de sesiones el tema "
         "titulado “Concertación de acuerdos internacionales eficaces para dar garantías a los Estados que no "
         "poseen armas nucleares contra el empleo o la amenaza del empleo de armas nucleares”.",),
    )),
    "fr": Body("L’Assemblée générale,", (
        "Ayant à l’esprit la nécessité de dissiper les préoccupations légitimes des États du monde entier "
        "quant à la sécurité durable de leurs peuples,",
        "Convaincue que les armes nucléaires constituent la menace la plus grave pour l’humanité et pour la "
        "survie de la civilisation,",
        "Notant que le regain d’intérêt pour le désarmement nucléaire devrait se traduire par des actions "
        "concrètes visant au désarmement général et complet sous un contrôle international efficace,",
        "Convaincue que le désarmement nucléaire et l’élimination complète des armes nucléaires sont "
        "indispensables pour écarter le danger de guerre nucléaire,",
        "Résolue à se conformer strictement aux dispositions pertinentes de la Charte des Nations Unies "
        "relatives au non-recours à la force ou à la menace de la force,",
    ), (
        ("Réaffirme qu’il est urgent de parvenir rapidement à un accord sur des arrangements internationaux "
         "efficaces visant à garantir les États non dotés d’armes nucléaires contre l’emploi ou la menace de "
         "ces armes ;",),
        ("Note qu’aucune objection de principe n’a été soulevée à la Conférence du désarmement contre l’idée "
         "d’une convention internationale, mais que des difficultés ont aussi été signalées ;",),
        ("Demande à tous les États, en particulier aux États dotés d’armes nucléaires, d’œuvrer activement à "
         "un accord rapide sur une approche commune ;",),
        ("Recommande de redoubler d’efforts pour parvenir rapidement à cette approche commune, notamment :",
         "a) En étudiant plus avant les différents moyens de surmonter les difficultés ;",
         "b) En poursuivant activement les négociations à la Conférence du désarmement ;"),
        ("Décide d’inscrire à l’ordre du jour provisoire de sa soixante-dix-neuvième session la question "
         "intitulée « Conclusion d’arrangements internationaux efficaces visant à garantir les États non dotés "
         "d’armes nucléaires contre l’emploi ou la menace de ces armes ».",),
    )),
}

# ----------------------------------------------------------------------------- the Security Council's bodies

SC_BODY = {
    "zh": Body("安全理事会，", (
        "回顾其以往关于非洲联盟领导的和平支助行动的各项决议和主席声明，",
        "重申安全理事会根据《联合国宪章》负有维护国际和平与安全的首要责任，",
        "强调联合国与区域和次区域组织根据《宪章》第八章开展合作的重要性，",
        "欢迎非洲联盟为预防、管理和解决非洲冲突所作的努力，",
    ), (
        ("决定原则上可在逐案基础上由联合国分摊会费资助非洲联盟领导的和平支助行动；",),
        ("请秘书长与非洲联盟委员会主席协商，在本决议通过后180天内提交报告，其中包括：",
         "(a) 关于联合规划和决策的安排；",
         "(b) 关于问责、透明度和遵守国际法的机制；"),
        ("强调必须遵守国际人道主义法和国际人权法；",),
        ("鼓励会员国和其他伙伴向非洲联盟和平基金提供自愿捐助；",),
        ("决定继续积极处理此案。",),
    )),
    "ru": Body("Совет Безопасности,", (
        "ссылаясь на свои предыдущие резолюции и заявления Председателя, касающиеся операций в поддержку мира "
        "под руководством Африканского союза,",
        "вновь подтверждая, что он несет главную ответственность за поддержание международного мира и "
        "безопасности в соответствии с Уставом Организации Объединенных Наций,",
        "подчеркивая важность сотрудничества между Организацией Объединенных Наций и региональными и "
        "субрегиональными организациями в соответствии с главой VIII Устава,",
        "приветствуя усилия Африканского союза по предотвращению, регулированию и урегулированию конфликтов "
        "в Африке,",
    ), (
        ("постановляет, что операции в поддержку мира под руководством Африканского союза могут в принципе "
         "финансироваться за счет начисленных взносов в каждом конкретном случае;",),
        ("просит Генерального секретаря в консультации с Председателем Комиссии Африканского союза "
         "представить в течение 180 дней после принятия настоящей резолюции доклад, включающий:",
         "a) договоренности о совместном планировании и принятии решений;",
         "b) механизмы подотчетности, транспарентности и соблюдения международного права;"),
        ("подчеркивает необходимость соблюдения международного гуманитарного права и международного права "
         "прав человека;",),
        ("призывает государства-члены и других партнеров вносить добровольные взносы в Фонд мира "
         "Африканского союза;",),
        ("постановляет продолжать активно заниматься этим вопросом.",),
    )),
    "ar": Body("إن مجلس الأمن،", (
        "إذ يشير إلى قراراته وبيانات رئيسه السابقة المتعلقة بعمليات دعم السلام التي يقودها الاتحاد الأفريقي،",
        "وإذ يعيد تأكيد مسؤوليته الرئيسية عن صون السلام والأمن الدوليين وفقا لميثاق الأمم المتحدة،",
        "وإذ يشدد على أهمية التعاون بين الأمم المتحدة والمنظمات الإقليمية ودون الإقليمية وفقا للفصل الثامن "
        "من الميثاق،",
        "وإذ يرحب بالجهود التي يبذلها الاتحاد الأفريقي لمنع نشوب النزاعات وإدارتها وحلها في أفريقيا،",
    ), (
        ("يقرر من حيث المبدأ أنه يجوز تمويل عمليات دعم السلام التي يقودها الاتحاد الأفريقي من الأنصبة "
         "المقررة على أساس كل حالة على حدة؛",),
        ("يطلب إلى الأمين العام أن يقدم، بالتشاور مع رئيس مفوضية الاتحاد الأفريقي، في غضون 180 يوما من "
         "اتخاذ هذا القرار تقريرا يتضمن ما يلي:",
         "(أ) ترتيبات التخطيط المشترك واتخاذ القرارات؛",
         "(ب) آليات المساءلة والشفافية والامتثال للقانون الدولي؛"),
        ("يشدد على ضرورة احترام القانون الإنساني الدولي والقانون الدولي لحقوق الإنسان؛",),
        ("يشجع الدول الأعضاء والشركاء الآخرين على تقديم تبرعات إلى صندوق السلام التابع للاتحاد الأفريقي؛",),
        ("يقرر أن يبقي المسألة قيد نظره الفعلي.",),
    )),
    "es": Body("El Consejo de Seguridad,", (
        "Recordando sus resoluciones y declaraciones de la Presidencia anteriores relativas a las operaciones "
        "de apoyo a la paz dirigidas por la Unión Africana,",
        "Reafirmando que tiene la responsabilidad primordial de mantener la paz y la seguridad internacionales "
        "con arreglo a la Carta de las Naciones Unidas,",
        "Subrayando la importancia de la cooperación entre las Naciones Unidas y las organizaciones regionales "
        "y subregionales de conformidad con el Capítulo VIII de la Carta,",
        "Acogiendo con beneplácito los esfuerzos de la Unión Africana para prevenir, gestionar y resolver los "
        "conflictos en África,",
    ), (
        ("Decide que, en principio, las operaciones de apoyo a la paz dirigidas por la Unión Africana podrán "
         "financiarse con cuotas, caso por caso;",),
        ("Solicita al Secretario General que, en consulta con el Presidente de la Comisión de la Unión "
         "Africana, presente en un plazo de 180 días a partir de la aprobación de la presente resolución un "
         "informe que incluya:",
         "a) Los arreglos de planificación y adopción de decisiones conjuntas;",
         "b) Los mecanismos de rendición de cuentas, transparencia y cumplimiento del derecho internacional;"),
        ("Subraya la necesidad de respetar el derecho internacional humanitario y el derecho internacional "
         "de los derechos humanos;",),
        ("Alienta a los Estados Miembros y otros asociados a que aporten contribuciones voluntarias al Fondo "
         "para la Paz de la Unión Africana;",),
        ("Decide seguir ocupándose activamente de la cuestión.",),
    )),
    "fr": Body("Le Conseil de sécurité,", (
        "Rappelant ses résolutions et les déclarations de sa présidence antérieures concernant les opérations "
        "d’appui à la paix dirigées par l’Union africaine,",
        "Réaffirmant qu’il a la responsabilité principale du maintien de la paix et de la sécurité "
        "internationales en vertu de la Charte des Nations Unies,",
        "Soulignant l’importance de la coopération entre l’Organisation des Nations Unies et les organisations "
        "régionales et sous-régionales conformément au Chapitre VIII de la Charte,",
        "Saluant les efforts que fait l’Union africaine pour prévenir, gérer et régler les conflits en Afrique,",
    ), (
        ("Décide que les opérations d’appui à la paix dirigées par l’Union africaine peuvent en principe être "
         "financées au moyen des contributions statutaires, au cas par cas ;",),
        ("Prie le Secrétaire général de lui présenter, en consultation avec le Président de la Commission de "
         "l’Union africaine, dans les 180 jours suivant l’adoption de la présente résolution, un rapport "
         "comprenant :",
         "a) Les arrangements relatifs à la planification et à la prise de décisions conjointes ;",
         "b) Les mécanismes de responsabilité, de transparence et de respect du droit international ;"),
        ("Souligne qu’il importe de respecter le droit international humanitaire et le droit international "
         "des droits de l’homme ;",),
        ("Encourage les États Membres et les autres partenaires à verser des contributions volontaires au "
         "Fonds pour la paix de l’Union africaine ;",),
        ("Décide de rester activement saisi de la question.",),
    )),
}

_ORGAN = {
    "zh": ("联合国", "大会", "安全理事会"),
    "ru": ("Организация Объединенных Наций", "Генеральная Ассамблея", "Совет Безопасности"),
    "ar": ("الأمم المتحدة", "الجمعية العامة", "مجلس الأمن"),
    "es": ("Naciones Unidas", "Asamblea General", "Consejo de Seguridad"),
    "fr": ("Nations Unies", "Assemblée générale", "Conseil de sécurité"),
}
_DISTRIBUTION = {"zh": "Distr.: General", "ru": "Distr.: General", "ar": "Distr.: General",
                 "es": "Distr. general", "fr": "Distr. générale"}
_SESSION = {"zh": "第七十八届会议", "ru": "Семьдесят восьмая сессия", "ar": "الدورة الثامنة والسبعون",
            "es": "Septuagésimo octavo período de sesiones", "fr": "Soixante-dix-huitième session"}
_AGENDA = {"zh": "议程项目96", "ru": "Пункт 96 повестки дня", "ar": "البند 96 من جدول الأعمال",
           "es": "Tema 96 del programa", "fr": "Point 96 de l’ordre du jour"}
_COMMITTEE = {"zh": "[根据第一委员会的报告(A/78/406，第7段)通过]",
              "ru": "[по докладу Первого комитета (A/78/406, пункт 7)]",
              "ar": "[بناء على تقرير اللجنة الأولى (A/78/406، الفقرة 7)]",
              "es": "[sobre la base del informe de la Primera Comisión (A/78/406, párr. 7)]",
              "fr": "[sur la base du rapport de la Première Commission (A/78/406, par. 7)]"}


def _ga_adopted(lang: str, date: str) -> str:
    return {"zh": f"大会{date}通过的决议", "ru": f"Резолюция, принятая Генеральной Ассамблеей {date}",
            "ar": f"قرار اتخذته الجمعية العامة في {date}",
            "es": f"Resolución aprobada por la Asamblea General el {date}",
            "fr": f"Résolution adoptée par l’Assemblée générale le {date}"}[lang]


def _closing_meeting(lang: str, meeting: int) -> str:
    return {"zh": f"第{meeting}次全体会议", "ru": f"{meeting}-е пленарное заседание",
            "ar": f"الجلسة العامة {meeting}", "es": f"{meeting}ª sesión plenaria",
            "fr": f"{meeting}e séance plénière"}[lang]


def sc_meeting(lang: str, meeting: int) -> str:
    """The meeting an adoption line names, as ``Metadata.meeting`` keeps it."""
    return {"zh": f"第{meeting}次会议", "ru": f"{meeting}-м заседании", "ar": f"جلسته {meeting}",
            "es": f"{meeting}ª sesión", "fr": f"{meeting}e séance"}[lang]


def _sc_resolution_line(lang: str, number: int, year: int) -> str:
    return {"zh": f"第{number}({year})号决议", "ru": f"Резолюция {number} ({year}),",
            "ar": f"القرار {number} ({year})", "es": f"Resolución {number} ({year})",
            "fr": f"Résolution {number} ({year})"}[lang]


def _sc_adopted(lang: str, meeting: int, date: str) -> str:
    return {"zh": f"{date}安全理事会第{meeting}次会议通过",
            "ru": f"принятая Советом Безопасности на его {meeting}-м заседании {date}",
            "ar": f"الذي اتخذه مجلس الأمن في جلسته {meeting} المعقودة في {date}",
            "es": f"Aprobada por el Consejo de Seguridad en su {meeting}ª sesión, celebrada el {date}",
            "fr": f"Adoptée par le Conseil de sécurité à sa {meeting}e séance, le {date}"}[lang]


# ----------------------------------------------------------------------------- editions


@dataclass(frozen=True)
class Made:
    """An edition and its key."""

    lang: str
    organ: str  # "ga" or "sc"
    text: str
    symbol: str
    resolution_number: str
    date: str  # ISO
    adoption_date: str  # ISO
    meeting: str
    formula: str
    session: str | None
    agenda_items: tuple[str, ...]
    title: str | None
    #: paragraphs as they must come out: (number or None, text, sub-paragraphs joined by one space)
    paragraphs: tuple[tuple[int | None, str], ...]
    closing: tuple[str, ...]
    #: the 0-based lines that are page furniture: the symbol, job number and bar
    #: code on the first page, the running heads
    furniture: frozenset[int] = field(default=frozenset())
    notes: tuple[str, ...] = ()


def _is_han(text: str) -> bool:
    return re.search(f"[{HAN}]", text) is not None


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters: at spaces, or in Chinese between
    any two characters but inside a run of digits or Latin letters (a typesetter
    never breaks "180" or "(a)"), nor before a digit glued to a character."""
    if _is_han(text):
        lines = [""]
        # (a note mark stays with the character it is glued to: "关切，1")
        for token in re.findall(r"[\w()/]+(?<![^\W\d_])|.\d*", text, re.ASCII):
            if lines[-1] and len(lines[-1]) + len(token) > width:
                lines.append("")
            lines[-1] += token
        return lines
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def _spaced(line: str) -> str:
    """A Chinese line with a space between its digits and the Han characters beside them."""
    return re.sub(rf"(?<=[{HAN}])(?=\d)|(?<=[\d)])(?=[{HAN}])", " ", line)


def _paragraph_lines(lang: str, number: int | None, pieces: tuple[str, ...], width: int) -> list[str]:
    head = "" if number is None else (f"{number} - " if lang == "ar" else f"{number}. ")
    lines = _wrap(head + pieces[0], width)
    for piece in pieces[1:]:
        lines += _wrap(piece, width)
    return lines


@dataclass(frozen=True)
class Shape:
    """The edition's layout: how wide its lines are, how many a page holds."""

    width: int = 80
    page_lines: int = 24
    job: str = "23-24443"
    #: a page breaks where it is full, inside a paragraph too (else at the blank line after one)
    mid_paragraph: bool = False
    #: Chinese masthead and closing lines with spaces around their digits, as PDF
    #: text often has them ("2023 年 12 月 21 日安全理事会第 9518 次会议通过")
    spaced: bool = False
    #: a note: its mark glued to the end of preambular paragraph 1 ("…,1"), its
    #: text below a rule at the foot of the page that paragraph ends on
    note: bool = False


#: The note's text, as each language's editions print the reference (S-10/2).
NOTES = {"zh": "S-10/2号决议。", "ru": "Резолюция S-10/2.", "ar": "القرار دإ-10/2.", "es": "Resolución S-10/2.",
         "fr": "Résolution S-10/2."}


def edition(lang: str, organ: str, body: Body | None = None, *, number: int = 18, year: int = 2023,
            meeting: int = 42, adopted: tuple[int, int] = (4, 12), issued: tuple[int, int] = (6, 12),
            shape: Shape = Shape(), title: str | None = None) -> Made:
    """A resolution of ``organ`` ("ga" or "sc") in ``lang``, as PDF text."""
    body = body or (GA_BODY if organ == "ga" else SC_BODY)[lang]
    if shape.note:
        body = Body(body.formula, (body.preamble[0] + "1", *body.preamble[1:]), body.operative)
    width = shape.width // 2 if lang == "zh" else shape.width
    adoption = printed_date(lang, year, *adopted)
    issued_on = masthead_date(lang, year, *issued)
    un, ga, sc = _ORGAN[lang]
    if organ == "ga":
        session = year - 1945
        symbol = f"A/RES/{session}/{number}"
        res_number = f"{session}/{number}"
        title = title or GA_TITLE[lang]
        stop = " - " if lang == "ar" else ". "
        masthead = [un, symbol, " ", ga, _DISTRIBUTION[lang], issued_on, " ", f"{shape.job} (X)    141223",
                    f"*{shape.job.replace('-', '')}*", " ", _SESSION[lang], _AGENDA[lang], *_wrap(title, width - 20),
                    " ", " ", _ga_adopted(lang, adoption), " ", " ", _COMMITTEE[lang], " ", " ",
                    *_wrap(f"{res_number}{stop}{title}", width - 10), " ", " "]
        meeting_text = _closing_meeting(lang, meeting)
        closing = (meeting_text, adoption)
        agenda: tuple[str, ...] = ("96",)
        session_text: str | None = _SESSION[lang]
    else:
        symbol = f"S/RES/{number} ({year})"
        res_number = f"{number} ({year})"
        title = None
        masthead = [un, symbol, " ", sc, _DISTRIBUTION[lang], issued_on, " ", f"{shape.job} (X)",
                    f"*{shape.job.replace('-', '')}*", " ", _sc_resolution_line(lang, number, year), " ",
                    *_wrap(_sc_adopted(lang, meeting, adoption), width), " ", " "]
        meeting_text = sc_meeting(lang, meeting)
        closing = ()
        agenda = ()
        session_text = None
    paragraphs: list[tuple[int | None, str]] = [(None, p) for p in body.preamble]
    # (a line break in Chinese is no space: sub-paragraphs join their paragraph without one)
    paragraphs += [(n, ("" if lang == "zh" else " ").join(pieces)) for n, pieces in enumerate(body.operative, start=1)]
    lines = [body.formula, " "]
    numbered: list[tuple[int | None, tuple[str, ...]]] = [(None, (p,)) for p in body.preamble]
    numbered += enumerate(body.operative, start=1)
    for n, pieces in numbered:
        lines += [*_paragraph_lines(lang, n, pieces, width), " "]
    marked = len(_paragraph_lines(lang, None, numbered[0][1], width)) + 1 if shape.note else -1  # the mark's line
    lines += [*closing]
    if shape.spaced and lang == "zh":
        masthead, closing = [_spaced(ln) for ln in masthead], tuple(_spaced(ln) for ln in closing)
        lines = [*lines[:len(lines) - len(closing)], *closing]
        meeting_text = _spaced(meeting_text)
    text_lines = [ln + " " if ln != " " else ln for ln in masthead]
    furniture = {1, 7, 8}
    page, on_page = 1, 0
    due = False

    def foot() -> None:
        furniture.add(len(text_lines))
        text_lines.extend(["__________________ ", " ", f"1 {NOTES[lang]} ", " "])

    for k, ln in enumerate(lines):
        if on_page >= shape.page_lines and (ln == " " or shape.mid_paragraph):
            if due:
                foot()
                due = False
            page += 1
            at = len(text_lines)
            text_lines += ["", symbol + " ", " ", f"{page}/PAGES", shape.job + " ", " "]
            furniture |= {at + 1, at + 3, at + 4}
            on_page = 0
            if ln == " ":
                continue
        text_lines.append(ln + " " if ln != " " else ln)
        on_page += 1
        due = due or k == marked
    if due:
        foot()
    text = "\n".join(text_lines) + "\n"
    text = text.replace("/PAGES", f"/{page}")
    iso = lambda d: f"{year:04d}-{d[1]:02d}-{d[0]:02d}"  # noqa: E731
    return Made(lang, organ, text, symbol, res_number, iso(issued), iso(adopted), meeting_text, body.formula,
                session_text, agenda, title, tuple(paragraphs), closing, frozenset(furniture),
                (f"1 {NOTES[lang]}",) if shape.note else ())


#: The recorded edits of a later edition: a word or two of preambular paragraph 2
#: reworded (old, new), and the operative paragraph inserted after operative paragraph 1.
REWORDED = {
    ("ga", "zh"): ("最大威胁", "最严重威胁"), ("ga", "ru"): ("величайшую угрозу", "самую серьезную угрозу"),
    ("ga", "ar"): ("أكبر خطر", "أشد خطر"), ("ga", "es"): ("la amenaza más grave", "el mayor peligro"),
    ("ga", "fr"): ("la menace la plus grave", "le plus grand danger"),
    ("sc", "zh"): ("首要责任", "主要责任"), ("sc", "ru"): ("главную ответственность", "основную ответственность"),
    ("sc", "ar"): ("مسؤوليته الرئيسية", "مسؤوليته الأساسية"),
    ("sc", "es"): ("responsabilidad primordial", "responsabilidad principal"),
    ("sc", "fr"): ("responsabilité principale", "responsabilité première"),
}
INSERTED = {
    "zh": "请秘书长在下一届会议上提交一份关于本决议执行情况的报告，并向所有会员国分发；",
    "ru": "просит Генерального секретаря представить на следующей сессии доклад об осуществлении настоящей "
          "резолюции и распространить его среди всех государств-членов;",
    "ar": "تطلب إلى الأمين العام أن يقدم في الدورة المقبلة تقريرا عن تنفيذ هذا القرار وأن يعممه على جميع "
          "الدول الأعضاء؛",
    "es": "Solicita al Secretario General que en el próximo período de sesiones presente un informe sobre la "
          "aplicación de la presente resolución y lo distribuya a todos los Estados Miembros;",
    "fr": "Prie le Secrétaire général de lui présenter à la prochaine session un rapport sur l’application de la "
          "présente résolution et de le communiquer à tous les États Membres ;",
}


def later(made: Made, **kwargs: object) -> tuple[Made, list[tuple[str, tuple[int, ...], tuple[int, ...]]]]:
    """The next edition of ``made`` (made with the same ``kwargs`` but those
    given), edited as recorded: preambular paragraph 2 reworded (``REWORDED``),
    a paragraph inserted after operative paragraph 1, operative paragraph 3
    dropped (so old 2 is new 3, old 4 and 5 keep their numbers).  With it, the
    changes a comparison must report in the body, as (status, old reading-order
    index, new reading-order index), and the closing lines, each changed."""
    base = (GA_BODY if made.organ == "ga" else SC_BODY)[made.lang]
    old, new = REWORDED[made.organ, made.lang]
    assert base.preamble[1].count(old) == 1
    preamble = (base.preamble[0], base.preamble[1].replace(old, new), *base.preamble[2:])
    ops = base.operative
    operative = (ops[0], (INSERTED[made.lang],), ops[1], *ops[3:])
    body = Body(base.formula, preamble, operative)
    next_edition = edition(made.lang, made.organ, body, **kwargs)  # type: ignore[arg-type]
    p = len(base.preamble)
    key = [("unchanged", (0,), (0,)), ("changed", (1,), (1,)),
           *[("unchanged", (k,), (k,)) for k in range(2, p)],
           ("unchanged", (p,), (p,)), ("added", (), (p + 1,)), ("unchanged", (p + 1,), (p + 2,)),
           ("removed", (p + 2,), ()), ("unchanged", (p + 3,), (p + 3,)), ("unchanged", (p + 4,), (p + 4,))]
    return next_edition, key


# ----------------------------------------------------------------------------- drafts

#: A draft's masthead as the real A/C.1/80/L.1 prints it (seeds/real/me-nwfz/): the
#: distribution limited, the committee under the session, then "<sponsors>: draft resolution"
#: and the title, each in the language's own words.
_LIMITED = {"zh": "Distr.: Limited", "ru": "Distr.: Limited", "ar": "Distr.: Limited", "es": "Distr. limitada",
            "fr": "Distr. limitée"}
_FIRST_COMMITTEE = {"zh": "第一委员会", "ru": "Первый комитет", "ar": "اللجنة الأولى", "es": "Primera Comisión",
                    "fr": "Première Commission"}
#: Two sponsors, and the words of a draft resolution and of a draft decision.
SPONSORS = {"zh": (("埃及", "约旦"), "、", "：", ("决议草案", "决定草案")),
            "ru": (("Египет", "Иордания"), ", ", ": ", ("проект резолюции", "проект решения")),
            "ar": (("مصر", "الأردن"), "، ", ": ", ("مشروع قرار", "مشروع مقرر")),
            "es": (("Egipto", "Jordania"), ", ", ": ", ("proyecto de resolución", "proyecto de decisión")),
            "fr": (("Égypte", "Jordanie"), ", ", " : ", ("projet de résolution", "projet de décision"))}


def draft(lang: str, decision: bool = False) -> str:
    """A draft of the General Assembly's First Committee in ``lang``, sponsored by two States."""
    un, ga, _ = _ORGAN[lang]
    body = GA_BODY[lang]
    width = 40 if lang == "zh" else 80
    names, comma, colon, words = SPONSORS[lang]
    lines = [un, "A/C.1/78/L.5", " ", ga, _LIMITED[lang], masthead_date(lang, 2023, 10, 10), "23-19000 (X)    111023",
             "*2319000*", " ", _SESSION[lang], _FIRST_COMMITTEE[lang], _AGENDA[lang], *_wrap(GA_TITLE[lang], width - 20),
             " ", comma.join(names) + colon + words[decision], " ", *_wrap(GA_TITLE[lang], width - 10), " ",
             body.formula, " "]
    for p in body.preamble:
        lines += [*_paragraph_lines(lang, None, (p,), width), " "]
    for n, pieces in enumerate(body.operative, start=1):
        lines += [*_paragraph_lines(lang, n, pieces, width), " "]
    return "\n".join(ln + " " if ln != " " else ln for ln in lines) + "\n"
