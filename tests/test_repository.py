"""The repository keeps its promises: CI runs exactly the README's test command, the linters
are pinned, the model is a regular package, and the code names no file outside the repository."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from conftest import ROOT

SRC = ROOT / "src" / "reportcheck"


def _command(text: str) -> str:
    """A shell command with its line continuations joined and its spacing normalised."""
    return " ".join(text.replace("\\\n", " ").split())


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"this is exactly what `\.ci/run` does.*?```sh\n(.*?)```", readme, re.S)
    assert block, "README: the test command block after 'exactly what `.ci/run` does'"
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    body = ci[ci.index('cd "$(dirname "$0")/.."') :].split("\n", 1)[1]
    assert _command(body) == _command(block.group(1))
    for step in ("ruff check", "ruff format --check", "mypy --strict", "lint-imports", "pytest"):
        assert step in _command(body), step
    assert ci.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in ci


def test_the_linters_are_pinned_in_the_dev_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    dev = project["project"]["optional-dependencies"]["dev"]
    for tool in ("ruff", "mypy", "import-linter"):
        pins = [d for d in dev if re.match(rf"{tool}\s*==\s*[\d.]+$", d)]
        assert len(pins) == 1, f"{tool} pinned exactly in the dev extra: {dev}"


def test_the_layer_contract_names_every_top_level_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    layers = next(c for c in project["tool"]["importlinter"]["contracts"] if c["type"] == "layers")[
        "layers"
    ]
    named = {m.strip() for layer in layers for m in re.split(r"[|:]", layer)}
    packages = {p.parent.name for p in SRC.glob("*/__init__.py")}
    assert packages <= named, sorted(packages - named)


def test_model_is_a_regular_package_that_imports_nothing() -> None:
    assert (SRC / "model" / "__init__.py").is_file()
    code = (
        "import sys, reportcheck.model as m; assert m.__file__;"
        "print(sorted(k for k in sys.modules if k.startswith('reportcheck.model.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_source_file_points_outside_the_repository() -> None:
    outside = re.compile(r"\bformat\.md\b|\bdesign\.md\b|\.\./shared|/work/|shared/corpus")
    hits = [
        f"{p.relative_to(ROOT)}:{n}: {line.strip()}"
        for p in sorted(SRC.rglob("*.py"))
        for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
        if outside.search(line.replace("json-format.md", ""))
    ]
    assert hits == []
