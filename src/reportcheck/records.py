"""Dataclasses that are cheap to declare (issue 13): :func:`record`.

``@dataclass`` writes a class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__`` and ``__delattr__`` as source text and compiles each of them when the
module is imported: 0.2 ms for a plain class, 0.4 ms for a frozen one with slots. A
one-file run imports some 25 such classes of reportcheck's model, findings and
configuration: ~10 ms of a process that lasts ~110.

``@record(frozen=..., slots=...)`` is ``@dataclass(frozen=..., slots=...)`` with the same
behaviour — the same fields (:func:`dataclasses.fields`, :func:`dataclasses.replace`),
``__init__`` signature and defaults, ``repr``, equality, hashing, frozen errors, slots,
``__match_args__`` and pickling — but only ``__init__`` is compiled (one short function);
the other methods are closures over the field names, made without compiling anything.
``tests/test_records.py`` checks every record class against the dataclass it stands for.

Supported: fields with a default or a ``default_factory``, ``repr``/``compare``/``hash``
per field, ``frozen`` and ``slots``; not ``order``, ``kw_only``, ``init=False`` fields,
``InitVar`` or ``__post_init__`` (declaring one of those raises TypeError: use
``@dataclass``).
"""

from __future__ import annotations

import dataclasses
from _thread import get_ident
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")

RECORDS: list[type] = []
"""Every class made with :func:`record`, in the order declared (for the tests)."""


class _Factory:
    """The default of a parameter whose field has a ``default_factory``."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def record(*, frozen: bool = False, slots: bool = False) -> Callable[[type[_T]], type[_T]]:
    """``@dataclass(frozen=frozen, slots=slots)``, declared without compiling its methods
    but ``__init__`` (see the module doc)."""

    def wrap(cls: type[_T]) -> type[_T]:
        return _record(cls, frozen, slots)

    return wrap


def _record(cls: type[_T], frozen: bool, slots: bool) -> type[_T]:
    own = cls.__dict__
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        if name in own and not (name == "__hash__" and own[name] is None):
            raise TypeError(f"{cls.__qualname__} defines {name}: use @dataclass")
    if "__post_init__" in own or not cls.__doc__:
        raise TypeError(f"{cls.__qualname__}: no __post_init__, and a docstring: use @dataclass")
    cls = dataclasses.dataclass(init=False, repr=False, eq=False, slots=slots)(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    for f in fields:
        if f.kw_only is True or not f.init or isinstance(f.type, dataclasses.InitVar):
            raise TypeError(f"{cls.__qualname__}.{f.name}: kw_only, init=False or InitVar")
    shown = [f.name for f in fields if f.repr]
    compared = [f.name for f in fields if f.compare]
    names = tuple(f.name for f in fields)

    _method(cls, "__init__", _init(cls, fields, frozen))
    _method(cls, "__repr__", _repr(shown))
    _method(cls, "__eq__", _eq(compared))
    if frozen:
        hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
        _method(cls, "__hash__", _hash(hashed))
        _method(cls, "__setattr__", _setattr(cls, names))
        _method(cls, "__delattr__", _delattr(cls, names))
        if slots:  # as dataclass: pickling sets the slots past the frozen __setattr__
            _method(cls, "__getstate__", _getstate(names))
            _method(cls, "__setstate__", _setstate(names))
    else:
        cls.__hash__ = None  # type: ignore[assignment]  # eq without frozen: unhashable
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    params.init = params.repr = params.eq = True
    params.frozen = frozen
    RECORDS.append(cls)
    return cls


def _method(cls: type, name: str, fn: Callable[..., Any]) -> None:
    fn.__name__ = name
    fn.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, fn)


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool) -> Any:
    """The ``__init__`` that dataclass writes: parameters with the fields' defaults (a
    factory's is called when the parameter is not given), each value set in order."""
    env: dict[str, Any] = {"_FACTORY": _FACTORY, "_set": object.__setattr__}
    params, body = ["self"], []
    for f in fields:
        value = f.name
        if f.default is not dataclasses.MISSING:
            env[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            env[f"_f_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            value = f"_f_{f.name}() if {f.name} is _FACTORY else {f.name}"
        else:
            params.append(f.name)
        body.append(
            f"    _set(self, {f.name!r}, {value})" if frozen else f"    self.{f.name} = {value}"
        )
    source = f"def __init__({', '.join(params)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(source, env)  # the source is made of field names only
    init = env["__init__"]
    init.__annotations__ = {f.name: f.type for f in fields if f.init} | {"return": None}
    init.__module__ = cls.__module__
    return init


def _repr(shown: list[str]) -> Callable[[Any], str]:
    running: set[tuple[int, int]] = set()

    def __repr__(self: Any) -> str:
        key = id(self), get_ident()
        if key in running:  # a record that contains itself, as dataclass shows it
            return "..."
        running.add(key)
        try:
            inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        finally:
            running.discard(key)
        return f"{self.__class__.__qualname__}({inner})"

    return __repr__


def _eq(compared: list[str]) -> Callable[[Any, object], Any]:
    """Equal when of the same class and the tuples of the compared fields are equal, as
    dataclass compares (a tuple: an item is equal to itself, NaN too)."""
    if len(compared) > 1:
        get = attrgetter(*compared)  # a tuple of the values

        def __eq__(self: Any, other: object) -> Any:
            if other.__class__ is self.__class__:
                return get(self) == get(other)
            return NotImplemented

    else:
        names = tuple(compared)

        def __eq__(self: Any, other: object) -> Any:
            if other.__class__ is self.__class__:
                return tuple(getattr(self, n) for n in names) == tuple(
                    getattr(other, n) for n in names
                )
            return NotImplemented

    return __eq__


def _hash(hashed: list[str]) -> Callable[[Any], int]:
    """The hash of the tuple of the hashed fields, as dataclass computes it."""
    if len(hashed) > 1:
        get = attrgetter(*hashed)  # a tuple of the values

        def __hash__(self: Any) -> int:
            return hash(get(self))

    else:
        names = tuple(hashed)

        def __hash__(self: Any) -> int:
            return hash(tuple(getattr(self, name) for name in names))

    return __hash__


def _setattr(cls: type, names: tuple[str, ...]) -> Callable[[Any, str, Any], None]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    return __setattr__


def _delattr(cls: type, names: tuple[str, ...]) -> Callable[[Any, str], None]:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    return __delattr__


def _getstate(names: tuple[str, ...]) -> Callable[[Any], list[Any]]:
    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    return __getstate__


def _setstate(names: tuple[str, ...]) -> Callable[[Any, list[Any]], None]:
    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=False):
            object.__setattr__(self, name, value)

    return __setstate__
