"""Configuration: finding the file, every key valid and invalid, CLI overrides, waivers."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission
from reportcheck.cli import app
from reportcheck.config import (
    ConfigResolver,
    Settings,
    find_config,
    load_config,
    parse_config,
    with_overrides,
)
from reportcheck.errors import ConfigError
from reportcheck.findings import Severity

runner = CliRunner()


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------- finding the file


def test_found_by_walking_up(tmp_path: Path) -> None:
    root = _write(tmp_path / "pyproject.toml", '[tool.reportcheck]\nignore = ["RC2"]\n')
    _write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n')  # no table: skipped
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    report = _write(deep / "r.json", "{}")
    assert find_config(report) == root
    assert find_config(deep) == root
    own = _write(tmp_path / "a" / "b" / "reportcheck.toml", 'ignore = ["RC3"]\n')
    assert find_config(report) == own
    both = _write(deep / "pyproject.toml", "[tool.reportcheck]\n")
    assert find_config(report) == both
    first = _write(deep / "reportcheck.toml", "")
    assert find_config(report) == first  # reportcheck.toml wins in the same directory


def test_nothing_found_means_defaults(tmp_path: Path) -> None:
    report = _write(tmp_path / "x" / "r.json", "{}")
    if find_config(report) is not None:  # a config above the temporary directory
        pytest.skip("a reportcheck configuration exists above the temporary directory")
    assert ConfigResolver().for_path(report) == Settings()


def test_resolver_caches_and_respects_explicit_and_isolated(tmp_path: Path) -> None:
    cfg = _write(tmp_path / "reportcheck.toml", 'fail-on = "warning"\n')
    a = _write(tmp_path / "a" / "r.json", "{}")
    b = _write(tmp_path / "b" / "r.json", "{}")
    resolver = ConfigResolver()
    assert resolver.for_path(a) is resolver.for_path(b)
    assert resolver.for_path(a).fail_on is Severity.WARNING
    assert resolver.for_path(a).source == str(cfg.resolve())
    assert ConfigResolver(isolated=True).for_path(a) == Settings()
    other = _write(tmp_path / "elsewhere.toml", 'fail-on = "info"\n')
    assert ConfigResolver(other).for_path(a).fail_on is Severity.INFO


def test_a_file_takes_the_settings_of_its_real_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By folder name, by relative name, through a linked folder and for a linked file (the
    settings of the folder its target is in), asked repeatedly as a batch does."""
    _write(tmp_path / "strict" / "reportcheck.toml", 'fail-on = "info"\n')
    _write(tmp_path / "loose" / "reportcheck.toml", 'fail-on = "error"\n')
    target = _write(tmp_path / "strict" / "r.json", "{}")
    plain = _write(tmp_path / "loose" / "p.json", "{}")
    linked = tmp_path / "loose" / "link.json"
    try:
        linked.symlink_to(target)
        (tmp_path / "alias").symlink_to(tmp_path / "strict", target_is_directory=True)
    except OSError:
        pytest.skip("no symbolic links here")
    monkeypatch.chdir(tmp_path)
    resolver = ConfigResolver()
    for _ in range(2):
        assert resolver.for_path(plain).fail_on is Severity.ERROR
        assert resolver.for_path("loose/p.json").fail_on is Severity.ERROR
        assert resolver.for_path(linked).fail_on is Severity.INFO  # its target's folder
        assert resolver.for_path("loose/link.json").fail_on is Severity.INFO
        assert resolver.for_path("alias/r.json").fail_on is Severity.INFO
        assert resolver.for_path("strict").fail_on is Severity.INFO  # a folder itself
        assert resolver.for_path("loose/missing.json").fail_on is Severity.ERROR


# ---------------------------------------------------------------------- valid settings


def test_every_key(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "pyproject.toml",
        """
[tool.reportcheck]
select = ["RC1", "rc3"]
ignore = ["RC304"]
format-version = "2019"
amount-tolerance = 0.01
fail-on = "warning"

[tool.reportcheck.severity]
RC206 = "error"
RC001 = "info"

[tool.reportcheck.deadlines]
department = "02-15"
township = "03-31"
government = false
""",
    )
    s = load_config(path)
    assert s.select == ("RC1", "RC3")
    assert s.ignore == ("RC304",)
    assert s.default_format_version == "2019"
    assert s.format_version is None
    assert s.amount_tolerance == Decimal("0.01")
    assert s.fail_on is Severity.WARNING
    assert s.severity == {"RC206": Severity.ERROR, "RC001": Severity.INFO}
    assert s.deadlines == {"department": "02-15", "government": None, "township": "03-31"}
    assert s.enabled("RC301") and not s.enabled("RC304") and not s.enabled("RC201")


def test_reportcheck_toml_has_top_level_keys(tmp_path: Path) -> None:
    path = _write(tmp_path / "reportcheck.toml", 'ignore = "RC2"\namount-tolerance = "0.5"\n')
    s = load_config(path)
    assert s.ignore == ("RC2",)
    assert s.amount_tolerance == Decimal("0.5")


def test_command_line_overrides_the_file() -> None:
    base = parse_config({"select": ["RC3"], "ignore": ["RC1"], "fail-on": "info"}, "x")
    s = with_overrides(base, select=["RC1,RC2", "RC0"], fail_on=Severity.ERROR)
    assert s.select == ("RC1", "RC2", "RC0")
    assert s.ignore == ()  # --select starts afresh, as in ruff
    assert with_overrides(base, ignore=["RC2"]).ignore == ("RC2",)
    assert with_overrides(base, ignore=["RC2"]).select == ("RC3",)
    assert s.fail_on is Severity.ERROR
    assert base.select == ("RC3",)  # the file's settings are not changed


# ---------------------------------------------------------------------- invalid settings


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('selct = ["RC3"]', "selct"),
        ('select = ["RC999"]', "RC999"),
        ('select = ["XY1"]', "XY1"),
        ("select = [3]", "select"),
        ('ignore = ["RC9"]', "RC9"),
        ('fail-on = "fatal"', "fail-on"),
        ("fail-on = 1", "fail-on"),
        ('format-version = "2020"', "format-version"),
        ('amount-tolerance = "a lot"', "amount-tolerance"),
        ("amount-tolerance = -1", "amount-tolerance"),
        ("amount-tolerance = true", "amount-tolerance"),
        ('severity = { RC999 = "error" }', "RC999"),
        ('severity = { RC301 = "fatal" }', "severity.RC301"),
        ('severity = "error"', "severity"),
        ('deadlines = { county = "03-31" }', "deadlines.county"),
        ('deadlines = { department = "13-01" }', "deadlines.department"),
        ('deadlines = { department = "3-31" }', "deadlines.department"),
        ("deadlines = { department = 331 }", "deadlines.department"),
        ('deadlines = "03-31"', "deadlines"),
        ("select = [", "TOML"),
    ],
)
def test_bad_settings_name_the_key(tmp_path: Path, text: str, named: str) -> None:
    path = _write(tmp_path / "reportcheck.toml", text + "\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert named in message
    assert str(path) in message
    assert "\n" not in message


def test_pyproject_without_table_given_explicitly(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"\[tool.reportcheck\]"):
        load_config(path)


def test_tool_table_in_reportcheck_toml_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "reportcheck.toml", '[tool.reportcheck]\nignore = ["RC2"]\n')
    with pytest.raises(ConfigError, match="top level"):
        load_config(path)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such"):
        load_config(tmp_path / "nope.toml")


# ---------------------------------------------------------------------- through the CLI


def _broken(tmp_path: Path) -> Path:
    sub = Submission.valid().add("applications", "granted", "natural_person", 1)
    sub.doc["bogus"] = 1  # RC001 warning
    return sub.write(tmp_path / "r.json")


def _codes(stdout: str) -> list[str]:
    return [f["code"] for f in json.loads(stdout)["files"][0]["findings"]]


def test_cli_bad_config_exits_2_naming_the_key(tmp_path: Path) -> None:
    report = _broken(tmp_path)
    _write(tmp_path / "pyproject.toml", '[tool.reportcheck]\nignore = ["RC3"]\nfial-on = "info"\n')
    result = runner.invoke(app, ["validate", str(report)])
    assert result.exit_code == 2
    assert "fial-on" in result.stderr
    assert "fail-on" in result.stderr  # the suggestion
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_bad_select_exits_2(tmp_path: Path) -> None:
    report = _broken(tmp_path)
    result = runner.invoke(app, ["validate", "--no-config", "--select", "RC3,RC77", str(report)])
    assert result.exit_code == 2
    assert "RC77" in result.stderr


def test_cli_uses_the_found_file_and_flags_override_it(tmp_path: Path) -> None:
    report = _broken(tmp_path)
    _write(tmp_path / "reportcheck.toml", 'ignore = ["RC3"]\n')
    result = runner.invoke(app, ["validate", "-f", "json", str(report)])
    assert result.exit_code == 0, result.output  # RC300 ignored, RC001 is only a warning
    assert _codes(result.stdout) == ["RC001"]
    result = runner.invoke(app, ["validate", "-f", "json", "--ignore", "RC0", str(report)])
    assert result.exit_code == 1
    assert _codes(result.stdout) == ["RC300"]
    result = runner.invoke(app, ["validate", "-f", "json", "--no-config", str(report)])
    assert _codes(result.stdout) == ["RC300", "RC001"]
    result = runner.invoke(
        app, ["validate", "-f", "json", "--select", "RC0", "--select", "RC3", str(report)]
    )
    assert _codes(result.stdout) == ["RC300", "RC001"]


def test_cli_severity_and_fail_on_from_the_file(tmp_path: Path) -> None:
    report = _broken(tmp_path)
    _write(tmp_path / "reportcheck.toml", 'select = ["RC0"]\n')
    assert runner.invoke(app, ["validate", str(report)]).exit_code == 0
    _write(tmp_path / "reportcheck.toml", 'select = ["RC0"]\nfail-on = "warning"\n')
    assert runner.invoke(app, ["validate", str(report)]).exit_code == 1
    assert runner.invoke(app, ["validate", "--fail-on", "error", str(report)]).exit_code == 0
    _write(tmp_path / "reportcheck.toml", 'select = ["RC0"]\nseverity = { RC001 = "error" }\n')
    result = runner.invoke(app, ["validate", "-f", "json", str(report)])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["files"][0]["findings"][0]["severity"] == "error"


def test_cli_explicit_config(tmp_path: Path) -> None:
    report = _broken(tmp_path)
    cfg = _write(tmp_path / "conf" / "strict.toml", 'fail-on = "warning"\nignore = ["RC3"]\n')
    result = runner.invoke(app, ["validate", "--config", str(cfg), str(report)])
    assert result.exit_code == 1
    result = runner.invoke(app, ["validate", "--config", str(tmp_path / "nope.toml"), str(report)])
    assert result.exit_code == 2


def test_format_version_key_is_the_default_version(tmp_path: Path) -> None:
    sub = Submission.zeros("2019")
    del sub.doc["format_version"]
    del sub.doc["report"]["year"]
    for table in ("proactive_disclosure", "applications"):  # keys that tell the version apart
        sub.doc.pop(table)
    report = sub.write(tmp_path / "r.json")
    result = runner.invoke(app, ["validate", "-f", "json", "--no-config", str(report)])
    assert json.loads(result.stdout)["files"][0]["format_version"] == "2021"
    _write(tmp_path / "reportcheck.toml", 'format-version = "2019"\n')
    result = runner.invoke(app, ["validate", "-f", "json", str(report)])
    assert json.loads(result.stdout)["files"][0]["format_version"] == "2019"


# ---------------------------------------------------------------------- waivers


def test_waived_findings_do_not_fail_the_run(tmp_path: Path) -> None:
    sub = Submission.valid().add("applications", "granted", "natural_person", 1)
    sub.doc["waivers"] = [{"code": "rc300", "reason": "已在印刷版更正"}]
    report = sub.write(tmp_path / "r.json")
    result = runner.invoke(app, ["validate", "--no-config", "-f", "json", str(report)])
    assert result.exit_code == 0
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["code"], finding["waived"]) == ("RC300", "已在印刷版更正")
    result = runner.invoke(app, ["validate", "--no-config", str(report)])
    assert result.exit_code == 0
    assert "已豁免" in result.stdout


def test_waiver_with_a_location_waives_only_that_cell(tmp_path: Path) -> None:
    sub = Submission.valid().add("applications", "granted", "natural_person", 1)
    sub.add("review_litigation", "review", "upheld", 1)  # an RC304 elsewhere
    sub.doc["waivers"] = [
        {"code": "RC300", "reason": "ok", "location": "/applications/granted/natural_person"},
        {"code": "RC304", "reason": "ok", "location": "/review_litigation/litigation_direct/total"},
    ]
    report = sub.write(tmp_path / "r.json")
    result = runner.invoke(app, ["validate", "--no-config", "-f", "json", str(report)])
    found = {f["code"]: f["waived"] for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert found["RC300"] == "ok"
    assert found["RC304"] is None
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "waiver",
    [{"code": "RC300"}, {"code": "RC300", "reason": "  "}, "RC300", {"reason": "x"}],
)
def test_invalid_waiver_is_a_finding_and_waives_nothing(tmp_path: Path, waiver: object) -> None:
    sub = Submission.valid().add("applications", "granted", "natural_person", 1)
    sub.doc["waivers"] = [waiver]
    report = sub.write(tmp_path / "r.json")
    result = runner.invoke(app, ["validate", "--no-config", "-f", "json", str(report)])
    assert result.exit_code == 1
    found = json.loads(result.stdout)["files"][0]["findings"]
    assert sorted((f["code"], f["waived"]) for f in found) == [("RC002", None), ("RC300", None)]


def test_deadlines_reach_the_publication_rule(tmp_path: Path) -> None:
    sub = Submission.valid(year=2024, level="department")
    sub.doc["report"]["published"] = "2025-02-15"
    report = sub.write(tmp_path / "r.json")
    args = ["validate", "-f", "json", "--select", "RC6", str(report)]
    assert _codes(runner.invoke(app, args).stdout) == ["RC601"]  # default 01-31
    _write(tmp_path / "reportcheck.toml", 'deadlines = { department = "02-28" }\n')
    assert _codes(runner.invoke(app, args).stdout) == []
    _write(tmp_path / "reportcheck.toml", "deadlines = { department = false }\n")
    assert _codes(runner.invoke(app, args).stdout) == []
    _write(tmp_path / "reportcheck.toml", 'deadlines = { department = "02-01" }\n')
    assert _codes(runner.invoke(app, args).stdout) == ["RC601"]


# ------------------------------------------------------------------ ruff-style options (issue 12 B.9)


def _cfg_tree(tmp_path: Path, toml: str) -> Path:
    import shutil

    root = tmp_path / "office"
    (root / "乡镇").mkdir(parents=True)
    src = Path(__file__).parent.parent / "examples" / "invalid" / "RC301-row-total.xlsx"
    shutil.copy(src, root / "乡镇" / "a.xlsx")
    shutil.copy(src, root / "b.xlsx")
    (root / "reportcheck.toml").write_text(toml, encoding="utf-8")
    return root


def test_per_file_ignores_apply_to_matching_files_only(tmp_path: Path) -> None:
    from reportcheck.config import ConfigResolver

    root = _cfg_tree(tmp_path, '[per-file-ignores]\n"乡镇/*.xlsx" = ["RC3"]\n')
    resolver = ConfigResolver()
    assert not resolver.for_path(root / "乡镇" / "a.xlsx").enabled("RC301")
    assert resolver.for_path(root / "b.xlsx").enabled("RC301")


def test_extend_select_and_extend_ignore(tmp_path: Path) -> None:
    from reportcheck.config import load_config, with_overrides

    root = _cfg_tree(
        tmp_path, 'select = ["RC1"]\nextend-select = ["RC301"]\nextend-ignore = ["RC104"]\n'
    )
    s = load_config(root / "reportcheck.toml")
    assert s.enabled("RC101") and s.enabled("RC301") and not s.enabled("RC302")
    assert not s.enabled("RC104")
    # --select starts afresh but keeps extend-ignore (as ruff does)
    cli = with_overrides(s, select=["RC1"], extend_ignore=["RC105"])
    assert not cli.enabled("RC104") and not cli.enabled("RC105") and cli.enabled("RC101")


def test_bad_per_file_ignores_is_a_one_line_error(tmp_path: Path) -> None:
    root = _cfg_tree(tmp_path, 'per-file-ignores = ["RC301"]\n')
    result = runner.invoke(app, ["validate", str(root / "b.xlsx")])
    assert result.exit_code == 2
    assert "per-file-ignores" in result.output


def test_show_settings_prints_what_is_in_force(tmp_path: Path) -> None:
    import json

    root = _cfg_tree(
        tmp_path, 'extend-ignore = ["RC207"]\n[per-file-ignores]\n"乡镇/*" = ["RC301"]\n'
    )
    result = runner.invoke(app, ["validate", "--show-settings", str(root / "乡镇" / "a.xlsx")])
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert shown["extend-ignore"] == ["RC207", "RC301"]
    assert shown["source"].endswith("reportcheck.toml")
