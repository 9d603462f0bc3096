"""reportcheck.render.jsontext writes exactly what json.dumps(indent=...) writes."""

from __future__ import annotations

import json
import math
import textwrap
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportcheck.render.jsontext import dumps

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=30,
)


def _reference(obj: Any, indent: int, depth: int) -> str:
    # json's own line breaks are its only "\n" (one in a string is escaped); textwrap.indent
    # would also break at U+2028 and U+0085, which json leaves as they are inside strings
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    return text.replace("\n", "\n" + " " * (indent * depth))


@settings(max_examples=400, deadline=None)
@given(documents, st.sampled_from([1, 2, 4]), st.integers(0, 3))
def test_same_text_as_json_dumps_shifted(obj: Any, indent: int, depth: int) -> None:
    assert dumps(obj, indent, depth) == _reference(obj, indent, depth)


class Colour(StrEnum):
    RED = "红"


class Level(IntEnum):
    HIGH = 3


@pytest.mark.parametrize(
    "obj",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [[]], "d": [{}]},
        '引号"、反斜杠\\、换行\n、制表\t、控制\x00\x1f、\u2028、emoji 😀',
        {"finding": {"message": "第 3 行\n第 4 行", "value": -0.0, "big": 10**30}},
        [math.inf, -math.inf, 1e-7, 1.5e300, 0.1],
        {Colour.RED: Colour.RED, "level": Level.HIGH, "t": (1, "二")},
        {1: "int key", 2.5: "float key", False: "bool key", None: "none key"},
    ],
)
def test_edge_cases(obj: Any) -> None:
    for depth in (0, 2):
        assert dumps(obj, 2, depth) == _reference(obj, 2, depth)


def test_what_json_refuses_is_refused() -> None:
    from decimal import Decimal

    with pytest.raises(TypeError):
        dumps({"x": Decimal("1.5")})
    with pytest.raises(TypeError):
        dumps({("a", "b"): 1})
    with pytest.raises(TypeError):
        dumps({1, 2})


def test_a_line_separator_inside_a_string_is_not_a_line() -> None:
    """textwrap.indent, which the writers used before, shifted the text after a U+2028 or
    U+0085 inside a message: the string's value changed."""
    obj = {"message": "甲\u2028乙\x85丙"}
    assert json.loads(dumps(obj, 2, 2)) == obj
    assert json.loads(textwrap.indent(json.dumps(obj, ensure_ascii=False, indent=2), "    ")) != obj
