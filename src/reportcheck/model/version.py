"""Deciding which format version a report uses: labels first, year second."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from reportcheck.model.labels import label_key, strip_numbering
from reportcheck.model.tables import (
    evidence_keys,
    latest_version,
    on_formats_changed,
    version_for_year,
)


def evidence(labels: Iterable[str]) -> dict[str, list[str]]:
    """Labels (as written) that belong to only one version, per version."""
    out: dict[str, list[str]] = {v: [] for v in evidence_keys()}
    for text in labels:
        for v in _versions_of(text):
            if text not in out[v]:
                out[v].append(text.strip())
    return {v: found for v, found in out.items() if found}


@lru_cache(maxsize=8192)  # every report repeats the labels of the last one
def _versions_of(text: str) -> tuple[str, ...]:
    """The versions whose signature holds the label ``text``."""
    key = label_key(text)
    bare = strip_numbering(key)  # 1.申请人无正当理由… is a 2021-only row too
    return tuple(v for v, sig in evidence_keys().items() if key in sig or bare in sig)


on_formats_changed(_versions_of.cache_clear)


def detect(ev: dict[str, list[str]]) -> str | None:
    """The version most of the evidence points to (None when nothing points anywhere)."""
    if not ev:
        return None
    ranked = sorted(ev.items(), key=lambda kv: (len(kv[1]), kv[0]), reverse=True)
    return ranked[0][0]


def decide(
    *,
    detected: str | None,
    year: int | None,
    forced: str | None = None,
    declared: str | None = None,
    default: str | None = None,
) -> tuple[str, str]:
    """The version to check against, and why (forced/declared/labels/year/default)."""
    if forced:
        return forced, "forced"
    if declared:
        return declared, "declared"
    if detected:
        return detected, "labels"
    if year is not None:
        return version_for_year(year), "year"
    return default or latest_version(), "default"
