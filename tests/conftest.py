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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first (text recognition, LibreOffice, a browser: seconds each), the
    rest after in their order: with ``-n auto --dist worksteal`` the cores share the long
    tests from the start instead of one of them finishing a long test alone at the end
    (the longest-first rule of scheduling). The order changes no test's outcome."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
