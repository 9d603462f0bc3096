"""The one exception that stops a run: input that cannot be checked at all (exit code 2)."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be checked: not found, unreadable, not a report, no tables.

    ``str(err)`` is the one-line message shown to the user: the file and the problem.
    """

    def __init__(
        self,
        path: str,
        problem: str,
        problem_en: str | None = None,
        *,
        unsupported: bool = False,
    ) -> None:
        self.path = path
        self.problem = problem
        self.problem_en = problem_en or problem
        self.unsupported = unsupported
        """Not a report format the tool reads (``.xls``, an image, an archive…), as opposed
        to a report that could not be read (damaged, no permission)."""
        super().__init__(f"{one_line(path)}: {self.problem_en}")

    def __reduce__(self) -> tuple[object, ...]:  # picklable (worker processes send it back)
        return (_rebuild, (self.path, self.problem, self.problem_en, self.unsupported))

    def text(self, lang: str = "zh") -> str:
        """The one-line message in ``lang`` (a newline in the file's name shown as ``\\n``)."""
        problem = self.problem if lang == "zh" else self.problem_en
        return f"{one_line(self.path)}: {one_line(problem)}"


_CONTROL = {c: f"\\x{c:02x}" for c in range(32)} | {10: "\\n", 13: "\\r", 9: "\\t", 127: "\\x7f"}


def one_line(text: str) -> str:
    """``text`` with control characters (a newline in a file name) written as escapes."""
    return text.translate(_CONTROL) if not text.isprintable() else text


class Refused(InputError):
    """Input refused below the readers, where the file's name is not known (a table too
    large, a part nested too deep): :func:`reportcheck.api.read_bytes` names the file."""

    def __init__(self, problem: str, problem_en: str | None = None) -> None:
        super().__init__("<input>", problem, problem_en)


def _rebuild(path: str, problem: str, problem_en: str, unsupported: bool) -> InputError:
    return InputError(path, problem, problem_en, unsupported=unsupported)


class ConfigError(Exception):
    """A configuration that cannot be used (unknown key or code, bad value): exit code 2."""
