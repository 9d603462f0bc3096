"""Duplicate keys in a JSON submission (RC006) and a publication date that is not a date."""

from __future__ import annotations

import json

from factories import Submission
from reportcheck import api
from reportcheck.readers.json_ import pointer_positions, read_json


def _findings(text: str) -> list[tuple[str, str | None, int | None]]:
    report = read_json("r.json", text.encode())
    return [
        (
            f.code,
            f.location.address if f.location else None,
            f.location.line if f.location else None,
        )
        for f in api.check(report)
        if f.code in ("RC006", "RC002")
    ]


def test_a_row_pasted_twice_is_named_with_its_line() -> None:
    doc = Submission.valid("2021").doc
    body = json.dumps(doc, ensure_ascii=False, indent=1, default=str)
    granted = json.dumps(doc["applications"]["granted"], default=str)
    # a second "granted" right after the first, as an editor's paste would leave it
    text = body.replace('"applications": {', f'"applications": {{\n  "granted": {granted},', 1)
    assert json.loads(text)  # still valid JSON
    [(code, address, line)] = _findings(text)
    assert (code, address) == ("RC006", "/applications/granted")
    assert line is not None and line > 1


def test_no_duplicates_no_finding() -> None:
    text = json.dumps(Submission.valid("2021").doc, ensure_ascii=False, default=str)
    assert _findings(text) == []


def test_duplicates_are_listed_by_the_position_scanner() -> None:
    dups: list[str] = []
    positions = pointer_positions('{"a": {"b": 1, "b": 2}, "a~b": 3}', dups)
    assert dups == ["/a/b"]
    assert positions["/a/b"] == (1, 21)  # the last one, the value json.loads keeps
    assert positions["/a~0b"] == (1, 32)  # "~" escaped as in a JSON pointer


def test_a_publication_date_written_as_a_number_is_not_a_date() -> None:
    doc = Submission.valid("2021").doc
    doc["report"] = {"year": 2024, "published": 20250120}
    text = json.dumps(doc, ensure_ascii=False, default=str)
    assert [c for c, _, _ in _findings(text)] == ["RC002"]
    assert read_json("r.json", text.encode()).metadata.published is None
