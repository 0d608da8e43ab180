"""The model's classes are frozen records (``docdiff.record``), no longer
dataclasses (#14.1: defining the twelve cost 6 ms of every run).  Their public
behaviour must be what the frozen dataclasses gave: the key here is the old
definitions' fields, written out (name, default, compared, shown in the repr) as
they stood in model.py at da72acd, made into real frozen dataclasses; for
hypothesis-drawn values each record must construct, compare, hash, repr,
pickle, copy, replace and refuse assignment exactly as its dataclass twin.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff import model, readers
from docdiff.record import replace
from docdiff.render import view

MISSING, FACTORY = "required", "factory"

#: (name, default, compare, repr) of each field, in order, as the dataclasses declared them.
KEY: dict[type, list[tuple[str, object, bool, bool]]] = {
    model.Metadata: [(name, () if name in ("agenda_items", "organisations", "sponsors") else None, True, True)
                     for name in ("kind", "symbol", "distribution", "date", "language", "original_language",
                                  "session", "title", "label", "agenda_items", "organisations",
                                  "resolution_number", "adoption_date", "committee", "sponsors", "meeting")],
    model.Paragraph: [("number", MISSING, True, True), ("text", MISSING, True, True),
                      ("line", 0, False, True), ("index", 0, False, True),
                      ("page", None, False, True)],  # (added since: the page it starts on, provenance)
    model.Section: [("kind", MISSING, True, True), ("title", MISSING, True, True), ("number", None, True, True),
                    ("paragraphs", (), True, True), ("sections", (), True, True)],
    model.ContentsEntry: [("title", MISSING, True, True), ("page", None, True, True)],
    model.FrontMatter: [(name, (), True, True) for name in
                        ("footnotes", "contents", "masthead", "summary", "closing")],
    model.Document: [("metadata", FACTORY, True, True), ("sections", (), True, True), ("front", FACTORY, True, True),
                     ("source", None, True, True), ("warnings", (), True, True), ("encoding", None, True, True)],
    model.MetadataChange: [("field", MISSING, True, True), ("old", MISSING, True, True), ("new", MISSING, True, True)],
    model.ParagraphChange: [("status", MISSING, True, True), ("old", MISSING, True, True), ("new", MISSING, True, True),
                            ("similarity", MISSING, True, True), ("diff", (), True, True),
                            ("from_section", None, True, True), ("formatting_only", False, True, True),
                            ("old_text", "", True, True), ("new_text", "", True, True),
                            ("old_index", (), True, True), ("new_index", (), True, True),
                            ("old_place", (), True, True), ("new_place", (), True, True),
                            ("pieces", (), True, True), ("from_index", None, True, True),
                            ("from_kind", None, True, True),
                            # (added since: the pages its paragraphs start on, provenance)
                            ("old_page", (), False, True), ("new_page", (), False, True)],
    model.Departure: [("change", MISSING, True, True), ("to_title", MISSING, True, True), ("to_index", None, True, True)],
    model.SectionChange: [("status", MISSING, True, True), ("old_title", MISSING, True, True),
                          ("new_title", MISSING, True, True), ("old_path", MISSING, True, True),
                          ("new_path", MISSING, True, True), ("paragraphs", (), True, True),
                          ("kind", "section", True, True), ("old_number", None, True, True),
                          ("new_number", None, True, True), ("parents", (), True, True),
                          ("departures", (), True, True), ("old_section", None, False, False),
                          ("new_section", None, False, False), ("moved", False, True, True),
                          ("annex", None, True, True)],
    model.EditionInfo: [("file", MISSING, True, True), ("metadata", MISSING, True, True),
                        ("paragraphs", MISSING, True, True), ("encoding", None, True, True),
                        ("warnings", (), True, True)],
    model.Comparison: [("old", MISSING, True, True), ("new", MISSING, True, True),
                       ("metadata_changes", MISSING, True, True), ("sections", MISSING, True, True)],
    # the report's view records (not public, converted the same way)
    view.ReportOptions: [("show_unchanged", False, True, True), ("summary_only", False, True, True),
                         ("selected", (), True, True), ("author", "docdiff", True, True), ("date", None, True, True)],
    view.Folded: [("changes", MISSING, True, True), ("kind", "section", True, True)],
    # what a reader makes (readers/__init__.py's dataclass at 86cd791)
    readers.Reading: [("text", MISSING, True, True), ("format", "text", True, True), ("encoding", "utf-8", True, True),
                      ("evidence", "utf-8", True, True), ("warnings", (), True, True),
                      ("blocks", FACTORY, False, False), ("pages", (), False, False)],
}
FACTORIES = {("Document", "metadata"): model.Metadata, ("Document", "front"): model.FrontMatter,
             ("Reading", "blocks"): dict}


def twin(cls: type) -> type:
    """The frozen dataclass ``cls`` was, from ``KEY``."""
    fields = []
    for name, default, compare, shown in KEY[cls]:
        options: dict[str, object] = {"compare": compare, "repr": shown}
        if default == FACTORY:
            options["default_factory"] = FACTORIES[cls.__name__, name]
        elif default != MISSING:
            options["default"] = default
        fields.append((name, object, dataclasses.field(**options)))  # type: ignore[call-overload]
    made = dataclasses.make_dataclass(cls.__name__, fields, frozen=True)
    made.__qualname__ = cls.__qualname__
    return made


TWINS = {cls: twin(cls) for cls in KEY}

#: Field values: hashable (as the model's are: tuples, strings, numbers, None).
values = st.one_of(st.none(), st.integers(-3, 3), st.text(max_size=4), st.floats(allow_nan=False),
                   st.tuples(st.integers(0, 3), st.text(max_size=2)))


@pytest.mark.parametrize("cls", list(KEY), ids=lambda c: c.__name__)
def test_the_constructor_and_fields_are_the_dataclasses(cls):
    signature = inspect.signature(cls).parameters
    assert [(p.name, p.kind) for p in signature.values()] == [
        (name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name, *_ in KEY[cls]]
    for name, default, *_ in KEY[cls]:
        expected = inspect.Parameter.empty if default == MISSING else default
        if default == FACTORY:
            expected = FACTORIES[cls.__name__, name]()
        assert signature[name].default == expected, name
    assert dataclasses.is_dataclass(cls)
    assert [(f.name, f.compare, f.repr) for f in dataclasses.fields(cls)] == [
        (name, compare, shown) for name, _, compare, shown in KEY[cls]]
    assert cls.__match_args__ == TWINS[cls].__match_args__


@pytest.mark.parametrize("cls", list(KEY), ids=lambda c: c.__name__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_record_behaves_as_its_frozen_dataclass(cls, data):
    names = [name for name, *_ in KEY[cls]]
    first = {name: data.draw(values, label=name) for name in names}
    second = {name: data.draw(st.sampled_from([first[name], data.draw(values)]), label=f"{name} 2") for name in names}
    a, b = cls(**first), cls(**second)
    ta, tb = TWINS[cls](**first), TWINS[cls](**second)
    assert repr(a) == repr(ta)
    assert (a == b) == (ta == tb) and (a != b) == (ta != tb)
    assert hash(a) == hash(ta) and hash(b) == hash(tb)
    assert a != ta and a != first  # another class is never equal, as with dataclasses
    assert pickle.loads(pickle.dumps(a)) == a and repr(pickle.loads(pickle.dumps(a))) == repr(a)
    assert repr(copy.copy(a)) == repr(a) and repr(copy.deepcopy(a)) == repr(a)
    assert dataclasses.asdict(a) == dataclasses.asdict(ta)
    change = data.draw(st.sampled_from(names))
    expected = repr(dataclasses.replace(ta, **{change: second[change]}))
    assert repr(replace(a, **{change: second[change]})) == expected
    assert repr(dataclasses.replace(a, **{change: second[change]})) == expected
    for attempt in (lambda: setattr(a, change, 1), lambda: delattr(a, change), lambda: setattr(a, "other", 1)):
        with pytest.raises(dataclasses.FrozenInstanceError):
            attempt()
    with pytest.raises(TypeError):
        replace(a, no_such_field=1)


def test_a_document_loaded_is_equal_to_itself_rebuilt_from_its_fields():
    """Equality and ``replace`` over a real edition's whole tree."""
    document = docdiff.load("seeds/A_65_382-S_2010_490.zh.txt")
    assert replace(document) == document and hash(replace(document)) == hash(document)
    assert pickle.loads(pickle.dumps(document)) == document
    assert replace(document, source="x") != document
    assert not hasattr(document, "__dict__")  # slots: no dictionary per paragraph
