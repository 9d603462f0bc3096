"""Every @record class behaves as the @dataclass it stands for (issue 13).

:func:`reportcheck.records.record` builds a class's methods without compiling them; each
record class is compared here with the dataclass made the ordinary way from the same
fields and flags: signature, repr, equality, hashing, frozen errors, slots, pickling,
``replace`` and the dataclass flags.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pickle
from typing import Any

import pytest

from reportcheck.records import RECORDS, record

# every module that declares records on the validate path (imported so they are listed)
MODULES = (
    "reportcheck.model.report",
    "reportcheck.model.tables",
    "reportcheck.model.relations",
    "reportcheck.findings",
    "reportcheck.findings.catalogue.entry",
    "reportcheck.config",
    "reportcheck.api",
    "reportcheck.batch",
    "reportcheck.inputs",
    "reportcheck.readers.xlsx",
    "reportcheck.readers.grid",
    "reportcheck.rules.registry",
    "reportcheck.rules.crossyear",
    "reportcheck.rules.sections",
)
for _m in MODULES:
    importlib.import_module(_m)


def _reference(cls: type) -> Any:
    """The class as ``@dataclass(frozen=…, slots=…)`` makes it from the same fields."""
    ns: dict[str, Any] = {
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        "__annotations__": {},
    }
    for f in dataclasses.fields(cls):
        kw: dict[str, Any] = {"repr": f.repr, "hash": f.hash, "compare": f.compare}
        if f.default is not dataclasses.MISSING:
            kw["default"] = f.default
        if f.default_factory is not dataclasses.MISSING:
            kw["default_factory"] = f.default_factory
        ns["__annotations__"][f.name] = f.type
        ns[f.name] = dataclasses.field(**kw)
    frozen = cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    slots = "__slots__" in cls.__dict__
    return dataclasses.dataclass(frozen=frozen, slots=slots)(type(cls.__name__, (), ns))


def _values(cls: type, every: bool, tag: str = "") -> dict[str, Any]:
    """Arguments: a distinct string for each field without a default (for every field
    when ``every``)."""
    out = {}
    for f in dataclasses.fields(cls):
        given = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if every or given:
            out[f.name] = f"{f.name}{tag}"
    return out


def _hash(x: object) -> object:
    """The hash, or the kind of error hashing gives (a field that holds a dict)."""
    try:
        return hash(x)
    except TypeError as exc:
        return type(exc)


def test_every_record_is_listed() -> None:
    names = {f"{c.__module__}.{c.__qualname__}" for c in RECORDS}
    assert {"reportcheck.findings.Finding", "reportcheck.model.report.Report"} <= names
    assert len(RECORDS) >= 20


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__qualname__)
def test_a_record_is_its_dataclass(cls: Any) -> None:
    ref = _reference(cls)
    params = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")
    assert [getattr(cls.__dataclass_params__, p) for p in params] == [
        getattr(ref.__dataclass_params__, p) for p in params
    ]
    assert dataclasses.is_dataclass(cls)
    assert cls.__match_args__ == ref.__match_args__
    assert cls.__dict__.get("__slots__") == ref.__dict__.get("__slots__")
    assert hasattr(cls, "__weakref__") == hasattr(ref, "__weakref__")
    assert cls.__doc__ == ref.__doc__
    assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"

    ours, theirs = inspect.signature(cls), inspect.signature(ref)
    assert list(ours.parameters) == list(theirs.parameters)
    for name, p in ours.parameters.items():
        q = theirs.parameters[name]
        assert p.kind == q.kind
        assert repr(p.default) == repr(q.default)  # <factory> for a default_factory
        if q.default is not inspect.Parameter.empty and repr(q.default) != "<factory>":
            assert p.default is q.default

    frozen = cls.__dataclass_params__.frozen
    for every in (False, True):
        kw = _values(cls, every)
        a, b = cls(**kw), ref(**kw)
        assert repr(a) == repr(b)
        assert a == cls(**kw) and b == ref(**kw)
        assert cls(*kw.values()) == a  # positional, in field order
        assert a.__eq__(b) is NotImplemented and a != b  # another class: never equal
        changed = _values(cls, True, "-2")
        assert (a == cls(**changed)) == (b == ref(**changed))
        assert repr(dataclasses.replace(a, **changed)) == repr(dataclasses.replace(b, **changed))
        for f in dataclasses.fields(cls):  # a field out of the comparison is out of it
            other = dict(kw, **{f.name: "x"})
            assert (a == cls(**other)) == (b == ref(**other)), f.name
            if frozen:
                assert (_hash(a) == _hash(cls(**other))) == (_hash(b) == _hash(ref(**other)))
        if frozen:
            assert _hash(a) == _hash(b)
            for f in dataclasses.fields(cls):
                with pytest.raises(dataclasses.FrozenInstanceError) as got:
                    setattr(a, f.name, 1)
                with pytest.raises(dataclasses.FrozenInstanceError) as expected:
                    setattr(b, f.name, 1)
                assert str(got.value) == str(expected.value)
                with pytest.raises(dataclasses.FrozenInstanceError) as got:
                    delattr(a, f.name)
                with pytest.raises(dataclasses.FrozenInstanceError) as expected:
                    delattr(b, f.name)
                assert str(got.value) == str(expected.value)
        else:
            assert cls.__hash__ is None and ref.__hash__ is None
            first = dataclasses.fields(cls)[0].name
            setattr(a, first, "new")
            setattr(b, first, "new")
            assert repr(a) == repr(b)
        again = pickle.loads(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == a and repr(again) == repr(a)
        assert a.__reduce_ex__(4)[2:] == b.__reduce_ex__(4)[2:]  # the same pickled state
    for f in dataclasses.fields(cls):  # each default_factory gives a fresh value
        if f.default_factory is not dataclasses.MISSING:
            kw = _values(cls, False)
            assert getattr(cls(**kw), f.name) is not getattr(cls(**kw), f.name)


def test_a_record_that_contains_itself() -> None:
    @record()
    class Node:
        """A node."""

        name: str
        child: object = None

    n = Node("a")
    n.child = n
    assert repr(n) == "test_a_record_that_contains_itself.<locals>.Node(name='a', child=...)"
    RECORDS.remove(Node)


def test_what_record_does_not_do() -> None:
    with pytest.raises(TypeError, match="__post_init__"):

        @record()
        class Late:
            """Has a __post_init__."""

            x: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="__eq__"):

        @record()
        class Own:
            """Its own __eq__."""

            x: int

            def __eq__(self, other: object) -> bool:
                return True


@pytest.mark.parametrize("n", [1, 2])
def test_equality_as_tuples(n: int) -> None:
    """A field equal to itself counts as equal, NaN too, as in a dataclass's tuples."""
    ns = {"__annotations__": {f"f{i}": "float" for i in range(n)}, "__doc__": "Numbers."}
    ours = record(frozen=True)(type("Ours", (), dict(ns)))
    theirs = dataclasses.dataclass(frozen=True)(type("Theirs", (), dict(ns)))
    RECORDS.remove(ours)
    nan = float("nan")
    for cls in (ours, theirs):
        assert cls(*[nan] * n) == cls(*[nan] * n)
        assert cls(*[nan] * n) != cls(*[float("nan")] * n)
        assert hash(cls(*[1.0] * n)) == hash(tuple([1.0] * n))
