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
        super().__init__(f"{path}: {self.problem_en}")

    def __reduce__(self) -> tuple[object, ...]:  # picklable (worker processes send it back)
        return (_rebuild, (self.path, self.problem, self.problem_en, self.unsupported))

    def text(self, lang: str = "zh") -> str:
        """The one-line message in ``lang``."""
        return f"{self.path}: {self.problem if lang == 'zh' else self.problem_en}"


def _rebuild(path: str, problem: str, problem_en: str, unsupported: bool) -> InputError:
    return InputError(path, problem, problem_en, unsupported=unsupported)


class ConfigError(Exception):
    """A configuration that cannot be used (unknown key or code, bad value): exit code 2."""
