"""``layouts.Layout`` is a plain class at run time (a frozen dataclass to
mypy): it behaves as the frozen dataclass of the same fields it was (#14.1).

The key is a real frozen dataclass made here from the class's own fields and
defaults, by ``dataclasses`` itself."""

from __future__ import annotations

import dataclasses

import pytest

from docdiff import layouts


def _as_dataclass() -> type:
    specs = []
    for name in layouts.Layout.__annotations__:
        default = vars(layouts.Layout).get(name, dataclasses.MISSING)
        if isinstance(default, layouts._Factory):
            specs.append((name, object, dataclasses.field(default_factory=default.default_factory)))
        elif default is dataclasses.MISSING:
            specs.append((name, object))
        else:
            specs.append((name, object, dataclasses.field(default=default)))
    return dataclasses.make_dataclass("Layout", specs, frozen=True)


def test_each_layout_is_what_the_dataclass_makes_of_its_fields() -> None:
    key = _as_dataclass()
    for layout in layouts.layouts():
        fields = {name: getattr(layout, name) for name in layouts.Layout.__annotations__}
        made = key(**fields)
        assert repr(layout) == repr(made)
        assert layout == layouts.Layout(**fields) and layout != layouts.Layout(**{**fields, "code": "xx"})
        assert layouts.Layout(*fields.values()) == layout  # (positional, in the fields' order)
        assert layout.__match_args__ == made.__match_args__  # type: ignore[attr-defined]


def test_defaults_are_fresh_and_arguments_checked_as_a_dataclass_does() -> None:
    key = _as_dataclass()
    first, second = layouts.Layout("xx", "X"), layouts.Layout(code="yy", language="Y")
    assert first.months == {} and first.months is not second.months
    assert repr(first) == repr(key("xx", "X"))
    for bad in ({"code": "x"}, {"code": "x", "language": "y", "bogus": 1}):
        with pytest.raises(TypeError):
            layouts.Layout(**bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            key(**bad)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.code = "zz"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del first.code  # type: ignore[misc]
    with pytest.raises(TypeError):  # (a field is a dict: unhashable, as the dataclass)
        hash(first)
    with pytest.raises(TypeError):
        hash(key("xx", "X"))


def test_the_layout_modules_are_those_pkgutil_lists(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``layouts.module_names`` (listed without ``pkgutil``, which imports ``inspect``)
    is ``pkgutil.iter_modules``'s list: for the package, and for a folder holding
    what a folder of modules can hold (source, bytecode and extension files, a
    subpackage, a folder that is not one, ``__init__``, names that are not
    identifiers, other files)."""
    import importlib.machinery
    import pkgutil

    assert layouts.module_names() == sorted(m.name for m in pkgutil.iter_modules(layouts.__path__))
    folder = tmp_path / "pack"
    folder.mkdir()
    extension = importlib.machinery.EXTENSION_SUFFIXES[0]
    for name in ("__init__.py", "xx.py", "yy.pyc", f"zz{extension}", "not-a-name.py", "notes.txt", "a.b.py",
                 "README"):
        (folder / name).write_text("")
    (folder / "sub").mkdir()
    (folder / "sub" / "__init__.py").write_text("")
    (folder / "plain").mkdir()
    (folder / "__pycache__").mkdir()
    monkeypatch.setattr(layouts, "__path__", [str(folder)])
    expected = sorted(m.name for m in pkgutil.iter_modules([str(folder)]))
    assert layouts.module_names() == expected and "xx" in expected and "sub" in expected
