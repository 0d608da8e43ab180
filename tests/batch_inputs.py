"""The folders ``docdiff batch`` is tested on, made from seeds/ in a test's tmp_path.

The real editions in seeds/real/ (two annual First Committee resolutions,
sessions 75 to 80) and the report seeds, copied unchanged; which edition goes
into which folder is the test's decision, and the expected pairing follows
from it: an edition of session 79 continues the same text's edition of
session 78, the reports' 2012 editions their 2010 editions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import SEEDS

REAL = SEEDS / "real"
#: The files of each series, by session (the session is in each symbol; the
#: file names are the symbols).
ME_NWFZ = {75: "A_RES_75_33.txt", 76: "A_RES_76_20.txt", 77: "A_RES_77_38.txt", 78: "A_RES_78_17.txt",
           79: "A_RES_79_16.txt", 80: "A_RES_80_17.txt"}
NSA = {77: "A_RES_77_39.txt", 78: "A_RES_78_18.txt", 79: "A_RES_79_17.txt", 80: "A_RES_80_18.txt"}
REPORTS_OLD = ("A_65_382-S_2010_490.zh.txt", "sample_en_2010.txt")
REPORTS_NEW = ("sample_2012.zh.txt", "sample_en_2012.txt")


def copy_into(files: list[Path], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for file in files:
        shutil.copyfile(file, folder / file.name)


def make_sessions(tmp_path: Path) -> tuple[Path, Path]:
    """Session 78 against session 79 of both resolutions, and the reports' 2010 against 2012."""
    old, new = tmp_path / "78", tmp_path / "79"
    copy_into([REAL / "me-nwfz" / ME_NWFZ[78], REAL / "nsa" / NSA[78]] + [SEEDS / f for f in REPORTS_OLD], old)
    copy_into([REAL / "me-nwfz" / ME_NWFZ[79], REAL / "nsa" / NSA[79]] + [SEEDS / f for f in REPORTS_NEW], new)
    return old, new


EXPECTED_PAIRS = {
    (ME_NWFZ[78], ME_NWFZ[79]), (NSA[78], NSA[79]),
    ("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt"), ("sample_en_2010.txt", "sample_en_2012.txt"),
}


