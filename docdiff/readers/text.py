"""Bytes of a text edition to text: the only place that decides an encoding.

In order:

1. a byte order mark names the encoding;
2. bytes with NULs are UTF-16 without a mark where the evidence says so
   (``_utf16_without_bom``: NULs beside the ASCII characters of one byte order,
   all of it text), else binary;
3. bytes that are valid UTF-8 are UTF-8;
4. bytes that are UTF-8 but for damage — a character cut off at the end (a
   truncated download), or a few invalid bytes among many valid multi-byte
   characters — are read as UTF-8 with each damaged sequence replaced by U+FFFD
   and a warning naming its byte offsets (``strict``: an error);
5. anything else is decided by charset-normalizer (the decoding with the least
   "mess" — odd mixes of scripts, of cases, of symbols), with two rules of our own
   on top, both from what an edition is: an East Asian multi-byte decoding must
   give East Asian text (most of its Han, kana or Hangul in runs, not alone
   between Latin letters: a Western file with one en dash is not Chinese because
   0x96 0x53 is a Big5 character), and among decodings with equal mess the one
   documents are written in comes first (Windows-1252 before DOS code pages). When the bytes hold little
   evidence (few non-ASCII bytes), a warning says the encoding is a guess.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from ..errors import DocdiffError
from . import Evidence, Reading

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Fewer non-ASCII bytes than this leave a detected encoding a guess (a warning says so).
WEAK_EVIDENCE_BYTES = 24

#: Among decodings charset-normalizer finds equally clean, the ones documents are
#: written in, first (codec names as charset-normalizer gives them).
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "gb18030", "big5", "cp932", "shift_jis", "euc_jp",
              "cp949", "euc_kr", "cp1251", "koi8_r", "cp1256", "iso8859_6", "cp1250", "iso8859_2",
              "cp1253", "cp1254", "cp1255", "cp1257", "cp1258", "iso8859_5", "iso8859_7", "iso8859_9")
_EAST_ASIAN_CODECS = ("gb", "big5", "cp932", "shift_jis", "euc", "cp949", "johab", "hz", "iso2022", "cp950")
_EBCDIC = ("cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140")
_EAST_ASIAN_ENCODINGS = ("big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jis_2004", "euc_jisx0213", "euc_jp",
                         "euc_kr", "gb18030", "gb2312", "gbk", "hz", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2",
                         "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr", "johab", "shift_jis",
                         "shift_jis_2004", "shift_jisx0213")
#: Han, kana, Hangul (not half-width katakana, which a mis-read Chinese file gives),
#: and the East Asian punctuation and full-width forms.
_EAST_ASIAN_LETTERS = "\u1100-\u11ff\u2e80-\u2fff\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff"
#: (the patterns of this module are compiled where they are used, by ``re``'s
#: cache: most files never ask the East Asian ones, which took 3 ms to compile)
_EAST_ASIAN_MARKS = "[\u3000-\u303f\uff01-\uff60]"
_EAST_ASIAN_LETTER = f"[{_EAST_ASIAN_LETTERS}]"
_EAST_ASIAN_RUN = f"[{_EAST_ASIAN_LETTERS}]{{2,}}"

#: The share of invalid sequences below which mostly-UTF-8 bytes are damaged UTF-8.
_DAMAGE_SHARE = 0.05


def read(data: bytes, path: str | os.PathLike[str] | None = None, *, strict: bool = False) -> Reading:
    """Decode the bytes of an edition into NFC text with ``\\n`` line ends.

    Raises ``DocdiffError`` for empty, binary or undecodable input, and with
    ``strict`` for damaged UTF-8.
    """
    if not data.strip():
        raise DocdiffError("the file is empty", path)
    warnings: list[str] = []
    encoding = "utf-8"
    evidence: Evidence = "utf-8"
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(bom_encoding)
            except UnicodeDecodeError:
                raise DocdiffError(f"not valid {bom_encoding.upper()} text despite its byte order mark", path) from None
            encoding, evidence = bom_encoding, "bom"
            break
    else:
        if b"\x00" in data:  # (UTF-8 text holds no NUL; UTF-16 text of Latin or CJK letters does)
            text, encoding, evidence = _utf16_without_bom(data, path)
        else:
            text, encoding, evidence = _without_mark(data, path, strict, warnings)
    if _looks_binary(text):
        raise DocdiffError("binary data, not text", path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise DocdiffError("the file is empty", path)
    return Reading(text, "text", encoding, evidence, tuple(warnings))


def _without_mark(data: bytes, path: str | os.PathLike[str] | None, strict: bool, warnings: list[str]
                  ) -> tuple[str, str, Evidence]:
    """Bytes without a byte order mark or a NUL: UTF-8, damaged UTF-8 (said in
    ``warnings``), or what ``_detect`` finds."""
    try:
        return data.decode("utf-8"), "utf-8", "utf-8"
    except UnicodeDecodeError:
        damaged = _damaged_utf8(data)
        if damaged is not None:
            text, problem = damaged
            if strict:
                raise DocdiffError(problem, path) from None
            warnings.append(f"{problem}; read as UTF-8, each damaged character as U+FFFD")
            return text, "utf-8", "utf-8"
        text, encoding, evidence, note = _detect(data, path)
        if note:
            warnings.append(note)
        return text, encoding, evidence


#: How many characters of UTF-16 text without a byte order mark must be ASCII
#: (a NUL byte beside each) before the NULs are evidence: fewer, and the bytes are binary.
UTF16_ASCII_AT_LEAST = 16
#: The share of the code units U+0000–U+00FF that must be printable ASCII or white
#: space (an edition's Latin letters are mostly ASCII; random bytes are so a third of the time).
UTF16_ASCII_SHARE = 0.9
_ASCII_TEXT = "[\x20-\x7e\t\n\r\f]"
#: What text never holds: controls, private use, the specials and non-characters.
_NOT_TEXT = "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufff0-\uffff]"
#: How many times more NULs the high bytes hold than the low ones (the low byte is
#: NUL only in U+0100, U+4E00 一 …: a tenth of the Chinese seed's ASCII units).
UTF16_NUL_SIDE = 4
#: The share of a UTF-16 decoding's characters that must be text (never controls,
#: private-use code points or specials): random bytes decoded so are a quarter controls.
UTF16_TEXT_SHARE = 0.99


def _utf16_without_bom(data: bytes, path: str | os.PathLike[str] | None) -> tuple[str, str, Evidence]:
    """Bytes with NULs that are UTF-16 text without a byte order mark, decided by
    evidence: an even length; in one byte order, at least ``UTF16_ASCII_AT_LEAST``
    code units printable ASCII or white space (a NUL high byte beside the letters,
    digits, spaces and line ends every edition has), ``UTF16_ASCII_SHARE`` of those
    with a NUL high byte; ``UTF16_NUL_SIDE`` times as many NUL high bytes as the low
    bytes hold (U+0100, U+4E00); the whole decodes without a lone surrogate and
    without U+0000, and ``UTF16_TEXT_SHARE`` of it is text.  Otherwise the bytes are binary data."""
    if len(data) % 2 == 0:
        for encoding, low in (("utf-16-le", data[0::2]), ("utf-16-be", data[1::2])):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            # (counted by the codecs and the regular expression engine: a large file is no loop)
            beside_nul = len(text.encode("latin-1", "ignore"))  # U+0000–U+00FF: a NUL high byte
            ascii_units = len(text) - len(re.sub(_ASCII_TEXT, "", text))
            not_text = len(text) - len(re.sub(_NOT_TEXT, "", text))
            if (ascii_units >= UTF16_ASCII_AT_LEAST and ascii_units >= UTF16_ASCII_SHARE * beside_nul
                    and low.count(0) * UTF16_NUL_SIDE <= beside_nul and "\x00" not in text
                    and not_text <= (1 - UTF16_TEXT_SHARE) * len(text)):
                return text, encoding, "detected"
    raise DocdiffError("binary data, not text", path)


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few damaged sequences, and a line that says where; or
    ``None`` when the bytes are not UTF-8 at all."""
    cut = _cut_utf8_character(data)
    if cut is not None:
        problem = (f"the file ends in the middle of a UTF-8 character (bytes {cut:,}–{len(data) - 1:,} "
                   f"of {len(data):,}): it looks truncated")
        return data[:cut].decode("utf-8") + "\ufffd", problem
    runs: list[list[int]] = []  # [start, end) of each run of invalid bytes

    def note(exc: UnicodeError) -> tuple[str, int]:
        assert isinstance(exc, UnicodeDecodeError)
        if runs and runs[-1][1] == exc.start:  # the same damaged character goes on
            runs[-1][1] = exc.end
            return "", exc.end
        runs.append([exc.start, exc.end])
        return "\ufffd", exc.end

    codecs.register_error("docdiff-damage", note)
    text = data.decode("utf-8", errors="docdiff-damage")
    multibyte = sum(1 for char in text if char > "\x7f") - len(runs)
    if not runs or multibyte < 8 or len(runs) > _DAMAGE_SHARE * multibyte:
        return None
    where = ", ".join(f"{start:,}" for start, _ in runs[:5]) + (f" and {len(runs) - 5} more" if len(runs) > 5 else "")
    return text, f"{len(runs)} damaged UTF-8 sequence{'s' if len(runs) > 1 else ''} (at byte {where})"


def _detect(data: bytes, path: str | os.PathLike[str] | None) -> tuple[str, str, Evidence, str]:
    """Text, encoding, evidence and a warning (or "") for bytes that are not UTF-8."""
    # (imported only for the rare file that is not UTF-8)
    from charset_normalizer import from_bytes

    candidates = _candidates(from_bytes(data))
    if not candidates:
        # charset-normalizer stops at the first clean multi-byte decodings; when none of them
        # gives East Asian text, ask again without them, for the single-byte code pages
        candidates = _candidates(from_bytes(data, cp_exclusion=list(_EAST_ASIAN_ENCODINGS)))
    if not candidates:
        raise DocdiffError("cannot tell the text's encoding: it is not UTF-8 and no known encoding "
                           "reads it as text (binary data?)", path)
    _, _, _, encoding, text = candidates[0]
    non_ascii = sum(1 for byte in data if byte > 0x7F)
    if non_ascii < WEAK_EVIDENCE_BYTES:
        note = (f"not UTF-8: read as {encoding}, a guess from {non_ascii} non-ASCII byte"
                f"{'s' if non_ascii > 1 else ''} (weak evidence); save the file as UTF-8 to be sure")
        return text, encoding, "weak", note
    return text, encoding, "detected", ""


def _candidates(matches: Iterable[Any]) -> list[tuple[float, int, float, str, str]]:
    """(mess, rank, -coherence, encoding, text) of each decoding worth having, best first."""
    candidates = []
    for match in matches:
        # (the encodings that give the same text: named by the one documents are written in)
        encoding = min(match.could_be_from_charset or [match.encoding], key=_rank)
        if encoding.startswith(("utf_8", "ascii", "utf_16", "utf_32")) or encoding in _EBCDIC:
            continue  # (not valid UTF-8, as found above; UTF-16/32 without a mark, EBCDIC: never an edition's)
        decoded = str(match)
        if encoding.startswith(_EAST_ASIAN_CODECS) and not _east_asian_text(decoded):
            continue
        candidates.append((round(match.chaos, 2), _rank(encoding), -match.coherence, encoding, decoded))
    return sorted(candidates)


def _rank(encoding: str) -> int:
    return _PREFERRED.index(encoding) if encoding in _PREFERRED else len(_PREFERRED)


def _east_asian_text(text: str) -> bool:
    """Chinese, Japanese or Korean text: most of its East Asian characters stand
    in runs (words), not alone between Latin letters as a byte pair mis-read
    from a Western file gives them ("382朣/2010": an en dash and an S)."""
    letters = len(re.findall(_EAST_ASIAN_LETTER, text))
    in_runs = sum(len(run) for run in re.findall(_EAST_ASIAN_RUN, text))
    if letters == 0:
        return re.search(_EAST_ASIAN_MARKS, text) is not None
    return in_runs * 2 >= letters


def _cut_utf8_character(data: bytes) -> int | None:
    """The offset of a UTF-8 character cut off at the end of ``data``, when
    everything before it is valid UTF-8; else ``None``."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # the decoder reports an incomplete sequence that runs to the end as "unexpected end of data"
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            return exc.start
    return None


#: C0 and C1 control characters other than tab, newline, CR, vertical tab, form feed.
_CONTROL = "[\x00-\x08\x0e-\x1f\x7f-\x9f]"


def _looks_binary(text: str) -> bool:
    """Text has (almost) no control characters; binary data has many.

    A short text may have none: in random bytes one byte in nine is a control
    character, so a few dozen random bytes without one are rare, while an edition's
    text has none (a long one may carry a stray one or two per thousand).
    """
    sample = text[:65536]
    allowed = 0 if len(sample) < 1000 else max(2, len(sample) // 1000)
    return len(re.findall(_CONTROL, sample)) > allowed
