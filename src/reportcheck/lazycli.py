"""The command line's root group, with each command built only when it is used (issue 13).

typer turns a command function into a click command by reading every parameter's
annotation (``typing.get_type_hints`` compiles each one) and building an option object per
parameter. Done for every command at every start, that is a few milliseconds of work that
``reportcheck validate x.xlsx`` needs for ``validate`` alone, and ``--version`` or the
list of commands in ``--help`` not at all.

:func:`command` builds the root group with only the root callback (``--version``); the
commands stay :class:`typer.models.CommandInfo` records until one is looked up
(:class:`LazyCommands`). ``reportcheck --help`` lists them from their docstrings without
building them. Everything else is typer's: the options, the help texts, the error
messages and suggestions, the exit codes.

``typer.testing.CliRunner().invoke(app, …)`` goes through ``typer.main.get_command(app)``,
which builds every command at once; the result is the same group, only built eagerly.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, MutableMapping

import typer
from typer import _click
from typer._click.exceptions import NoSuchOption
from typer.core import TyperArgument, TyperCommand, TyperGroup
from typer.main import get_command, get_command_from_info, get_command_name
from typer.models import CommandInfo


class LazyCommands(MutableMapping[str, _click.Command]):
    """Command name → click command, each built from its :class:`CommandInfo` on first use.

    The names are all there from the start (typer's "Did you mean …?" reads them), in the
    order the commands were declared.
    """

    def __init__(self, infos: list[CommandInfo], app: typer.Typer) -> None:
        self._infos = {_name(info): info for info in infos}
        self._built: dict[str, _click.Command] = {}
        self._app = app

    def __getitem__(self, name: str) -> _click.Command:
        if name not in self._built:
            info = self._infos[name]  # KeyError for a name that is not a command
            _resolve_annotations(info)
            self._built[name] = get_command_from_info(
                info,
                pretty_exceptions_short=self._app.pretty_exceptions_short,
                rich_markup_mode=self._app.rich_markup_mode,
            )
        return self._built[name]

    def __setitem__(self, name: str, command: _click.Command) -> None:
        self._built[name] = command
        self._infos.setdefault(name, CommandInfo(name))

    def __delitem__(self, name: str) -> None:
        del self._infos[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._infos)

    def __len__(self) -> int:
        return len(self._infos)

    def built(self) -> list[str]:
        """The names of the commands built so far."""
        return list(self._built)

    def outline(self, name: str) -> _click.Command:
        """The command if it is built; otherwise one with its name and help texts and no
        parameters, enough for the list of commands in ``--help``."""
        if name in self._built:
            return self._built[name]
        info = self._infos[name]
        return TyperCommand(
            name=name,
            help=info.help if info.help is not None else _doc(info),
            short_help=info.short_help,
            hidden=info.hidden,
            deprecated=info.deprecated,
        )


class Command(TyperCommand):
    """typer's command, with usage lines as click writes them (``PATH...``, ``REPORT``,
    ``[CODE]``: not typer's ``{paths}``) and only close suggestions for a mistyped option
    (``--formt`` → ``--format``; ``--bogus`` gets none, not ``--jobs``)."""

    SUGGEST_CUTOFF = 0.75
    """How alike (difflib's ratio, without the dashes) a suggested option must be."""

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if not isinstance(param, TyperArgument):
                pieces.extend(param.get_usage_pieces(ctx))  # options show none
                continue
            var = param.metavar or (param.name or "").upper()
            if param.metavar is None and param.nargs != 1:
                var += "..."
            pieces.append(var if param.required else f"[{var}]")
        return pieces

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except NoSuchOption as err:
            err.possibilities = close_options(err.option_name, err.possibilities or ())
            raise


def close_options(typed: str, options: Iterable[str]) -> list[str]:
    """The options spelt like ``typed`` (a typo, not merely a shared letter or two)."""
    from difflib import SequenceMatcher

    bare = typed.lstrip("-")
    return [
        o
        for o in options
        if SequenceMatcher(None, bare, o.lstrip("-")).ratio() >= Command.SUGGEST_CUTOFF
    ]


class LazyGroup(TyperGroup):
    """typer's group, listing commands from their outlines so ``--help`` builds none."""

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        commands = self.commands
        if not isinstance(commands, LazyCommands):
            super().format_commands(ctx, formatter)
            return
        self.commands = {name: commands.outline(name) for name in commands}
        try:
            super().format_commands(ctx, formatter)
        finally:
            self.commands = commands


def command(app: typer.Typer) -> _click.Command:
    """The click group of ``app`` with its commands left to be built when looked up."""
    bare = copy.copy(app)
    bare.registered_commands = []  # the root callback and its options only
    group = get_command(bare)
    assert isinstance(group, TyperGroup), "the app needs a callback and LazyGroup as its cls"
    group.commands = LazyCommands(app.registered_commands, app)
    return group


def _resolve_annotations(info: CommandInfo) -> None:
    """Evaluate the command function's annotations once, in place.

    With ``from __future__ import annotations`` they are strings, and typer evaluates each
    of them four times while building the command (``inspect.signature(eval_str=True)`` and
    ``typing.get_type_hints``, twice each), compiling every string anew. Evaluated
    beforehand they are what typer would get itself.
    """
    import typing

    fn = info.callback
    if fn is not None and any(isinstance(a, str) for a in fn.__annotations__.values()):
        fn.__annotations__ = typing.get_type_hints(fn, include_extras=True)


def _name(info: CommandInfo) -> str:
    assert info.callback is not None, "a command needs a callback function"
    return info.name or get_command_name(info.callback.__name__)


def _doc(info: CommandInfo) -> str | None:
    import inspect

    return inspect.getdoc(info.callback)
