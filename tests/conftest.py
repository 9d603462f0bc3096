"""Shared test helpers: where ../shared is, and a skip marker for tests that need it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"

requires_shared = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository"
)
