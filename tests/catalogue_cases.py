"""Building and running the catalogue's cases (used by test_catalogue_cases.py)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.findings.catalogue.entry import Case, Key, Op

ROOT = Path(__file__).resolve().parents[1]


def _pointer(pointer: str) -> list[str]:
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def _json_op(doc: Any, op: Op) -> Any:
    kind, pointer, *value = op
    *parents, last = _pointer(pointer)
    node = doc
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if kind == "remove":
        if isinstance(node, list):
            del node[int(last)]
        else:
            del node[last]  # KeyError when the case names a key that is not there
    elif kind == "set":
        if isinstance(node, list):
            node[int(last)] = value[0]
        else:
            if last not in node:
                raise KeyError(f"set {pointer}: no such key (use add)")
            node[last] = value[0]
    elif kind == "add":
        if isinstance(node, list):
            node.insert(len(node) if last == "-" else int(last), value[0])
        else:
            if last in node:
                raise KeyError(f"add {pointer}: the key is already there (use set)")
            node[last] = value[0]
    else:
        raise ValueError(f"unknown patch operation {kind!r}")
    return doc


def build_input(base: str, patch: tuple[Op, ...]) -> bytes:
    """The bytes of ``base`` with ``patch`` applied."""
    data = (ROOT / base).read_bytes()
    if not patch:
        return data
    text = data.decode("utf-8")
    for op in patch:
        if op[0] == "replace":
            _, old, new = op
            if text.count(old) != 1:
                raise ValueError(f"replace: {old!r} occurs {text.count(old)} times in {base}")
            text = text.replace(old, new)
        else:
            doc = _json_op(copy.deepcopy(json.loads(text)), op)
            text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def run_case(case: Case, tmp: Path) -> list[Key]:
    """The keys of every finding the case's input gives, in the library's order."""
    path = tmp / Path(case.base).name
    path.write_bytes(build_input(case.base, case.patch))
    previous = None
    if case.previous is not None:
        (tmp / "previous").mkdir(exist_ok=True)
        previous = tmp / "previous" / Path(case.previous_base).name
        previous.write_bytes(build_input(case.previous_base, case.previous))
    settings = Settings(**case.options)
    (result,) = api.validate_paths([path], settings, previous=previous)
    assert result.error is None, result.error
    return [(f.code, f.table, f.row, f.column) for f in result.findings]
