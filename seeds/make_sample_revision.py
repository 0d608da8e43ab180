#!/usr/bin/env python3
"""Make the illustrative editions in seeds/ and their answer keys.

Run ``python seeds/make_sample_revision.py`` (standard library only). It is
deterministic: every run rewrites the same files byte for byte.

Inputs (not written by this script):
  A_65_382-S_2010_490.zh.txt   the real Chinese text of A/65/382-S/2010/490
  sample_en_2010.src.txt       a small hand-written English edition, one line
                               per paragraph (illustrative, not a UN text)

Outputs:
  sample_2012.zh.txt, sample_2012.zh.key.json      2010 -> illustrative 2012
  sample_2014.zh.txt, sample_2014.zh.key.json      2012 -> illustrative 2014
  sample_history.zh.key.json                       lineages 2010 -> 2012 -> 2014
  sample_en_2010.txt                               the English source laid out as
                                                   hard-wrapped PDF text
  sample_en_2012.src.txt, sample_en_2012.txt       illustrative English 2012
  sample_en_2012.key.json                          English 2010 -> 2012

The script works on the text with its own small knowledge of the report's
layout and never imports docdiff: the keys are an independent answer key.
Every edit below is declared explicitly; the key records what was done and a
set of self-checks (see ``verify_key``) makes sure the recorded statuses follow
the rules in seeds/README.md.
"""
from __future__ import annotations

import copy
import difflib
import json
import os
import re
import sys
from dataclasses import dataclass, field

SEEDS = os.path.dirname(os.path.abspath(__file__))
SEED_ZH = "A_65_382-S_2010_490.zh.txt"

# --------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------


@dataclass
class Para:
    pid: str                    # lineage id, stable across editions
    text: str                   # paragraph text without its number
    cut: int | None = None      # zh: offset of a page-break cut in text
    blank: bool = True          # zh: a blank line precedes the paragraph
    src: list = field(default_factory=list)   # pids in the previous edition
    kind: str = "carried"       # carried | added | split | merged
    moved: bool = False         # explicitly moved (within or across sections)
    notes: list = field(default_factory=list)


@dataclass
class Section:
    part: int                   # 1..4
    kind: str                   # part (holds paragraphs) | org | sub
    title: str
    letter: str = ""
    paras: list = field(default_factory=list)
    src_title: str | None = None   # title in the previous edition (None: new)


@dataclass
class Edition:
    lang: str
    meta: dict
    parts: dict                 # part number -> title
    sections: list

    def paragraphs(self):
        for sec in self.sections:
            for p in sec.paras:
                yield sec, p

    def numbering(self):
        return {p.pid: i for i, (_, p) in enumerate(self.paragraphs(), 1)}


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

FULLWIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
HALFWIDTH = {v: k for k, v in FULLWIDTH.items()}


def norm(text: str) -> str:
    """Comparison form: no whitespace, full-width punctuation as half-width."""
    text = re.sub(r"\s+", "", text)
    return "".join(HALFWIDTH.get(c, c) for c in text)


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False).ratio()


def is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


# --------------------------------------------------------------------------
# Revision operations (shared by the Chinese and English editions)
# --------------------------------------------------------------------------


class Revision:
    """A new edition being derived from an old one by explicit operations."""

    def __init__(self, old: Edition, lang_sep: str):
        self.old = old
        self.sep = lang_sep            # joins merged paragraphs
        self.removed_notes = {}        # old pid -> note for removed entries
        sections = []
        for sec in old.sections:
            ns = Section(sec.part, sec.kind, sec.title, sec.letter, [], sec.title)
            for p in sec.paras:
                ns.paras.append(Para(p.pid, p.text, p.cut, p.blank, [p.pid]))
            sections.append(ns)
        self.new = Edition(old.lang, copy.deepcopy(old.meta), dict(old.parts), sections)

    # -- lookup ----------------------------------------------------------
    def find(self, pid):
        for sec in self.new.sections:
            for i, p in enumerate(sec.paras):
                if p.pid == pid:
                    return sec, i, p
        raise KeyError(pid)

    def section(self, title):
        for sec in self.new.sections:
            if sec.title == title:
                return sec
        raise KeyError(title)

    # -- text edits ------------------------------------------------------
    def sub(self, pid, *pairs, note):
        """Replace substrings (each must occur exactly once)."""
        _, _, p = self.find(pid)
        segs = [p.text] if p.cut is None else [p.text[:p.cut], p.text[p.cut:]]
        for a, b in pairs:
            hits = [i for i, s in enumerate(segs) if a in s]
            assert sum(s.count(a) for s in segs) == 1 and len(hits) == 1, (pid, a)
            segs[hits[0]] = segs[hits[0]].replace(a, b)
        p.text = "".join(segs)
        if p.cut is not None:
            p.cut = len(segs[0])
        p.notes.append(note)

    def punct(self, pid):
        """Half-width , ; : ( ) -> full width (formatting only)."""
        _, _, p = self.find(pid)
        out = []
        for i, c in enumerate(p.text):
            if c in FULLWIDTH:
                before = p.text[i - 1] if i else ""
                after = p.text[i + 1] if i + 1 < len(p.text) else ""
                assert not before.isspace() and not after.isspace(), (pid, i)
                c = FULLWIDTH[c]
            out.append(c)
        assert "".join(out) != p.text, pid
        p.text = "".join(out)
        p.notes.append("punctuation normalised to full width (formatting only)")

    def cut(self, pid, before):
        """Cut the paragraph by a page break just before `before`."""
        _, _, p = self.find(pid)
        assert p.cut is None and p.text.count(before) == 1, (pid, before)
        k = p.text.index(before)
        assert is_cjk(p.text[k - 1]) and is_cjk(p.text[k]), (pid, before)
        assert k >= 20 and len(p.text) - k >= 15, pid
        p.cut = k
        p.notes.append("page break cut added")

    def join(self, pid):
        _, _, p = self.find(pid)
        assert p.cut is not None, pid
        p.cut = None
        p.notes.append("page-break cut of the previous edition joined")

    # -- structure -------------------------------------------------------
    def remove(self, pid, note="removed"):
        sec, i, _p = self.find(pid)
        del sec.paras[i]
        self.removed_notes[pid] = note

    def add(self, pid, text, *, after=None, section=None, at_start=False, cut=None):
        p = Para(pid, text, None, True, [], "added", notes=["new paragraph"])
        if after is not None:
            sec, i, _ = self.find(after)
            sec.paras.insert(i + 1, p)
        else:
            sec = self.section(section)
            sec.paras.insert(0 if at_start else len(sec.paras), p)
        if cut:
            self.cut(pid, cut)
        return p

    def rewrite(self, pid, new_pid, text):
        """Same topic, other words: recorded as removed old + added new."""
        sec, i, _ = self.find(pid)
        del sec.paras[i]
        sec.paras.insert(i, Para(new_pid, text, None, True, [], "added",
                                 notes=["new paragraph: complete rewrite of the old paragraph on the same topic"]))
        self.removed_notes[pid] = "rewritten completely (replaced by a new paragraph on the same topic)"

    def move(self, pid, *, after=None, section=None, at_start=False, note=None):
        sec, i, p = self.find(pid)
        del sec.paras[i]
        if after is not None:
            tsec, j, _ = self.find(after)
            tsec.paras.insert(j + 1, p)
        else:
            tsec = self.section(section)
            tsec.paras.insert(0 if at_start else len(tsec.paras), p)
        p.moved = True
        p.blank = True
        where = "within its section" if tsec is sec else f"to section {tsec.title}"
        p.notes.append(note or f"moved {where}")

    def split(self, pid, at, new_pid):
        sec, i, p = self.find(pid)
        assert p.cut is None and p.text.count(at) == 1, (pid, at)
        k = p.text.index(at)
        head, tail = p.text[:k].rstrip(), p.text[k:]
        assert head[-1] in "。.", (pid, head[-5:])
        p.text = head
        p.kind = "split"
        p.notes.append("split at a sentence boundary (first part)")
        q = Para(new_pid, tail, None, True, [pid], "split",
                 notes=["split at a sentence boundary (second part)"])
        sec.paras.insert(i + 1, q)

    def merge(self, pid1, pid2):
        sec, i, p = self.find(pid1)
        sec2, j, q = self.find(pid2)
        assert sec is sec2 and j == i + 1 and p.cut is None and q.cut is None
        p.text = p.text + self.sep + q.text
        p.src = p.src + q.src
        p.kind = "merged"
        p.notes.append("two consecutive paragraphs merged, text unchanged")
        del sec.paras[j]

    def rename_section(self, old, new, note):
        sec = self.section(old)
        sec.title = new
        for _, p in self.new.paragraphs():
            if old in p.text:
                n = p.text.count(old)
                if p.cut is not None:
                    p.cut = len(p.text[:p.cut].replace(old, new))
                p.text = p.text.replace(old, new)
                p.notes.append(f"{note} ({n}x in text)")

    def drop_section(self, title):
        sec = self.section(title)
        for p in sec.paras:
            self.removed_notes[p.pid] = f"removed with its organisation ({title} dropped)"
        self.new.sections.remove(sec)

    def add_section(self, title, paras, *, after):
        i = self.new.sections.index(self.section(after))
        sec = Section(2, "org", title, "", [], None)
        for pid, text in paras:
            sec.paras.append(Para(pid, text, None, True, [], "added",
                                  notes=["new paragraph of a new organisation"]))
        self.new.sections.insert(i + 1, sec)
        return sec


# --------------------------------------------------------------------------
# Answer keys
# --------------------------------------------------------------------------


def build_key(old: Edition, new: Edition, old_name, new_name, removed_notes, metadata_changes):
    onum, nnum = old.numbering(), new.numbering()
    otext = {p.pid: p.text for _, p in old.paragraphs()}
    osec = {p.pid: s.title for s, p in old.paragraphs()}
    entries, by_src = [], {}
    for sec, p in new.paragraphs():
        n = nnum[p.pid]
        old_sec_title = None
        if p.kind == "added":
            e = {"status": "added", "old": [], "new": [n], "old_section": None,
                 "new_section": sec.title, "edit": "; ".join(p.notes)}
            entries.append(e)
            continue
        old_sec_title = osec[p.src[0]]
        if p.kind == "split":
            if p.src[0] in by_src:
                e = by_src[p.src[0]]
                e["new"].append(n)
                e["edit"] += "; " + "; ".join(p.notes)
                continue
            e = {"status": "split", "old": [onum[p.src[0]]], "new": [n],
                 "old_section": old_sec_title, "new_section": sec.title,
                 "edit": "; ".join(p.notes)}
            by_src[p.src[0]] = e
            entries.append(e)
            continue
        if p.kind == "merged":
            e = {"status": "merged", "old": [onum[s] for s in p.src], "new": [n],
                 "old_section": old_sec_title, "new_section": sec.title,
                 "edit": "; ".join(p.notes)}
            entries.append(e)
            continue
        same_text = norm(p.text) == norm(otext[p.src[0]])
        if p.moved or sec.src_title != old_sec_title:
            status = "moved"
        elif same_text:
            status = "unchanged"
        else:
            status = "changed"
        notes = list(p.notes)
        if same_text and not any(x.startswith("moved") for x in notes):
            notes.insert(0, "text carried over verbatim")
        elif same_text:
            notes.append("text unchanged")
        e = {"status": status, "old": [onum[p.src[0]]], "new": [n],
             "old_section": old_sec_title, "new_section": sec.title,
             "edit": "; ".join(notes)}
        entries.append(e)
    covered = {o for e in entries for o in e["old"]}
    for sec, p in old.paragraphs():
        if onum[p.pid] not in covered:
            entries.append({"status": "removed", "old": [onum[p.pid]], "new": [],
                            "old_section": sec.title, "new_section": None,
                            "edit": removed_notes.get(p.pid, "removed")})

    # sections: new order, removed ones placed after their old predecessor
    old_titles = [s.title for s in old.sections]
    new_src = {s.src_title for s in new.sections if s.src_title}
    sections, emitted = [], set()

    def sec_status(old_t, new_t):
        if old_t is None:
            return "added"
        if new_t is None:
            return "removed"
        if old_t != new_t:
            return "renamed"
        touched = [e for e in entries if e["old_section"] == old_t or e["new_section"] == new_t]
        return "unchanged" if all(e["status"] == "unchanged" for e in touched) else "changed"

    def emit_removed_before(idx):
        for k in range(idx):
            t = old_titles[k]
            if t not in new_src and t not in emitted:
                sections.append({"status": "removed", "old_title": t, "new_title": None})
                emitted.add(t)

    for s in new.sections:
        if s.src_title:
            emit_removed_before(old_titles.index(s.src_title))
            emitted.add(s.src_title)
        sections.append({"status": sec_status(s.src_title, s.title),
                         "old_title": s.src_title, "new_title": s.title})
    emit_removed_before(len(old_titles))

    return {"old": old_name, "new": new_name, "metadata_changes": metadata_changes,
            "sections": sections, "paragraphs": entries}


def verify_key(old: Edition, new: Edition, key, lang):
    """Self-checks: the statuses must follow the rules of seeds/README.md."""
    onum, nnum = old.numbering(), new.numbering()
    otext = {onum[p.pid]: p.text for _, p in old.paragraphs()}
    ntext = {nnum[p.pid]: p.text for _, p in new.paragraphs()}
    osec = {onum[p.pid]: s.title for s, p in old.paragraphs()}
    nsec = {nnum[p.pid]: s.title for s, p in new.paragraphs()}
    smap = {s.title: s.src_title for s in new.sections}     # new title -> old title
    entries = key["paragraphs"]
    olds = sorted(o for e in entries for o in e["old"])
    news = sorted(n for e in entries for n in e["new"])
    assert olds == list(range(1, len(otext) + 1)), "old coverage"
    assert news == list(range(1, len(ntext) + 1)), "new coverage"
    report = []
    for e in entries:
        st, o, n = e["status"], e["old"], e["new"]
        if o:
            assert all(osec[x] == e["old_section"] for x in o), e
        if n:
            assert all(nsec[x] == e["new_section"] for x in n), e
        if st in ("unchanged", "changed", "split", "merged"):
            assert smap[e["new_section"]] == e["old_section"], e
        if st == "unchanged":
            assert norm(otext[o[0]]) == norm(ntext[n[0]]), e
        if st == "changed":
            r = ratio(otext[o[0]], ntext[n[0]])
            assert norm(otext[o[0]]) != norm(ntext[n[0]]) and r >= 0.75, (e, r)
            report.append(("changed", o[0], n[0], round(r, 3)))
        if st == "split":
            assert n == list(range(n[0], n[0] + len(n))) and len(n) > 1, e
            joined = "".join(ntext[x] for x in n)
            assert norm(joined) == norm(otext[o[0]]) or ratio(joined, otext[o[0]]) > 0.9, e
        if st == "merged":
            assert o == list(range(o[0], o[0] + len(o))) and len(o) > 1, e
            joined = "".join(otext[x] for x in o)
            assert norm(joined) == norm(ntext[n[0]]) or ratio(joined, ntext[n[0]]) > 0.9, e
        if st == "moved":
            r = ratio(otext[o[0]], ntext[n[0]])
            assert r >= 0.75, (e, r)
            report.append(("moved", o[0], n[0], round(r, 3)))
    # relative order inside each section, and moves within a section break it
    for s in new.sections:
        seq = [(e["new"][0], e["old"][0]) for e in entries
               if e["new_section"] == s.title and e["status"] in ("unchanged", "changed", "split", "merged")]
        seq.sort()
        olds_in_order = [o for _, o in seq]
        assert olds_in_order == sorted(olds_in_order), (s.title, seq)
        for e in entries:
            if e["status"] == "moved" and e["new_section"] == s.title and smap[s.title] == e["old_section"]:
                before = [o for nn, o in seq if nn < e["new"][0]]
                after = [o for nn, o in seq if nn > e["new"][0]]
                conflicts = sum(o > e["old"][0] for o in before) + sum(o < e["old"][0] for o in after)
                assert conflicts >= 2, (e, conflicts)
    # removed and added paragraphs must not look like one another
    removed = [otext[e["old"][0]] for e in entries if e["status"] == "removed"]
    added = [ntext[e["new"][0]] for e in entries if e["status"] == "added"]
    for a in added:
        for r_ in removed:
            assert ratio(a, r_) < 0.5, (a[:30], r_[:30], ratio(a, r_))
    for a in added:
        best = max(ratio(a, t) for t in otext.values())
        assert best < 0.5, (a[:30], best)
    return report


def counts(key):
    c = {}
    for e in key["paragraphs"]:
        c[e["status"]] = c.get(e["status"], 0) + 1
    return c


def write_json(name, obj):
    with open(os.path.join(SEEDS, name), "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def write_text(name, text):
    with open(os.path.join(SEEDS, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def read_text(name):
    with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
        return f.read()


# ==========================================================================
# Chinese editions
# ==========================================================================

# Organisations of part 二 (Chinese heading, agenda title) in report order.
# The report orders them by their English names; renamed organisations keep
# their slot. None marks agenda items that are not organisations of part 二.
ZH_AGENDA_ORDER = [
    "非洲联盟", "亚非法律协商组织", "东南亚国家联盟", "黑海经济合作组织", "加勒比共同体",
    "中欧倡议国", "集体安全条约组织", "葡萄牙语国家共同体", "欧洲委员会", "中非国家经济共同体",
    "经济合作组织", "欧亚经济共同体|欧亚经济联盟", "国际移民组织", "法语国家国际组织",
    "@议会联盟", "拉丁美洲和加勒比经济体系", "阿拉伯国家联盟", "@禁止化学武器组织",
    "欧洲安全与合作组织", "美洲国家组织", "伊斯兰会议组织|伊斯兰合作组织", "太平洋岛屿论坛",
    "@全面禁止核试验条约组织筹备委员会", "上海合作组织", "南部非洲发展共同体",
]
ZH_ALL_ORGS = {n for slot in ZH_AGENDA_ORDER if not slot.startswith("@") for n in slot.split("|")}
ZH_AGENDA_SPECIAL = {
    "@议会联盟": "联合国、各国议会和各国议会联盟的合作",
    "@禁止化学武器组织": "联合国同禁止化学武器组织的合作",
    "@全面禁止核试验条约组织筹备委员会": "联合国同全面禁止核试验条约组织筹备委员会的合作",
    "拉丁美洲和加勒比经济体系": "联合国同拉丁美洲经济体系的合作",   # as in the seed
}
ZH_NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四"}
ZH_PART4_TOC = "联合国同禁止化学武器组织的合作；联合国同全面禁止核试验条约组织 筹备委员会的合作"
RECYCLE = "请回收 A recycling symbol consisting of three chasing arrows forming a triangle."


def zh_agenda_titles(orgs):
    out = []
    for slot in ZH_AGENDA_ORDER:
        if slot.startswith("@"):
            out.append(ZH_AGENDA_SPECIAL[slot])
            continue
        for name in slot.split("|"):
            if name in orgs:
                out.append(ZH_AGENDA_SPECIAL.get(name, f"联合国同{name}的合作"))
    return out


def zh_letters(n):
    items = [f"({chr(ord('a') + i)})" for i in range(n)]
    first, mid, last = items[:6], items[6:14], items[14:]
    return ["、".join(first) + "、", "、".join(mid) + "、",
            "、".join(last[:-1]) + "和" + last[-1]]


def render_zh_masthead(m):
    L = ["", "", "", "", "大会", "安全理事会", "", "Distr.: General", m["date_en"], "Chinese",
         "Original: English", "", "大会", "", "安全理事会", "", m["session"], "", m["year"], ""]
    letters = zh_letters(len(m["agenda_titles"]))
    L += [f"议程项目 {m['agenda_item']}{letters[0]}", letters[1], letters[2], ""]
    L += ["联合国同各区域组织及其他组织的合作:", ""]
    for i, t in enumerate(m["agenda_titles"]):
        L += [t, ""]
        if i == 18:   # end of the first page: its furniture
            L += [m["job_line"], "", "", "", RECYCLE, ""]
    L += ["联合国同各区域组织及其他组织的合作 *", "", "秘书长的报告", "", "摘要", ""]
    for s in m["summary"]:
        L += [s, ""]
    L += [m["footnote"], "", "目录", "", "\t页次"]
    L += [f"{t}\t{pg}" for t, pg in m["toc"]]
    L += [""]
    return L


def parse_zh(text, lang="zh", pid_prefix="z"):
    lines = text.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("一. ") and "\t" not in ln)
    parts, sections = {}, []
    last, prev_blank, expect = None, False, 1
    for line in lines[start:]:
        if not line.strip():
            prev_blank = True
            continue
        m_part = re.match(r"^([一二三四])\. (.+)$", line)
        m_sub = re.match(r"^([A-H])\. (.+)$", line)
        m_par = re.match(r"^(\d+)\. (.+)$", line)
        if m_part:
            k = "一二三四".index(m_part.group(1)) + 1
            parts[k] = m_part.group(2)
            if k in (1, 4):
                sections.append(Section(k, "part", m_part.group(2)))
            last = None
        elif m_sub:
            sections.append(Section(3, "sub", m_sub.group(2), m_sub.group(1)))
            last = None
        elif line in ZH_ALL_ORGS:
            sections.append(Section(2, "org", line))
            last = None
        elif m_par:
            n = int(m_par.group(1))
            assert n == expect, (n, expect)
            expect += 1
            last = Para(f"{pid_prefix}{n}", m_par.group(2), None, prev_blank)
            sections[-1].paras.append(last)
        else:
            assert last is not None and prev_blank and last.cut is None, line[:20]
            last.cut = len(last.text)
            last.text += line
        prev_blank = False
    return lines[:start], Edition(lang, {}, parts, sections)


def headed_sections(ed, numerals):
    """Each section with the heading lines that open it: its part's (where it
    starts a part), then its own; a blank line after each heading."""
    part = None
    for sec in ed.sections:
        heads = []
        if sec.part != part:
            part = sec.part
            heads += [f"{numerals[part]}. {ed.parts[part]}", ""]
        if sec.kind == "org":
            heads += [sec.title, ""]
        elif sec.kind == "sub":
            heads += [f"{sec.letter}. {sec.title}", ""]
        yield sec, heads


def render_zh_body(ed):
    num = ed.numbering()
    out = []
    for sec, heads in headed_sections(ed, ZH_NUMERALS):
        out += heads
        prev = None
        for p in sec.paras:
            if prev is not None and (p.blank or prev.cut is not None):
                out.append("")
            if p.cut is None:
                out.append(f"{num[p.pid]}. {p.text}")
            else:
                out += [f"{num[p.pid]}. {p.text[:p.cut]}", "", p.text[p.cut:]]
            prev = p
        out.append("")
    return out[:-1]


def zh_toc(ed, chars_per_page):
    """TOC lines with page numbers estimated from the body's length."""
    body = render_zh_body(ed)
    offsets, pos = {}, 0
    for line in body:
        offsets.setdefault(line, pos)
        pos += len(line)

    def page(line):
        return 4 + offsets[line] // chars_per_page

    toc = [("一. 导言", page(f"一. {ed.parts[1]}")),
           (f"二. {ed.parts[2]}", page(f"二. {ed.parts[2]}"))]
    for sec in ed.sections:
        if sec.kind == "org":
            toc.append((sec.title, page(sec.title)))
    toc.append((f"三. {ed.parts[3]}", page(f"三. {ed.parts[3]}")))
    toc.append((f"四. {ZH_PART4_TOC}", page(f"四. {ed.parts[4]}")))
    return toc


def zh_meta_2010():
    return {
        "date_en": "20 September 2010", "date": "2010-09-20",
        "session": "第六十五届会议", "year": "第六十五年", "session_no": 65,
        "agenda_item": "122", "job_line": "10-54243 (C) 151010 191010",
        "summary": [
            "在若干决议中，大会都满意地注意到各区域组织和其他组织积极参与联合国的工作。本报告是根据大会最近关于请秘书长就这些决议的执行情况向大会第六十五届会议提交报告的要求编写的。",
            "依照大会在第 58/316 号决议附件第 4(1) 段要求，这是一份关于联合国同各区域组织及其他组织合作的合并报告。",
            "本报告述及自 2008 年 8 月 8 日分发秘书长最近关于联合国同各区域组织和其他组织合作的综合报告 (A/63/228-S/2008/531) 以来的期间。",
            "安全理事会第 1809(2008) 号决议请秘书长将对联合国同有关区域组织合作进度的评估列入其向安理会提交的定期报告。因此，本报告也提交了安全理事会。",
        ],
        "footnote": "* 本报告在最后期限之后六个工作日提交，以便将报告草稿提交秘书长办公厅审批之后对报告文本提出的修正也包括在内。",
    }


def zh_orgs(ed):
    return [s.title for s in ed.sections if s.kind == "org"]


def zh_meta_changes(old, new):
    def items(m):
        n = len(m["agenda_titles"])
        return f"{m['agenda_item']} (a)-({chr(ord('a') + n - 1)})"
    return [
        {"field": "date", "old": old.meta["date"], "new": new.meta["date"]},
        {"field": "session", "old": old.meta["session_no"], "new": new.meta["session_no"]},
        {"field": "agenda_items", "old": items(old.meta), "new": items(new.meta)},
        {"field": "organisations", "old": zh_orgs(old), "new": zh_orgs(new)},
    ]


def zh_layout(ed):
    num = ed.numbering()
    return {"cut_paragraphs": [num[p.pid] for _, p in ed.paragraphs() if p.cut is not None]}


def finish_zh(ed, meta_updates, prev_summary_subs, cpp):
    m = ed.meta
    m.update(meta_updates)
    m["agenda_titles"] = zh_agenda_titles(set(zh_orgs(ed)))
    summ = list(m["summary"])
    for i, a, b in prev_summary_subs:
        assert summ[i].count(a) == 1, a
        summ[i] = summ[i].replace(a, b)
    m["summary"] = summ
    m["toc"] = zh_toc(ed, cpp)
    text = "\n".join(render_zh_masthead(m) + render_zh_body(ed)) + "\n"
    return text


def check_roundtrip_zh(text, ed):
    """Parse what we wrote back and compare with the model."""
    _, back = parse_zh(text, pid_prefix="r")
    a = [(s.title, [(p.text, p.cut) for p in s.paras]) for s in ed.sections]
    b = [(s.title, [(p.text, p.cut) for p in s.paras]) for s in back.sections]
    assert a == b, "round trip"
    assert back.parts == ed.parts


# -- 2010 -> 2012 ----------------------------------------------------------

ZH12_NEW = {
    "zn12_unoau": "2010 年 7 月，联合国驻非洲联盟办事处在亚的斯亚贝巴正式设立，由此整合了联合国在和平与安全领域对非盟的支助。该办事处由一名助理秘书长领导，负责就长期能力建设和短期业务支助向非盟委员会提供咨询，并协调联合国各实体对非洲和平与安全架构的支持。和平与安全问题联合工作队已举行数次会议，审议非洲大陆面临的紧迫问题。",
    "zn12_asean_rw": "东南亚国家联盟外长与秘书长每年在纽约大会一般性辩论期间会晤。双方在会晤中重申，东盟同本组织的伙伴关系对应对地区乃至全球挑战至关重要，并责成双方秘书处拟定具体步骤，落实两组织间的合作备忘录。东盟-联合国首脑会议已成为双方最高级别的定期对话渠道。",
    "zn12_asean_bali": "2011 年 11 月，第四次东盟-联合国首脑会议在印度尼西亚巴厘举行，会上通过了《东盟-联合国全面伙伴关系联合宣言》。该宣言确定了今后在政治与安全、经济、社会文化以及秘书处间合作等领域开展合作的方向，两个秘书处正在拟订实施该宣言的行动计划。",
    "zn12_caricom6": "2011 年，第六次加共体-联合国大会在圭亚那乔治敦举行，审查了区域战略框架的执行情况，并商定将非传染性疾病、犯罪与安全以及气候变化作为今后两年合作的优先事项。",
    "zn12_unoca": "联合国中部非洲区域办事处(中部非洲办)于 2011 年 3 月在利伯维尔正式开办。该办事处与中非经共体秘书处密切合作，协助加强次区域的预防冲突和调解能力，并支持中非经共体制订应对上帝抵抗军威胁和几内亚湾海上不安全问题的区域战略。",
    "zn12_syria": "2012 年 2 月，秘书长与阿拉伯国家联盟秘书长共同任命了联合国和阿拉伯国家联盟叙利亚问题联合特使。联合特使在两个组织的共同支持下开展斡旋，推动以政治方式解决叙利亚冲突。联合国与阿盟秘书处就此保持密切协调，并在开罗设立了联合特使办公室。",
    "zn12_oic_name": "2011 年 6 月，伊斯兰会议组织外交部长理事会第三十八届会议决定将该组织更名为伊斯兰合作组织，并启用新的会徽。联合国同该组织的合作在新名称下继续进行。",
    "zn12_ipu_gpr": "议会联盟 2012 年同开发署合作发布了首份《全球议会报告》。该报告以议会代表性的变化为主题，汇集了各国议会和议员的调查结果，并就如何加强议会与公民之间的联系提出了建议。",
}
ZH12_IOM = [
    ("zn12_iom1", "国际移民组织(移民组织)是大会观察员，与联合国系统在移民与发展、人道主义应急和打击人口贩运等领域保持广泛合作。移民组织是全球移民问题小组的成员，并于 2011 年下半年担任该小组主席。"),
    ("zn12_iom2", "在利比亚危机期间，移民组织与联合国难民事务高级专员办事处(难民署)联合组织了大规模人道主义撤离行动，协助 20 万多名滞留的第三国国民返回原籍国。人道主义事务协调厅与移民组织在机构间常设委员会框架内密切合作，移民组织牵头负责自然灾害情况下的营地协调和营地管理组。"),
    ("zn12_iom3", "经济和社会事务部与移民组织合作，为 2013 年大会国际移民与发展问题高级别对话进行筹备。移民组织还与禁毒办合作，协助各国加强打击贩运人口和偷运移民的能力。"),
]

ZH14_NEW = {
    "zn14_au50": "2013 年 5 月，非洲联盟在亚的斯亚贝巴庆祝非洲统一组织成立五十周年。秘书长出席了纪念活动，并与非盟委员会主席就加强两个组织在预防冲突、维持和平与建设和平方面的战略伙伴关系交换了意见。",
    "zn14_coe_rw": "欧洲委员会与不同文明联盟在青年和教育方面的协作有所深化。双方为欧洲及地中海南岸的青年领袖联合举办培训班，并共同资助关于历史课教材和文化间对话的研究项目，以增进不同宗教和文化背景人群之间的相互了解。",
    "zn14_sco": "2012 年 6 月，秘书长出席了在北京举行的上海合作组织成员国元首理事会会议，并与上海合作组织秘书长讨论了阿富汗局势、打击毒品贩运和区域安全问题。",
}
ZH14_CEI = [
    ("zn14_cei1", "中欧倡议国于 2011 年获得大会观察员地位。中欧倡议国执行秘书处与联合国各实体定期接触，合作重点是区域合作、可持续发展以及支持成员国的欧洲一体化进程。"),
    ("zn14_cei2", "欧洲经委会与中欧倡议国在运输、能源和环境领域开展合作，包括共同举办关于东南欧交通走廊和提高能源效率的讲习班。2013 年，两个组织签署了一项合作备忘录，以进一步规范双方的协作。"),
    ("zn14_cei3", "开发署和中欧倡议国在西巴尔干地区开展能力建设项目，并通过中欧倡议国合作基金支持中小企业发展和跨界合作。"),
]


def make_zh_2012(seed: Edition):
    r = Revision(seed, "")
    r.sub("z1", ("最近 16 项决议", "最近 17 项决议"), note="count of resolutions updated (16→17)")
    r.punct("z3")
    r.sub("z4", ("政治事务部和非盟 2009 年举办", "政治事务部和非盟 2011 年举办"),
          ("、几内亚、几内亚比绍", "、几内亚比绍"), note="year 2009→2011; one country deleted from a list")
    r.cut("z5", "并部署非盟驻索马里")
    r.join("z6")
    r.add("zn12_unoau", ZH12_NEW["zn12_unoau"], after="z6")
    r.sub("z7", ("2010 年在恩德培", "2012 年在恩德培"), ("第二年参加", "第四年参加"),
          note="year 2010→2012; 第二年→第四年")
    r.sub("z44", ("2010 年，新闻部", "2012 年，新闻部"), ("为第三次一年一度", "为第五次一年一度"),
          note="year 2010→2012; 第三次→第五次")
    r.move("z44", after="z7", note="moved from 加勒比共同体 to 非洲联盟, with a small edit")
    r.split("z8", "该部还与 E8", "z8b")
    r.sub("z10", ("流离失所者公约》。", "流离失所者公约》，并协助非盟委员会拟订了该公约的批准和执行战略。"),
          note="clause inserted")
    r.remove("z14")
    r.move("z16", after="z19")
    r.sub("z17", ("2009年，在第十五届", "2011年，在第十七届"), ("筹办第十六届会议", "筹办第十八届会议"),
          note="year 2009→2011; session numbers updated")
    r.sub("z18", ("联合国妇女发展基金(妇发基金)", "联合国促进两性平等和增强妇女权能署(妇女署)"),
          note="words replaced: 妇发基金 → 妇女署")
    r.sub("z19", ("妇发基金设立了", "妇女署设立了"), ("此外，妇发基金一直", "此外，妇女署一直"),
          note="words replaced: 妇发基金 → 妇女署")
    r.punct("z20")
    r.merge("z22", "z23")
    r.sub("z24", ("该报告已经提交2009年劳工和社会事务部长会议。", ""), note="sentence deleted")
    r.punct("z26")
    r.sub("z29", ("第六十三届和第六十四届会议", "第六十五届和第六十六届会议"),
          ("第六十届和第六十一届会议", "第六十二届和第六十三届会议"),
          ("第四十七届和第四十八届", "第四十九届和第五十届"), note="session numbers updated")
    r.sub("z30", ("2008 年和 2009 年", "2010 年和 2011 年"), note="years 2008/2009→2010/2011")
    r.rewrite("z31", "zn12_asean_rw", ZH12_NEW["zn12_asean_rw"])
    r.move("z34", after="z36")
    r.add("zn12_asean_bali", ZH12_NEW["zn12_asean_bali"], section="东南亚国家联盟")
    r.cut("z38", "规划讲习班实施")
    r.remove("z40")
    r.sub("z41", ("2010 年在牙买加举行的第 31 次", "2012 年在圣卢西亚举行的第 33 次"),
          ("2009 年，政治事务部", "2011 年，政治事务部"), note="years, place and meeting number updated")
    r.join("z45")
    r.split("z46", "2010 年，禁毒办共同主办了", "z46b")
    r.remove("z48")
    r.merge("z50", "z51")
    r.cut("z50", "秘书处密切合作，拟定")
    r.punct("z53")
    r.sub("z54", ("妇发基金对加共同体", "妇女署对加共同体"), note="words replaced: 妇发基金 → 妇女署")
    r.add("zn12_caricom6", ZH12_NEW["zn12_caricom6"], section="加勒比共同体")
    r.punct("z55")
    r.punct("z58")
    r.remove("z60")
    r.sub("z61", ("2010 年,联合国", "2012 年,联合国"), ("在维也纳举行", "在斯特拉斯堡举行"),
          note="year 2010→2012; venue changed")
    r.move("z96", after="z61", note="moved from 欧洲安全与合作组织 to 欧洲委员会")
    r.cut("z63", "科学家代表")
    r.sub("z64", ("已制定并于 2008 年启动该方案的 2009-2011 年战略", "已制定并于 2011 年启动该方案的 2012-2015 年战略"),
          note="years updated")
    r.sub("z67", ("为此，不久将向中非经共体利伯维尔总部部署一名", "为此，已向中非经共体利伯维尔总部部署了一名"),
          note="a few words replaced (future → done)")
    r.remove("z68")
    r.add("zn12_unoca", ZH12_NEW["zn12_unoca"], after="z69")
    r.cut("z70", "和横贯亚洲铁路网")
    r.sub("z71", ("中小型企业 and 私营部门", "中小型企业和私营部门"), note="stray English word replaced")
    r.join("z75")
    r.add_section("国际移民组织", ZH12_IOM, after="欧亚经济共同体")
    r.cut("zn12_iom2", "国民返回原籍国")
    r.sub("z78", ("2010年对布隆迪的访问。", "2010年对布隆迪的访问和2011年对几内亚的访问。"), note="clause inserted")
    r.sub("z81", ("2010-2011年期间", "2012-2013年期间"), note="years updated")
    r.remove("z82")
    r.drop_section("拉丁美洲和加勒比经济体系")
    r.add("zn12_syria", ZH12_NEW["zn12_syria"], after="z87")
    r.move("z88", after="z91")
    r.sub("z90", ("于 2009 年最后确定", "于 2011 年最后确定"), note="year 2009→2011")
    r.sub("z91", ("开发署-阿盟关于贫穷和粮食主权的研究为加强开发署在该区域的战略援助提供了一个平台。", ""),
          note="sentence deleted")
    r.sub("z94", ("2009 年，裁军事务厅在卡塔尔", "2011 年，裁军事务厅在卡塔尔"), note="year 2009→2011")
    r.sub("z95", ("欧安组织当值主席 2010 年", "欧安组织当值主席 2012 年"), ("也是在 2010 年，第十次", "也是在 2012 年，第十二次"),
          note="years 2010→2012; meeting number updated")
    r.sub("z99", ("44 个项目和 17 项活动，预算总额为 2 600 万美元", "50 个项目和 21 项活动，预算总额为 3 100 万美元"),
          note="counts updated")
    r.cut("z100", "政变等问题")
    r.remove("z103")
    r.sub("z104", ("2009年，开发署应邀", "2011年，开发署应邀"), ("筹备2012年于哥伦比亚召开", "筹备2012年4月于哥伦比亚卡塔赫纳召开"),
          note="year 2009→2011; words inserted")
    r.rename_section("伊斯兰会议组织", "伊斯兰合作组织", note="organisation renamed 伊斯兰会议组织→伊斯兰合作组织")
    r.add("zn12_oic_name", ZH12_NEW["zn12_oic_name"], section="伊斯兰合作组织", at_start=True)
    r.sub("z116", ("参加了2008和2009年", "参加了2010和2011年"), note="years updated")
    r.cut("z119", "政策和落实《太平洋城市议程》")
    r.sub("z121", ("安全问题。与太平洋", "安全问题与太平洋"), note="stray full stop removed (one character)")
    r.remove("z122")
    r.sub("z126", ("2010 和 2011 年，区域中心", "2012 和 2013 年，区域中心"), note="years updated")
    r.punct("z129")
    r.sub("z134", ("劳工组织还向南共体秘书处", "劳工组织还于 2011 年向南共体秘书处"), note="clause inserted")
    r.punct("z135")
    r.sub("z138", ("100 个议会参加了调查", "110 个议会参加了调查"), note="count updated")
    r.sub("z140", ("在 2009 年联合国主要会议", "在 2011 年联合国主要会议"), note="year 2009→2011")
    r.cut("z140", "国家进行实地考察")
    r.sub("z144", ("2008 年和 2009 年分别举行", "2010 年和 2011 年分别举行"), note="years updated")
    r.join("z149")
    r.remove("z153")
    r.sub("z156", ("2010 年议会联盟第 122 次大会", "2012 年议会联盟第 126 次大会"), note="year and assembly number updated")
    r.sub("z161", ("于 2009 年和 2010 年在世贸组织", "于 2011 年和 2012 年在世贸组织"),
          ("还于 2009 年和 2010 年主持", "还于 2011 年和 2012 年主持"), note="years updated")
    r.add("zn12_ipu_gpr", ZH12_NEW["zn12_ipu_gpr"], after="z171")
    r.sub("z172", ("2010年议会会议", "2012年议会会议"), ("2009年会议探讨", "2011年会议探讨"), note="years updated")
    r.remove("z184")
    r.join("z188")
    r.sub("z190", ("禁止化学武器组织 2007 年执行", "禁止化学武器组织 2010 年执行"), ("(A/64/156)", "(A/67/131)"),
          note="year and document symbol updated")
    r.sub("z191", ("(A/64/155)", "(A/67/132)"), note="document symbol updated")
    return r


def make_zh_2014(ed12: Edition):
    r = Revision(ed12, "")
    r.sub("z1", ("最近 17 项决议", "最近 18 项决议"), note="count of resolutions updated again (17→18)")
    r.join("z5")
    r.punct("z5")
    r.sub("zn12_unoau", ("由一名助理秘书长领导", "由秘书长特别代表领导"), note="a few words replaced")
    r.sub("z7", ("2012 年在恩德培", "2014 年在恩德培"), ("第四年参加", "第六年参加"),
          note="year 2012→2014; 第四年→第六年 (edited again)")
    r.cut("z9", "经济发展部长会议")
    r.add("zn14_au50", ZH14_NEW["zn14_au50"], after="z10")
    r.join("z12")
    r.remove("z15")
    r.sub("z17", ("2011年，在第十七届", "2013年，在第十九届"), ("筹办第十八届会议", "筹办第二十届会议"),
          note="year 2011→2013; session numbers updated again")
    r.punct("z21")
    r.sub("z29", ("第六十五届和第六十六届会议", "第六十七届和第六十八届会议"),
          ("第六十二届和第六十三届会议", "第六十四届和第六十五届会议"),
          ("第四十九届和第五十届", "第五十一届和第五十二届"), note="session numbers updated again")
    r.sub("zn12_asean_bali", ("两个秘书处正在拟订实施该宣言的行动计划", "两个秘书处已于 2013 年商定实施该宣言的行动计划"),
          note="a few words replaced")
    r.drop_section("黑海经济合作组织")
    r.sub("z41", ("2012 年在圣卢西亚举行的第 33 次", "2014 年在安提瓜和巴布达举行的第 35 次"),
          ("2011 年，政治事务部", "2013 年，政治事务部"), note="years, place and meeting number updated again")
    r.split("z47", "在加共体成员国合作下", "z47b")
    r.add_section("中欧倡议国", ZH14_CEI, after="加勒比共同体")
    r.cut("zn14_cei2", "交通走廊和提高能源效率")
    r.punct("z56")
    r.punct("z59")
    r.remove("z65")
    r.rewrite("z66", "zn14_coe_rw", ZH14_NEW["zn14_coe_rw"])
    r.join("z70")
    r.split("z70", "贸发会议协助经济合作组织实施", "z70b")
    r.rename_section("欧亚经济共同体", "欧亚经济联盟", note="organisation renamed 欧亚经济共同体→欧亚经济联盟")
    r.sub("zn12_iom3", ("为 2013 年大会国际移民与发展问题高级别对话进行筹备", "参与 2013 年大会国际移民与发展问题高级别对话的筹备和后续工作"),
          note="a few words replaced")
    r.sub("z81", ("2012-2013年期间", "2014-2015年期间"), note="years updated again")
    r.sub("zn12_syria", ("并在开罗设立了联合特使办公室", "并在开罗和日内瓦设立了联合特使办公室"), note="words inserted")
    r.sub("z95", ("欧安组织当值主席 2012 年", "欧安组织当值主席 2014 年"), ("也是在 2012 年，第十二次", "也是在 2014 年，第十四次"),
          note="years 2012→2014; meeting number updated again")
    r.cut("z95", "调解、裁军以及若干")
    r.sub("z99", ("50 个项目和 21 项活动，预算总额为 3 100 万美元", "58 个项目和 26 项活动，预算总额为 3 600 万美元"),
          note="counts updated again")
    r.join("z100")
    r.remove("z101")
    r.move("z125", after="z127")
    r.add("zn14_sco", ZH14_NEW["zn14_sco"], section="上海合作组织")
    r.merge("z133", "z134")
    r.sub("z140", ("在 2011 年联合国主要会议", "在 2013 年联合国主要会议"), note="year 2011→2013 (edited again)")
    r.cut("z142", "世界议长大会的各国议长")
    r.sub("z156", ("2012 年议会联盟第 126 次大会", "2014 年议会联盟第 130 次大会"), note="year and assembly number updated again")
    r.move("z163", after="z172", note="moved from 经济、社会与环境发展 to 两性平等问题")
    r.sub("z172", ("2012年议会会议", "2014年议会会议"), ("2011年会议探讨", "2013年会议探讨"), note="years updated again")
    r.sub("z190", ("禁止化学武器组织 2010 年执行", "禁止化学武器组织 2012 年执行"), ("(A/67/131)", "(A/69/128)"),
          note="year and document symbol updated again")
    r.sub("z191", ("(A/67/132)", "(A/69/129)"), note="document symbol updated again")
    return r


def history(k1, k2, n10, n12, n14):
    """Lineages 2010 -> 2012 -> 2014 (convention in seeds/README.md)."""
    def index(key):
        by_old, by_new = {}, {}
        for e in key["paragraphs"]:
            for o in e["old"]:
                by_old[o] = e
            for n in e["new"]:
                by_new[n] = e
        return by_old, by_new

    o1, nw1 = index(k1)
    o2, nw2 = index(k2)
    chains = []

    def follow(m):
        """Continue a chain from 2012 paragraph m into 2014."""
        e = o2[m]
        if e["status"] == "removed" or (e["status"] == "merged" and e["old"][0] != m):
            return None, e["status"]
        return e["new"][0], e["status"]

    for n in range(1, n10 + 1):
        e = o1[n]
        if e["status"] == "removed" or (e["status"] == "merged" and e["old"][0] != n):
            chains.append({"paragraphs": [n, None, None], "statuses": [e["status"], None]})
            continue
        m = e["new"][0]
        k, s2 = follow(m)
        chains.append({"paragraphs": [n, m, k], "statuses": [e["status"], s2]})
    for m in range(1, n12 + 1):
        e = nw1[m]
        if e["status"] == "added" or (e["status"] == "split" and e["new"][0] != m):
            k, s2 = follow(m)
            chains.append({"paragraphs": [None, m, k], "statuses": [e["status"], s2]})
    for k in range(1, n14 + 1):
        e = nw2[k]
        if e["status"] == "added" or (e["status"] == "split" and e["new"][0] != k):
            chains.append({"paragraphs": [None, None, k], "statuses": [None, e["status"]]})
    for i, n in enumerate((n10, n12, n14)):
        seen = sorted(c["paragraphs"][i] for c in chains if c["paragraphs"][i] is not None)
        assert seen == list(range(1, n + 1)), i
    return {"editions": [SEED_ZH, "sample_2012.zh.txt", "sample_2014.zh.txt"], "chains": chains}


def run_zh():
    seed_text = read_text(SEED_ZH)
    mast_lines, seed = parse_zh(seed_text)
    n10 = sum(1 for _ in seed.paragraphs())
    assert n10 == 191 and len(seed.sections) == 30
    # our renderer must reproduce the seed exactly
    meta = zh_meta_2010()
    meta["agenda_titles"] = zh_agenda_titles(set(zh_orgs(seed)))
    seed_toc = [tuple(ln.rsplit("\t", 1)) for ln in mast_lines if "\t" in ln and not ln.startswith("\t")]
    meta["toc"] = [(t, int(p)) for t, p in seed_toc]
    assert render_zh_masthead(meta) == mast_lines, "masthead template"
    assert "\n".join(mast_lines + render_zh_body(seed)) + "\n" == seed_text, "body renderer"
    seed.meta = meta
    body = render_zh_body(seed)
    cpp = sum(len(ln) for ln in body[:body.index(f"三. {seed.parts[3]}")]) // 16

    def derive(old, old_name, revision, name, facts, replacements):
        """Write one derived edition and its answer key; return it and the key's check."""
        new = revision.new
        text = finish_zh(new, facts, replacements, cpp)
        check_roundtrip_zh(text, new)
        write_text(name, text)
        key = build_key(old, new, old_name, name, revision.removed_notes, zh_meta_changes(old, new))
        key["layout"] = {"old": zh_layout(old), "new": zh_layout(new)}
        report = verify_key(old, new, key, "zh")
        write_json(name.replace(".txt", ".key.json"), key)
        return new, key, report

    ed12, key12, rep12 = derive(
        seed, SEED_ZH, make_zh_2012(seed), "sample_2012.zh.txt",
        {"date_en": "13 August 2012", "date": "2012-08-13", "session": "第六十七届会议",
         "year": "第六十七年", "session_no": 67, "agenda_item": "123", "job_line": "12-45678 (C) 100912 110912"},
        [(0, "第六十五届会议", "第六十七届会议"),
         (2, "自 2008 年 8 月 8 日分发", "自 2010 年 9 月 20 日分发"),
         (2, "(A/63/228-S/2008/531)", "(A/65/382-S/2010/490)")])
    ed14, key14, rep14 = derive(
        ed12, "sample_2012.zh.txt", make_zh_2014(ed12), "sample_2014.zh.txt",
        {"date_en": "5 August 2014", "date": "2014-08-05", "session": "第六十九届会议",
         "year": "第六十九年", "session_no": 69, "agenda_item": "124", "job_line": "14-58765 (C) 080914 090914"},
        [(0, "第六十七届会议", "第六十九届会议"),
         (2, "自 2010 年 9 月 20 日分发", "自 2012 年 8 月 13 日分发"),
         (2, "(A/65/382-S/2010/490)", "(A/67/280-S/2012/614)")])

    n12 = sum(1 for _ in ed12.paragraphs())
    n14 = sum(1 for _ in ed14.paragraphs())
    hist = history(key12, key14, n10, n12, n14)
    write_json("sample_history.zh.key.json", hist)
    return [("zh 2010->2012", n10, n12, counts(key12), rep12),
            ("zh 2012->2014", n12, n14, counts(key14), rep14)]


# ==========================================================================
# English editions (hard-wrapped PDF-text layout)
# ==========================================================================

EN_ORG_ORDER = [
    "African Union", "Asian-African Legal Consultative Organization",
    "Association of Southeast Asian Nations", "Economic Community of Central African States",
    "League of Arab States", "Organization of the Islamic Conference|Organisation of Islamic Cooperation",
    "Pacific Islands Forum",
]
EN_ALL_ORGS = {n for slot in EN_ORG_ORDER for n in slot.split("|")}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
WIDTH = 85          # body lines are wrapped at this many characters
INDENT = 7          # paragraph text starts in this column
PAGE_LINES = 45     # lines per page, furniture included
# Long words the "typesetter" may break with a hyphen of its own (recorded).
WRAP_HYPHEN = {"peacekeeping": 5, "intergovernmental": 5, "parliamentarians": 6, "implementation": 5}
ORDINAL = {65: "Sixty-fifth", 67: "Sixty-seventh"}


def parse_en_src(text):
    """The hand-written source: masthead blocks, then one line per paragraph."""
    lines = text.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    i_contents = lines.index("Contents")
    start = next(i for i in range(i_contents + 1, len(lines))
                 if re.match(r"^I\. ", lines[i]) and "\t" not in lines[i])
    head = lines[:i_contents]
    blocks, cur = [], []
    for ln in head:
        if ln.strip():
            cur.append(ln)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    assert blocks[0][0] == "United Nations" and blocks[1] == ["General Assembly", "Security Council"]
    assert blocks[2][0] == "Distr.: General" and blocks[3] == ["Original: English"]
    assert blocks[4][0] == "General Assembly" and blocks[5][0] == "Security Council"
    agenda = re.match(r"^Agenda item (\d+) \(a\)-\(([a-z])\)$", blocks[4][2])
    assert blocks[6][0] == "Cooperation between the United Nations and regional and other organizations"
    assert blocks[7] == ["Cooperation between the United Nations and regional and other organizations*"]
    assert blocks[8] == ["Report of the Secretary-General"] and blocks[9] == ["Summary"]
    summary = [b[0] for b in blocks[10:-1]]
    assert all(len(b) == 1 for b in blocks[10:]) and blocks[-1][0].startswith("* ")
    session = next(k for k, v in ORDINAL.items() if blocks[4][1] == f"{v} session")
    meta = {
        "symbol": blocks[0][1], "date_en": blocks[2][1], "session_no": session,
        "agenda_item": agenda.group(1), "agenda_titles": blocks[6][1:],
        "summary": summary, "footnote": blocks[-1][0],
        "toc": [tuple(ln.rsplit("\t", 1)) for ln in lines[i_contents + 1:start] if ln.strip()],
    }
    assert ord(agenda.group(2)) - ord("a") + 1 == len(meta["agenda_titles"])
    assert blocks[5][1] == f"{ORDINAL[session]} year"
    parts, sections, expect = {}, [], 1
    for line in lines[start:]:
        if not line.strip():
            continue
        m_part = re.match(r"^(I|II|III|IV)\. (.+)$", line)
        m_sub = re.match(r"^([A-H])\. (.+)$", line)
        m_par = re.match(r"^(\d+)\. (.+)$", line)
        if m_part:
            k = {"I": 1, "II": 2, "III": 3, "IV": 4}[m_part.group(1)]
            parts[k] = m_part.group(2)
            if k in (1, 4):
                sections.append(Section(k, "part", m_part.group(2)))
        elif m_sub:
            sections.append(Section(3, "sub", m_sub.group(2), m_sub.group(1)))
        elif m_par:
            n = int(m_par.group(1))
            assert n == expect, n
            expect += 1
            sections[-1].paras.append(Para(f"e{n}", m_par.group(2)))
        else:
            assert line in EN_ALL_ORGS, line
            sections.append(Section(2, "org", line))
    return Edition("en", meta, parts, sections)


def en_toc_entries(ed):
    out = [f"I. {ed.parts[1]}", f"II. {ed.parts[2]}"]
    out += [s.title for s in ed.sections if s.kind == "org"]
    out.append(f"III. {ed.parts[3]}")
    out += [f"{s.letter}. {s.title}" for s in ed.sections if s.kind == "sub"]
    out.append(f"IV. {ed.parts[4]}")
    return out


def render_en_src(ed, toc_pages):
    m = ed.meta
    L = ["United Nations", m["symbol"], "", "General Assembly", "Security Council", "",
         "Distr.: General", m["date_en"], "", "Original: English", "",
         "General Assembly", f"{ORDINAL[m['session_no']]} session", en_agenda_line(m), "",
         "Security Council", f"{ORDINAL[m['session_no']]} year", "",
         "Cooperation between the United Nations and regional and other organizations"]
    L += m["agenda_titles"]
    L += ["", "Cooperation between the United Nations and regional and other organizations*", "",
          "Report of the Secretary-General", "", "Summary", ""]
    for s in m["summary"]:
        L += [s, ""]
    L += [m["footnote"], "", "Contents"]
    L += [f"{t}\t{p}" for t, p in zip(en_toc_entries(ed), toc_pages)]
    L.append("")
    num = ed.numbering()
    for sec, heads in headed_sections(ed, ROMAN):
        L += heads
        for p in sec.paras:
            L += [f"{num[p.pid]}. {p.text}", ""]
    return "\n".join(L[:-1]) + "\n"


def en_agenda_line(m):
    return f"Agenda item {m['agenda_item']} (a)-({chr(ord('a') + len(m['agenda_titles']) - 1)})"


def breakable_compound(word):
    return "-" in word.strip("-") and not re.search(r"[\d/()]", word)


def wrap(first_prefix, text, width=WIDTH, indent=INDENT, events=None, para=None):
    """Greedy wrap. Breaks a hyphenated compound after one of its hyphens when
    that lets the line fill up, and hyphenates a few long words (WRAP_HYPHEN)
    with a hyphen of its own; both are recorded in `events`."""
    lines, cur = [], first_prefix
    fresh = True                              # nothing but the prefix on cur
    pad = " " * indent

    def fits(s):
        return len(cur) + (0 if fresh else 1) + len(s) <= width

    def put(s):
        nonlocal cur, fresh
        cur = cur + ("" if fresh else " ") + s
        fresh = False

    def newline():
        nonlocal cur, fresh
        lines.append(cur)
        cur, fresh = pad, True

    for word in text.split(" "):
        if fresh or fits(word):
            put(word)
            continue
        done = False
        if breakable_compound(word):
            cuts = [i for i, c in enumerate(word) if c == "-" and 0 < i < len(word) - 1]
            for i in reversed(cuts):
                if fits(word[:i + 1]):
                    put(word[:i + 1])
                    newline()
                    put(word[i + 1:])
                    if events is not None:
                        events.append({"type": "compound", "paragraph": para, "word": word,
                                       "line_end": word[:i + 1]})
                    done = True
                    break
        core = re.sub(r"[^A-Za-z]", "", word)
        if (not done and events is not None and core.lower() in WRAP_HYPHEN
                and word.lower().startswith(core.lower())):
            k = WRAP_HYPHEN[core.lower()]
            if fits(word[:k] + "-"):
                put(word[:k] + "-")
                newline()
                put(word[k:])
                if events is not None:
                    events.append({"type": "wrap", "paragraph": para, "word": word,
                                   "line_end": word[:k] + "-"})
                done = True
        if not done:
            newline()
            put(word)
    lines.append(cur)
    return lines


class Line:
    __slots__ = ("text", "keep", "para", "tag")

    def __init__(self, text, keep=0, para=None, tag=None):
        self.text, self.keep, self.para, self.tag = text, keep, para, tag


PAGEBREAK = Line("<pagebreak>")


def en_content(ed, toc_pages, events):
    """All lines of the document before pagination (no page furniture)."""
    m = ed.meta
    C = []

    def add(t="", **kw):
        C.append(Line(t, **kw))

    col = 56
    add("United Nations".ljust(col) + m["symbol"])
    add()
    add("General Assembly".ljust(col) + "Distr.: General")
    add("Security Council".ljust(col) + m["date_en"])
    add()
    add(" " * col + "Original: English")
    add()
    add("General Assembly".ljust(col) + "Security Council")
    add(f"{ORDINAL[m['session_no']]} session".ljust(col) + f"{ORDINAL[m['session_no']]} year")
    add(en_agenda_line(m))
    add("Cooperation between the United Nations and regional and other organizations")
    for t in m["agenda_titles"]:
        add(t)
    add()
    add()
    add("        Cooperation between the United Nations and regional and other organizations*")
    add()
    add("                          Report of the Secretary-General")
    add()
    add("        Summary", keep=3)
    for s in m["summary"]:
        add()
        for ln in wrap(" " * 8, s, indent=8):
            add(ln)
    add()
    for ln in wrap("      ", m["footnote"], indent=8):
        add(ln)
    C.append(PAGEBREAK)
    # contents
    add("        Contents")
    add(" " * 78 + "Page")
    entries = en_toc_entries(ed)
    for entry, pg in zip(entries, toc_pages):
        mm = re.match(r"^(I|II|III|IV|[A-H])\. (.+)$", entry)
        if mm and mm.group(1) in ROMAN.values():
            label, text, ind = f"{mm.group(1):>4}.   ", mm.group(2), 8
        elif mm:
            label, text, ind = f"        {mm.group(1)}.   ", mm.group(2), 13
        else:
            label, text, ind = " " * 8, entry, 8
        wl = wrap(label, text, width=72, indent=ind)
        for ln in wl[:-1]:
            add(ln)
        last = wl[-1] + " "
        while len(last) < 76:
            last += ". " if len(last) % 2 == 0 else " "
        add(last.rstrip().ljust(77) + f"{pg:>6}")
    C.append(PAGEBREAK)
    # body
    num = ed.numbering()
    part = None
    for sec in ed.sections:
        heading = []
        if sec.part != part:
            part = sec.part
            heading.append(("part", wrap(f"{ROMAN[part]:>4}.   ", ed.parts[part], indent=8, width=80)))
        if sec.kind == "org":
            heading.append(("org", [" " * INDENT + sec.title]))
        elif sec.kind == "sub":
            heading.append(("sub", wrap(f"       {sec.letter}.     ", sec.title, indent=14, width=80)))
        for j, (kind, hl) in enumerate(heading):
            if C and C[-1] is not PAGEBREAK and C[-1].text:
                add()
            for i, ln in enumerate(hl):
                # keep the whole heading with the next heading or two paragraph lines
                rest = len(hl) - i - 1 + sum(len(h) + 1 for _, h in heading[j + 1:]) + 3
                add(ln, keep=rest, tag=("heading", kind, sec.title if kind != "part" else ed.parts[part]))
        for p in sec.paras:
            add()
            n = num[p.pid]
            for ln in wrap(f"{n}.".ljust(INDENT), p.text, events=events, para=n):
                add(ln, para=n)
    return C


def paginate(C, meta, job, job_date):
    """Lay content lines out on pages with running heads and footers."""
    pages, page = [], []
    cap_first, cap = PAGE_LINES - 4, PAGE_LINES - 6

    def capacity():
        return cap_first if not pages else cap

    for ln in C:
        if ln is PAGEBREAK:
            if page:
                pages.append(page)
                page = []
            continue
        if page and len(page) + 1 + ln.keep > capacity():
            pages.append(page)
            page = []
        if not page and not ln.text:
            continue
        page.append(ln)
    if page:
        pages.append(page)
    for pg in pages:
        while pg and not pg[-1].text:
            pg.pop()
    sym_a, sym_s = meta["symbol"].split("–")
    out, where = [], {}
    for k, pg in enumerate(pages, 1):
        if k == 1:
            body = [ln.text for ln in pg]
            furniture_after = ["", f"{job} (E)    {job_date}", "", f"*{job.replace('-', '')}*"]
            out += body + furniture_after
        else:
            if k % 2 == 0:
                head, foot = [sym_a, sym_s], f"{k}      {job}"
            else:
                head = [sym_a.rjust(WIDTH), sym_s.rjust(WIDTH)]
                foot = f"{job}      {k}".rjust(WIDTH)
            out += [""] + head + [""] + [ln.text for ln in pg] + ["", foot]
        for ln in pg:
            where.setdefault(id(ln), k)
    return "\n".join(out) + "\n", pages


def en_layout(C, pages, events):
    page_of = {}
    for k, pg in enumerate(pages, 1):
        for ln in pg:
            page_of[id(ln)] = k
    breaks, heads = [], {}
    by_para = {}
    for ln in C:
        if ln.para is not None:
            by_para.setdefault(ln.para, []).append(ln)
        if ln.tag and ln.tag[0] == "heading" and id(ln) in page_of:
            heads.setdefault(ln.tag[2], page_of[id(ln)])
    for n, ls in sorted(by_para.items()):
        for a, b in zip(ls, ls[1:]):
            if page_of[id(a)] != page_of[id(b)]:
                breaks.append({"paragraph": n, "page": page_of[id(b)],
                               "lines_before_break": ls.index(b), "lines_after_break": len(ls) - ls.index(b),
                               "continues_with": b.text.strip()[:30]})
    year_lines = []
    for n, ls in sorted(by_para.items()):
        for ln in ls[1:]:
            if re.match(r"^\s+\d{3,4}\b", ln.text):
                year_lines.append({"paragraph": n, "line": ln.text.strip()[:40]})
    return {"page_breaks_inside_paragraphs": breaks,
            "wrap_hyphens": [e for e in events if e["type"] == "wrap"],
            "compound_hyphens_at_line_end": [e for e in events if e["type"] == "compound"],
            "continuation_lines_starting_with_a_number": year_lines,
            "pages": len(pages)}, heads


def render_en_pdf(ed, job, job_date):
    entries = en_toc_entries(ed)
    pages_guess = [0] * len(entries)
    for _ in range(3):                    # page numbers do not change the line count
        events = []
        C = en_content(ed, pages_guess, events)
        text, pages = paginate(C, ed.meta, job, job_date)
        layout, heads = en_layout(C, pages, events)
        new = []
        for e in entries:
            mm = re.match(r"^(I|II|III|IV)\. (.+)$", e) or re.match(r"^([A-H])\. (.+)$", e)
            new.append(heads[mm.group(2) if mm else e])
        if new == pages_guess:
            break
        pages_guess = new
    return text, layout, pages_guess


EN12_NEW = {
    "en12_unoau": "The United Nations Office to the African Union, headed by an Assistant Secretary-General, became fully operational in 2011. The Office advises the African Union Commission on long-term capacity-building and short-term operational support, coordinates the support of United Nations entities to the African Peace and Security Architecture and serves as the secretariat of the joint task force on peace and security, which met twice a year during the reporting period.",
    "en12_asean_rw": "Foreign ministers of the member States of the Association of Southeast Asian Nations (ASEAN) meet the Secretary-General every year on the margins of the general debate of the General Assembly. At their most recent meetings they agreed that the partnership between the two organizations was vital in responding to regional and global challenges, and they tasked both secretariats with identifying practical measures to give effect to the memorandum of understanding signed between them.",
    "en12_asean_bali": "The fourth ASEAN-United Nations summit, held in Bali, Indonesia, in November 2011, adopted the Joint Declaration on Comprehensive Partnership between ASEAN and the United Nations. The Declaration sets the direction for future cooperation in the political and security, economic and sociocultural fields and between the two secretariats, and a plan of action for its implementation is being prepared.",
    "en12_syria": "In February 2012, the Secretary-General and the Secretary-General of the League of Arab States appointed a Joint Special Envoy of the United Nations and the League of Arab States on the Syrian crisis. The Joint Special Envoy, supported by both organizations, used his good offices to bring about a political solution to the conflict, and the two secretariats coordinated closely through an office of the Joint Special Envoy established in Geneva and Cairo.",
}
EN12_ECCAS = [
    ("en12_eccas1", "The Department of Political Affairs continued to implement a project aimed at strengthening the early warning, mediation and conflict prevention capacities of the Economic Community of Central African States (ECCAS). A senior political affairs officer was deployed to the headquarters of ECCAS in Libreville to help to build synergies between ECCAS and the United Nations system in the area of peace and security."),
    ("en12_eccas2", "The United Nations Regional Office for Central Africa (UNOCA) was inaugurated in Libreville in March 2011. The Office works closely with the secretariat of ECCAS to strengthen subregional capacities for conflict prevention and mediation, and it supports the development of regional strategies to address the threat posed by the Lord's Resistance Army and the problem of maritime insecurity in the Gulf of Guinea."),
    ("en12_eccas3", "The Office for Disarmament Affairs and ECCAS signed a memorandum of understanding on cooperation in the area of peace and disarmament. On that basis, a legally binding instrument on small arms control in Central Africa was adopted at the thirtieth ministerial meeting of the United Nations Standing Advisory Committee on Security Questions in Central Africa, and the United Nations Regional Centre for Peace and Disarmament in Africa is preparing a plan of action for its implementation."),
]


def make_en_2012(ed10):
    r = Revision(ed10, " ")
    r.sub("e1", ("the 16 most recent resolutions", "the 17 most recent resolutions"),
          ("on 8 August 2008 (A/63/228-S/2008/531)", "on 20 September 2010 (A/65/382-S/2010/490)"),
          note="count of resolutions and previous report updated")
    r.sub("e3", ("third and fourth annual informal", "fifth and sixth annual informal"),
          ("in June 2009 and in New York in July 2010", "in May 2011 and in New York in June 2012"),
          note="meeting numbers and years 2009/2010→2011/2012")
    r.split("e4", "The Department supported the establishment", "e4b")
    r.move("e5", after="e7")
    r.sub("e6", ("Follow-up on those recommendations is ongoing.",
                 "Those recommendations have since been implemented in close follow-up with the Commission."),
          note="last sentence reworded (a few words replaced)")
    r.add("en12_unoau", EN12_NEW["en12_unoau"], after="e5")
    r.drop_section("Asian-African Legal Consultative Organization")
    r.rewrite("e10", "en12_asean_rw", EN12_NEW["en12_asean_rw"])
    r.sub("e12", (", while noting the need to hand over the coordinating role to the Government", ""),
          note="clause deleted")
    r.add("en12_asean_bali", EN12_NEW["en12_asean_bali"], section="Association of Southeast Asian Nations")
    r.add_section("Economic Community of Central African States", EN12_ECCAS,
                  after="Association of Southeast Asian Nations")
    r.sub("e13", ("consulted frequently, with a focus on",
                  "consulted frequently, including on the situations in Libya and the Syrian Arab Republic, with a focus on"),
          note="clause inserted")
    r.add("en12_syria", EN12_NEW["en12_syria"], after="e13")
    r.merge("e14", "e15")
    r.sub("e17", ("In 2009, the Office", "In 2011, the Office"), ("from 15 Arab States", "from 17 Arab States"),
          note="year 2009→2011; count updated")
    r.rename_section("Organization of the Islamic Conference", "Organisation of Islamic Cooperation",
                     note="organisation renamed Organization of the Islamic Conference→Organisation of Islamic Cooperation")
    r.move("e16", after="e18", note="moved from League of Arab States to Organisation of Islamic Cooperation, with the renaming edit")
    r.sub("e22", ("held in 2008 and 2009", "held in 2010 and 2011"), note="years 2008/2009→2010/2011")
    r.remove("e23")
    r.remove("e27")
    r.sub("e28", ("meeting of the General Assembly on the Millennium Development Goals.",
                  "meeting of the General Assembly on the Millennium Development Goals and its follow-up in 2011."),
          note="words inserted")
    r.sub("e32", ("implementation in 2007", "implementation in 2010"), ("(A/64/156)", "(A/67/131)"),
          note="year and document symbol updated")
    r.sub("e33", ("(A/64/155)", "(A/67/132)"), note="document symbol updated")
    return r


def run_en():
    src = read_text("sample_en_2010.src.txt")
    ed10 = parse_en_src(src)
    assert render_en_src(ed10, [int(p) for _, p in ed10.meta["toc"]]) == src, "English source round trip"
    text10, lay10, pages10 = render_en_pdf(ed10, "10-54243", "151010")
    toc_src = [(t, int(p)) for t, p in ed10.meta["toc"]]
    assert toc_src == list(zip(en_toc_entries(ed10), pages10)), (toc_src, pages10)
    write_text("sample_en_2010.txt", text10)

    r = make_en_2012(ed10)
    ed12 = r.new
    m = ed12.meta
    m.update({"symbol": "A/67/280–S/2012/614", "date_en": "13 August 2012", "session_no": 67, "agenda_item": "123"})
    titles = [t.replace("Organization of the Islamic Conference", "Organisation of Islamic Cooperation")
              for t in m["agenda_titles"]
              if t != "Cooperation between the United Nations and the Asian-African Legal Consultative Organization"]
    m["agenda_titles"] = titles
    s = list(m["summary"])
    s[0] = s[0].replace("sixty-fifth session", "sixty-seventh session")
    s[2] = s[2].replace("on 8 August 2008", "on 20 September 2010").replace(
        "(A/63/228-S/2008/531)", "(A/65/382-S/2010/490)")
    assert s != m["summary"]
    m["summary"] = s
    text12, lay12, pages12 = render_en_pdf(ed12, "12-45678", "100912")
    src12 = render_en_src(ed12, pages12)
    back = parse_en_src(src12)
    assert [(x.title, [p.text for p in x.paras]) for x in back.sections] == \
           [(x.title, [p.text for p in x.paras]) for x in ed12.sections]
    write_text("sample_en_2012.src.txt", src12)
    write_text("sample_en_2012.txt", text12)

    def meta_changes(a, b):
        def orgs(e):
            return [x.title for x in e.sections if x.kind == "org"]
        return [
            {"field": "date", "old": "2010-09-20", "new": "2012-08-13"},
            {"field": "session", "old": a.meta["session_no"], "new": b.meta["session_no"]},
            {"field": "agenda_items", "old": en_agenda_line(a.meta)[len("Agenda item "):],
             "new": en_agenda_line(b.meta)[len("Agenda item "):]},
            {"field": "organisations", "old": orgs(a), "new": orgs(b)},
            {"field": "symbol", "old": a.meta["symbol"], "new": b.meta["symbol"]},
        ]

    key = build_key(ed10, ed12, "sample_en_2010.txt", "sample_en_2012.txt", r.removed_notes, meta_changes(ed10, ed12))
    key["layout"] = {"old": lay10, "new": lay12}
    rep = verify_key(ed10, ed12, key, "en")
    write_json("sample_en_2012.key.json", key)
    n10 = sum(1 for _ in ed10.paragraphs())
    n12 = sum(1 for _ in ed12.paragraphs())
    return [("en 2010->2012", n10, n12, counts(key), rep)], (lay10, lay12)


def main():
    results = run_zh()
    en_results, (lay10, lay12) = run_en()
    quiet = "-q" in sys.argv
    for name, n_old, n_new, c, rep in results + en_results:
        print(f"{name}: {n_old} -> {n_new} paragraphs; {c}")
        if not quiet:
            for row in rep:
                print("   ", row)
    if not quiet:
        for name, lay in (("en 2010", lay10), ("en 2012", lay12)):
            print(name, json.dumps(dict(lay.items()), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
