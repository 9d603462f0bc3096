"""The format version the text reader reads glued and unlabelled rows with."""

from __future__ import annotations

from reportcheck.config import Settings
from reportcheck.model.labels import label_key
from reportcheck.model.tables import evidence_keys, latest_version, version_for_year
from reportcheck.readers import metadata


def detect_version(text: str, settings: Settings) -> str:
    """The format version to read glued and unlabelled rows with (labels, year, default)."""
    if settings.format_version:
        return settings.format_version
    key = label_key.__wrapped__(text)  # not cached: a whole report is no label
    hits = {v: sum(1 for k in keys if k in key) for v, keys in evidence_keys().items()}
    ranked = sorted(hits.items(), key=lambda kv: kv[1], reverse=True)
    if ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    year = metadata.extract(text).year
    if year is not None:
        return version_for_year(year)
    return settings.default_format_version or latest_version()
