"""Chinese editions."""

from ..script import HAN
from . import Layout

_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_PART = "[一二三四五六七八九十]{1,3}"

LAYOUT = Layout(
    code="zh", language="Chinese", script=HAN,
    part_patterns=(_PART,), subsection_patterns=("[Ａ-Ｚ]",),  # full-width letters beside the Latin ones
    bare_number_patterns=(_PART, "[Ａ-Ｚ]"), digits=_DIGITS,
    date_patterns=(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日",),
    date_line_patterns=(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日",),
    organ_patterns=("联合国", "大会", "安全理事会"),
    session_patterns=("第[一二三四五六七八九十百]+届会议",), year_patterns=("第[一二三四五六七八九十百]+年",),
    distribution_patterns=("分发",), limited_words=frozenset({"限制"}),
    language_names={"英文": "English", "中文": "Chinese"},
    agenda_patterns=("议程项目",), range_patterns=("至",),
    agenda_title_patterns=(r"^联合国(?:同|、)(?P<org>.+?)(?:之间)?的合作[:：]?$",),
    report_of_patterns=("秘书长的报告", "秘书长的说明"), report_label_patterns=("报告",),
    summary_patterns=("摘要",), contents_patterns=("目录", "目 录"),
    paragraphs_column_patterns=("段次", "段落"), pages_column_patterns=("页次",),
    annex_patterns=("附件",), recycle_patterns=("请回收",),
    sentence_end="。．！？；：", closing_after="）」』》】",
    connector_chars="的和同与及、；，,;",
    same_punctuation={"。": ".", "、": ",", "《": "<", "》": ">", "〈": "<", "〉": ">"},
    enacting_patterns=("大会", "安全理事会"),
    # "大会2023年12月4日通过的决议"; the Security Council's "2023年12月21日安全理事会第9518次会议通过"
    adopted_line_patterns=("大会.*通过的(?P<zh>决议|决定)", r".*安全理事会\s*第\s*\d{1,5}\s*次会议通过"),
    resolution_line_patterns=(r"第\s*\d{1,5}\s*\(\d{4}\)\s*号(?P<zh>决议|决定)",),
    meeting_patterns=(r"第\s*\d{1,5}\s*次会议",),
    decision_words=frozenset({"决定"}),
    # "埃及：决议草案"; "第一委员会"
    draft_patterns=("决议草案", "决定草案"),
    committee_patterns=("第[一二三四五六]委员会", r"特别政治和非殖民化委员会(?:\s*[（(]第四委员会[）)])?"),
    # the words a preambular paragraph opens with (no spaces: the rest of its first line follows)
    lower_preamble_patterns=(r"(?:又|还)?(?:回顾|重申|强调|注意到|欢迎|铭记|深信|认识到|确认|申明|念及|忆及|赞扬|欣见|"
                             r"意识到|考虑到|决心|深为关切|深感关切|关切地注意到|满意地注意到)\S*",),
    closing_line_patterns=(r"第\s*\d{1,4}\s*次全体会议",),
)
