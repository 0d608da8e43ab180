"""Frozen records: classes that behave as frozen dataclasses, defined at a
fraction of the cost.

Defining a dataclass compiles its methods with ``exec``: the twelve of
``model`` cost about 6 ms of every run of ``docdiff``, and importing
``dataclasses`` (with ``inspect``) 5.5 ms more (#14.1).  A ``Record`` subclass
writes its ``__init__`` by hand and declares its fields, in order, as its
``__slots__``; ``Record`` gives it what ``@dataclass(frozen=True)`` would:
equality and hash over the fields (less ``_uncompared``, as
``field(compare=False)``), the repr (less ``_unshown``, as ``field(repr=False)``; ``_factories``, as
``field(default_factory=...)``),
``FrozenInstanceError`` on assignment, pickling, ``__match_args__``, and the
``__dataclass_fields__`` that ``dataclasses.replace``, ``fields``, ``asdict``
and ``is_dataclass`` read, made on first use.  Decorated ``@record(frozen=True)``,
it is a frozen dataclass to mypy (``dataclasses.dataclass`` under
``TYPE_CHECKING``), and a no-op at run time.

``replace(r, **changes)`` is ``dataclasses.replace`` without the import.
"""

from __future__ import annotations

import operator

#: ``typing.TYPE_CHECKING`` without importing ``typing`` (see ``model``).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from dataclasses import dataclass as record  # what a Record behaves as, for mypy
    from typing import Any, ClassVar, TypeVar

    T = TypeVar("T")
    R = TypeVar("R", bound="Record")
else:
    def record(**_: object) -> Callable[[type[T]], type[T]]:
        """``@record(frozen=True)``: nothing at run time (``Record`` does the work)."""
        return _unchanged

    def _unchanged(cls: type[T]) -> type[T]:
        return cls


class _DataclassFields:
    """``__dataclass_fields__``, made on first use from a dataclass of the same
    fields (types, defaults, ``compare`` and ``repr``), then kept on the class."""

    def __get__(self, instance: object, owner: type[Record]) -> dict[str, Any]:
        import dataclasses
        import inspect

        parameters = inspect.signature(owner).parameters
        specs = []
        for name in owner.__slots__:
            options: dict[str, Any] = {"compare": name not in owner._uncompared, "repr": name not in owner._unshown}
            if name in owner._factories:
                options["default_factory"] = owner._factories[name]
            elif parameters[name].default is not inspect.Parameter.empty:
                options["default"] = parameters[name].default
            specs.append((name, owner.__annotations__[name], dataclasses.field(**options)))
        made = dataclasses.make_dataclass(owner.__name__, specs, frozen=True)
        fields = {field.name: field for field in dataclasses.fields(made)}
        type.__setattr__(owner, "__dataclass_fields__", fields)
        return fields


class Record:
    """The base of a frozen record (see the module's docstring)."""

    __slots__: tuple[str, ...] = ()
    #: Fields left out of ``==`` and ``hash`` (provenance), and out of the repr.
    _uncompared: tuple[str, ...] = ()
    _unshown: tuple[str, ...] = ()
    #: Fields whose default a dataclass would make afresh for each instance
    #: (``field(default_factory=...)``); ``__init__``'s default stands for it, equal
    #: to what the factory makes (an empty mapping that cannot be changed, say).
    _factories: ClassVar[dict[str, Callable[[], Any]]] = {}
    _compared: Callable[[Any], tuple[Any, ...]]
    __dataclass_fields__ = _DataclassFields()

    def __init_subclass__(cls) -> None:
        compared = [name for name in cls.__slots__ if name not in cls._uncompared]
        getter = operator.attrgetter(*compared)  # the tuple of values a dataclass compares and hashes
        cls._compared = getter if len(compared) > 1 else staticmethod(lambda record: (getter(record),))
        type.__setattr__(cls, "__match_args__", cls.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._compared(self) == self._compared(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__ if name not in self._unshown)
        return f"{self.__class__.__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[Any], tuple[Any, ...]]:
        return self.__class__, tuple(getattr(self, name) for name in self.__slots__)


def replace(record: R, /, **changes: Any) -> R:
    """A copy of ``record`` with the fields ``changes`` names changed, as
    ``dataclasses.replace`` makes it (an unknown name is a TypeError)."""
    for name in record.__slots__:
        if name not in changes:
            changes[name] = getattr(record, name)
    return record.__class__(**changes)


__all__ = ["Record", "record", "replace"]
