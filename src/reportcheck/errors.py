"""The one exception that stops a run: input that cannot be checked at all (exit code 2)."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be checked: not found, unreadable, not a report, no tables.

    ``str(err)`` is the one-line message shown to the user: the file and the problem.
    """

    def __init__(self, path: str, problem: str, problem_en: str | None = None) -> None:
        self.path = path
        self.problem = problem
        self.problem_en = problem_en or problem
        super().__init__(f"{path}: {self.problem_en}")

    def text(self, lang: str = "zh") -> str:
        """The one-line message in ``lang``."""
        return f"{self.path}: {self.problem if lang == 'zh' else self.problem_en}"


class ConfigError(Exception):
    """A configuration that cannot be used (unknown key or code, bad value): exit code 2."""
