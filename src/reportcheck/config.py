"""Settings that steer a validation run, and where they come from.

The defaults here are what ``reportcheck validate`` uses with no configuration. A project
can change them in ``[tool.reportcheck]`` of a ``pyproject.toml`` or in a ``reportcheck.toml``
(keys at the top level, as in ``ruff.toml``). The file is found by walking up from each
checked file's directory (in each directory ``reportcheck.toml`` first, then a
``pyproject.toml`` that has a ``[tool.reportcheck]`` table; the first found wins), or given
with ``--config PATH``. See ``docs/ci.md`` for every key.

Unknown keys, unknown rule codes and bad values raise :class:`~reportcheck.errors.ConfigError`
with a one-line message that names the file and the key (the CLI exits with code 2).
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from reportcheck.errors import ConfigError
from reportcheck.findings import Severity
from reportcheck.model.tables import FORMATS
from reportcheck.records import record

LEVELS = ("department", "government", "township")
"""Agency levels that have a publication deadline."""

KEYS = (
    "select",
    "ignore",
    "extend-select",
    "extend-ignore",
    "per-file-ignores",
    "severity",
    "format-version",
    "deadlines",
    "amount-tolerance",
    "fail-on",
    "plausibility",
    "max-memory",
    "timeout",
)
"""Every configuration key (kebab-case, as in the TOML file)."""


@record()
class Plausibility:
    """Thresholds of the plausibility checks (RC7xx) and of the summary's batch outliers.

    The TOML table ``[plausibility]`` (``[tool.reportcheck.plausibility]``) sets any of them
    with the kebab-case names of :data:`PLAUSIBILITY_KEYS`.
    """

    unit_tolerance: Decimal = Decimal(3)
    """RC701: a fee amount that changes from last year by between factor/this and
    factor×this of 10,000 or 1,000 is "near" that factor."""
    jump_factor: Decimal = Decimal(20)
    """RC702: a count that grows or shrinks by at least this factor …"""
    jump_minimum: int = 50
    """… and by at least this many items is a jump worth a look."""
    in_force_minimum: int = 10
    """RC703: 现行有效件数 falling to 0 from at least this many."""
    fee_decimals: int = 6
    """RC711: decimal places of a 万元 amount beyond which it is no sum of money (6: a fen;
    a 元 figure with its fen divided by 10,000 has 6, as real reports print them)."""
    outlier_reports: int = 20
    """Summary: figures of at least this many reports of one level before outliers are named."""
    outlier_spread: Decimal = Decimal(5)
    """Summary: how many robust standard deviations (1.4826 × MAD, log scale) from the
    batch's median make an outlier …"""
    outlier_factor: Decimal = Decimal(10)
    """… and by at least this factor from the median."""


PLAUSIBILITY_KEYS = {
    "unit-tolerance": "unit_tolerance",
    "jump-factor": "jump_factor",
    "jump-minimum": "jump_minimum",
    "in-force-minimum": "in_force_minimum",
    "fee-decimals": "fee_decimals",
    "outlier-reports": "outlier_reports",
    "outlier-spread": "outlier_spread",
    "outlier-factor": "outlier_factor",
}
"""The keys of the ``plausibility`` table and the :class:`Plausibility` field of each."""


@record()
class Settings:
    """Options for one validation run."""

    select: tuple[str, ...] = ()
    """Codes or families (``RC3``, ``RC301``) to run; empty means all."""
    ignore: tuple[str, ...] = ()
    """Codes or families never reported."""
    extend_select: tuple[str, ...] = ()
    """Codes added to ``select`` (when ``select`` names some; else every code runs)."""
    extend_ignore: tuple[str, ...] = ()
    """Codes ignored in addition to ``ignore`` (kept when ``--select`` starts afresh)."""
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(glob, codes): codes never reported for files matching the glob, relative to the
    configuration file's folder (``"乡镇/*.xlsx" = ["RC601"]``)."""
    severity: dict[str, Severity] = field(default_factory=dict)
    """Severity overrides per code."""
    format_version: str | None = None
    """Force a format version instead of detecting it from the labels."""
    default_format_version: str | None = None
    """Version to use when neither the labels nor the year decide."""
    deadlines: dict[str, str | None] = field(
        default_factory=lambda: {"department": "01-31", "government": "03-31", "township": None}
    )
    """Publication deadline (MM-DD of the year after the report year) per agency level."""
    amount_tolerance: Decimal = Decimal("0")
    """Tolerance when comparing money amounts (万元): RC405, the prose against 表二."""
    plausibility: Plausibility = field(default_factory=Plausibility)
    """Thresholds of the plausibility checks (RC7xx) and the summary's batch outliers."""
    fail_on: Severity = Severity.ERROR
    """Lowest severity of an unwaived finding that makes the run fail (exit code 1)."""
    max_memory: int = 1024
    """Megabytes of address space a process reading one file may use (issue 21): past it
    the file's result is 「超出内存」 / out of memory, and the others are checked."""
    timeout: float = 10.0
    """Seconds to read and check one file: past it the file's result is 「超出时间」 /
    timed out, and the others are checked."""
    source: str | None = None
    """The configuration file these settings were read from (None: defaults)."""
    convert: bool = True
    """Read .doc/.wps (and other formats no reader of its own reads) through a LibreOffice
    conversion when LibreOffice is installed (``--no-convert`` turns it off)."""

    def enabled(self, code: str) -> bool:
        """Whether findings of ``code`` are reported."""
        if any(code.startswith(p) for p in (*self.ignore, *self.extend_ignore)):
            return False
        return not self.select or any(
            code.startswith(p) for p in (*self.select, *self.extend_select)
        )

    def for_file(self, path: str | Path) -> Settings:
        """These settings with the per-file ignores that match ``path`` applied."""
        if not self.per_file_ignores:
            return self
        root = Path(self.source).resolve().parent if self.source else Path.cwd()
        p = Path(path).resolve()
        try:
            rel = p.relative_to(root).as_posix()
        except ValueError:
            rel = p.as_posix()
        codes = tuple(
            c
            for glob, cs in self.per_file_ignores
            if fnmatch.fnmatchcase(rel, glob) or fnmatch.fnmatchcase(p.name, glob)
            for c in cs
        )
        if not codes:
            return self
        return replace(self, extend_ignore=(*self.extend_ignore, *codes))

    def shown(self) -> dict[str, object]:
        """The settings in force, as the configuration file would write them."""
        return {
            "source": self.source or "(defaults)",
            "select": list(self.select) or ["(all)"],
            "ignore": list(self.ignore),
            "extend-select": list(self.extend_select),
            "extend-ignore": list(self.extend_ignore),
            "per-file-ignores": {g: list(c) for g, c in self.per_file_ignores},
            "severity": {k: v.value for k, v in self.severity.items()},
            "format-version": self.format_version or self.default_format_version or "(detected)",
            "deadlines": dict(self.deadlines),
            "amount-tolerance": str(self.amount_tolerance),
            "fail-on": self.fail_on.value,
            "plausibility": {
                k: str(v) if isinstance(v := getattr(self.plausibility, f), Decimal) else v
                for k, f in PLAUSIBILITY_KEYS.items()
            },
            "max-memory": self.max_memory,
            "timeout": self.timeout,
        }


# ------------------------------------------------------------------ finding the file


def find_config(start: Path) -> Path | None:
    """The configuration file that applies to ``start`` (a file or directory), or None.

    Walks up from ``start`` (its directory when it is a file) to the filesystem root; in
    each directory a ``reportcheck.toml`` wins over a ``pyproject.toml``, and a
    ``pyproject.toml`` counts only when it has a ``[tool.reportcheck]`` table.
    """
    here = start.resolve()
    if not _is(here, "dir"):
        here = here.parent
    for directory in (here, *here.parents):
        own = directory / "reportcheck.toml"
        if _is(own, "file"):
            return own
        pyproject = directory / "pyproject.toml"
        if _is(pyproject, "file") and _has_tool_table(pyproject):
            return pyproject
    return None


def _is(path: Path, kind: str) -> bool:
    """``path.is_file()`` / ``is_dir()``, False where it cannot be looked at: in a folder
    this user may not enter (permission denied), as in a folder that does not exist. Its
    files cannot be read either; they are reported one by one as unreadable."""
    try:
        return path.is_file() if kind == "file" else path.is_dir()
    except OSError:
        return False


def _has_tool_table(pyproject: Path) -> bool:
    doc = _read_toml(pyproject)
    tool = doc.get("tool")
    return isinstance(tool, dict) and "reportcheck" in tool


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # imports string: a run with no configuration file needs neither

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: 配置文件不存在 / no such configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取 / cannot read: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: TOML 语法错误 / TOML syntax error: {exc}") from None


# ------------------------------------------------------------------ reading it


def load_config(path: Path) -> Settings:
    """Read a configuration file into :class:`Settings` (ConfigError when it is wrong).

    A file named ``pyproject.toml`` is read from its ``[tool.reportcheck]`` table; any other
    file (``reportcheck.toml``, or whatever ``--config`` names) has its keys at the top level.
    """
    doc = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = doc.get("tool", {})
        table = tool.get("reportcheck") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ConfigError(
                f"{path}: 没有 [tool.reportcheck] 表 / has no [tool.reportcheck] table"
            )
        return parse_config(table, str(path), "[tool.reportcheck] ")
    if "tool" in doc and isinstance(doc["tool"], dict) and "reportcheck" in doc["tool"]:
        raise ConfigError(
            f"{path}: 在 {path.name} 中配置项写在顶层，不用 [tool.reportcheck] / keys go at the "
            f"top level of {path.name}, without [tool.reportcheck]"
        )
    return parse_config(doc, str(path))


def parse_config(table: Mapping[str, Any], source: str, where: str = "") -> Settings:
    """Settings from the keys of a configuration table (already parsed TOML)."""
    s = Settings(source=source)
    for key, value in table.items():
        if key not in KEYS:
            near = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f"，是否应为「{near[0]}」 / did you mean “{near[0]}”?" if near else ""
            raise ConfigError(
                f"{source}: {where}未知的配置项 / unknown key “{key}”{hint} "
                f"(known: {', '.join(KEYS)})"
            )
        bad = _Bad(source, where, key)
        if key in ("select", "ignore", "extend-select", "extend-ignore"):
            setattr(s, key.replace("-", "_"), parse_codes(_str_list(value, bad), bad))
        elif key == "per-file-ignores":
            if not isinstance(value, Mapping):
                raise bad('应为表 {"glob" = [代码, …]}', 'must be a table {"glob" = [codes]}')
            s.per_file_ignores = tuple(
                (str(g), parse_codes(_str_list(v, _Bad(source, where, f"{key}.{g}")), bad))
                for g, v in value.items()
            )
        elif key == "severity":
            s.severity = _severity_table(value, bad)
        elif key == "format-version":
            s.default_format_version = _version(value, bad)
        elif key == "deadlines":
            s.deadlines = _deadlines(value, bad)
        elif key == "amount-tolerance":
            s.amount_tolerance = _tolerance(value, bad)
        elif key == "fail-on":
            s.fail_on = _severity(value, bad)
        elif key == "plausibility":
            s.plausibility = _plausibility(value, bad)
        elif key == "max-memory":
            s.max_memory = check_memory(value, bad)
        elif key == "timeout":
            s.timeout = check_timeout(value, bad)
    return s


MIN_MEMORY = 256
"""The smallest ``max-memory`` (MB): Python and the program alone take about 250 MB of
address space."""


def check_memory(value: Any, bad: Callable[[str, str], Exception]) -> int:
    """A ``max-memory`` value: whole megabytes, at least :data:`MIN_MEMORY`."""
    if isinstance(value, bool) or not isinstance(value, int) or value < MIN_MEMORY:
        raise bad(
            f"应为不小于 {MIN_MEMORY} 的整数（MB）",
            f"must be a whole number of MB, at least {MIN_MEMORY}",
        )
    return value


def check_timeout(value: Any, bad: Callable[[str, str], Exception]) -> float:
    """A ``timeout`` value: seconds, more than 0 and at most a day."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 86_400:
        raise bad("应为大于 0 的秒数", "must be a number of seconds above 0")
    return float(value)


class _Bad:
    """Builds the one-line error for a bad value of one key."""

    def __init__(self, source: str, where: str, key: str) -> None:
        self.source, self.where, self.key = source, where, key

    def __call__(self, zh: str, en: str) -> ConfigError:
        return ConfigError(f"{self.source}: {self.where}“{self.key}”: {zh} / {en}")


def _str_list(value: Any, bad: _Bad) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad('应为代码列表，如 ["RC3", "RC201"]', 'must be a list of codes like ["RC3"]')
    return value


def known_codes() -> list[str]:
    """Every code of the finding catalogue."""
    from reportcheck.findings.catalogue import all_codes

    return all_codes()


def parse_codes(items: Iterable[str], bad: _Bad | None = None) -> tuple[str, ...]:
    """Codes or families (``RC3``, ``rc301``) checked against the registry, upper-cased.

    Items may be comma-separated (``"RC3,RC201"``). A prefix is accepted when at least one
    registered code starts with it.
    """
    codes = known_codes()
    out: list[str] = []
    for item in items:
        for part in item.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(c.startswith(code) for c in codes) or not code.startswith("RC"):
                err = bad or _Bad("reportcheck", "", "select/ignore")
                raise err(
                    f"未知的规则代码「{part.strip()}」", f"unknown rule code “{part.strip()}”"
                )
            out.append(code)
    return tuple(dict.fromkeys(out))


def _severity(value: Any, bad: _Bad) -> Severity:
    if isinstance(value, str) and value.lower() in {s.value for s in Severity}:
        return Severity(value.lower())
    raise bad(
        f"应为 error、warning 或 info，而不是 {value!r}",
        f"must be error, warning or info, not {value!r}",
    )


def _severity_table(value: Any, bad: _Bad) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise bad('应为表，如 { RC206 = "error" }', 'must be a table like { RC206 = "error" }')
    codes = set(known_codes())
    out: dict[str, Severity] = {}
    for code, level in value.items():
        if code.upper() not in codes:
            raise bad(f"未知的规则代码「{code}」", f"unknown rule code “{code}”")
        out[code.upper()] = _severity(level, _Bad(bad.source, bad.where, f"severity.{code}"))
    return out


def _version(value: Any, bad: _Bad) -> str:
    text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if text not in FORMATS:
        raise bad(
            f"应为 {' 或 '.join(FORMATS)}，而不是 {value!r}",
            f"must be {' or '.join(FORMATS)}, not {value!r}",
        )
    return text


def _deadlines(value: Any, bad: _Bad) -> dict[str, str | None]:
    if not isinstance(value, dict):
        raise bad(
            '应为表，如 { department = "01-31" }', 'must be a table like { department = "01-31" }'
        )
    out = dict(Settings().deadlines)
    for level, day in value.items():
        sub = _Bad(bad.source, bad.where, f"deadlines.{level}")
        if level not in LEVELS:
            raise sub(f"应为 {'、'.join(LEVELS)} 之一", f"must be one of {', '.join(LEVELS)}")
        if day is False or (isinstance(day, str) and day.strip().lower() in ("", "none")):
            out[level] = None
            continue
        if not isinstance(day, str) or not _is_month_day(day):
            raise sub(
                f'应为 "MM-DD"（如 "03-31"）或 false，而不是 {day!r}',
                f'must be "MM-DD" (like "03-31") or false, not {day!r}',
            )
        out[level] = day
    return out


def _is_month_day(text: str) -> bool:
    if len(text) != 5 or text[2] != "-":
        return False
    try:
        date.fromisoformat(f"2000-{text}")  # a leap year: 02-29 is a valid deadline
    except ValueError:
        return False
    return True


def _tolerance(value: Any, bad: _Bad) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise bad("应为数字，如 0.01", "must be a number like 0.01")
    try:
        d = Decimal(str(value))  # str() first: a TOML float 0.01 becomes Decimal("0.01")
    except InvalidOperation:
        raise bad(f"应为数字，而不是 {value!r}", f"must be a number, not {value!r}") from None
    if not d.is_finite() or d < 0:
        raise bad(f"应为不小于 0 的数字，而不是 {value!r}", f"must be a number ≥ 0, not {value!r}")
    return d


def _plausibility(value: Any, bad: _Bad) -> Plausibility:
    if not isinstance(value, dict):
        raise bad("应为表，如 { jump-factor = 20 }", "must be a table like { jump-factor = 20 }")
    out = Plausibility()
    for key, v in value.items():
        sub = _Bad(bad.source, bad.where, f"plausibility.{key}")
        name = PLAUSIBILITY_KEYS.get(key)
        if name is None:
            raise sub(
                f"未知的配置项，应为 {'、'.join(PLAUSIBILITY_KEYS)} 之一",
                f"unknown key, must be one of {', '.join(PLAUSIBILITY_KEYS)}",
            )
        if isinstance(getattr(out, name), int):
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise sub(
                    f"应为不小于 0 的整数，而不是 {v!r}", f"must be a whole number ≥ 0, not {v!r}"
                )
            setattr(out, name, v)
            continue
        d = _tolerance(v, sub)
        if d <= 1:
            raise sub(f"应为大于 1 的数，而不是 {v!r}", f"must be a number above 1, not {v!r}")
        setattr(out, name, d)
    return out


# ------------------------------------------------------------------ the CLI's view


def with_overrides(
    settings: Settings,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
    extend_ignore: Iterable[str] | None = None,
    format_version: str | None = None,
    fail_on: Severity | None = None,
    max_memory: int | None = None,
    timeout: float | None = None,
) -> Settings:
    """A copy with command-line options applied (each replaces the file's value).

    As in ruff, ``--select`` starts the rule selection afresh: the file's ``ignore`` is
    dropped too (add ``--ignore`` on the command line to keep ignoring something).
    """
    out = replace(
        settings,
        severity=dict(settings.severity),
        deadlines=dict(settings.deadlines),
        plausibility=replace(settings.plausibility),
    )
    if select:
        out.select = parse_codes(select, _Bad("--select", "", "--select"))
        out.ignore = ()
    if ignore:
        out.ignore = parse_codes(ignore, _Bad("--ignore", "", "--ignore"))
    if extend_select:
        more = parse_codes(extend_select, _Bad("--extend-select", "", "--extend-select"))
        out.extend_select = (*out.extend_select, *more)
    if extend_ignore:
        more = parse_codes(extend_ignore, _Bad("--extend-ignore", "", "--extend-ignore"))
        out.extend_ignore = (*out.extend_ignore, *more)
    if format_version:
        out.format_version = format_version
    if fail_on is not None:
        out.fail_on = fail_on
    if max_memory is not None:
        out.max_memory = check_memory(max_memory, _Bad("--max-memory", "", "--max-memory"))
    if timeout is not None:
        out.timeout = check_timeout(timeout, _Bad("--timeout", "", "--timeout"))
    return out


class ConfigResolver:
    """Finds and loads the configuration for each checked file, once per directory."""

    def __init__(self, explicit: Path | None = None, isolated: bool = False) -> None:
        self.explicit = load_config(explicit) if explicit is not None else None
        self.isolated = isolated
        self._by_dir: dict[Path, Settings] = {}
        self._by_file: dict[Path, Settings] = {}
        self._files: dict[tuple[int, str], Settings] = {}
        self._folders: dict[str, Path] = {}
        """Each folder name a file was given under, resolved (see :meth:`_directory`)."""

    def for_path(self, path: str | Path) -> Settings:
        """The settings that apply to ``path`` (defaults when no file is found)."""
        if self.explicit is not None:
            return self._per_file(self.explicit, path)
        if self.isolated:
            return Settings()
        directory = self._directory(str(path))
        if directory not in self._by_dir:
            found = find_config(directory)
            if found is None:
                self._by_dir[directory] = Settings()
            else:
                found = found.resolve()
                if found not in self._by_file:
                    self._by_file[found] = load_config(found)
                self._by_dir[directory] = self._by_file[found]
        return self._per_file(self._by_dir[directory], path)

    def _directory(self, path: str) -> Path:
        """The real directory whose configuration applies: the folder itself, or the
        folder of the file (of its target, for a link). A batch asks this of every file
        two or three times: a plain file's folder is resolved once per folder name (one
        ``lstat`` a file instead of resolving each of its path's components)."""
        try:
            mode = os.lstat(path).st_mode
        except (OSError, ValueError):
            mode = None
        if mode is None or not stat.S_ISREG(mode):  # a folder, a link, nothing there
            try:
                p = Path(path).resolve()
                return p if _is(p, "dir") else p.parent
            except (OSError, RuntimeError, ValueError):
                # a link to itself or in a loop, a name too long: the folder it is in
                # (the file itself is refused in one line when it is read)
                return Path(os.path.abspath(os.path.dirname(path) or ".")).resolve()
        folder = os.path.dirname(path) or "."
        real = self._folders.get(folder)
        if real is None:
            if len(self._folders) > 10_000:  # files from very many folders: start afresh
                self._folders.clear()
            real = self._folders[folder] = Path(folder).resolve()
        return real

    def _per_file(self, base: Settings, path: str | Path) -> Settings:
        if not base.per_file_ignores:
            return base
        key = (id(base), str(path))
        if key not in self._files:
            self._files[key] = base.for_file(path)
        return self._files[key]
