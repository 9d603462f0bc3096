"""CI conventions (issue 12 B): colour variables, the pre-commit hook, concise lines, JUnit
names, the GitHub job summary, stdin."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import pty
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factories import Submission
from reportcheck import api, output

ROOT = Path(__file__).resolve().parents[1]
ESC = "\x1b["


@pytest.fixture
def bad_json(tmp_path: Path) -> Path:
    path = tmp_path / "bad.json"
    Submission.valid().add("applications", "granted", "natural_person", 1).write(path)
    return path


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "TERM")
    }
    env["TERM"] = "xterm-256color"
    env["COLUMNS"] = "100"
    return {**env, **extra}


def _cli(args: list[str], env: dict[str, str], tty: bool) -> str:
    """stdout of ``reportcheck validate``, written to a pseudo-terminal or to a pipe."""
    cmd = [sys.executable, "-m", "reportcheck", "validate", "--no-config", *args]
    if not tty:
        return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60).stdout
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, env=env, stdout=slave, stderr=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


# ---------------------------------------------------------------------- 5. colour


@pytest.mark.parametrize(
    ("flag", "to_file", "env", "expected"),
    [
        (False, False, {}, None),
        (False, False, {"NO_COLOR": "1"}, False),
        (False, False, {"NO_COLOR": ""}, None),  # no-color.org: set and not empty
        (False, False, {"FORCE_COLOR": "1"}, True),
        (False, False, {"FORCE_COLOR": "0"}, None),
        (False, False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (True, False, {"FORCE_COLOR": "1"}, False),
        (False, True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color_setting(flag: bool, to_file: bool, env: dict[str, str], expected: object) -> None:
    assert output.color_setting(flag, to_file, env) is expected


def test_a_terminal_is_coloured_unless_no_color(bad_json: Path) -> None:
    assert ESC in _cli([str(bad_json)], _env(), tty=True)
    plain = _cli([str(bad_json)], _env(NO_COLOR="1"), tty=True)
    assert "RC300" in plain and ESC not in plain


def test_force_color_colours_a_pipe(bad_json: Path) -> None:
    assert ESC not in _cli([str(bad_json)], _env(), tty=False)
    forced = _cli([str(bad_json)], _env(FORCE_COLOR="1"), tty=False)
    assert "RC300" in forced and ESC in forced
    assert ESC not in _cli([str(bad_json)], _env(FORCE_COLOR="1", NO_COLOR="1"), tty=False)


# ---------------------------------------------------------------------- 6. pre-commit


def test_the_pre_commit_hook_runs_serially() -> None:
    """(The end-to-end run with two years is in test_precommit.py, marked slow.)"""
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["require_serial"] is True


# ---------------------------------------------------------------------- 8. JUnit, job summary


def _results(tmp_path: Path, n: int) -> list[api.FileResult]:
    """``n`` results of a report with many findings (one file checked, its result copied)."""
    sub = Submission.valid("2021")
    for col in ("natural_person", "commercial", "research", "social_welfare", "other"):
        for row in ("granted", "partial", "carried_forward"):
            sub.add("applications", row, col, 1)
    one = api.validate_path(sub.write(tmp_path / "many.json"))
    assert len(one.findings) >= 10
    return [dataclasses.replace(one, path=str(tmp_path / f"{i:04d}.json")) for i in range(n)]


def test_junit_case_names_do_not_change_with_the_language(bad_json: Path) -> None:
    results = [api.validate_path(bad_json)]
    names = {}
    for lang in ("zh", "en"):
        root = ET.fromstring(output.render(results, "junit", lang))
        names[lang] = [c.get("name") for c in root.iter("testcase")]
    assert names["zh"] == names["en"]
    assert "RC3 arithmetic" in names["zh"]
    zh = ET.fromstring(output.render(results, "junit", "zh"))
    assert "个问题" in (zh.find(".//failure").get("message") or "")  # messages still follow


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_is_cut_to_a_size_with_a_note(tmp_path: Path, lang: str) -> None:
    from reportcheck.render import markdown

    results = _results(tmp_path, 40)
    full = markdown.render(results, lang)
    limit = len(full.encode()) // 3
    cut = markdown.render(results, lang, max_bytes=limit)
    assert len(cut.encode()) <= limit
    kept = sum(1 for line in cut.splitlines() if line.startswith("| `RC"))
    total = sum(len(r.findings) for r in results)
    note = cut.rstrip().splitlines()[-1]
    said = re.search(
        r"省略了 (\d+) 条问题（涉及 (\d+) 个文件）"
        if lang == "zh"
        else r"(\d+) findings \((\d+) files\)",
        note,
    )
    assert said, note
    assert int(said.group(1)) == total - kept
    per_file = len(results[0].findings)
    assert -(-(total - kept) // per_file) <= int(said.group(2)) <= len(results)
    assert markdown.render(results, lang, max_bytes=len(full.encode()) + 10_000) == full


def test_the_job_summary_stays_under_1_mib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = _results(tmp_path, 1500)
    summary = tmp_path / "step_summary.md"
    summary.write_text("# an earlier step\n" + "x" * 100_000 + "\n", encoding="utf-8")
    output.append_step_summary(results, "zh", str(summary))
    size = summary.stat().st_size
    assert 1_000_000 < size <= output.STEP_SUMMARY_LIMIT
    text = summary.read_text("utf-8")
    assert text.startswith("# an earlier step") and "已截断" in text
    small = tmp_path / "small.md"
    output.append_step_summary(results[:2], "zh", str(small))
    assert "已截断" not in small.read_text("utf-8")


# ---------------------------------------------------------------------- 7. SARIF for code scanning


def _examples() -> list[api.FileResult]:
    return [
        api.validate_path(p)
        for p in sorted((ROOT / "examples" / "invalid").iterdir())
        if p.name.startswith("RC")
    ]


def test_sarif_is_what_code_scanning_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    import jsonschema

    from test_render_sarif import SCHEMA_PATH, _errors

    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )

    monkeypatch.chdir(ROOT / "examples")
    results = _examples()
    doc = json.loads(
        output.render(results, "sarif", "zh", project_root=ROOT, docs_url="https://x.test/r.md")
    )
    assert _errors(validator, doc) == []  # still valid SARIF 2.1.0
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["informationUri"] == "https://x.test/r.md"
    anchors = set(
        re.findall(r"^### (RC\d+) (\S+)$", (ROOT / "docs/rules.md").read_text("utf-8"), re.M)
    )
    assert len(anchors) == len(driver["rules"])
    for rule in driver["rules"]:
        assert rule["helpUri"] == f"https://x.test/r.md#{rule['id'].lower()}-{rule['name']}"
        assert (rule["id"], rule["name"]) in anchors  # the section exists in docs/rules.md
    assert run["originalUriBaseIds"] == {"PROJECTROOT": {"uri": ROOT.resolve().as_uri() + "/"}}
    for res in run["results"]:
        physical = res["locations"][0]["physicalLocation"]
        assert physical["region"]["startLine"] >= 1  # a region on every result
        art = physical["artifactLocation"]
        assert art["uriBaseId"] == "PROJECTROOT" and art["uri"].startswith("examples/invalid/")
        logical = res["locations"][0].get("logicalLocations")
        if art["uri"].endswith(".xlsx") and logical:
            assert logical[0]["fullyQualifiedName"] in res["message"]["text"]


def test_sarif_project_root_defaults_to_the_git_root(tmp_path: Path, bad_json: Path) -> None:
    import json

    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "reports").mkdir()
    target = repo / "reports" / "年报.json"
    target.write_bytes(bad_json.read_bytes())
    env = _env()
    cmd = [sys.executable, "-m", "reportcheck", "validate", "--no-config", "-f", "sarif"]
    out = subprocess.run([*cmd, "年报.json"], cwd=repo / "reports", env=env,
                         capture_output=True, text=True, timeout=60).stdout  # fmt: skip
    run = json.loads(out)["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "reports/%E5%B9%B4%E6%8A%A5.json"
    assert run["originalUriBaseIds"]["PROJECTROOT"]["uri"] == repo.resolve().as_uri() + "/"
    out = subprocess.run([*cmd, "--project-root", ".", "年报.json"], cwd=repo / "reports",
                         env=env, capture_output=True, text=True, timeout=60).stdout  # fmt: skip
    run = json.loads(out)["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E5%B9%B4%E6%8A%A5.json"
    rules = run["tool"]["driver"]["rules"]
    assert all(r["helpUri"].endswith(f"docs/rules.md#{r['id'].lower()}-{r['name']}") for r in rules)


# ---------------------------------------------------------------------- 8. GitLab Code Quality

# The fields GitLab documents for a Code Quality report (docs.gitlab.com/ci/testing/code_quality):
# description, check_name, fingerprint, severity, location.path, location.lines.begin.
_GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def _check_gitlab(issues: object) -> None:
    assert isinstance(issues, list)
    for i in issues:
        assert isinstance(i["description"], str) and i["description"]
        assert isinstance(i["check_name"], str) and i["check_name"]
        assert re.fullmatch(r"[0-9a-f]{32}", i["fingerprint"])
        assert i["severity"] in _GITLAB_SEVERITIES
        path = i["location"]["path"]
        assert not path.startswith(("/", "./")) and "\\" not in path
        assert isinstance(i["location"]["lines"]["begin"], int)
        assert i["location"]["lines"]["begin"] >= 1
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # GitLab keeps one issue per fingerprint


def test_gitlab_code_quality_report() -> None:
    import json

    results = _examples()
    zh = json.loads(output.render(results, "gitlab", "zh", project_root=ROOT))
    en = json.loads(output.render(results, "gitlab", "en", project_root=ROOT))
    _check_gitlab(zh)
    assert len(zh) == sum(1 for r in results for f in r.findings if not f.waived)
    # fingerprints do not change with the language, the description does
    assert [i["fingerprint"] for i in zh] == [i["fingerprint"] for i in en]
    assert zh[0]["description"] != en[0]["description"]
    by_code = {i["check_name"]: i for i in zh}
    assert by_code["RC300"]["severity"] == "major"
    assert by_code["RC300"]["location"]["path"] == "examples/invalid/RC300-culprit.xlsx"
    assert "表三!D7" in by_code["RC300"]["description"]
    assert by_code["RC203"]["location"]["lines"]["begin"] > 1  # a JSON value's line


def test_gitlab_fingerprints_survive_a_changed_value(tmp_path: Path) -> None:
    """The same defect in the same place keeps its fingerprint when the figures change, so
    the widget does not show it as fixed and new again."""
    import json

    fingerprints = []
    for delta in (1, 5):
        sub = Submission.valid().add("applications", "granted", "natural_person", delta)
        result = api.validate_path(sub.write(tmp_path / "r.json"))
        issues = json.loads(output.render([result], "gitlab", project_root=tmp_path))
        _check_gitlab(issues)
        fingerprints.append({i["fingerprint"] for i in issues})
    assert fingerprints[0] == fingerprints[1]


def test_gitlab_names_an_unreadable_file(tmp_path: Path) -> None:
    import json

    broken = tmp_path / "坏.json"
    broken.write_text("{", encoding="utf-8")
    issues = json.loads(output.render([api.validate_path(broken)], "gitlab", project_root=tmp_path))
    _check_gitlab(issues)
    assert [i["severity"] for i in issues] == ["blocker"] and issues[0]["location"][
        "path"
    ] == "坏.json"


# ---------------------------------------------------------------------- 10. stdin


def _stdin_bytes(args: list[str], data: bytes, cwd: Path) -> tuple[int, str, str]:
    cmd = [sys.executable, "-m", "reportcheck", "validate", *args]
    done = subprocess.run(cmd, input=data, cwd=cwd, env=_env(), capture_output=True, timeout=60)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


@pytest.mark.parametrize(
    "example", ["invalid/RC203-fraction.json", "invalid/RC300-culprit.xlsx", "2021-valid.txt"]
)
def test_stdin_is_read_by_content(tmp_path: Path, example: str) -> None:
    path = ROOT / "examples" / example
    code, out, err = _stdin_bytes(
        ["--no-config", "-", "--stdin-filename", "年报", "-f", "concise"],
        path.read_bytes(),
        tmp_path,
    )
    direct = subprocess.run(
        [sys.executable, "-m", "reportcheck", "validate", "--no-config", str(path), "-f", "concise"],
        capture_output=True, text=True, env=_env(), timeout=60,
    )  # fmt: skip
    assert code == direct.returncode, err
    # the same findings, under the name given (no suffix: the kind comes from the content)
    assert out.replace("年报:", "F:") == direct.stdout.replace(f"{path}:", "F:")


def test_stdin_name_defaults_to_dash_and_takes_the_configuration(tmp_path: Path) -> None:
    data = (ROOT / "examples" / "invalid" / "RC203-fraction.json").read_bytes()
    code, out, _ = _stdin_bytes(["-", "-f", "concise"], data, tmp_path)
    assert code == 1 and out.startswith("-:25:")
    sub = tmp_path / "office"
    sub.mkdir()
    (sub / "reportcheck.toml").write_text('ignore = ["RC203"]\n', encoding="utf-8")
    code, out, _ = _stdin_bytes(["-", "--stdin-filename", "office/r.json"], data, tmp_path)
    assert code == 0, out  # office/reportcheck.toml applies to the name given


def test_stdin_errors_are_one_line(tmp_path: Path) -> None:
    code, out, err = _stdin_bytes(["--no-config", "-"], b"", tmp_path)
    assert code == 2 and "-: 无法检查: 文件为空" in out and "Traceback" not in err
    code, _, err = _stdin_bytes(["--no-config", "x.json", "--stdin-filename", "y"], b"", tmp_path)
    assert code == 2 and "--stdin-filename" in err and "Traceback" not in err
    code, _, err = _stdin_bytes(["--no-config", "-", "-"], b"{}", tmp_path)
    assert code == 2 and "Traceback" not in err


# ---------------------------------------------------------------------- 9. baseline, config


def _validate(args: list[str], cwd: Path) -> tuple[int, str, str]:
    cmd = [sys.executable, "-m", "reportcheck", "validate", "--no-config", *args]
    done = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout, done.stderr


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    last = Submission.valid().add("applications", "granted", "natural_person", 1)
    last.write(reports / "a.json")
    Submission.valid().write(reports / "b.json")
    code, out, _ = _validate(["reports", "--write-baseline", "known.json"], tmp_path)
    assert code == 0 and "known.json: 已记录 1 条问题" in out
    doc = __import__("json").loads((tmp_path / "known.json").read_text("utf-8"))
    assert doc["findings"] == [
        {"file": "reports/a.json", "code": "RC300", "count": 1,
         "place": "applications/granted/natural_person"}
    ]  # fmt: skip
    # the same defect with other figures, in English: still known (code, file, place)
    last.add("applications", "granted", "natural_person", 4).write(reports / "a.json")
    code, out, err = _validate(["reports", "--baseline", "known.json", "--lang", "en"], tmp_path)
    assert code == 0, out
    assert "RC300" not in out and "1 findings recorded in the baseline known.json" in err
    # a new defect in another place is reported
    Submission.valid().add("applications", "partial", "commercial", 1).write(reports / "b.json")
    code, out, _ = _validate(["reports", "--baseline", "known.json", "-f", "concise"], tmp_path)
    assert code == 1
    assert [line.split(": ")[0].split(":")[0] for line in out.splitlines()[:-1]] == [
        "reports/b.json"
    ]


def test_a_baseline_in_a_walked_folder_is_not_a_report(tmp_path: Path) -> None:
    Submission.valid().add("applications", "granted", "natural_person", 1).write(
        tmp_path / "a.json"
    )
    assert _validate([".", "--write-baseline", "known.json"], tmp_path)[0] == 0
    code, out, _ = _validate([".", "--baseline", "known.json"], tmp_path)
    assert code == 0 and "共 1 个文件" in out


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (None, "基线文件不存在"),
        ("{", "JSON"),
        ('{"findings": []}', "not a reportcheck baseline"),
        ('{"format": "reportcheck-baseline/1", "findings": [{"file": 1}]}', "bad baseline entry"),
    ],
)
def test_a_bad_baseline_is_a_one_line_error(tmp_path: Path, text: str | None, says: str) -> None:
    Submission.valid().write(tmp_path / "a.json")
    if text is not None:
        (tmp_path / "known.json").write_text(text, encoding="utf-8")
    code, _, err = _validate(["a.json", "--baseline", "known.json"], tmp_path)
    assert code == 2 and says in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_no_config_with_config_is_an_error(tmp_path: Path) -> None:
    Submission.valid().write(tmp_path / "a.json")
    (tmp_path / "c.toml").write_text("", encoding="utf-8")
    code, _, err = _validate(["a.json", "--config", "c.toml"], tmp_path)
    assert code == 2 and "--no-config" in err and "--config" in err
    code, _, err = _validate(["a.json", "--baseline", "k", "--write-baseline", "k"], tmp_path)
    assert code == 2


def test_github_output_and_job_summary_stream_in_one_pass(tmp_path: Path) -> None:
    """--format github writes what render() and append_step_summary() give for the whole
    list, from a one-shot iterator (the batch streams; nothing holds every result)."""
    from reportcheck.render import github
    from reportcheck.render.common import counts

    results = _results(tmp_path, 1500)
    for n in (1500, 2):  # the summary cut to 1 MiB, and whole
        wanted = tmp_path / f"wanted-{n}.md"
        got = tmp_path / f"got-{n}.md"
        for f in (wanted, got):
            f.write_text("# an earlier step\n", encoding="utf-8")
        output.append_step_summary(results[:n], "zh", str(wanted))
        buf = io.StringIO()
        one_shot = iter(results[:n])
        output.stream(one_shot, "github", buf, "zh", counts(results[:n]), step_summary=str(got))
        assert next(one_shot, None) is None
        assert buf.getvalue() == github.render(results[:n], "zh")
        assert got.read_text("utf-8") == wanted.read_text("utf-8")


def test_markdown_and_gitlab_outputs_stream(tmp_path: Path) -> None:
    from reportcheck.render import gitlab, markdown
    from reportcheck.render.common import counts

    results = [*_results(tmp_path, 3), *_examples()]
    for fmt, render in (
        ("markdown", lambda rs, lang: markdown.render(rs, lang)),
        ("gitlab", lambda rs, lang: gitlab.render(rs, lang, ROOT)),
    ):
        for lang in ("zh", "en"):
            for some in (results, results[:1], []):
                buf = io.StringIO()
                output.stream(iter(some), fmt, buf, lang, counts(some), project_root=ROOT)
                assert buf.getvalue() == render(some, lang), (fmt, lang, len(some))
    assert json.loads(gitlab.render([], "zh")) == []


RUN = (sys.executable, "-m", "reportcheck", "validate")


@pytest.mark.parametrize(
    ("fmt", "lang", "snapshot"),
    [
        ("github", "zh", "github-examples-zh.txt"),
        ("markdown", "en", "markdown-examples-en.txt"),
        ("gitlab", "zh", "gitlab-examples-zh.txt"),
    ],
)
def test_streamed_outputs_match_their_snapshots(fmt: str, lang: str, snapshot: str) -> None:
    """The outputs written as the results come are those made from the whole list before
    (tests/snapshots, recorded from that implementation)."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS")
    }
    args = ["examples/invalid", "examples", "--format", fmt, "--lang", lang, "--project-root", "."]
    done = subprocess.run(
        [*RUN, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    wanted = (ROOT / "tests" / "snapshots" / snapshot).read_text("utf-8")
    assert done.stdout == wanted
