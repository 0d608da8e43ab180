from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_ZH = SEEDS / "A_65_382-S_2010_490.zh.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    from docdiff import read_text

    return read_text(SEED_ZH)


@pytest.fixture(scope="session")
def seed_doc():
    import docdiff

    return docdiff.load(SEED_ZH)
