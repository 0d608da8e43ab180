"""Generated resolutions in PDF-text layout (tests/resolution_layouts.py) parse
to the paragraphs, notes and closing lines they were made of, and lose nothing."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

import docdiff

from .resolution_layouts import resolutions
from .test_nothing_lost import chars, found_chars

EXAMPLES = 2000 if os.environ.get("DOCDIFF_FUZZ") == "long" else 150


def squash(text: str) -> str:
    return "".join(text.replace("-", "").split())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_generated_resolutions_parse_to_what_they_were_made_of(generated):
    document = docdiff.parse(generated.text)
    assert document.metadata.kind == "resolution"
    found = [(p.number, squash(p.text)) for p in document.paragraphs()]
    assert found == [(n, squash(t)) for n, t in generated.paragraphs]
    assert [squash(n) for n in document.front.footnotes] == [squash(n) for n in generated.notes]
    assert list(document.front.closing) == generated.closing
    assert [p.index for p in document.paragraphs()] == list(range(len(found)))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_generated_resolutions_lose_nothing(generated):
    lines = generated.text.split("\n")
    expected = chars("\n".join(line for k, line in enumerate(lines) if k not in generated.furniture))
    assert found_chars(docdiff.parse(generated.text)) == expected
