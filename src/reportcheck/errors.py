"""The one exception that stops a run: input that cannot be checked at all (exit code 2)."""

from __future__ import annotations

import re


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


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What is never written raw: control characters (a newline, the ESC of a terminal escape
sequence), line and paragraph separators, bidirectional overrides and lone surrogates (a
file name's bytes that are not UTF-8, a JSON string's ``\\ud800``)."""
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m[0]
    code = ord(ch)
    return _NAMED.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def one_line(text: str) -> str:
    """``text`` as it is shown (issue 21), by one rule in every output format: control
    characters written as escapes (``\\n``, ``\\x1b``), and so are lone surrogates —
    a file name's byte that is not UTF-8 (0xFF) is ``\\udcff``, as Python's
    ``surrogateescape`` names it (``os.fsencode`` gives the byte back)."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text)


class Refused(InputError):
    """Input refused below the readers, where the file's name is not known (a table too
    large, a part nested too deep): :func:`reportcheck.api.read_bytes` names the file."""

    def __init__(self, problem: str, problem_en: str | None = None) -> None:
        super().__init__("<input>", problem, problem_en)


def _rebuild(path: str, problem: str, problem_en: str, unsupported: bool) -> InputError:
    return InputError(path, problem, problem_en, unsupported=unsupported)


class ConfigError(Exception):
    """A configuration that cannot be used (unknown key or code, bad value): exit code 2."""
