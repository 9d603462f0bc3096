"""JSON text as ``json.dumps(obj, ensure_ascii=False, indent=N)`` writes it, faster.

With ``indent`` the standard library encodes in pure Python (its C encoder serves only
compact output), and the streamed writers then shifted each chunk with
:func:`textwrap.indent`. For a batch of thousands of files that was most of the main
process's time. :func:`dumps` writes the same text in one pass, strings escaped by the C
function the standard encoder uses, already shifted to its depth in the document.
"""

from __future__ import annotations

from json.encoder import encode_basestring  # the C one when available, as json uses
from typing import Any

_INF = float("inf")


def dumps(obj: Any, indent: int = 2, depth: int = 0) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=indent)`` with every line after the
    first shifted right by ``depth`` × ``indent`` spaces (the first is not: it continues
    the caller's line) — what ``textwrap.indent`` of that text gives, less the first
    line's margin. Raises :class:`TypeError` for what JSON cannot hold, as json does."""
    parts: list[str] = []
    _write(obj, parts, "\n" + " " * (indent * depth), " " * indent)
    return "".join(parts)


def _write(obj: Any, out: list[str], margin: str, step: str) -> None:
    if isinstance(obj, str):
        out.append(encode_basestring(obj))
    elif obj is None:
        out.append("null")
    elif obj is True:
        out.append("true")
    elif obj is False:
        out.append("false")
    elif isinstance(obj, int):
        out.append(int.__repr__(obj))
    elif isinstance(obj, float):
        out.append(_float(obj))
    elif isinstance(obj, dict):
        if not obj:
            out.append("{}")
            return
        inner = margin + step
        opening = "{" + inner
        between = "," + inner
        first = True
        for key, value in obj.items():
            head = (opening if first else between) + encode_basestring(
                key if type(key) is str else _key(key)
            )
            first = False
            # the commonest values inline (a call per value was most of the time)
            kind = type(value)
            if kind is str:
                out.append(head + ": " + encode_basestring(value))
            elif value is None:
                out.append(head + ": null")
            elif kind is int:
                out.append(head + ": " + int.__repr__(value))
            else:
                out.append(head + ": ")
                _write(value, out, inner, step)
        out.append(margin + "}")
    elif isinstance(obj, list | tuple):
        if not obj:
            out.append("[]")
            return
        inner = margin + step
        out.append("[" + inner)
        first = True
        for value in obj:
            if not first:
                out.append("," + inner)
            first = False
            if type(value) is str:
                out.append(encode_basestring(value))
            else:
                _write(value, out, inner, step)
        out.append(margin + "]")
    else:
        raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    """A key as json writes it: strings as they are, numbers, booleans and None as text."""
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    if isinstance(key, float):
        return _float(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
