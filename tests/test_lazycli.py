"""The root group builds a command only when it runs (reportcheck.lazycli, issue 13).

The lazy group must say exactly what typer's eagerly built group says — the list of
commands, every command's help, the error for a mistyped command — while building
nothing for ``--version`` and ``--help`` and only ``validate`` for a validation.
"""

from __future__ import annotations

import pytest
from typer.main import get_command

from conftest import EXAMPLES
from reportcheck import __version__
from reportcheck.cli import app
from reportcheck.lazycli import LazyCommands, command


def _run(group: object, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    main = group.main  # type: ignore[attr-defined]
    try:
        code = main(args, prog_name="reportcheck", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return int(code or 0), out.out + out.err


def _built(group: object) -> list[str]:
    commands = group.commands  # type: ignore[attr-defined]
    assert isinstance(commands, LazyCommands)
    return commands.built()


def test_version_and_help_build_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    group = command(app)
    assert _run(group, ["--version"], capsys) == (0, f"reportcheck {__version__}\n")
    assert _built(group) == []
    code, text = _run(group, ["--help"], capsys)
    assert code == 0 and "validate" in text and "schema" in text
    assert _built(group) == []


def test_validate_builds_validate_alone(capsys: pytest.CaptureFixture[str]) -> None:
    group = command(app)
    code, text = _run(group, ["validate", "-f", "json", str(EXAMPLES / "2021-valid.json")], capsys)
    assert code == 0, text
    assert '"findings"' in text
    assert _built(group) == ["validate"]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        [],
        ["valdate", "x"],  # typer's "Did you mean 'validate'?" needs every name
        ["validate", "--help"],
        ["validate"],
        ["validate", "--no-such-option", "x"],
        ["template", "--help"],
        ["convert", "--help"],
        ["rules", "--help"],
        ["schema", "--help"],
    ],
)
def test_says_what_the_eager_group_says(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    lazy = _run(command(app), args, capsys)
    eager = _run(get_command(app), args, capsys)
    assert lazy == eager
    assert lazy[1]  # something was said


def test_every_command_is_listed_in_order() -> None:
    group = command(app)
    eager = get_command(app)
    assert list(group.commands) == list(eager.commands)  # type: ignore[attr-defined]
